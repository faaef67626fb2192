/** One pending poll at a time; it does not keep the process alive. */
export class PollTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ms: number) {}

  /** Runs `poll` after the period, in place of any pending one. */
  schedule(poll: () => void): void {
    this.clear();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      poll();
    }, this.ms);
    this.timer.unref?.();
  }

  clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
