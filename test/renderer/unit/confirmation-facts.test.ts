import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConfirmationFacts } from '../../../common/ipc/trading';
import {
  estimatedFacts,
  FACTS_WAIT_MS,
  freshFacts,
} from '../../../renderer/src/views/trading/confirmation-facts';

const fresh: ConfirmationFacts = { openOrders: 9, exact: true, statusKnown: true };
const own = estimatedFacts(2, true);

describe('freshFacts', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers main’s count', async () => {
    await expect(freshFacts(async () => fresh, own)).resolves.toEqual(fresh);
  });

  it('answers the dashboard’s own facts, never exact, when main fails', async () => {
    await expect(freshFacts(() => Promise.reject(new Error('no answer')), own)).resolves.toEqual({
      openOrders: 2,
      exact: false,
      statusKnown: true,
    });
    const thrown = () => {
      throw new Error('bridge gone');
    };
    await expect(freshFacts(thrown, own)).resolves.toEqual(own);
  });

  it('does not hold the kill switch when main never answers', async () => {
    vi.useFakeTimers();
    let answered: ConfirmationFacts | null = null;
    void freshFacts(() => new Promise<never>(() => {}), own).then((facts) => {
      answered = facts;
    });
    await vi.advanceTimersByTimeAsync(FACTS_WAIT_MS - 1);
    expect(answered).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(answered).toEqual(own);
  });
});
