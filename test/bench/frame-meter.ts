/**
 * Counts broadcasts and times the ones after the warm-up: wall clock and the process's own
 * CPU time (user + system, every thread).
 */
export class FrameMeter {
  private seen = 0;
  private startedAt = 0;
  private cpuAtStart: NodeJS.CpuUsage = { user: 0, system: 0 };

  constructor(
    private readonly total: number,
    private readonly warmup: number,
    private readonly onDone: (framesPerSec: number, cpuUsPerFrame: number, frames: number) => void,
  ) {}

  /** Call once per broadcast, after the client is done with it. */
  count(): void {
    this.seen++;
    if (this.seen === this.warmup) {
      this.startedAt = performance.now();
      this.cpuAtStart = process.cpuUsage();
    } else if (this.seen === this.total) {
      const elapsedMs = performance.now() - this.startedAt;
      const cpu = process.cpuUsage(this.cpuAtStart);
      const frames = this.total - this.warmup;
      this.onDone((frames / elapsedMs) * 1000, (cpu.user + cpu.system) / frames, frames);
    }
  }
}
