import { describe, expect, it } from 'vitest';
import { PRODUCTION_ENDPOINT } from '../../../common/settings/schema';
import { endpointNeedingConsent } from '../../../main/settings/endpoint-change';
import {
  CHANGE_ENDPOINT_BUTTON,
  endpointChangeDialog,
} from '../../../main/settings/endpoint-change-dialog';

describe('endpointNeedingConsent', () => {
  const ask = (endpoint: string | undefined, keyStored = true) =>
    endpointNeedingConsent(PRODUCTION_ENDPOINT, { endpoint }, keyStored)?.host ?? null;

  it.each([
    ['another host', 'wss://collector.example/ws/subscribe', 'collector.example'],
    ['another port', 'wss://mmapi.55-tech.com:8443/ws/subscribe', 'mmapi.55-tech.com:8443'],
    ['this machine', 'ws://127.0.0.1:8080/ws/subscribe', '127.0.0.1:8080'],
  ])('asks when a stored key would go to %s', (_, endpoint, host) => {
    expect(ask(endpoint)).toBe(host);
  });

  it('asks when only the scheme changes', () => {
    expect(
      endpointNeedingConsent(
        'ws://localhost:9000/ws',
        { endpoint: 'wss://localhost:9000/ws' },
        true,
      ),
    ).not.toBeNull();
  });

  it.each([
    ['the same endpoint', PRODUCTION_ENDPOINT],
    ['another path on the same server', 'wss://mmapi.55-tech.com/ws/other'],
    ['another spelling of the same server', 'WSS://MMAPI.55-tech.com:443/ws/subscribe'],
  ])('does not ask for %s', (_, endpoint) => {
    expect(ask(endpoint)).toBeNull();
  });

  it('does not ask when no key is stored, or the endpoint is left alone', () => {
    expect(ask('wss://collector.example/ws', false)).toBeNull();
    expect(ask(undefined)).toBeNull();
    expect(endpointNeedingConsent(PRODUCTION_ENDPOINT, {}, true)).toBeNull();
  });
});

describe('endpointChangeDialog', () => {
  it('names the new server and makes Cancel the default', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const options = endpointChangeDialog('collector.example', language);
      expect(options.detail).toContain('collector.example');
      expect(options.buttons).toHaveLength(2);
      expect(options.defaultId).not.toBe(CHANGE_ENDPOINT_BUTTON);
      expect(options.cancelId).not.toBe(CHANGE_ENDPOINT_BUTTON);
    }
  });
});
