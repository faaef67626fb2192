import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom does no layout: give scroll containers a size so the virtual grid draws rows.
if (typeof HTMLElement !== 'undefined') {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get() {
      return 600;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get() {
      return 1000;
    },
  });
}

afterEach(() => {
  cleanup();
});
