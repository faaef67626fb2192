import { parseCliArgs, USAGE, UsageError } from './args';
import { EXIT, watch } from './watch';

async function main(): Promise<number> {
  let options: ReturnType<typeof parseCliArgs>;
  try {
    options = parseCliArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`mm-tray-cli: ${error.message}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  const stopSignal = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  return watch(options, { stdout: process.stdout, stderr: process.stderr, stopSignal });
}

main().then(
  (code) => {
    process.exitCode = code;
    // Everything is closed by now; this only guards against a handle left behind.
    setTimeout(() => process.exit(code), 2_000).unref();
  },
  (error: unknown) => {
    process.stderr.write(`mm-tray-cli: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
