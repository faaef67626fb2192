import type { Page } from 'playwright-core';
import { EventEmitter } from './emitter';

let nextId = 1;

type OpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  windowOpenHandler: OpenHandler | null = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly page: Promise<Page>) {
    super();
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
    if (this.sent.length > 200) this.sent.shift();
    // Serialised so pushes reach the page in the order they were sent.
    this.chain = this.chain.then(async () => {
      const page = await this.page;
      if (page.isClosed()) return;
      await page
        .evaluate(
          ([c, a]) =>
            (
              window as unknown as { __fakeElectronDispatch: (c: string, a: unknown[]) => void }
            ).__fakeElectronDispatch(c, a),
          [channel, args] as const,
        )
        .catch(() => {});
    });
  }

  setWindowOpenHandler(handler: OpenHandler): void {
    this.windowOpenHandler = handler;
  }

  getURL(): string {
    return '';
  }

  isDestroyed(): boolean {
    return false;
  }

  /** Waits until every push so far has reached the page. */
  flushed(): Promise<unknown> {
    return this.chain;
  }
}
