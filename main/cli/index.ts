import { type CliOptions, parseCliArgs, USAGE, UsageError } from './args';
import {
  askOnTerminal,
  type CommandOptions,
  parseCommandArgs,
  runCommand,
  splitCommand,
} from './commands';
import { EXIT, watch } from './watch';

/** A command word anywhere on the line selects a REST command; none means watch mode. */
function parseCommandLine(argv: string[]): CliOptions | CommandOptions {
  const command = splitCommand(argv);
  return command
    ? parseCommandArgs(command.command, command.args, process.env)
    : parseCliArgs(argv, process.env);
}

async function main(): Promise<number> {
  let options: CliOptions | CommandOptions;
  try {
    options = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`mm-tray-cli: ${error.message}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  if ('command' in options) {
    return runCommand(options, {
      stdout: process.stdout,
      stderr: process.stderr,
      interactive: process.stdin.isTTY === true,
      ask: askOnTerminal,
    });
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
