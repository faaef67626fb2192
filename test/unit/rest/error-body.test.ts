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
});
