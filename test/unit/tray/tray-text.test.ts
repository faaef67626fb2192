import { describe, expect, it } from 'vitest';
import { fitLines, oneLine, truncate } from '../../../main/tray/tray-text';

describe('truncate', () => {
  it('leaves short text alone', () => {
    expect(truncate('Live', 10)).toBe('Live');
  });

  it('cuts with an ellipsis within the limit', () => {
    expect(truncate('Reconnecting', 8)).toBe('Reconne…');
  });

  it('never splits a surrogate pair', () => {
    const text = 'ab😀cd';
    expect(truncate(text, 4)).toBe('ab…');
    expect(truncate(text, 5)).toBe('ab😀…');
  });
});

describe('oneLine', () => {
  it('collapses newlines and runs of spaces', () => {
    expect(oneLine('  risk\n limit\t hit ', 40)).toBe('risk limit hit');
  });
});

describe('fitLines', () => {
  it('keeps whole lines while they fit', () => {
    expect(fitLines(['aaaa', 'bbbb', 'cccc'], 9)).toBe('aaaa\nbbbb');
  });

  it('shortens the first line that does not fit when enough room is left', () => {
    const text = fitLines(['head', 'x'.repeat(40), 'tail'], 30);
    expect(text).toBe(`head\n${'x'.repeat(24)}…`);
    expect(text.length).toBe(30);
  });

  it('drops a line when too little of it would show', () => {
    expect(fitLines(['x'.repeat(20), 'y'.repeat(40)], 30)).toBe('x'.repeat(20));
  });

  it('shortens a first line longer than the limit', () => {
    expect(fitLines(['z'.repeat(50)], 10)).toBe(`${'z'.repeat(9)}…`);
  });
});
