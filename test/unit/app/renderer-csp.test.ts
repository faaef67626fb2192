import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function pageCsp(): Map<string, string> {
  const html = readFileSync(join(__dirname, '../../../renderer/index.html'), 'utf8');
  const content = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1];
  if (content === undefined) throw new Error('the page has no CSP meta tag');
  return new Map(
    content.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources.join(' ')] as const;
    }),
  );
}

describe("the dashboard page's Content-Security-Policy", () => {
  it('loads scripts only from the app and connects nowhere', () => {
    const csp = pageCsp();
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('connect-src')).toBe("'none'");
  });

  it('allows no <base> rewrite, no form submission and no plugins', () => {
    const csp = pageCsp();
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'none'");
    expect(csp.get('object-src')).toBe("'none'");
  });
});
