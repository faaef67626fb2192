import type { Page } from 'playwright-core';
import { EventEmitter } from './emitter';
import { registry } from './registry';

let nextId = 1;

type OpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

const creations = new EventEmitter();

/** The app hears of every new webContents here, as Electron's app 'web-contents-created'. */
export function onWebContentsCreated(listener: (contents: FakeWebContents) => void): void {
  creations.on('created', listener);
}

export function announceWebContents(contents: FakeWebContents): void {
  creations.emit('created', contents);
}

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

  /**
   * The page called window.open: asks the handler, as Electron does (no handler allows).
   * The stand-in opens no window either way; the decision is recorded for the test.
   */
  decideWindowOpen(url: string): 'allow' | 'deny' {
    const action = this.windowOpenHandler?.({ url }).action ?? 'allow';
    registry.windowOpens.push({ url, action });
    return action;
  }

  /**
   * The page is about to navigate its main frame (a link, location.href…, not a load from
   * main): 'will-navigate', which main may prevent. Answers whether it may go ahead.
   */
  decideNavigation(url: string): boolean {
    let prevented = false;
    const event = {
      url,
      preventDefault: () => {
        prevented = true;
      },
    };
    this.emit('will-navigate', event, url);
    registry.navigations.push({ url, blocked: prevented });
    return !prevented;
  }

  getURL(): string {
    return '';
  }

  isDestroyed(): boolean {
    return false;
  }

  /** The stand-in's renderer (a Chromium page) is not watched for crashes: never crashed. */
  isCrashed(): boolean {
    return false;
  }

  /** Waits until every push so far has reached the page. */
  flushed(): Promise<unknown> {
    return this.chain;
  }
}
