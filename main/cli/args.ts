import { parseArgs } from 'node:util';
import { CHANNELS, type Channel, parseChannelList } from '../../common/protocol/channels';
import { redactSecrets } from '../../common/redact';
import { PRODUCTION_URL } from '../feed/endpoint';
import { checkConnectionArgs, givenApiKey } from './connection-args';

/**
 * A mistake on the command line. Its message is redacted: it often quotes what was typed
 * (Node's "Unexpected argument 'x'"), and a key typed in the wrong place must not be
 * printed back to the terminal or a CI log.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(redactSecrets(message));
  }
}

export const USAGE = `Usage: mm-tray-cli [options]              watch the feed
       mm-tray-cli COMMAND [options]      read or change the trading state

Without a command, watches the MM feed without a window: connection state, fills,
hedges, emergencies. With one, acts over the MM REST API (same host as --url) and exits.

Commands:
  status                  the trading status: live, manual_paused, manual_stopped,
                          soft_paused, system_stopped or emergency
  pause                   post no new orders; resting orders stay, hedging goes on
  resume                  undo a pause
  stop --yes              cancel every open order and post no new ones until start
  start                   trade again after a stop
  cancel-all --yes        cancel every open order (narrow with --exchange, --fixture);
                          trading goes on
  pnl                     P&L: net realized spread, naked P&L, unhedged stake

Options:
  --url URL               WebSocket endpoint (default ${PRODUCTION_URL})
  --api-key UUID          API key (default: the MM_API_KEY environment variable;
                          with --demo, the simulator's own key)
  --json                  watch: NDJSON records on stdout; commands: one JSON object
  --demo                  start the built-in simulator and use it
  -h, --help              show this help

Watch options:
  --channels LIST         comma-separated channels (default ${CHANNELS.join(',')})
  --ping-interval SECONDS time between pings (default 30; 0.1 to 86,400)
  --pong-timeout SECONDS  silence after a ping that means the connection is dead
                          (default 10; 0.1 to 86,400)
  --hedge-grace SECONDS   time a fill may wait for its hedge bet (default 15; 0.1 to 600)

Command options:
  -y, --yes               confirm stop or cancel-all; required when stdin is not a
                          terminal (on a terminal you are asked, y/N)
  --exchange NAME         cancel-all: only this exchange's orders
  --fixture ID            cancel-all: only this fixture's orders
  --from YYYY-MM-DD       pnl: first day, UTC (default: today)
  --to YYYY-MM-DD         pnl: last day, UTC (default: today)

Exit codes: 0 done (watch: stopped by SIGINT/SIGTERM, or the reader of stdout went
away), 1 watch: stdout failed otherwise, 2 bad usage or an unconfirmed stop/cancel-all,
3 the server refused the key, 4 the server refused or failed a command (its detail on
stderr).`;

export interface CliOptions {
  url: string;
  apiKey: string | undefined;
  channels: Channel[];
  json: boolean;
  pingIntervalMs: number;
  pongTimeoutMs: number;
  hedgeGraceMs: number;
  demo: boolean;
  help: boolean;
}

/**
 * What each timing option accepts, in seconds. The floor keeps pings from flooding the
 * server and timers from rounding to 0 ms; a day is far below setTimeout's limit (about
 * 24.8 days, past which Node fires after 1 ms). The hedge grace tops out where the app's
 * setting does (common/settings/schema.ts).
 */
export const SECONDS_RANGE = {
  'ping-interval': { min: 0.1, max: 86_400 },
  'pong-timeout': { min: 0.1, max: 86_400 },
  'hedge-grace': { min: 0.1, max: 600 },
} as const;

function seconds(
  name: keyof typeof SECONDS_RANGE,
  value: string | undefined,
  fallback: number,
): number {
  if (value === undefined) return fallback * 1000;
  const { min, max } = SECONDS_RANGE[name];
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < min || parsed > max) {
    throw new UsageError(
      `--${name} takes a number of seconds from ${min} to ${max.toLocaleString('en-US')}, not "${value}"`,
    );
  }
  return Math.round(parsed * 1000);
}

/** Reads the command line; every mistake is a UsageError saying what is wrong. */
export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const demo = values.demo === true;
  const url = values.url ?? PRODUCTION_URL;
  const apiKey = givenApiKey(values['api-key'], env, demo);
  const options: CliOptions = {
    url,
    apiKey,
    channels: values.channels === undefined ? [...CHANNELS] : channels(values.channels),
    json: values.json === true,
    pingIntervalMs: seconds('ping-interval', values['ping-interval'], 30),
    pongTimeoutMs: seconds('pong-timeout', values['pong-timeout'], 10),
    hedgeGraceMs: seconds('hedge-grace', values['hedge-grace'], 15),
    demo,
    help: values.help === true,
  };
  if (options.help) return options;
  options.apiKey = checkConnectionArgs({ demo, url, urlGiven: values.url !== undefined, apiKey });
  return options;
}

function channels(text: string): Channel[] {
  try {
    return parseChannelList(text);
  } catch (error) {
    throw new UsageError(`--channels: ${(error as Error).message}`);
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      url: { type: 'string' },
      'api-key': { type: 'string' },
      channels: { type: 'string' },
      json: { type: 'boolean' },
      'ping-interval': { type: 'string' },
      'pong-timeout': { type: 'string' },
      'hedge-grace': { type: 'string' },
      demo: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
