import { describe, expect, it } from 'vitest';
import { readErrorBody } from '../../../main/rest/error-body';

describe('reading an error answer', () => {
  it('takes a string detail as it is', () => {
    expect(readErrorBody({ detail: 'Trading is stopped' }, '', 409, '')).toEqual({
      detail: 'Trading is stopped',
      issues: [],
    });
  });

  it('summarises a long 422 list to three entries', () => {
    const issue = (field: string) => ({ loc: ['query', field], msg: 'bad', type: 'x' });
    const body = { detail: ['a', 'b', 'c', 'd'].map(issue) };
    expect(readErrorBody(body, '', 422, '').detail).toBe('a: bad; b: bad; c: bad (and 1 more)');
  });

  it('falls back to the text, then the status text, for answers without a detail', () => {
    expect(readErrorBody(undefined, 'upstream timed out', 504, '').detail).toBe(
      'upstream timed out',
    );
    expect(readErrorBody(undefined, '<html>…</html>', 502, '').detail).toBe('Bad Gateway');
    expect(readErrorBody({ detail: { code: 7 } }, '', 500, '').detail).toBe('{"code":7}');
  });

  describe('with a key near the 300th character', () => {
    const KEY = '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427';

    it('leaves no part of a key in a long text body', () => {
      const { detail } = readErrorBody(undefined, `${'x'.repeat(280)}${KEY}`, 500, '');
      expect(detail).not.toContain(KEY.slice(0, 8));
      expect(detail.startsWith('x'.repeat(280))).toBe(true);
    });

    it('leaves no part of a key in a long object detail', () => {
      const body = { detail: { pad: 'z'.repeat(270), key: KEY } };
      const { detail } = readErrorBody(body, JSON.stringify(body), 500, '');
      expect(detail).not.toContain(KEY.slice(0, 8));
      expect(detail).toContain('z'.repeat(270));
    });

    it('leaves no part of an api_key= value cut at the limit', () => {
      const secret = 'S3cr3tV4lue'.repeat(4);
      const { detail } = readErrorBody(undefined, `${'x'.repeat(290)} api_key=${secret}`, 500, '');
      expect(detail).not.toContain(secret.slice(0, 4));
    });
  });
});
