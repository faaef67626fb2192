import { describe, expect, it } from 'vitest';
import { settingsLoadNotice } from '../../../main/settings/load-notice';

const AT = Date.parse('2026-11-27T10:00:00.000Z');
const ASIDE = '/home/u/.config/MM Tray/settings.corrupt-2026-11-27T10-00-00-000Z.json';

describe('settingsLoadNotice', () => {
  it('says nothing when the file was fine or missing', () => {
    expect(settingsLoadNotice({ kind: 'loaded' }, 'en', AT)).toBeNull();
    expect(settingsLoadNotice({ kind: 'defaults' }, 'en', AT)).toBeNull();
  });

  it('tells that a corrupt file was replaced by defaults and where it was kept', () => {
    const notice = settingsLoadNotice(
      { kind: 'corrupt', reason: 'is not valid JSON', keptAside: ASIDE },
      'en',
      AT,
    );
    expect(notice).toMatchObject({
      title: 'Settings reset to defaults',
      target: { view: 'settings' },
      urgent: true,
      count: 1,
      at: AT,
    });
    expect(notice?.body).toContain('production server');
    expect(notice?.body).toContain(`kept as ${ASIDE}`);
  });

  it('names the repaired fields, in the language asked for', () => {
    const fields = ['theme', 'hedgeGraceSeconds'];
    const notice = settingsLoadNotice({ kind: 'repaired', fields, keptAside: ASIDE }, 'zh-CN', AT);
    expect(notice?.title).toBe('部分设置已重置');
    expect(notice?.body).toContain('theme, hedgeGraceSeconds');
    expect(notice?.body).toContain(ASIDE);
    expect(notice?.urgent).toBe(false);
  });

  it('says that changes are not saved when the file could not be kept aside', () => {
    const outcome = {
      kind: 'corrupt',
      reason: 'cannot be read (EACCES)',
      keptAside: null,
    } as const;
    expect(settingsLoadNotice(outcome, 'en', AT)?.body).toContain('changes made now are not saved');
  });
});
