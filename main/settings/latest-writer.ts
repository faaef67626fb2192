import { writeFileAtomic } from './atomic-write';

/**
 * Writes one file, one write at a time. Texts handed in while a write is running are
 * coalesced: only the latest is written next. Each `write` resolves once a write that
 * includes its text (or a later one) is on disk, or rejects if that write failed.
 */
export class LatestValueWriter {
  private pending: string | undefined;
  private lastWrite: Promise<void> = Promise.resolve();
  private tail: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly writeFile: (path: string, text: string) => Promise<void> = writeFileAtomic,
  ) {}

  write(text: string): Promise<void> {
    this.pending = text;
    const turn = this.tail.then(() => {
      if (this.pending !== undefined) {
        const next = this.pending;
        this.pending = undefined;
        this.lastWrite = this.writeFile(this.path, next);
      }
      return this.lastWrite;
    });
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /** Resolves when every write asked for so far has finished (failed ones included). */
  idle(): Promise<void> {
    return this.tail;
  }
}
