import type { TradingView } from '../../common/ipc/trading';
import { utcDay } from '../../common/rest/numbers';
import type { Pnl } from '../../common/rest/pnl';
import type { PositionsSummary } from '../../common/rest/positions-summary';
import type { RestClient } from '../rest';

/**
 * Today's P&L and positions: when they are due (after an action, `refreshMs` after the
 * last read, once the UTC day has turned, and when the clock was set back past the last
 * read) and the read itself.
 */
export class PnlReader {
  private readAt: number | null = null;
  private day: string | null = null;
  private wanted = true;

  constructor(
    private readonly client: Pick<RestClient, 'pnl' | 'positionsSummary'>,
    private readonly refreshMs: number,
  ) {}

  /** Makes the next check due (stops and cancels move P&L and positions). */
  want(): void {
    this.wanted = true;
  }

  isDue(now: number): boolean {
    return (
      this.wanted ||
      this.readAt === null ||
      now - this.readAt >= this.refreshMs ||
      // The clock was set back: the last read's age is unknown, so it is not fresh.
      now < this.readAt ||
      utcDay(now) !== this.day
    );
  }

  /** Records a read of `day`'s figures made elsewhere (a snapshot carries them). */
  noteRead(day: string, at: number): void {
    this.wanted = false;
    this.readAt = at;
    this.day = day;
  }

  /** Reads `day`'s P&L and positions; never rejects. Null when nothing is to change. */
  async read(day: string, startedAt: number): Promise<Partial<TradingView> | null> {
    const range = { from: day, to: day };
    const [pnl, positions] = await Promise.all([
      this.client.pnl(range).catch((): Pnl | null => null),
      // Optional: the dashboard shows it when the server serves it.
      this.client.positionsSummary(range).catch((): PositionsSummary | null => null),
    ]);
    if (pnl === null) {
      // Yesterday's figures are not today's: once the day has turned, show none.
      return this.day !== null && this.day !== day ? { pnl: null, positions: null } : null;
    }
    this.noteRead(day, startedAt);
    return { pnl, positions, pnlReadAt: startedAt };
  }
}
