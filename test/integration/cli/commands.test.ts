import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../../main/cli/args';
import { splitCommand } from '../../../main/cli/commands';
import { parseCommandArgs } from '../../../main/cli/commands/command-args';
import { type CommandIo, runCommand } from '../../../main/cli/commands/run-command';
import type { Simulator } from '../../../main/simulator';
import { CliProcess } from '../../support/cli-process';
import { DAY, order, startRestSimulator } from '../rest/rest-fixture';

let simulator: Simulator | undefined;

afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

const UNKNOWN_KEY = '00000000-1111-4222-8333-444444444444';

async function withOrders(): Promise<Simulator> {
  simulator = await startRestSimulator();
  simulator.model.insertOrder('demo', order(1));
  simulator.model.insertOrder('demo', order(2, { exchange: 'kalshi' }));
  simulator.model.insertOrder('demo', order(3, { exchange: 'kalshi', fixtureId: 'id2' }));
  return simulator;
}

/** Runs the built CLI against the simulator and waits for it to exit. */
async function cli(sim: Simulator, args: string[], env: Record<string, string> = {}) {
  const process = new CliProcess([...args, '--url', sim.url], {
    MM_API_KEY: sim.demoKey,
    ...env,
  });
  const code = await process.exited;
  expect(process.stdout + process.stderr).not.toContain(sim.demoKey);
  return { code, stdout: process.stdout, stderr: process.stderr };
}

const openIds = (sim: Simulator) => sim.model.openOrders('demo').map((o) => o.orderId);

