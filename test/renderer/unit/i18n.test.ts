import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en';
import { createFormatters } from '../../../renderer/src/i18n/formatters';
import { formattingLocale, resolveLanguage } from '../../../renderer/src/i18n/locale';
import { createTranslator, messageTemplate } from '../../../renderer/src/i18n/translator';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogs', () => {
  it('Chinese has every English message, with the same placeholders, and translated', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      expect(placeholders(zhCN[key as keyof typeof en]), key).toEqual(placeholders(text));
    }
    const untranslated = Object.keys(en).filter(
      (key) =>
        zhCN[key as keyof typeof en] === en[key as keyof typeof en] &&
        /[a-z]{3}/.test(en[key as keyof typeof en].replace(/\{\w+\}|MM Tray|API|English/g, '')),
    );
    expect(untranslated).toEqual([]);
  });
});

describe('language', () => {
  it('follows the OS when the setting is "system"', () => {
    expect(resolveLanguage('system', ['zh-CN', 'en-US'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['zh-TW'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['en-GB'])).toBe('en');
    expect(resolveLanguage('system', ['fr-FR', 'de-DE'])).toBe('en');
    expect(resolveLanguage(undefined, ['zh-CN'])).toBe('zh-CN');
  });

  it('takes the setting over the OS', () => {
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
    expect(resolveLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
  });

  it("writes numbers and times in the user's own variant of the language", () => {
    expect(formattingLocale('en', ['en-GB'])).toBe('en-GB');
    expect(formattingLocale('en', ['zh-CN'])).toBe('en');
    expect(formattingLocale('zh-CN', ['zh-CN', 'en-US'])).toBe('zh-CN');
  });
});

describe('translator', () => {
  it('fills placeholders and picks plural forms', () => {
    const fmt = createFormatters('en-US');
    const { t, tp } = createTranslator('en', fmt.count);
    expect(t('feed.subject.order', { id: '123' })).toBe('Order 123');
    expect(tp('feed.newEvents', 1)).toBe('1 new event');
    expect(tp('feed.newEvents', 1200)).toBe('1,200 new events');
    const zh = createTranslator('zh-CN', createFormatters('zh-CN').count);
    expect(zh.tp('feed.newEvents', 1200)).toBe('1,200 条新事件');
  });
});

describe('formatters', () => {
  it('write money, odds and counts through Intl', () => {
    const fmt = createFormatters('en-US');
    expect(fmt.money(1234.5)).toBe('1,234.50');
    expect(fmt.odds(2.5)).toBe('2.50');
    expect(fmt.odds(3.125)).toBe('3.125');
    expect(fmt.count(5000)).toBe('5,000');
    expect(createFormatters('de-DE').money(1234.5)).toBe('1.234,50');
  });

  it('write exchange prices in cents as main does, keeping the tenth of a cent', () => {
    const fmt = createFormatters('en-US');
    expect(fmt.price(0.455)).toBe('45.5¢');
    expect(fmt.price(0.45)).toBe('45¢');
    expect(fmt.price(45.5)).toBe('45.5¢');
    expect(fmt.price(0.07)).toBe('7¢');
    const zh = createFormatters('zh-CN', messageTemplate('zh-CN', 'format.cents'));
    expect(zh.price(0.455)).toBe('45.5¢');
    expect(createFormatters('de-DE', '{value} ¢').price(0.455)).toBe('45,5 ¢');
  });

  it('say how long ago, and add the date to times not today', () => {
    const fmt = createFormatters('en-US');
    const now = Date.UTC(2026, 4, 1, 12, 0, 0);
    expect(fmt.ago(now - 12_000, now)).toBe('12 sec. ago');
    expect(fmt.ago(now - 3 * 60_000, now)).toBe('3 min. ago');
    expect(fmt.when(now - 3 * 86_400_000, now)).toMatch(/Apr/);
    expect(fmt.when(now - 1000, now)).not.toMatch(/Apr|May/);
  });
});
