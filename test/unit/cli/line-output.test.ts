import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LineOutput } from '../../../main/cli/line-output';

/** A stdout whose writes fail with `code` once `okWrites` lines have gone through. */
function failingStdout(code: string, okWrites: number) {
  const written: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (written.length >= okWrites) {
        done(Object.assign(new Error(`write ${code}`), { code }));
        return;
      }
      written.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, written };
}

describe('LineOutput', () => {
  it('writes each line with a newline', () => {
    const { stream, written } = failingStdout('EPIPE', 10);
    const output = new LineOutput(stream);
    output.write('one');
    output.write('two');
    expect(written).toEqual(['one\n', 'two\n']);
  });

  it('ends as "reader gone" on EPIPE instead of an unhandled error, and drops later lines', async () => {
    const { stream, written } = failingStdout('EPIPE', 1);
    const output = new LineOutput(stream);
    output.write('first');
    output.write('second');
    expect(await output.ended).toEqual({ kind: 'reader-gone' });
    output.write('third');
    expect(written).toEqual(['first\n']);
    expect(stream.listenerCount('error')).toBe(1);
  });

  it('ends as "failed", with the reason, on any other write error', async () => {
    const { stream } = failingStdout('ENOSPC', 0);
    const output = new LineOutput(stream);
    output.write('first');
    expect(await output.ended).toEqual({ kind: 'failed', message: 'write ENOSPC' });
  });
});
