import { EventEmitter } from 'node:events';

/** Electron's emitters pass an event object with preventDefault() first. */
export function emitPreventable(target: EventEmitter, name: string, ...args: unknown[]): boolean {
  let prevented = false;
  const event = {
    preventDefault: () => {
      prevented = true;
    },
    defaultPrevented: false,
  };
  target.emit(name, event, ...args);
  return prevented;
}

export { EventEmitter };
