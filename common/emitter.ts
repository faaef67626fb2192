type Listener<A extends unknown[]> = (...args: A) => void;

/** Told of an exception a listener threw; the emit itself carries on. */
export type ListenerErrorReporter = (error: unknown, event: string) => void;

const toConsole: ListenerErrorReporter = (error, event) =>
  console.error(`a listener of "${event}" threw`, error);

let reporter: ListenerErrorReporter = toConsole;

/**
 * Where exceptions thrown by listeners go, for every emitter (the app sends them to its
 * log); null restores the default, console.error.
 */
export function setListenerErrorReporter(next: ListenerErrorReporter | null): void {
  reporter = next ?? toConsole;
}

/** Reports a listener's exception; a reporter that throws itself is ignored. */
export function reportListenerError(error: unknown, event: string): void {
  try {
    reporter(error, event);
  } catch {
    // Nothing more can be done: the emitting code must go on either way.
  }
}

/**
 * A minimal typed event emitter; `on` returns the function that removes the listener.
 * A listener that throws neither stops the others nor reaches the emitting code (a state
 * machine emitting mid-transition must not be broken by a subscriber): its exception is
 * reported instead.
 */
export class Emitter<Events extends { [K in keyof Events]: unknown[] }> {
  private readonly listeners = new Map<keyof Events, Set<Listener<unknown[]>>>();

  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as unknown as Listener<unknown[]>);
    return () => set.delete(listener as unknown as Listener<unknown[]>);
  }

  protected emit<K extends keyof Events>(event: K, ...args: Events[K]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const listener of set) {
      try {
        listener(...args);
      } catch (error) {
        reportListenerError(error, String(event));
      }
    }
  }
}
