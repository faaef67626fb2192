import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { NotificationTarget } from '../../../common/domain/notifications';
import type { PushBatch } from '../../../common/ipc/push-batch';
import { RENDERER_URL } from './build-renderer';
import { type FakeBridgeControl, type FakeBridgeSetup, installFakeBridge } from './fake-bridge';

type PageWindow = Window & { __fakeBridge: FakeBridgeControl };

/** Opens the built dashboard with the fake bridge installed before any page script runs. */
export async function openDashboard(page: Page, setup: FakeBridgeSetup): Promise<void> {
  await page.addInitScript(installFakeBridge, setup);
  await page.goto(RENDERER_URL);
}

/** Pushes batches as main would, only faster: a few per display frame. */
export async function pushBatches(
  page: Page,
  batches: readonly PushBatch[],
  perFrame = 20,
): Promise<void> {
  await page.evaluate(
    async ({ list, perFrame }) => {
      const bridge = (window as unknown as PageWindow).__fakeBridge;
      for (let i = 0; i < list.length; i += perFrame) {
        for (const batch of list.slice(i, i + perFrame)) bridge.push(batch);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
    },
    { list: batches, perFrame },
  );
}

export async function navigateTo(page: Page, target: NotificationTarget): Promise<void> {
  await page.evaluate((t) => (window as unknown as PageWindow).__fakeBridge.navigate(t), target);
}

export async function bridgeCalls(page: Page, method: string): Promise<unknown[][]> {
  return page.evaluate(
    (m) =>
      (window as unknown as PageWindow).__fakeBridge.calls
        .filter((call) => call.method === m)
        .map((call) => call.args),
    method,
  );
}

export async function openView(page: Page, name: RegExp | string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name }).click();
}

/** axe-core on the whole page: no violations of WCAG 2.1 A/AA or best practice. */
export async function expectNoAxeViolations(page: Page, context: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `   ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`)
        .join('\n')}`,
  );
  expect(summary, `axe violations in ${context}`).toEqual([]);
}
