import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unresolvedOrdersError } from '../../../main/app/feed-controller';
import { describeKeychainProblem } from '../../../main/secrets/keychain-problem';
import { createFormatters } from '../../../renderer/src/i18n/formatters';
import { errorText, keychainProblemText } from '../../../renderer/src/i18n/main-text';
import { createTranslator } from '../../../renderer/src/i18n/translator';

// The dashboard recognises main's English sentences to translate them (main-text.ts). These
// tests fail when main's wording changes without the dashboard following.

const zhTranslator = createTranslator('zh-CN', createFormatters('zh-CN').count);
const zh = zhTranslator.t;
const source = (path: string) => readFileSync(join(__dirname, '../../..', path), 'utf8');

describe('main’s texts the dashboard translates, as main writes them today', () => {
  it('every keychain problem main describes comes out translated', () => {
    const problems = [
      describeKeychainProblem(new Error('User interaction is not allowed'), 'darwin'),
      describeKeychainProblem(new Error('Access denied'), 'win32'),
      describeKeychainProblem(new Error('Cannot unlock collection'), 'linux'),
      describeKeychainProblem(new Error('Cannot create an item in a locked collection'), 'linux', {
        locked: true,
      }),
      describeKeychainProblem(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'), 'linux'),
    ];
    for (const problem of problems) {
      const shown = keychainProblemText(zh, problem);
      expect(shown).not.toBe(problem);
      expect(shown).not.toMatch(/No restart is needed|Reconnect now/);
    }
  });

  it('the connection reasons and key-test replies it matches are still the ones main writes', () => {
    const connection = source('main/feed/connection.ts');
    for (const text of [
      'no answer to a connection check',
      "'stopped by the user'",
      '`no "subscribed" reply within ',
      '`closed by the server (',
      '`connection closed (',
      "'connecting…'",
      '`no answer to ping within ',
    ]) {
      expect(connection).toContain(text);
    }
    const keyTester = source('main/app/key-tester.ts');
    for (const text of [
      "'no answer from the server in time'",
      "'the server accepted the key'",
      '`the server refused the key: ',
      "'no reason given'",
      '`could not connect: ',
    ]) {
      expect(keyTester).toContain(text);
    }
    expect(source('main/app/feed-controller.ts')).toContain(
      'no API key: add one in Settings, or try the demo',
    );
    const handlers = source('main/app/ipc-handlers.ts');
    for (const text of [
      "'no API key to test: enter one first'",
      "'to test another endpoint, enter the key: the saved one goes only to the saved endpoint'",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: main's template, as its source has it
      '`endpoint not changed: sending the saved API key to ${destination.host} was not confirmed`',
    ]) {
      expect(handlers).toContain(text);
    }
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the router's template, as its source has it
    expect(source('main/ipc/ipc-router.ts')).toContain('`${channel} failed: ${');
  });

  it('the orders of unknown final state come out translated, however many', () => {
    for (const count of [1, 3, 12]) {
      const ids = Array.from({ length: count }, (_, i) => String(100 + i));
      const { message } = unresolvedOrdersError(ids, 0);
      const shown = errorText(zh, zhTranslator.tp, message);
      expect(shown).not.toBe(message);
      expect(shown).toContain('100');
      expect(shown).not.toMatch(/shown as open|more/);
    }
  });
});