describe('mm-tray-cli commands (built CLI, real HTTP)', () => {
  it('status prints one JSON object with --json, and a readable summary without', async () => {
    const sim = await withOrders();
    sim.rest.setSoftPaused(true, 'Bookmaker feed stale');
    const json = await cli(sim, ['status', '--json']);
    expect(json.code).toBe(0);
    expect(json.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      client: 'demo',
      status: 'soft_paused',
      softPaused: true,
      systemReason: 'Bookmaker feed stale',
    });
    const text = await cli(sim, ['status']);
    expect(text.stdout).toContain('Trading status for Demo Trading: soft_paused');
    expect(text.stdout).toMatch(/soft pause\s+yes/);
    expect(text.stdout).toContain('Bookmaker feed stale');
  });

  it('pause, resume and start change the simulator and say what happened', async () => {
    const sim = await withOrders();
    const paused = await cli(sim, ['pause']);
    expect(paused).toMatchObject({ code: 0, stderr: '' });
    expect(paused.stdout).toContain('Trading paused: resting orders stay');
    expect(sim.model.tradingStatus('demo')).toBe('manual_paused');
    expect(openIds(sim)).toEqual([1, 2, 3]);

    const resumed = await cli(sim, ['resume', '--json']);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ result: 'resume_applied', status: 'live' });
    expect(sim.model.tradingStatus('demo')).toBe('live');

    sim.model.stopTrading('demo');
    const notResumed = await cli(sim, ['resume']);
    expect(notResumed.code).toBe(4);
    expect(notResumed.stderr).toMatch(/not resumed: it is stopped; run `mm-tray-cli start`/);
    const started = await cli(sim, ['start']);
    expect(started).toMatchObject({ code: 0 });
    expect(started.stdout).toContain('Trading started.');
    expect(sim.model.tradingStatus('demo')).toBe('live');
  });

  it('refuses stop and cancel-all without --yes off a terminal, touching nothing', async () => {
    const sim = await withOrders();
    const [stop, cancel] = await Promise.all([
      cli(sim, ['stop']),
      cli(sim, ['cancel-all', '--exchange', 'kalshi']),
    ]);
    expect(stop.code).toBe(2);
    expect(stop.stderr).toMatch(/stop cancels every open order.*pass --yes/);
    expect(cancel.code).toBe(2);
    expect(cancel.stderr).toMatch(/cancel-all cancels every open order on kalshi.*--yes/);
    expect(stop.stdout + cancel.stdout).toBe('');
    expect(sim.rest.requests()).toEqual([]);
    expect(openIds(sim)).toEqual([1, 2, 3]);
  });

  it('stop --yes cancels every open order and blocks new ones', async () => {
    const sim = await withOrders();
    const stopped = await cli(sim, ['stop', '--yes']);
    expect(stopped).toMatchObject({ code: 0, stderr: '' });
    expect(stopped.stdout).toContain('Trading stopped: 3 open order(s) cancelled');
    expect(openIds(sim)).toEqual([]);
    expect(sim.model.canPlaceOrders('demo')).toBe(false);
  });

  it('cancel-all --yes cancels only what --exchange and --fixture select', async () => {
    const sim = await withOrders();
    const narrow = await cli(sim, ['cancel-all', '--exchange', 'Kalshi', '--fixture', 'id2', '-y']);
    expect(narrow).toMatchObject({ code: 0 });
    expect(narrow.stdout).toContain('Cancelled 1 open order(s) on kalshi for fixture id2.');
    expect(openIds(sim)).toEqual([1, 2]);
    const all = await cli(sim, ['cancel-all', '--yes', '--json']);
    expect(JSON.parse(all.stdout)).toMatchObject({ cancelled: 2, failed: 0 });
    expect(openIds(sim)).toEqual([]);
    expect(sim.model.tradingStatus('demo')).toBe('live');
  });

  it('pnl reports a range, or today by default', async () => {
    const sim = await withOrders();
    sim.model.updateOrder('demo', 1, { matchedStake: 40, matchedStatus: 'PARTIALLY_MATCHED' });
    const ranged = await cli(sim, ['pnl', '--from', DAY, '--to', DAY, '--json']);
    expect(ranged.code).toBe(0);
    expect(JSON.parse(ranged.stdout)).toMatchObject({
      unhedgedStake: 40,
      unhedgedStakePct: 100,
      fromDate: DAY,
      toDate: DAY,
    });
    const today = await cli(sim, ['pnl']);
    expect(today.code).toBe(0);
    expect(today.stdout).toMatch(/^P&L \d{4}-\d{2}-\d{2} \(UTC\)\n {2}net realized spread/);
    const request = sim.rest.requests().at(-1)!;
    const day = new Date().toISOString().slice(0, 10);
    expect(request.path).toBe(`/pnl?fromDate=${day}&toDate=${day}`);
  });

  it('exits 3 when the key is refused and 4 with the detail when the server refuses or fails', async () => {
    const sim = await withOrders();
    const refused = await cli(sim, ['status'], { MM_API_KEY: UNKNOWN_KEY });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('the server refused the API key (Invalid or missing API key)');
    expect(refused.stderr).not.toContain(UNKNOWN_KEY);

    sim.model.stopTrading('demo');
    sim.rest.setEmergency(true, 'Exposure limit breached');
    const blocked = await cli(sim, ['start']);
    expect(blocked.code).toBe(4);
    expect(blocked.stderr).toBe(
      'mm-tray-cli: the server refused (409): Trading cannot start during a emergency (Exposure limit breached)\n',
    );
    sim.rest.setEmergency(false);

    sim.model.startTrading('demo');
    sim.model.insertOrder('demo', order(4, { exchange: 'kalshi' }));
    sim.rest.faults.failCancelsOn('kalshi');
    const partial = await cli(sim, ['cancel-all', '--yes', '--json']);
    expect(partial.code).toBe(4);
    expect(partial.stdout).toBe('');
    expect(partial.stderr).toMatch(
      /the server failed \(502\): Cancelled 0 of 1 open orders; 1 could not be cancelled \(kalshi/,
    );
  });

  it('exits 2 with an explanation for bad usage, before any request', async () => {
    simulator = await startRestSimulator();
    const sim = simulator;
    const remote = new CliProcess(['status', '--url', 'ws://example.com/ws/subscribe'], {
      MM_API_KEY: sim.demoKey,
    });
    const [date] = await Promise.all([cli(sim, ['pnl', '--from', '2026-02-30']), remote.exited]);
    expect(date).toMatchObject({ code: 2, stdout: '' });
    expect(date.stderr).toMatch(/--from takes a date as YYYY-MM-DD, not "2026-02-30"/);
    expect(date.stderr).toContain('Usage: mm-tray-cli');
    expect(await remote.exited).toBe(2);
    expect(remote.stdout).toBe('');
    expect(remote.stderr).toMatch(/refusing ws:\/\/ to example.com/);
    expect(sim.rest.requests()).toEqual([]);
  });

  it.each([
    [['pnl', '--from', '2026-02-15', '--to', '2026-02-01'], /after --to/],
    [['status', '--channels', 'orders'], /Unknown option '--channels'/],
    [['pause', '--yes'], /Unknown option '--yes'/],
    [['stop', 'now', '--yes'], /Unexpected argument 'now'/],
    [['status', '--api-key', 'abc'], /UUID/],
    [['status'], /no API key/],
    [['status', '--demo', '--url', 'wss://x/ws'], /drop --url/],
    [['cancel-all', '--exchange', '', '--yes'], /--exchange needs a value/],
  ])('refuses %j as bad usage', (args, message) => {
    const split = splitCommand(args)!;
    expect(() => parseCommandArgs(split.command, split.args, {})).toThrow(UsageError);
    expect(() => parseCommandArgs(split.command, split.args, {})).toThrow(message);
  });

  it('acts on its own simulator with --demo, whatever MM_API_KEY says', async () => {
    const demo = new CliProcess(['--demo', 'stop', '--yes', '--json'], {
      MM_API_KEY: '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427',
    });
    expect(await demo.exited).toBe(0);
    const result = JSON.parse(demo.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ manualStopped: true, result: 'stop_applied' });
    expect(result.cancelledOrders).toEqual(expect.any(Number));
  });
});

