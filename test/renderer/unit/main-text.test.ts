import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../../renderer/src/i18n/formatters';
import {
  connectionReasonText,
  errorText,
  keychainProblemText,
  keyTestText,
  requestFailureText,
} from '../../../renderer/src/i18n/main-text';
import { orderStatusLabel } from '../../../renderer/src/i18n/order-status';
import { createTranslator } from '../../../renderer/src/i18n/translator';

const zh = createTranslator('zh-CN', createFormatters('zh-CN').count).t;
const en = createTranslator('en', createFormatters('en-US').count).t;

// As main/secrets/keychain-problem.ts writes them.
const READ_AGAIN =
  'No restart is needed: MM Tray reads the keychain again on its own, and at once on Reconnect now or a screen unlock.';
const SESSION_ONLY =
  'You can still use the key for this session only: it is kept in memory and forgotten when MM Tray quits.';
const lockedOnLinux = `The Secret Service keychain could not be used (Cannot unlock collection (x)). Make sure it is unlocked (GNOME Keyring or KWallet). ${READ_AGAIN} ${SESSION_ONLY}`;
const lockedNowOnLinux = `The Secret Service keychain is locked (Cannot create an item in a locked collection). Unlock it, then press Reconnect now: MM Tray also reads it again after a screen unlock. ${SESSION_ONLY}`;
const noBackend = `No keychain is available: MM Tray keeps the API key in a Secret Service keychain, and none is running. Install and unlock one, such as GNOME Keyring or KWallet (for example \`sudo apt install gnome-keyring libsecret-1-0\`). ${READ_AGAIN} ${SESSION_ONLY}`;
const macos = `The macOS Keychain could not be used (User interaction is not allowed). ${READ_AGAIN} ${SESSION_ONLY}`;

