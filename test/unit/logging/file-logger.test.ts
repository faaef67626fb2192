import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileLogger, type FileLoggerOptions } from '../../../main/logging/file-logger';

const KEY = '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427';
const NOW = Date.parse('2026-11-27T10:00:00.000Z');

let userData: string;
let logs: string;
beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'mm-tray-logs-'));
  logs = join(userData, 'logs');
});
afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

const logger = (options: Partial<FileLoggerOptions> = {}) =>
  new FileLogger({ folder: logs, now: () => NOW, ...options });
const readLog = (name = 'main.log') => readFile(join(logs, name), 'utf8');

describe('FileLogger', () => {
  it('writes timestamped lines with their level into the logs folder, creating it', async () => {
    const log = logger();
    log.info('started');
    log.warn('slow', { ms: 120 });
    expect(log.logsFolder).toBe(logs);
    expect(log.filePath).toBe(join(logs, 'main.log'));
    expect(await readLog()).toBe(
      '2026-11-27T10:00:00.000Z [info] started\n2026-11-27T10:00:00.000Z [warn] slow { ms: 120 }\n',
    );
  });

  it('appends to the log of an earlier run', async () => {
    logger().info('first run');
    logger().info('second run');
    expect((await readLog()).split('\n')).toHaveLength(3);
  });

  it('redacts the key and any UUID-like secret in messages and details', async () => {
    const log = logger();
    log.info(`connecting with ${KEY}`);
    log.warn('frame', { apiKey: 'not-even-a-uuid', url: `wss://x/ws?apiKey=${KEY}` });
    log.error('failed', new Error(`auth failed for key ${KEY.toUpperCase()}`));
    log.info('compact', KEY.replaceAll('-', ''));
    const text = await readLog();
    expect(text).not.toMatch(/3f2b8c1e|9fa427/i);
    expect(text).not.toContain('not-even-a-uuid');
    expect(text).toContain('connecting with [redacted]');
    expect(text).toContain('apiKey=[redacted]');
  });

  it('keeps the stack of an error', async () => {
    logger().error('crashed', new Error('boom'));
    const text = await readLog();
    expect(text).toContain('[error] crashed Error: boom');
    expect(text).toMatch(/\n\s+at /);
  });

  it('names the scope of a scoped logger', async () => {
    logger().scoped('feed').warn('reconnecting');
    expect(await readLog()).toBe('2026-11-27T10:00:00.000Z [warn] (feed) reconnecting\n');
  });

  it('echoes redacted lines when asked', () => {
    const echoed: string[] = [];
    logger({ echo: (line) => echoed.push(line) }).info(`key ${KEY}`);
    expect(echoed).toEqual(['2026-11-27T10:00:00.000Z [info] key [redacted]\n']);
  });

  it('never throws when the log cannot be written, and says so once', async () => {
    await writeFile(userData.concat('/blocker'), 'a file, not a folder');
    const problems: unknown[] = [];
    const log = new FileLogger({
      folder: join(userData, 'blocker', 'logs'),
      onWriteError: (error) => problems.push(error),
    });
    expect(() => {
      log.info('one');
      log.info('two');
    }).not.toThrow();
    expect(problems).toHaveLength(1);
  });
});

describe('FileLogger rotation', () => {
  const line = (i: number) => `entry ${String(i).padStart(4, '0')} ${'x'.repeat(40)}`;
  // Each line is 24 (time) + 7 ([info]) + 1 + 51 + 1 = 84 bytes.
  const LINE_BYTES = 84;

  it('starts a new file past maxSize and keeps at most maxFiles older ones', async () => {
    const log = logger({ maxSize: LINE_BYTES * 10, maxFiles: 3 });
    for (let i = 0; i < 100; i++) log.info(line(i));

    expect((await readdir(logs)).sort()).toEqual([
      'main.1.log',
      'main.2.log',
      'main.3.log',
      'main.log',
    ]);
    for (const name of await readdir(logs)) {
      expect((await stat(join(logs, name))).size).toBeLessThanOrEqual(LINE_BYTES * 10);
    }
    const current = await readLog();
    expect(current.split('\n')[0]).toContain(line(90));
    expect(current).toContain(line(99));
    expect(await readLog('main.1.log')).toContain(line(89));
    expect(await readLog('main.3.log')).toContain(line(60));
  });

  it('rotates a file left large by an earlier run', async () => {
    logger({ maxSize: 1000 }).info('x'.repeat(2000));
    logger({ maxSize: 1000 }).info('next run');
    expect(await readLog()).toContain('next run');
    expect(await readLog('main.1.log')).toContain('x'.repeat(2000));
  });

  it('removes older files beyond a lowered limit', async () => {
    const first = logger({ maxSize: LINE_BYTES, maxFiles: 5 });
    for (let i = 0; i < 8; i++) first.info(line(i));
    expect(await readdir(logs)).toHaveLength(6);

    const second = logger({ maxSize: LINE_BYTES, maxFiles: 2 });
    second.info(line(8));
    expect((await readdir(logs)).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
  });

  it('keeps no older file when maxFiles is 0', async () => {
    const log = logger({ maxSize: LINE_BYTES, maxFiles: 0 });
    for (let i = 0; i < 5; i++) log.info(line(i));
    expect(await readdir(logs)).toEqual(['main.log']);
    expect(await readLog()).toContain(line(4));
  });
});
