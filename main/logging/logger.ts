export type LogLevel = 'info' | 'warn' | 'error';

/**
 * What the app logs through. Messages and details (errors, objects) are formatted and
 * redacted by the implementation: callers need not, and cannot, bypass the redaction.
 */
export interface Logger {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

/** A logger that drops everything, for tests and tools that have nowhere to log. */
export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