describe("main's texts in the dashboard's language", () => {
  it('translates a declined endpoint change, without the IPC channel the router names', () => {
    const refused =
      'settings:update failed: endpoint not changed: sending the saved API key to mm.example.com was not confirmed';
    expect(requestFailureText(zh, refused)).toBe(
      '端点未更改：未确认将已保存的 API 密钥发送到 mm.example.com',
    );
    expect(requestFailureText(en, refused)).toBe(
      'endpoint not changed: sending the saved API key to mm.example.com was not confirmed',
    );
    expect(requestFailureText(zh, 'key:set failed: disk full')).toBe('disk full');
  });

  it('translates the key tests that need a key first', () => {
    expect(keyTestText(zh, 'no API key to test: enter one first')).toBe(
      '没有可测试的 API 密钥：请先输入一个',
    );
    expect(
      keyTestText(
        zh,
        'to test another endpoint, enter the key: the saved one goes only to the saved endpoint',
      ),
    ).toBe('要测试其他端点，请输入密钥：已保存的密钥只会发送到已保存的端点');
  });

  it('translates the orders whose final state is unknown, ids and all', () => {
    const zhTp = createTranslator('zh-CN', createFormatters('zh-CN').count).tp;
    const enTp = createTranslator('en', createFormatters('en-US').count).tp;
    const many =
      '12 orders shown as open (1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more) no longer open on the server and not found in its order list: final state unknown, check them on the exchange';
    expect(errorText(zh, zhTp, many)).toBe(
      '12 个显示为未结的订单（1, 2, 3, 4, 5, 6, 7, 8, 9, 10 等另外 2 个）在服务器上已不再未结，且未在其订单列表中找到：最终状态未知，请在交易所核实',
    );
    expect(errorText(en, enTp, many)).toBe(many);
    const one =
      '1 order shown as open (42) no longer open on the server and not found in its order list: final state unknown, check them on the exchange';
    expect(errorText(en, enTp, one)).toBe(one);
    expect(errorText(zh, zhTp, 'engine: socket hang up')).toBe('engine: socket hang up');
  });

  it('translates the connection reasons main writes, keeping the numbers and server words', () => {
    expect(connectionReasonText(zh, 'no answer to ping within 10 s')).toBe('ping 在 10 秒内无应答');
    expect(connectionReasonText(zh, 'closed by the server (4000: Going away)')).toBe(
      '服务器关闭了连接（4000：Going away）',
    );
    expect(connectionReasonText(zh, 'connection closed (1006)')).toBe('连接已关闭（1006）');
    expect(connectionReasonText(zh, 'no "subscribed" reply within 10 s')).toBe(
      '10 秒内未收到“subscribed”回复',
    );
    expect(connectionReasonText(zh, 'no API key: add one in Settings, or try the demo')).toBe(
      '没有 API 密钥：请在设置中添加，或试用演示',
    );
  });

  it('shows a text it does not know (the server’s own) as it came', () => {
    expect(connectionReasonText(zh, 'Invalid API key')).toBe('Invalid API key');
    expect(keyTestText(zh, 'subscribed')).toBe('subscribed');
    expect(keychainProblemText(zh, 'something else entirely')).toBe('something else entirely');
  });

  it('translates the key test’s replies', () => {
    expect(keyTestText(zh, 'the server accepted the key')).toBe('服务器接受了该密钥');
    expect(keyTestText(zh, 'no answer from the server in time')).toBe('服务器未及时应答');
    expect(keyTestText(zh, 'the server refused the key: Invalid API key')).toBe(
      '服务器拒绝了该密钥：Invalid API key',
    );
    expect(keyTestText(zh, 'the server refused the key: no reason given')).toBe(
      '服务器拒绝了该密钥：未说明原因',
    );
    expect(keyTestText(zh, 'could not connect: connection closed (1006)')).toBe(
      '无法连接：连接已关闭（1006）',
    );
  });

  it('translates the keychain problem, keeping the system’s own reason', () => {
    const locked = keychainProblemText(zh, lockedOnLinux);
    expect(locked).toContain('Secret Service 钥匙串无法使用（Cannot unlock collection (x)）。');
    expect(locked).toContain('请确认它已解锁');
    expect(locked).toContain('无需重启');
    expect(locked).not.toMatch(/No restart|Make sure/);
    expect(keychainProblemText(zh, noBackend)).toMatch(/^没有可用的钥匙串.*sudo apt install/);
    const lockedNow = keychainProblemText(zh, lockedNowOnLinux);
    expect(lockedNow).toMatch(
      /^Secret Service 钥匙串已锁定（Cannot create an item in a locked collection）。 请先解锁/,
    );
    expect(lockedNow).not.toContain('无需重启');
    const mac = keychainProblemText(zh, macos);
    expect(mac).toMatch(/^macOS 钥匙串无法使用（User interaction is not allowed）。 无需重启/);
    expect(mac).not.toContain('请确认它已解锁');
  });

  it('gives back main’s English unchanged in English', () => {
    for (const text of [lockedOnLinux, noBackend, macos]) {
      expect(keychainProblemText(en, text)).toBe(text);
    }
    expect(keyTestText(en, 'the server refused the key: no reason given')).toBe(
      'the server refused the key: no reason given',
    );
    expect(connectionReasonText(en, 'closed by the server (4000: x)')).toBe(
      'closed by the server (4000: x)',
    );
  });
});

describe('order status labels', () => {
  it('are translated, with the server’s word for one this app does not know', () => {
    expect(orderStatusLabel(zh, 'CANCELLED')).toBe('已取消');
    expect(orderStatusLabel(zh, 'canceled')).toBe('已取消');
    expect(orderStatusLabel(zh, 'PLACED')).toBe('已下单');
    expect(orderStatusLabel(zh, 'PARTIALLY_MATCHED')).toBe('PARTIALLY_MATCHED');
    expect(orderStatusLabel(zh, undefined)).toBe('—');
    expect(orderStatusLabel(en, 'PENDING_PLACEMENT')).toBe('PENDING PLACEMENT');
  });
});
