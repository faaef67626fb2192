import type { NotificationConstructorOptions } from 'electron';
import { EventEmitter } from './emitter';
import { registry } from './registry';

export class FakeNotification extends EventEmitter {
  shown = false;
  closed = false;

  static isSupported(): boolean {
    return true;
  }

  constructor(readonly options: NotificationConstructorOptions = {}) {
    super();
  }

  get title(): string {
    return this.options.title ?? '';
  }

  get body(): string {
    return this.options.body ?? '';
  }

  show(): void {
    this.shown = true;
    registry.notifications.push(this);
    this.emit('show');
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.emit('close');
  }

  /** The user clicked it. */
  click(): void {
    this.emit('click');
  }
}
