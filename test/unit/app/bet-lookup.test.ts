import { describe, expect, it, vi } from 'vitest';
import { lookUpGapBets } from '../../../main/app/bet-lookup';
import type { BetRecord } from '../../../main/store/records';

const TODAY = '2026-02-15';
/** The gap began at 22:00 the day before. */
const GAP_FROM = Date.UTC(2026, 1, 14, 22, 0);
const iso = (t: number) => new Date(t).toISOString();

/** Hedge `n`, placed n seconds into the gap. */
const bet = (n: number): BetRecord => ({
  betId: `b${n}`,
  orderId: String(n),
  betStatus: 'placed',
  placedAt: iso(GAP_FROM + n * 1000),
});

/** GET /bets over `all`, paged. */
function server(all: BetRecord[]) {
  return {
    bets: vi.fn(async (query: { page?: number; pageSize?: number } = {}) => {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 50;
      return {
        items: all
          .slice((page - 1) * pageSize, page * pageSize)
          .map((record) => ({ payload: record, record })),
        total: all.length,
        page,
        pageSize,
        totalPages: Math.ceil(all.length / pageSize),
      };
    }),
  };
}

/** 5,000 hedges placed in the gap before midnight: three pages. */
const GAP_BETS = Array.from({ length: 5_000 }, (_, i) => bet(i + 1));

describe('lookUpGapBets', () => {
  it('reads yesterday’s pages to the last, complete', async () => {
    const client = server(GAP_BETS);
    const found = await lookUpGapBets(client, TODAY, GAP_FROM);
    expect(client.bets).toHaveBeenCalledTimes(3);
    expect(client.bets).toHaveBeenCalledWith(
      expect.objectContaining({ from: '2026-02-14', to: '2026-02-14' }),
    );
    expect(found).toMatchObject({ complete: true });
    expect(found.bets).toHaveLength(5_000);
  });

  it('keeps the hedges it read but is not complete when its page limit stops it', async () => {
    const client = server(GAP_BETS);
    const found = await lookUpGapBets(client, TODAY, GAP_FROM, 2);
    expect(client.bets).toHaveBeenCalledTimes(2);
    expect(found).toMatchObject({ complete: false, capped: true });
    expect(found.bets).toHaveLength(4_000);
  });

  it('keeps the hedges read before a page failed, not complete', async () => {
    const client = server(GAP_BETS);
    const answer = client.bets.getMockImplementation();
    client.bets.mockImplementation(async (query = {}) => {
      if (query.page === 2) throw new Error('no answer from the server within 10 s');
      return (answer as NonNullable<typeof answer>)(query);
    });
    const found = await lookUpGapBets(client, TODAY, GAP_FROM);
    expect(found).toMatchObject({ complete: false, capped: false });
    expect(found.bets).toHaveLength(2_000);
  });

  it('reads nothing for a gap that began today', async () => {
    const client = server(GAP_BETS);
    expect(await lookUpGapBets(client, TODAY, Date.UTC(2026, 1, 15, 1, 0))).toEqual({
      bets: [],
      complete: true,
      capped: false,
    });
    expect(client.bets).not.toHaveBeenCalled();
  });
});
