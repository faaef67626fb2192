/** A trading-status read as it started (StatusReadOrder.begin). */
export interface StatusRead {
  /** The action epoch the read began in; null when an action was under way. */
  readonly epoch: number | null;
  /** Reads are numbered as they start. */
  readonly no: number;
}

/**
 * Decides whether a trading-status answer may be shown, so an older answer never
 * overwrites a newer one: a read that began while an action ran, or before the latest
 * action ended, may predate it; a read that began before one already applied is older
 * than what is shown.
 */
export class StatusReadOrder {
  /** Bumped when an action starts and when it ends. */
  private actionEpoch = 0;
  private actionsRunning = 0;
  private readsStarted = 0;
  private newestReadApplied = 0;

  begin(): StatusRead {
    const epoch = this.actionsRunning > 0 ? null : this.actionEpoch;
    return { epoch, no: ++this.readsStarted };
  }

  actionStarted(): void {
    this.actionsRunning += 1;
    this.actionEpoch += 1;
  }

  actionEnded(): void {
    this.actionsRunning -= 1;
    this.actionEpoch += 1;
  }

  /** Whether `read`'s answer may be applied; if so, it is the newest applied from now on. */
  mayApply(read: StatusRead): boolean {
    if (read.epoch === null || read.epoch !== this.actionEpoch) return false;
    if (read.no < this.newestReadApplied) return false;
    this.newestReadApplied = read.no;
    return true;
  }
}
