import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import type {
  LoadServerConfig,
  LoadServerMessage,
  WorkerMessage,
  WorkerResult,
  WorkerSpec,
} from './messages';

export function requireBuilt(path: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build:cli\` first`);
  return path;
}

function exitError(child: ChildProcess, what: string): Promise<never> {
  return new Promise((_resolve, reject) => {
    child.once('exit', (code, signal) =>
      reject(new Error(`${what} exited (${signal ?? `code ${code}`}) before it reported`)),
    );
  });
}

/** The load server process, and the reports it sends when a stream ends. */
export class LoadServer {
  private readonly queue: LoadServerMessage[] = [];
  private waiter: (() => void) | null = null;
  private readonly exited: Promise<never>;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: LoadServerMessage) => {
      this.queue.push(message);
      this.waiter?.();
    });
    this.exited = exitError(child, 'the load server');
    this.exited.catch(() => {});
  }

  static async start(
    path: string,
    config: LoadServerConfig,
  ): Promise<{ server: LoadServer; ready: Extract<LoadServerMessage, { type: 'ready' }> }> {
    const child = fork(requireBuilt(path), [JSON.stringify(config)], {
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const server = new LoadServer(child);
    const ready = await server.next('ready', 120_000);
    return { server, ready };
  }

  /** The next report of the given type; reports of other types that came first are dropped. */
  async next<T extends LoadServerMessage['type']>(
    type: T,
    timeoutMs: number,
  ): Promise<Extract<LoadServerMessage, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.queue.findIndex((m) => m.type === type);
      if (index >= 0)
        return this.queue.splice(index, 1)[0] as Extract<LoadServerMessage, { type: T }>;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`the load server sent no "${type}" report in time`);
      await Promise.race([
        new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          this.waiter = () => {
            clearTimeout(timer);
            resolve();
          };
        }),
        this.exited,
      ]);
      this.waiter = null;
    }
  }

  /** Drops reports not yet read (a run that failed may leave one behind). */
  clear(): void {
    this.queue.length = 0;
  }

  stop(): void {
    if (this.child.exitCode === null && this.child.connected) this.child.send({ type: 'stop' });
    setTimeout(() => {
      if (this.child.exitCode === null) this.child.kill('SIGKILL');
    }, 2_000).unref();
  }
}

/** Runs one measurement in a fresh worker process (worker-main.ts) and returns its result. */
export async function runWorker<R extends WorkerResult>(
  workerPath: string,
  spec: WorkerSpec,
  options: { timeoutMs: number; execArgv?: string[] },
): Promise<R> {
  const child = fork(requireBuilt(workerPath), [JSON.stringify(spec)], {
    execArgv: options.execArgv ?? [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const reply = await Promise.race([
      new Promise<WorkerMessage>((resolve) => child.once('message', resolve)),
      exitError(child, `the ${spec.task} worker`),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(`the ${spec.task} worker took longer than ${options.timeoutMs / 1000} s`),
            ),
          options.timeoutMs,
        );
      }),
    ]);
    if (reply.type === 'failed') throw new Error(`${spec.task} worker: ${reply.message}`);
    return reply.result as R;
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null) child.kill();
  }
}
