import { EventEmitter } from 'node:events';
import type { FeedSocket, SocketFactory } from '../../main/feed/socket';

/** A stand-in for a `ws` client socket, driven by the test. */
export class FakeSocket extends EventEmitter implements FeedSocket {
  readyState = 0;
  readonly sent: string[] = [];
  closedWith: number | undefined;
  terminated = false;

  constructor(readonly url: string) {
    super();
  }

  send(data: string): void {
    this.sent.push(data);
  }
  close(code?: number): void {
    this.closedWith = code;
    this.readyState = 2;
  }
  terminate(): void {
    this.terminated = true;
    this.readyState = 3;
  }

  // Server side of the conversation.
  acceptConnection(): void {
    this.readyState = 1;
    this.emit('open');
  }
  receive(frame: unknown): void {
    this.emit(
      'message',
      Buffer.from(typeof frame === 'string' ? frame : JSON.stringify(frame)),
      false,
    );
  }
  serverClose(code: number, reason = ''): void {
    this.readyState = 3;
    this.emit('close', code, Buffer.from(reason));
  }
  sentFrames(): unknown[] {
    return this.sent.map((s) => JSON.parse(s));
  }
  get isLive(): boolean {
    return !this.terminated && this.closedWith === undefined && this.readyState <= 1;
  }
}

export function fakeSocketFactory(): { factory: SocketFactory; sockets: FakeSocket[] } {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    factory: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
  };
}
