import WebSocket from 'ws';

export type Frame = Record<string, unknown>;

export interface Closed {
  code: number;
  reason: string;
}

const DEFAULT_WAIT_MS = 3000;

function asFrame(text: string): Frame | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Frame)
      : null;
  } catch {
    return null;
  }
}

/** A `ws` client that keeps every frame it receives, for asserting on. */
export class TestClient {
  /** Every text frame received, as sent. */
  readonly texts: string[] = [];
  /** The same frames parsed, null where the text is not a JSON object. */
  private readonly parsed: (Frame | null)[] = [];
  readonly closed: Promise<Closed>;
  private readonly waiters = new Set<() => void>();

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = data.toString();
      this.texts.push(text);
      this.parsed.push(asFrame(text));
      for (const wake of this.waiters) wake();
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const wake of this.waiters) wake();
      });
    });
    socket.on('error', () => {});
  }

  static connect(url: string): Promise<TestClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      const client = new TestClient(socket);
      socket.once('open', () => resolve(client));
      socket.once('error', reject);
    });
  }

  /** Frames that parsed as JSON objects. */
  get frames(): Frame[] {
    return this.parsed.filter((f): f is Frame => f !== null);
  }

  framesOfType(type: string): Frame[] {
    return this.frames.filter((f) => f.type === type);
  }

  broadcasts(channel?: string): Frame[] {
    return this.framesOfType('broadcast').filter(
      (f) => channel === undefined || f.channel === channel,
    );
  }

  send(message: Frame | string): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Resolves once `test` holds, checking after every frame; rejects after the timeout. */
  until<T>(test: () => T | undefined | false, timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const value = test();
        if (value === undefined || value === false) return false;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(
          new Error(
            `timed out after ${timeoutMs} ms; received: ${this.texts.slice(-5).join(' | ')}`,
          ),
        );
      }, timeoutMs);
      if (!check()) this.waiters.add(check);
    });
  }

  /** Waits for the first frame of this type that arrives after `afterIndex` texts. */
  nextOfType(type: string, afterIndex = 0, timeoutMs = DEFAULT_WAIT_MS): Promise<Frame> {
    return this.until(
      () => this.parsed.slice(afterIndex).find((f) => f?.type === type) ?? undefined,
      timeoutMs,
    );
  }

  async subscribe(apiKey: string, channels?: string[]): Promise<Frame> {
    const from = this.texts.length;
    this.send({ type: 'subscribe', apiKey, ...(channels ? { channels } : {}) });
    return this.nextOfType('subscribed', from);
  }

  /**
   * Sends a ping and waits for its pong. The server handles frames in order, so any
   * broadcast sent before the ping has arrived once this resolves.
   */
  async roundTrip(): Promise<void> {
    const from = this.texts.length;
    this.send({ type: 'ping' });
    await this.nextOfType('pong', from);
  }

  close(code = 1000, reason = ''): Promise<Closed> {
    if (
      this.socket.readyState === WebSocket.OPEN ||
      this.socket.readyState === WebSocket.CONNECTING
    ) {
      this.socket.close(code, reason);
    }
    return this.closed;
  }

  terminate(): Promise<Closed> {
    this.socket.terminate();
    return this.closed;
  }
}

export async function closeAll(clients: TestClient[]): Promise<void> {
  await Promise.all(clients.map((c) => c.terminate()));
}
