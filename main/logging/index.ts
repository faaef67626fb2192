export { type FeedLogSource, logFeed } from './feed-log';
export { FileLogger, type FileLoggerOptions } from './file-logger';
export { formatLogLine } from './log-line';
export { type Logger, type LogLevel, silentLogger } from './logger';
export { RotatingFile, type RotatingFileOptions } from './rotating-file';
