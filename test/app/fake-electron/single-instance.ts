import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Electron's single-instance lock, between processes: a PID file decides (synchronously,
 * as Electron does) and a unix socket carries the second launch's argv to the first.
 */
export function requestSingleInstanceLock(
  userData: string,
  onSecondInstance: (argv: string[]) => void,
): boolean {
  mkdirSync(userData, { recursive: true });
  const lockFile = join(userData, 'SingletonLock');
  const socketPath = join(userData, 'SingletonSocket');
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    if (pid !== process.pid && isAlive(pid)) {
      const client = createConnection(socketPath, () => client.end(JSON.stringify(process.argv)));
      client.on('error', () => {});
      return false;
    }
  }
  writeFileSync(lockFile, String(process.pid));
  rmSync(socketPath, { force: true });
  const server = createServer((socket) => {
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk.toString('utf8');
    });
    socket.on('end', () => onSecondInstance(JSON.parse(data || '[]') as string[]));
  });
  server.listen(socketPath);
  server.unref();
  process.on('exit', () => {
    rmSync(lockFile, { force: true });
    rmSync(socketPath, { force: true });
  });
  return true;
}
