import { parseArgs } from 'node:util';
import { isDay } from '../../../common/rest/numbers';
import { PRODUCTION_URL } from '../../feed/endpoint';
import { UsageError } from '../args';
import { checkConnectionArgs, givenApiKey } from '../connection-args';

export const COMMANDS = [
  'status',
  'pause',
  'resume',
  'start',
  'stop',
  'cancel-all',
  'pnl',
] as const;
export type CommandName = (typeof COMMANDS)[number];

export function isCommand(word: string): word is CommandName {
  return (COMMANDS as readonly string[]).includes(word);
}

export interface CommandOptions {
  command: CommandName;
  url: string;
  /** Undefined only in demo mode without --api-key: the simulator's key is used. */
  apiKey: string | undefined;
  demo: boolean;
  json: boolean;
  /** Confirmed on the command line (stop, cancel-all). */
  yes: boolean;
  exchange?: string;
  fixtureId?: string;
  /** pnl: YYYY-MM-DD; when both are absent the command reports today (UTC). */
  from?: string;
  to?: string;
  help: boolean;
}

const COMMON_OPTIONS = {
  url: { type: 'string' },
  'api-key': { type: 'string' },
  demo: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const COMMAND_OPTIONS = {
  status: COMMON_OPTIONS,
  pause: COMMON_OPTIONS,
  resume: COMMON_OPTIONS,
  start: COMMON_OPTIONS,
  stop: { ...COMMON_OPTIONS, yes: { type: 'boolean', short: 'y' } },
  'cancel-all': {
    ...COMMON_OPTIONS,
    yes: { type: 'boolean', short: 'y' },
    exchange: { type: 'string' },
    fixture: { type: 'string' },
  },
  pnl: { ...COMMON_OPTIONS, from: { type: 'string' }, to: { type: 'string' } },
} as const;

/** Options of both modes that take a value, so that the value is not read as the command. */
const VALUE_OPTIONS = [
  'url',
  'api-key',
  'channels',
  'ping-interval',
  'pong-timeout',
  'hedge-grace',
  'exchange',
  'fixture',
  'from',
  'to',
];

/**
 * Finds the command word (the first positional argument, wherever it stands) and
 * returns it with the other arguments; null when there is none, which means watch mode.
 */
export function splitCommand(argv: string[]): { command: CommandName; args: string[] } | null {
  const { tokens } = parseArgs({
    args: argv,
    strict: false,
    allowPositionals: true,
    tokens: true,
    options: Object.fromEntries(VALUE_OPTIONS.map((name) => [name, { type: 'string' }])),
  });
  const first = tokens.find((t) => t.kind === 'positional');
  if (first?.kind !== 'positional' || !isCommand(first.value)) return null;
  return { command: first.value, args: argv.filter((_, i) => i !== first.index) };
}

function text(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new UsageError(`--${name} needs a value`);
  return value.trim();
}

function day(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isDay(value)) throw new UsageError(`--${name} takes a date as YYYY-MM-DD, not "${value}"`);
  return value;
}

/** Reads a command's arguments (the command word already taken out). */
export function parseCommandArgs(
  command: CommandName,
  argv: string[],
  env: NodeJS.ProcessEnv,
): CommandOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: COMMAND_OPTIONS[command],
    }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`);
  }
  const str = (name: string) => values[name] as string | undefined;
  const demo = values.demo === true;
  const apiKey = givenApiKey(str('api-key'), env, demo);
  const exchange = text('exchange', str('exchange'));
  const fixtureId = text('fixture', str('fixture'));
  const from = day('from', str('from'));
  const to = day('to', str('to'));
  const options: CommandOptions = {
    command,
    url: str('url') ?? PRODUCTION_URL,
    apiKey,
    demo,
    json: values.json === true,
    yes: values.yes === true,
    ...(exchange !== undefined ? { exchange: exchange.toLowerCase() } : {}),
    ...(fixtureId !== undefined ? { fixtureId } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    help: values.help === true,
  };
  if (options.help) return options;
  if (from !== undefined && to !== undefined && from > to) {
    throw new UsageError(`--from ${from} is after --to ${to}`);
  }
  options.apiKey = checkConnectionArgs({
    demo,
    url: options.url,
    urlGiven: str('url') !== undefined,
    apiKey,
  });
  return options;
}
