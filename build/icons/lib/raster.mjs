/**
 * Small raster operations on premultiplied RGBA images with channels in 0..1:
 * { width, height, data: Float64Array }. Plain arithmetic, so results are the same everywhere.
 */

export function blank(width, height) {
  return { width, height, data: new Float64Array(width * height * 4) };
}

/** From resvg's output (premultiplied 8-bit RGBA). */
export function fromPremultiplied8(width, height, pixels) {
  const image = blank(width, height);
  for (let i = 0; i < image.data.length; i++) image.data[i] = pixels[i] / 255;
  return image;
}

/** Straight-alpha 8-bit RGBA, as PNG and ICO want it. */
export function toStraight8(image) {
  const out = Buffer.alloc(image.data.length);
  const d = image.data;
  for (let i = 0; i < d.length; i += 4) {
    const a = d[i + 3];
    out[i + 3] = Math.round(a * 255);
    if (out[i + 3] === 0) continue;
    for (let c = 0; c < 3; c++) out[i + c] = Math.round(Math.min(1, d[i + c] / a) * 255);
  }
  return out;
}

/**
 * A macOS template image: black with alpha only. Dark ink stays opaque, white detail
 * becomes a hole, anything between becomes partly transparent.
 */
export function toTemplate(image) {
  const out = blank(image.width, image.height);
  const d = image.data;
  for (let i = 0; i < d.length; i += 4) {
    const a = d[i + 3];
    if (a === 0) continue;
    const luminance = (0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2]) / a;
    out.data[i + 3] = a * Math.max(0, 1 - luminance);
  }
  return out;
}

/** `top` drawn over `bottom` (same size). */
export function over(top, bottom) {
  const out = blank(top.width, top.height);
  for (let i = 0; i < out.data.length; i += 4) {
    const keep = 1 - top.data[i + 3];
    for (let c = 0; c < 4; c++) out.data[i + c] = top.data[i + c] + bottom.data[i + c] * keep;
  }
  return out;
}

/** For each pixel, the highest alpha within `radius` pixels (a round brush). */
export function dilateAlpha(image, radius) {
  const { width, height, data } = image;
  const out = new Float64Array(width * height);
  const r = Math.ceil(radius);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let max = 0;
      for (let dy = -r; dy <= r; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -r; dx <= r; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width || dx * dx + dy * dy > radius * radius) continue;
          const a = data[(yy * width + xx) * 4 + 3];
          if (a > max) max = a;
        }
      }
      out[y * width + x] = max;
    }
  }
  return out;
}

/** `image` with everything near `mask`'s shape cleared, leaving a gap of `radius` pixels. */
export function knockOut(image, mask, radius) {
  const cut = dilateAlpha(mask, radius);
  const out = blank(image.width, image.height);
  for (let i = 0; i < cut.length; i++) {
    for (let c = 0; c < 4; c++) out.data[i * 4 + c] = image.data[i * 4 + c] * (1 - cut[i]);
  }
  return out;
}

/** `image` centred on a transparent canvas `margin` pixels larger on each side. */
export function pad(image, margin) {
  const out = blank(image.width + 2 * margin, image.height + 2 * margin);
  for (let y = 0; y < image.height; y++) {
    const from = y * image.width * 4;
    out.data.set(
      image.data.subarray(from, from + image.width * 4),
      ((y + margin) * out.width + margin) * 4,
    );
  }
  return out;
}

/** `image` over an outline of its own shape, `radius` pixels wide, in [r, g, b, a] (0..1). */
export function outline(image, radius, [r, g, b, a]) {
  const halo = dilateAlpha(image, radius);
  const under = blank(image.width, image.height);
  for (let i = 0; i < halo.length; i++) {
    const alpha = halo[i] * a;
    under.data[i * 4] = r * alpha;
    under.data[i * 4 + 1] = g * alpha;
    under.data[i * 4 + 2] = b * alpha;
    under.data[i * 4 + 3] = alpha;
  }
  return over(image, under);
}
