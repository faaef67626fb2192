import { afterEach, describe, expect, it, vi } from 'vitest';
import { Emitter, reportListenerError, setListenerErrorReporter } from '../../common/emitter';

class Source extends Emitter<{ change: [number]; other: [] }> {
  send(value: number): void {
    this.emit('change', value);
  }
}

describe('Emitter', () => {
  afterEach(() => setListenerErrorReporter(null));

  it('calls every listener in order and stops calling one once removed', () => {
    const source = new Source();
    const seen: string[] = [];
    const off = source.on('change', (v) => seen.push(`a${v}`));
    source.on('change', (v) => seen.push(`b${v}`));
    source.send(1);
    off();
    source.send(2);
    expect(seen).toEqual(['a1', 'b1', 'b2']);
  });

  it('goes on to the other listeners when one throws, and does not throw to the emitter', () => {
    const reported: [unknown, string][] = [];
    setListenerErrorReporter((error, event) => reported.push([error, event]));
    const source = new Source();
    const failure = new RangeError('Invalid time value');
    const seen: number[] = [];
    source.on('change', () => {
      throw failure;
    });
    source.on('change', (v) => seen.push(v));
    expect(() => source.send(7)).not.toThrow();
    expect(seen).toEqual([7]);
    expect(reported).toEqual([[failure, 'change']]);
  });

  it('reports to console.error by default', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const source = new Source();
      const failure = new Error('boom');
      source.on('change', () => {
        throw failure;
      });
      source.send(1);
      expect(consoleError).toHaveBeenCalledWith('a listener of "change" threw', failure);
    } finally {
      consoleError.mockRestore();
    }
  });

  it('survives a reporter that throws', () => {
    setListenerErrorReporter(() => {
      throw new Error('logger down');
    });
    const source = new Source();
    const seen: number[] = [];
    source.on('change', () => {
      throw new Error('boom');
    });
    source.on('change', (v) => seen.push(v));
    expect(() => source.send(3)).not.toThrow();
    expect(() => reportListenerError(new Error('x'), 'change')).not.toThrow();
    expect(seen).toEqual([3]);
  });
});
