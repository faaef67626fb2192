import { describe, expect, it } from 'vitest';
import { unresolvedOrdersError } from '../../../main/app/feed-controller';

describe('unresolvedOrdersError', () => {
  it('names the orders whose final state is unknown, for the log and the error list', () => {
    expect(unresolvedOrdersError(['42'], 5)).toEqual({
      source: 'server',
      at: 5,
      message:
        '1 order shown as open (42) no longer open on the server and not found in its order ' +
        'list: final state unknown, check them on the exchange',
    });
  });

  it('lists at most ten ids', () => {
    const ids = Array.from({ length: 12 }, (_, i) => String(i + 1));
    expect(unresolvedOrdersError(ids, 0).message).toContain(
      '12 orders shown as open (1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more)',
    );
  });
});
