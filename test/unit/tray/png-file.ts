import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  /** Straight RGBA, 8 bits a channel. */
  rgba: Buffer;
}

const SIGNATURE = '89504e470d0a1a0a';

/** Width and height from the IHDR chunk. */
export function pngSize(file: Buffer): { width: number; height: number } {
  if (file.subarray(0, 8).toString('hex') !== SIGNATURE) throw new Error('not a PNG file');
  if (file.toString('latin1', 12, 16) !== 'IHDR') throw new Error('IHDR is not the first chunk');
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20) };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes an 8-bit RGBA, non-interlaced PNG (what the icon script writes). */
export function decodePng(file: Buffer): DecodedPng {
  const { width, height } = pngSize(file);
  if (file[24] !== 8 || file[25] !== 6 || file[28] !== 0) {
    throw new Error('only 8-bit RGBA non-interlaced PNG files are decoded here');
  }
  const idat: Buffer[] = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    if (file.toString('latin1', at + 4, at + 8) === 'IDAT') {
      idat.push(file.subarray(at + 8, at + 8 + length));
    }
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? rgba[y * stride + x - 4]! : 0;
      const b = y > 0 ? rgba[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4]! : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter ?? -1];
      if (predictor === undefined) throw new Error(`bad PNG filter ${filter}`);
      rgba[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

export interface IcoEntry {
  width: number;
  height: number;
  bitsPerPixel: number;
}

/** The image sizes listed in an .ico directory (0 in the file means 256). */
export function icoEntries(file: Buffer): IcoEntry[] {
  if (file.readUInt16LE(0) !== 0 || file.readUInt16LE(2) !== 1) throw new Error('not an ICO file');
  const count = file.readUInt16LE(4);
  const entries: IcoEntry[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 16;
    const size = file.readUInt32LE(at + 8);
    const offset = file.readUInt32LE(at + 12);
    if (offset + size > file.length) throw new Error('ICO entry runs past the end of the file');
    entries.push({
      width: file[at] || 256,
      height: file[at + 1] || 256,
      bitsPerPixel: file.readUInt16LE(at + 6),
    });
  }
  return entries;
}

/** The entries of an .icns file: type and data. */
export function icnsEntries(file: Buffer): { type: string; data: Buffer }[] {
  if (file.toString('latin1', 0, 4) !== 'icns') throw new Error('not an ICNS file');
  if (file.readUInt32BE(4) !== file.length) throw new Error('ICNS length does not match the file');
  const entries: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at + 4);
    entries.push({
      type: file.toString('latin1', at, at + 4),
      data: file.subarray(at + 8, at + length),
    });
    at += length;
  }
  return entries;
}
