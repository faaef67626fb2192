import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../common/protocol/channels';
import type { CliOptions } from '../../../main/cli/args';
import { watch } from '../../../main/cli/watch';
import { type Simulator, startSimulator } from '../../../main/simulator';
import { waitFor } from '../../support/wait';

/**
 * watch() from source against a real simulator over loopback, with a stdout the test can
 * break: what the built CLI does when its reader goes away, without needing a build.
 */

let simulator: Simulator | undefined;

afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

/** A stdout that keeps its lines until `failWith` is set, then fails every write with it. */
class BreakableStdout extends Writable {
  readonly lines: string[] = [];
  failWith: string | null = null;

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error) => void) {
    if (this.failWith) {
      done(Object.assign(new Error(`write ${this.failWith}`), { code: this.failWith }));
      return;
    }
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }

  records(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

class Collected extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void) {
    this.text += chunk.toString('utf8');
    done();
  }
}

function options(sim: Simulator): CliOptions {
  return {
    url: sim.url,
    apiKey: sim.demoKey,
    channels: [...CHANNELS],
    json: true,
    pingIntervalMs: 30_000,
    pongTimeoutMs: 10_000,
    hedgeGraceMs: 15_000,
    demo: false,
    help: false,
  };
}

async function watchUntilLive(sim: Simulator) {
  const stdout = new BreakableStdout();
  const stderr = new Collected();
  const exited = watch(options(sim), { stdout, stderr, stopSignal: new Promise(() => {}) });
  await waitFor(
    () => stdout.records().some((r) => r.type === 'status' && r.state === 'live'),
    'the live status record',
  );
  return { stdout, stderr, exited };
}

describe('watch() when stdout fails', () => {
  it('stops cleanly and exits 0 when the reader goes away (EPIPE)', async () => {
    simulator = await startSimulator({ scenario: false });
    const { stdout, stderr, exited } = await watchUntilLive(simulator);
    stdout.failWith = 'EPIPE';
    simulator.broadcast('scores', 'UPDATE', { fixtureId: 'id3' });

    expect(await exited).toBe(0);
    expect(stderr.text).toBe('');
    const connection = simulator.connections()[0]!;
    await waitFor(() => connection.close !== undefined, 'the close on the server');
    expect(JSON.parse(connection.received.at(-1)!.text)).toEqual({ type: 'unsubscribe' });
    expect(connection.close).toMatchObject({ code: 1000, by: 'client' });
  });

  it('stops cleanly, says why on stderr and exits 1 on any other write error', async () => {
    simulator = await startSimulator({ scenario: false });
    const { stdout, stderr, exited } = await watchUntilLive(simulator);
    stdout.failWith = 'ENOSPC';
    simulator.broadcast('scores', 'UPDATE', { fixtureId: 'id3' });

    expect(await exited).toBe(1);
    expect(stderr.text).toMatch(/could not write to stdout \(write ENOSPC\)/);
    const connection = simulator.connections()[0]!;
    await waitFor(() => connection.close !== undefined, 'the close on the server');
    expect(connection.close).toMatchObject({ code: 1000, by: 'client' });
  });
});

describe('watch() --json with a frame nested too deep to serialise', () => {
  it('writes an error record for it, never a half line, and carries on', async () => {
    simulator = await startSimulator({ scenario: false });
    const { stdout, exited } = await watchUntilLive(simulator);
    const depth = 200_000;
    simulator.sendRaw(
      `{"type":"broadcast","channel":"scores","event":"UPDATE","payload":{"fixtureId":"deep","receivedData":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
    );
    simulator.broadcast('scores', 'UPDATE', { fixtureId: 'after' });
    await waitFor(
      () => stdout.records().some((r) => r.type === 'event'),
      'the event after the deep one',
    );

    const records = stdout.records();
    const error = records.find((r) => r.type === 'error');
    expect(error).toMatchObject({
      source: 'bad-frame',
      message: expect.stringMatching(/^could not write event seq \d+: .*call stack/),
    });
    expect(records.indexOf(error!)).toBeLessThan(records.findIndex((r) => r.type === 'event'));
    expect(records.filter((r) => r.type === 'event')).toEqual([
      expect.objectContaining({ payload: { fixtureId: 'after' } }),
    ]);

    stdout.failWith = 'EPIPE';
    simulator.broadcast('scores', 'UPDATE', { fixtureId: 'last' });
    expect(await exited).toBe(0);
  });
});
