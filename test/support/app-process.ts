import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ControlRequest } from '../app/fake-electron/control';
import { waitFor } from './wait';

const ROOT = resolve(__dirname, '../..');
const MAIN = resolve(ROOT, 'out/main/index.js');
const REGISTER = resolve(ROOT, 'out/harness/register.js');

export interface AppState {
  trays: {
    image: string;
    tooltip: string;
    title: string;
    menu: MenuItemState[] | null;
    menuSetCount: number;
    imageHistory: string[];
    tooltipHistory: string[];
    destroyed: boolean;
  }[];
  notifications: {
    title?: string;
    body?: string;
    urgency?: string;
    silent?: boolean;
    timeoutType?: string;
    closed: boolean;
  }[];
  windows: {
    title: string;
    visible: boolean;
    destroyed: boolean;
    focusCount: number;
    url: string;
    webPreferences?: Record<string, unknown>;
  }[];
  loginItem: { openAtLogin: boolean };
  appUserModelId: string | null;
  openedExternally: string[];
  openedPaths: string[];
  permissionHandlerSet: boolean;
}

export interface MenuItemState {
  id?: string;
  label?: string;
  type?: string;
  enabled: boolean;
  checked?: boolean;
  submenu?: MenuItemState[];
}

/**
 * The real main entry (out/main/index.js) under Node, with `electron` resolved to the
 * in-repo stand-in; driven over the child-process IPC channel.
 */
export class AppProcess {
  readonly child: ChildProcess;
  output = '';
  readonly exited: Promise<number | null>;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void }
  >();

  constructor(userData: string, env: Record<string, string | undefined> = {}) {
    for (const file of [MAIN, REGISTER]) {
      if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
    }
    this.child = spawn(process.execPath, ['--import', REGISTER, MAIN], {
      cwd: ROOT,
      env: { ...process.env, MM_TRAY_TEST: '1', FAKE_ELECTRON_USER_DATA: userData, ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString('utf8');
    };
    this.child.stdout!.on('data', collect);
    this.child.stderr!.on('data', collect);
    this.child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      const call = this.pending.get(message.id);
      if (!call) return;
      this.pending.delete(message.id);
      if (message.error !== undefined) call.reject(new Error(message.error));
      else call.resolve(message.result);
    });
    this.exited = new Promise((done) => this.child.once('exit', (code) => done(code)));
  }

  request<T = unknown>(request: ControlRequest): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, request });
    });
  }

  state(): Promise<AppState> {
    return this.request<AppState>({ cmd: 'state' });
  }

  evaluate<T = unknown>(expression: string): Promise<T> {
    return this.request<T>({ cmd: 'page-eval', expression });
  }

  /** Polls the app state until the condition holds. */
  async waitForState(
    condition: (state: AppState) => boolean,
    description: string,
    timeoutMs = 15_000,
  ): Promise<AppState> {
    let last: AppState | undefined;
    let busy = false;
    await waitFor(
      () => {
        if (!busy) {
          busy = true;
          void this.state()
            .then((s) => {
              last = s;
            })
            .catch(() => {})
            .finally(() => {
              busy = false;
            });
        }
        return last !== undefined && condition(last);
      },
      () => `${description}\n--- app output ---\n${this.output.slice(-3000)}`,
      timeoutMs,
    );
    return last!;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
