import { describe, expect, it } from 'vitest';
import { decodePathSegment } from '../../../main/simulator/http-router';

describe('decodePathSegment', () => {
  it.each(['42', 'caf%C3%A9', '%E4%B8%AD%E6%96%87', 'a%20b', 'plain-text'])(
    'decodes %s as decodeURIComponent does',
    (segment) => {
      expect(decodePathSegment(segment)).toBe(decodeURIComponent(segment));
    },
  );

  it('turns escapes that are not UTF-8 into U+FFFD instead of throwing', () => {
    expect(() => decodeURIComponent('%E0%A4%A')).toThrow(URIError);
    expect(decodePathSegment('%E0%A4%A')).toBe('\uFFFD%A');
    expect(decodePathSegment('%FF7')).toBe('\uFFFD7');
  });

  it('leaves a % that starts no escape as it is', () => {
    expect(decodePathSegment('%')).toBe('%');
    expect(decodePathSegment('%ZZ%')).toBe('%ZZ%');
    expect(decodePathSegment('50%off')).toBe('50%off');
  });
});
