import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../../main/simulator';
import { CLI_PATH, CliProcess } from '../../support/cli-process';
import { waitFor } from '../../support/wait';

let simulator: Simulator | undefined;
let cli: CliProcess | undefined;

afterEach(async () => {
  if (cli && cli.child.exitCode === null) cli.child.kill('SIGKILL');
  cli = undefined;
  await simulator?.close();
  simulator = undefined;
});

const hasRecord = (p: CliProcess, match: (r: Record<string, unknown>) => boolean) => () => {
  try {
    return p.records().some(match);
  } catch {
    return false;
  }
};

describe('mm-tray-cli (watch mode)', () => {
  it('streams NDJSON records only, then stops cleanly on SIGINT with exit code 0', async () => {
    simulator = await startSimulator({ scenario: false });
    cli = new CliProcess(
      [
        '--url',
        simulator.url,
        '--json',
        '--channels',
        'orders,bets,emergency',
        '--hedge-grace',
        '0.2',
      ],
      {
        MM_API_KEY: simulator.demoKey,
      },
    );
    await waitFor(
      hasRecord(cli, (r) => r.type === 'status' && r.state === 'live'),
      'live status record',
    );
    simulator.broadcast(
      'orders',
      'UPDATE',
      { orderId: 5, exchange: 'kalshi', matchedStake: 20, orderStake: 20, orderCents: 0.3 },
      { matchedStake: 0 },
      { client: 'demo' },
    );
    simulator.broadcast('emergency', 'UPDATE', { emergency: true, reason: 'manual' });
    await waitFor(
      hasRecord(cli, (r) => r.type === 'notification' && r.kind === 'hedge-missing'),
      'hedge-missing after the fractional grace',
    );
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);

    const records = cli.records();
    expect(new Set(records.map((r) => r.type))).toEqual(
      new Set(['status', 'event', 'notification']),
    );
    expect(records.find((r) => r.type === 'event' && r.channel === 'orders')).toMatchObject({
      event: 'UPDATE',
      payload: {
        orderId: 5,
        exchange: 'kalshi',
        matchedStake: 20,
        orderStake: 20,
        orderCents: 0.3,
      },
      old: { matchedStake: 0 },
    });
    expect(records.some((r) => r.type === 'status' && r.emergency === true)).toBe(true);
    expect(records.filter((r) => r.type === 'notification').map((r) => r.kind)).toEqual(
      expect.arrayContaining(['fill', 'emergency', 'hedge-missing']),
    );
    expect(records.at(-1)).toMatchObject({ type: 'status', state: 'stopped' });
    expect(cli.stdout).not.toContain(simulator.demoKey);

    const connection = simulator.connections()[0]!;
    expect(JSON.parse(connection.received[0]!.text)).toEqual({
      type: 'subscribe',
      apiKey: simulator.demoKey,
      channels: ['orders', 'bets', 'emergency'],
    });
    await waitFor(() => connection.close !== undefined, 'the close on the server');
    expect(JSON.parse(connection.received.at(-1)!.text)).toEqual({ type: 'unsubscribe' });
    expect(connection.close).toMatchObject({ code: 1000, by: 'client' });
  });

  it('exits 0 on SIGTERM too', async () => {
    simulator = await startSimulator({ scenario: false });
    cli = new CliProcess(['--url', simulator.url, '--api-key', simulator.demoKey, '--json']);
    await waitFor(
      hasRecord(cli, (r) => r.state === 'live'),
      'live',
    );
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it('takes fractional ping intervals', async () => {
    simulator = await startSimulator({ scenario: false });
    cli = new CliProcess([
      '--url',
      simulator.url,
      '--api-key',
      simulator.demoKey,
      '--json',
      '--ping-interval',
      '0.1',
      '--pong-timeout',
      '0.5',
    ]);
    await waitFor(
      () =>
        (simulator!.connections()[0]?.received.filter((f) => f.text.includes('"ping"')).length ??
          0) >= 3,
      'three pings within a second',
    );
  });

  it('reports junk frames as error records and carries on', async () => {
    simulator = await startSimulator({ scenario: false });
    cli = new CliProcess(['--url', simulator.url, '--api-key', simulator.demoKey, '--json']);
    await waitFor(
      hasRecord(cli, (r) => r.state === 'live'),
      'live',
    );
    simulator.faults.junk('not-json');
    simulator.broadcast('scores', 'UPDATE', { fixtureId: 'id3' });
    await waitFor(
      hasRecord(cli, (r) => r.type === 'event'),
      'the event after the junk',
    );
    expect(cli.records().find((r) => r.type === 'error')).toMatchObject({
      source: 'bad-frame',
      message: expect.stringMatching(/not JSON/),
    });
  });

  it('prints a readable log without --json', async () => {
    simulator = await startSimulator({ scenario: false });
    cli = new CliProcess(['--url', simulator.url, '--api-key', simulator.demoKey]);
    await waitFor(() => cli!.stdout.includes('live'), 'the live line');
    simulator.broadcast('emergency', 'UPDATE', { emergency: true, reason: 'exchange outage' });
    await waitFor(() => cli!.stdout.includes('exchange outage'), 'the emergency line');
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    expect(() => JSON.parse(cli!.lines()[0]!)).toThrow();
  });

  it('exits 3 when the server refuses the key', async () => {
    simulator = await startSimulator({ scenario: false });
    cli = new CliProcess([
      '--url',
      simulator.url,
      '--api-key',
      '00000000-1111-4222-8333-444444444444',
      '--json',
    ]);
    expect(await cli.exited).toBe(3);
    expect(cli.stderr).toMatch(/refused the API key.*Invalid API key/);
    expect(cli.records().some((r) => r.state === 'auth-failed')).toBe(true);
  });

  it.each([
    [['--api-key', 'not-a-uuid'], /UUID/],
    [
      [
        '--api-key',
        '00000000-1111-4222-8333-444444444444',
        '--url',
        'ws://example.com/ws/subscribe',
      ],
      /unencrypted/,
    ],
    [[], /no API key/],
    [
      [
        '--url',
        'ws://127.0.0.1:9/ws/subscribe#live',
        '--api-key',
        '00000000-1111-4222-8333-444444444444',
      ],
      /#fragment/,
    ],
    [['--api-key', '00000000-1111-4222-8333-444444444444', '--channels', 'orders,news'], /news/],
    [
      ['--api-key', '00000000-1111-4222-8333-444444444444', '--ping-interval', 'soon'],
      /ping-interval/,
    ],
    [['--bogus'], /bogus/],
    // Past setTimeout's limit: Node would ping every millisecond.
    [
      ['--api-key', '00000000-1111-4222-8333-444444444444', '--ping-interval', '3000000'],
      /ping-interval.*from 0\.1 to 86,400/,
    ],
    [
      ['--api-key', '00000000-1111-4222-8333-444444444444', '--hedge-grace', '0.0001'],
      /hedge-grace.*from 0\.1 to 600/,
    ],
  ])('exits 2 with an explanation and no connection for %j', async (args, message) => {
    simulator = await startSimulator({ scenario: false });
    const withUrl = args.includes('--url') ? args : [...args, '--url', simulator.url];
    cli = new CliProcess(withUrl);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr).toMatch(message);
    expect(cli.stdout).toBe('');
    expect(simulator.connections()).toHaveLength(0);
  });

  it('says an emergency already on when it connects: the socket never replays it, REST knows', async () => {
    simulator = await startSimulator({ scenario: false });
    simulator.model.setEmergency(true, 'exchange outage');
    cli = new CliProcess(['--url', simulator.url, '--api-key', simulator.demoKey, '--json']);
    await waitFor(
      hasRecord(cli, (r) => r.type === 'status' && r.state === 'live' && r.emergency === true),
      'a live status record with the emergency on',
    );
    await waitFor(
      hasRecord(cli, (r) => r.type === 'notification' && r.kind === 'emergency'),
      'the emergency notification',
    );
    const records = cli.records();
    expect(records.find((r) => r.type === 'status' && r.emergency === true)).toMatchObject({
      emergencyReason: 'exchange outage',
    });
    expect(records.filter((r) => r.type === 'error')).toEqual([]);
  });

  it('after a dropped connection, says in the "live" status record what may have been missed', async () => {
    simulator = await startSimulator({ scenario: false });
    cli = new CliProcess(['--url', simulator.url, '--api-key', simulator.demoKey, '--json']);
    const live = (r: Record<string, unknown>) => r.type === 'status' && r.state === 'live';
    await waitFor(hasRecord(cli, live), 'live');
    simulator.faults.drop();
    await waitFor(
      () => cli!.records().filter(live).length === 2,
      'live again after the drop',
      10_000,
    );
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    const records = cli.records();
    const [first, again] = records.filter(live);
    expect(first).not.toHaveProperty('gap');
    expect(again!.gap).toEqual({ from: expect.any(Number), to: expect.any(Number) });
    const gap = again!.gap as { from: number; to: number };
    expect(gap.from).toBeLessThanOrEqual(gap.to);
    expect(records.some((r) => r.type === 'status' && r.state === 'reconnecting')).toBe(true);
    expect(new Set(records.map((r) => r.type))).toEqual(new Set(['status']));
  });

  it('reports socket errors as error records', async () => {
    const closedPort = await new Promise<number>((done) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => done(port));
      });
    });
    cli = new CliProcess([
      '--url',
      `ws://127.0.0.1:${closedPort}/ws/subscribe`,
      '--api-key',
      '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427',
      '--json',
    ]);
    await waitFor(
      hasRecord(cli, (r) => r.type === 'error' && r.source === 'socket'),
      'a socket error record',
    );
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    const error = cli.records().find((r) => r.type === 'error')!;
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(new Set(cli.records().map((r) => r.type))).toEqual(new Set(['status', 'error']));
  });

  it('stops cleanly and exits 0 when the reader of stdout goes away (| head -1)', async () => {
    const sim = await startSimulator({ scenario: false });
    simulator = sim;
    // bash for PIPESTATUS: the CLI's own exit code, not head's.
    const pipeline = spawn(
      'bash',
      [
        '-c',
        '"$0" "$@" | head -1; exit $PIPESTATUS',
        process.execPath,
        CLI_PATH,
        '--url',
        sim.url,
        '--api-key',
        sim.demoKey,
        '--json',
      ],
      {
        env: { ...process.env, MM_API_KEY: undefined, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    let stdout = '';
    let stderr = '';
    pipeline.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    pipeline.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const exited = new Promise<number | null>((done) => pipeline.once('exit', done));
    // head leaves after the first record; the CLI only finds out on its next write.
    const nudges = setInterval(() => sim.broadcast('scores', 'UPDATE', { fixtureId: 'id3' }), 50);
    try {
      expect(await exited).toBe(0);
    } finally {
      clearInterval(nudges);
      if (pipeline.exitCode === null) process.kill(-pipeline.pid!, 'SIGKILL');
    }
    expect(stderr).toBe('');
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toMatchObject({ type: 'status' });

    const connection = sim.connections()[0]!;
    await waitFor(() => connection.close !== undefined, 'the close on the server');
    expect(JSON.parse(connection.received.at(-1)!.text)).toEqual({ type: 'unsubscribe' });
    expect(connection.close).toMatchObject({ code: 1000, by: 'client' });
  });

  it('runs against its own simulator with --demo, even with MM_API_KEY set for the real service', async () => {
    const realKey = '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427';
    cli = new CliProcess(['--demo', '--json'], { MM_API_KEY: realKey });
    await waitFor(
      hasRecord(cli, (r) => r.type === 'event'),
      'a demo event',
      10_000,
    );
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    expect(cli.stdout + cli.stderr).not.toContain(realKey);
  });
});