describe('mm-tray-cli commands on a terminal (in process)', () => {
  function terminal(answer: string) {
    const out: string[] = [];
    const err: string[] = [];
    const questions: string[] = [];
    const io: CommandIo = {
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text) },
      interactive: true,
      ask: async (question) => {
        questions.push(question);
        return answer;
      },
    };
    return { io, out, err, questions };
  }

  const options = (sim: Simulator, args: string[]) => {
    const split = splitCommand(args)!;
    return parseCommandArgs(split.command, [...split.args, '--url', sim.url], {
      MM_API_KEY: sim.demoKey,
    });
  };

  it('asks before stopping, saying what will happen, and does nothing on no', async () => {
    const sim = await withOrders();
    const no = terminal('n');
    expect(await runCommand(options(sim, ['stop']), no.io)).toBe(0);
    expect(no.questions).toEqual([
      'Stop trading for Demo Trading? This cancels every open order (3 open orders now) and posts no new ones until you run `mm-tray-cli start`. Hedging of fills goes on. [y/N] ',
    ]);
    expect(no.out.join('')).toBe('Nothing done.\n');
    expect(openIds(sim)).toEqual([1, 2, 3]);
    expect(sim.model.tradingStatus('demo')).toBe('live');

    const yes = terminal('y');
    expect(await runCommand(options(sim, ['stop']), yes.io)).toBe(0);
    expect(openIds(sim)).toEqual([]);
    expect(sim.model.tradingStatus('demo')).toBe('manual_stopped');
  });

  it('asks before cancelling, naming the exchange, the fixture and the count', async () => {
    const sim = await withOrders();
    const yes = terminal('yes');
    const args = ['--fixture', 'id2', 'cancel-all', '--exchange', 'kalshi'];
    expect(await runCommand(options(sim, args), yes.io)).toBe(0);
    expect(yes.questions).toEqual([
      'Cancel every open order on kalshi for fixture id2 for Demo Trading (1 open order now)? Trading is not stopped: the engine may post new orders afterwards. [y/N] ',
    ]);
    expect(openIds(sim)).toEqual([1, 2]);
  });

  it('finds the command word anywhere, and leaves watch mode alone', () => {
    expect(splitCommand(['--url', 'wss://x/ws', 'status', '--json'])).toEqual({
      command: 'status',
      args: ['--url', 'wss://x/ws', '--json'],
    });
    expect(splitCommand(['--json', '--channels', 'orders'])).toBeNull();
    expect(splitCommand(['extra'])).toBeNull();
    expect(splitCommand(['--api-key', 'status'])).toBeNull();
  });
});
