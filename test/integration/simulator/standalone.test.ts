import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../support/wait';
import { TestClient } from './test-client';

const SIMULATOR = resolve(__dirname, '../../../out/cli/mm-simulator.js');

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function run(args: string[]): Run {
  if (!existsSync(SIMULATOR)) throw new Error(`${SIMULATOR} is missing: run \`npm run build:cli\``);
  const child = spawn(process.execPath, [SIMULATOR, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

let running: Run | undefined;

afterEach(() => {
  if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
  running = undefined;
});

describe('npm run simulator (mm-simulator.js)', () => {
  it('prints its URL and demo key, serves a subscription on them, and stops on SIGINT', async () => {
    running = run(['--port', '0', '--rate', '50', '--heartbeat', '0.2']);
    const sim = running;
    await waitFor(() => /demo key: \S+/.test(sim.stdout()), 'the demo key on stdout', 10_000);
    const url = /listening on (ws:\/\/\S+)/.exec(sim.stdout())?.[1];
    const key = /demo key: (\S+)/.exec(sim.stdout())?.[1];
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/ws\/subscribe$/);
    expect(key).toMatch(/^[0-9a-f-]{36}$/);

    const client = await TestClient.connect(url!);
    expect(await client.subscribe(key!)).toMatchObject({ type: 'subscribed' });
    await client.nextOfType('broadcast');
    await client.nextOfType('heartbeat');

    sim.child.kill('SIGINT');
    expect(await sim.exited).toBe(0);
    expect(sim.stdout()).toContain('SIGINT: stopping the simulator');
    await client.closed;
  });

  it('explains bad usage on stderr and exits 2', async () => {
    running = run(['--rate', 'fast']);
    expect(await running.exited).toBe(2);
    expect(running.stderr()).toContain('--rate takes a number');
    expect(running.stderr()).toContain('Usage: mm-simulator');
  });
});
