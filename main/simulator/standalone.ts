import { parseArgs } from 'node:util';
import { startSimulator } from './simulator';

const USAGE = `Usage: mm-simulator [options]

Runs a local MM API simulator: the /ws/subscribe WebSocket with a generated market day,
and the REST API under /api/v1 on the same port.

Options:
  --port N              port to listen on (default 8765; 0 picks a free one)
  --host HOST           address to bind (default 127.0.0.1)
  --rate N              events per second (default 5)
  --seed N              seed of the generated day (default: random)
  --heartbeat SECONDS   server heartbeat interval (default 60)
  --legacy              answer in the pre-April-2026 snake_case naming
  -h, --help            show this help`;

class UsageError extends Error {}

function number(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < min) {
    throw new UsageError(`--${name} takes a number of at least ${min}, not "${value}"`);
  }
  return parsed;
}

function readArgs(argv: string[]) {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    help: values.help === true,
    port: Math.trunc(number('port', values.port, 8765, 0)),
    host: values.host ?? '127.0.0.1',
    rate: number('rate', values.rate, 5, 0),
    seed: Math.trunc(number('seed', values.seed, Math.floor(Math.random() * 2 ** 31), 0)),
    heartbeatMs: Math.round(number('heartbeat', values.heartbeat, 60, 0.001) * 1000),
    legacy: values.legacy === true,
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      rate: { type: 'string' },
      seed: { type: 'string' },
      heartbeat: { type: 'string' },
      legacy: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function main(): Promise<void> {
  let args: ReturnType<typeof readArgs>;
  try {
    args = readArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const simulator = await startSimulator({
    host: args.host,
    port: args.port,
    heartbeatIntervalMs: args.heartbeatMs,
    legacyNaming: args.legacy,
    scenario: { eventsPerSecond: args.rate, seed: args.seed, autoStart: true },
  });
  console.log(`MM API simulator listening on ${simulator.url}`);
  console.log(`  REST API: ${simulator.httpUrl}/api/v1`);
  console.log(`  demo key: ${simulator.demoKey}`);
  console.log(`  ${args.rate} events/s, seed ${args.seed}${args.legacy ? ', legacy naming' : ''}`);
  console.log(`  try: npm run cli -- --url ${simulator.url} --api-key ${simulator.demoKey}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the simulator`);
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`mm-simulator: ${(error as Error).message ?? error}`);
  process.exit(1);
});
