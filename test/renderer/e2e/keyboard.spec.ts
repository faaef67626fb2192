import { expect, type Page, test } from '@playwright/test';
import { openDashboard, openView } from '../support/dashboard-page';
import { generateMarketDay } from '../support/market-day';
import { saveScreenshot } from '../support/screenshots';

const day = generateMarketDay({ warmupEvents: 1_500 });

/** The accessible name (or role) of what has keyboard focus. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return '';
    const label =
      element.getAttribute('aria-label') ??
      (element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null) ??
      element.textContent ??
      '';
    return `${element.getAttribute('role') ?? element.tagName.toLowerCase()}:${label.trim()}`;
  });
}

async function tabUntil(page: Page, wanted: string, limit = 40): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const name = await focused(page);
    seen.push(name);
    if (name === wanted) return seen;
  }
  throw new Error(`never reached ${wanted}; focus went through:\n${seen.join('\n')}`);
}

test.beforeEach(async ({ page }) => {
  await openDashboard(page, { snapshot: day.snapshot });
  await expect(page.getByRole('navigation')).toBeVisible();
});

test('Tab goes through the header, the views in order, then the view itself', async ({ page }) => {
  const path = await tabUntil(page, 'button:Settings');
  expect(path).toEqual([
    'button:Dismiss',
    expect.stringMatching(/^button:Overview/),
    'button:Live feed',
    'button:Orders',
    'button:Hedges',
    'button:Scores',
    'button:Settings',
  ]);
  await openView(page, 'Live feed');
  await page.getByRole('button', { name: 'Live feed' }).focus();
  const feedPath = await tabUntil(page, 'grid:Events, newest first');
  expect(feedPath).toEqual([
    'button:Orders',
    'button:Hedges',
    'button:Scores',
    'button:Settings',
    'select:Channel',
    'select:Event',
    'input:Search',
    'button:Pause',
    'grid:Events, newest first',
  ]);
});

test('Enter and Space open views; focus is visible', async ({ page }) => {
  const nav = page.getByRole('navigation');
  const orders = nav.getByRole('button', { name: 'Orders' });
  await orders.focus();
  await page.keyboard.press('Enter');
  await expect(orders).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('grid', { name: 'Orders, newest first' })).toBeVisible();
  const outline = await orders.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).not.toBe('none');

  const hedges = nav.getByRole('button', { name: 'Hedges' });
  await page.keyboard.press('Tab');
  await expect(hedges).toBeFocused();
  await page.keyboard.press(' ');
  await expect(hedges).toHaveAttribute('aria-current', 'page');
  await saveScreenshot(page, 'keyboard-focus-visible');
});

test('in a grid, arrows move the active row, Enter opens it, Tab stays in the dialog and Escape closes it', async ({
  page,
}) => {
  await openView(page, 'Live feed');
  const grid = page.getByRole('grid', { name: 'Events, newest first' });
  await grid.focus();
  // Focus lands on the first row in sight.
  const activeRowIndex = () =>
    expect.poll(() =>
      grid.evaluate((element) => {
        const id = element.getAttribute('aria-activedescendant');
        return id ? document.getElementById(id)?.getAttribute('aria-rowindex') : null;
      }),
    );
  await activeRowIndex().toBe('2');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowDown');
  const activeId = await grid.getAttribute('aria-activedescendant');
  const active = page.locator(`[id="${activeId}"]`);
  await expect(active).toHaveAttribute('aria-rowindex', '4');
  const activeItem = (await active.locator('td').nth(3).textContent()) ?? '';
  await saveScreenshot(page, 'keyboard-grid-active-row');

  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toBeFocused();
  // Tab cycles inside the dialog; the page behind it is inert.
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(grid).toBeFocused();
  expect(await grid.getAttribute('aria-activedescendant')).toBe(activeId);
  await expect(page.locator(`[id="${activeId}"] td`).nth(3)).toHaveText(activeItem);

  await page.keyboard.press('End');
  await activeRowIndex().toBe(String(day.snapshot.feed.recentEvents.length + 1));
  await page.keyboard.press('Home');
  await activeRowIndex().toBe('2');
  await page.keyboard.press('PageDown');
  await activeRowIndex().not.toBe('2');
  await page.keyboard.press(' ');
  await expect(dialog).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).press('Enter');
  await expect(dialog).toBeHidden();
});
