import { expect, type Page, test } from '@playwright/test';
import type { Settings } from '../../../common/settings/schema';
import { en } from '../../../renderer/src/i18n/en';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';
import { expectNoAxeViolations, openDashboard, pushBatches } from '../support/dashboard-page';
import { generateMarketDay } from '../support/market-day';
import { saveScreenshot } from '../support/screenshots';

/**
 * Every view in both themes and both languages, each reached both ways: following the OS
 * (prefers-color-scheme, navigator.language) with settings on 'system', and set in settings
 * against an OS that says otherwise.
 */
const COMBOS = [
  { name: 'light-en', os: 'light', locale: 'en-US', settings: {}, theme: 'light', lang: 'en' },
  { name: 'dark-zh', os: 'dark', locale: 'zh-CN', settings: {}, theme: 'dark', lang: 'zh-CN' },
  {
    name: 'dark-en',
    os: 'light',
    locale: 'zh-CN',
    settings: { theme: 'dark', language: 'en' },
    theme: 'dark',
    lang: 'en',
  },
  {
    name: 'light-zh',
    os: 'dark',
    locale: 'en-US',
    settings: { theme: 'light', language: 'zh-CN' },
    theme: 'light',
    lang: 'zh-CN',
  },
] as const satisfies readonly {
  name: string;
  os: 'light' | 'dark';
  locale: string;
  settings: Partial<Settings>;
  theme: 'light' | 'dark';
  lang: 'en' | 'zh-CN';
}[];

const VIEWS = ['overview', 'feed', 'orders', 'hedges', 'scores', 'settings'] as const;

async function showView(page: Page, label: string): Promise<void> {
  // The tab's name is its label, then maybe its count in words ("Overview 1 fill missing a hedge").
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const name = new RegExp(`^${escaped}(\\s|$)`);
  const button = page.getByRole('navigation').getByRole('button', { name });
  await button.click();
  await expect(button).toHaveAttribute('aria-current', 'page');
}

for (const combo of COMBOS) {
  test.describe(combo.name, () => {
    test.use({ colorScheme: combo.os, locale: combo.locale });

    test('every view renders, in the right theme and language, with no axe violations', async ({
      page,
    }) => {
      const catalog = combo.lang === 'en' ? en : zhCN;
      const day = generateMarketDay({
        warmupEvents: 2_500,
        streamedEvents: 400,
        eventsPerSecond: 40,
        settings: combo.settings,
      });
      await openDashboard(page, { snapshot: day.snapshot });
      await expect(page.locator('html')).toHaveAttribute('data-theme', combo.theme);
      await expect(page.locator('html')).toHaveAttribute('lang', combo.lang);
      await expect(page.getByRole('navigation', { name: catalog['nav.label'] })).toBeVisible();

      for (const view of VIEWS) {
        await showView(page, catalog[`nav.${view}`]);
        if (view === 'feed') {
          await pushBatches(page, day.batches);
          await expect(page.getByRole('grid')).toBeVisible();
        }
        await expect(page.getByRole('main')).toHaveAccessibleName(catalog[`nav.${view}`]);
        await expectNoAxeViolations(page, `${combo.name} ${view}`);
        await saveScreenshot(page, `${combo.name}-${view}`);
      }

      // The payload detail of an UPDATE, from the feed.
      await showView(page, catalog['nav.feed']);
      await page.getByRole('row').filter({ hasText: '→' }).first().click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await expectNoAxeViolations(page, `${combo.name} event detail`);
      await saveScreenshot(page, `${combo.name}-feed-detail`);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    });

    test('the emergency banner and the gap notice, with no axe violations', async ({ page }) => {
      const catalog = combo.lang === 'en' ? en : zhCN;
      const day = generateMarketDay({
        warmupEvents: 1_500,
        emergency: true,
        settings: combo.settings,
      });
      await openDashboard(page, { snapshot: day.snapshot });
      const banner = page.getByRole('alert').filter({ hasText: catalog['emergency.title'] });
      await expect(banner).toContainText(catalog['emergency.title']);
      await expect(banner).toContainText('Exchange connectivity lost: Polymarket');
      await expect(page.getByRole('status').filter({ hasText: /:/ }).first()).toBeVisible();
      await expectNoAxeViolations(page, `${combo.name} emergency`);
      await saveScreenshot(page, `${combo.name}-emergency`);
    });

    test('onboarding on first run with no key, with no axe violations', async ({ page }) => {
      const catalog = combo.lang === 'en' ? en : zhCN;
      const day = generateMarketDay({
        warmupEvents: 0,
        settings: combo.settings,
        keyStatus: { set: false, storage: 'none' },
      });
      await openDashboard(page, { snapshot: day.snapshot });
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalog['onboarding.title']);
      await expectNoAxeViolations(page, `${combo.name} onboarding`);
      await saveScreenshot(page, `${combo.name}-onboarding`);
    });
  });
}
