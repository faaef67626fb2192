import {
  CONTROL_TIMEOUT_MS,
  KeyRefusedError,
  RestClient,
  type RestClientOptions,
  RestError,
  ServerRefusedError,
} from '../../rest';
import { type Simulator, startSimulator } from '../../simulator';
import type { CommandOptions } from './command-args';
import { cancelText, controlText, pnlText, statusText } from './command-output';
import { confirmationRequired, describeAction, isYes } from './confirmation';

export const COMMAND_EXIT = { ok: 0, usage: 2, keyRefused: 3, serverFailed: 4 } as const;

export interface CommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Whether a person can answer a confirmation. */
  interactive: boolean;
  /** Asks on the terminal and resolves the answer line. */
  ask(question: string): Promise<string>;
}

export interface CommandDeps {
  /** Extra client options (tests: a fake sleep). */
  client?: Partial<RestClientOptions>;
  /** The built-in simulator for --demo. */
  startDemo?: () => Promise<Simulator>;
}

async function startDemoSimulator(): Promise<Simulator> {
  const simulator = await startSimulator({
    scenario: { seed: Date.now() % 100_000, eventsPerSecond: 4 },
  });
  // A few minutes of trading, so there are orders to see and to cancel.
  simulator.scenario.step(400);
  return simulator;
}

class Outcome {
  constructor(
    readonly code: number,
    readonly message?: string,
  ) {}
}

/**
 * Runs one of the REST commands (status, pause, resume, start, stop, cancel-all, pnl)
 * and resolves to the exit code: 0 done, 2 bad usage (or an unconfirmed stop or
 * cancel-all off a terminal), 3 key refused, 4 the server refused or failed.
 */
export async function runCommand(
  options: CommandOptions,
  io: CommandIo,
  deps: CommandDeps = {},
): Promise<number> {
  if (needsConfirmation(options) && !io.interactive) {
    io.stderr.write(`mm-tray-cli: refusing: ${confirmationRequired(options)}\n`);
    return COMMAND_EXIT.usage;
  }
  const simulator = options.demo ? await (deps.startDemo ?? startDemoSimulator)() : null;
  try {
    const url = simulator?.url ?? options.url;
    const apiKey = options.apiKey ?? simulator?.demoKey;
    if (apiKey === undefined) throw new Error('no API key');
    const rest = new RestClient({ url, apiKey, ...deps.client });
    if (simulator && !options.json) {
      io.stdout.write(`DEMO: acting on the built-in simulator at ${rest.baseUrl}\n`);
    }
    const outcome = await execute(rest, options, io);
    if (outcome.message) io.stderr.write(`mm-tray-cli: ${outcome.message}\n`);
    return outcome.code;
  } catch (error) {
    if (error instanceof KeyRefusedError) {
      io.stderr.write(`mm-tray-cli: ${error.message}\n`);
      return COMMAND_EXIT.keyRefused;
    }
    if (error instanceof ServerRefusedError) {
      const verb = error.status === 409 ? 'refused' : 'failed';
      io.stderr.write(`mm-tray-cli: the server ${verb} (${error.status}): ${error.detail}\n`);
      return COMMAND_EXIT.serverFailed;
    }
    if (error instanceof RestError) {
      io.stderr.write(`mm-tray-cli: ${error.message}\n`);
      return COMMAND_EXIT.serverFailed;
    }
    throw error;
  } finally {
    await simulator?.close();
  }
}

async function execute(rest: RestClient, options: CommandOptions, io: CommandIo): Promise<Outcome> {
  const print = (json: unknown, text: () => string) =>
    io.stdout.write(`${options.json ? JSON.stringify(json) : text()}\n`);

  switch (options.command) {
    case 'status': {
      const status = await rest.tradingStatus();
      print(status, () => statusText(status));
      return new Outcome(COMMAND_EXIT.ok);
    }
    case 'pause':
    case 'resume':
    case 'start': {
      const result = await rest[options.command]({ timeoutMs: CONTROL_TIMEOUT_MS });
      print(result, () => controlText(result));
      if (result.result === 'start_required') {
        return new Outcome(
          COMMAND_EXIT.serverFailed,
          'trading was not resumed: it is stopped; run `mm-tray-cli start`',
        );
      }
      return new Outcome(COMMAND_EXIT.ok);
    }
    case 'stop':
    case 'cancel-all': {
      const refusal = await confirm(rest, options, io);
      if (refusal) return refusal;
      if (options.command === 'stop') {
        const result = await rest.stop({ timeoutMs: CONTROL_TIMEOUT_MS });
        print(result, () => controlText(result));
        return new Outcome(COMMAND_EXIT.ok);
      }
      const filter = {
        ...(options.exchange ? { exchange: options.exchange } : {}),
        ...(options.fixtureId ? { fixtureId: options.fixtureId } : {}),
      };
      const result = await rest.cancelAll(filter, { timeoutMs: CONTROL_TIMEOUT_MS });
      print({ cancelled: result.cancelled, failed: result.failed, response: result.raw }, () =>
        cancelText(result, filter),
      );
      return new Outcome(COMMAND_EXIT.ok);
    }
    case 'pnl': {
      const range =
        options.from === undefined && options.to === undefined
          ? { from: rest.today(), to: rest.today() }
          : { from: options.from, to: options.to };
      const pnl = await rest.pnl(range);
      print(pnl, () => pnlText(pnl, range.from, range.to));
      return new Outcome(COMMAND_EXIT.ok);
    }
  }
}

function needsConfirmation(options: CommandOptions): boolean {
  return (options.command === 'stop' || options.command === 'cancel-all') && !options.yes;
}

/** Null to go ahead; otherwise how the command ends without acting (the person said no). */
async function confirm(
  rest: RestClient,
  options: CommandOptions,
  io: CommandIo,
): Promise<Outcome | null> {
  if (!needsConfirmation(options)) return null;
  const question = await describeAction(rest, options);
  if (isYes(await io.ask(`${question} [y/N] `))) return null;
  io.stdout.write(options.json ? `${JSON.stringify({ done: false })}\n` : 'Nothing done.\n');
  return new Outcome(COMMAND_EXIT.ok);
}
