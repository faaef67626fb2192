/**
 * Server-to-client WebSocket text frames (RFC 6455: FIN + opcode 1, unmasked) built ahead
 * of time, so the load server's flood costs one socket write per chunk, not per frame.
 */
export function textFrame(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const length = payload.length;
  let header: Buffer;
  if (length < 126) {
    header = Buffer.from([0x81, length]);
  } else if (length < 65_536) {
    header = Buffer.alloc(4);
    header[0] = 0x81;
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = 0x81;
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

/** The frames, encoded and packed into buffers of about `chunkBytes`, whole frames only. */
export function packFrames(texts: readonly string[], chunkBytes: number): Buffer[] {
  const chunks: Buffer[] = [];
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for (const text of texts) {
    const frame = textFrame(text);
    pending.push(frame);
    pendingBytes += frame.length;
    if (pendingBytes >= chunkBytes) {
      chunks.push(Buffer.concat(pending, pendingBytes));
      pending = [];
      pendingBytes = 0;
    }
  }
  if (pending.length > 0) chunks.push(Buffer.concat(pending, pendingBytes));
  return chunks;
}
