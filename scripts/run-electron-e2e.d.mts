export type ElectronE2eCommand = { command: string; args: string[] } | { problem: string };

export function playwrightCli(): string;

/** The command that runs the specs from the project folder, or why there is none. */
export function electronE2eCommand(options: {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** The Node executable (process.execPath). */
  nodePath: string;
  /** Playwright's CLI entry, @playwright/test/cli. */
  cliPath: string;
  /** Whether a command is on PATH; asked only when it matters. */
  commandExists: (name: string) => boolean;
}): ElectronE2eCommand;
