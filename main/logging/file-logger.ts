import { formatLogLine } from './log-line';
import type { Logger, LogLevel } from './logger';
import { RotatingFile, type RotatingFileOptions } from './rotating-file';

export interface FileLoggerOptions extends RotatingFileOptions {
  now?: () => number;
  /** Also receives every (redacted) line, e.g. to mirror the log on stdout in development. */
  echo?: (line: string, level: LogLevel) => void;
  /** Told once when the log cannot be written; logging itself never throws. */
  onWriteError?: (error: unknown) => void;
}

/**
 * The app's log: redacted lines in a rotating file in the logs folder (user data/logs).
 * `logsFolder` is what "Open logs folder" opens.
 */
export class FileLogger implements Logger {
  readonly logsFolder: string;
  readonly filePath: string;
  private readonly file: RotatingFile;
  private readonly now: () => number;
  private readonly echo: FileLoggerOptions['echo'];
  private readonly onWriteError: (error: unknown) => void;
  private writeFailed = false;

  constructor(options: FileLoggerOptions) {
    this.file = new RotatingFile(options);
    this.logsFolder = this.file.folder;
    this.filePath = this.file.path;
    this.now = options.now ?? Date.now;
    this.echo = options.echo;
    this.onWriteError =
      options.onWriteError ??
      ((error) => process.stderr.write(`the log cannot be written: ${String(error)}\n`));
  }

  info(message: string, ...details: unknown[]): void {
    this.write('info', undefined, message, details);
  }

  warn(message: string, ...details: unknown[]): void {
    this.write('warn', undefined, message, details);
  }

  error(message: string, ...details: unknown[]): void {
    this.write('error', undefined, message, details);
  }

  /** A logger whose lines name the part of the app they come from: `(feed)`. */
  scoped(scope: string): Logger {
    return {
      info: (message, ...details) => this.write('info', scope, message, details),
      warn: (message, ...details) => this.write('warn', scope, message, details),
      error: (message, ...details) => this.write('error', scope, message, details),
    };
  }

  private write(level: LogLevel, scope: string | undefined, message: string, details: unknown[]) {
    const line = formatLogLine(level, new Date(this.now()), scope, message, details);
    this.echo?.(line, level);
    try {
      this.file.append(line);
      this.writeFailed = false;
    } catch (error) {
      if (!this.writeFailed) this.onWriteError(error);
      this.writeFailed = true;
    }
  }
}
