import type { Writable } from 'node:stream';

/**
 * How stdout stopped taking lines: the reader went away (`| head -1` closed the pipe, a
 * normal end), or writing failed for another reason.
 */
export type OutputEnd = { kind: 'reader-gone' } | { kind: 'failed'; message: string };

/**
 * Lines to stdout. Without a listener, a failed write (EPIPE once the reader is gone) is an
 * unhandled 'error' that kills the process before the feed is stopped cleanly; here it
 * ends the output instead, and later lines are dropped.
 */
export class LineOutput {
  /** Settles on the first write error; never rejects. */
  readonly ended: Promise<OutputEnd>;
  private closed = false;

  constructor(private readonly stream: Writable) {
    this.ended = new Promise((resolve) => {
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (this.closed) return;
        this.closed = true;
        resolve(
          error.code === 'EPIPE'
            ? { kind: 'reader-gone' }
            : { kind: 'failed', message: error.message },
        );
      });
    });
  }

  write(line: string): void {
    if (this.closed) return;
    this.stream.write(`${line}\n`);
  }
}
