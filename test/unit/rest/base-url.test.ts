import { describe, expect, it } from 'vitest';
import { EndpointError, restBaseUrl } from '../../../main/rest';

describe('restBaseUrl', () => {
  it.each([
    ['wss://mmapi.55-tech.com/ws/subscribe', 'https://mmapi.55-tech.com/api/v1'],
    ['wss://mm.example.com:8443/ws/subscribe?x=1', 'https://mm.example.com:8443/api/v1'],
    ['ws://127.0.0.1:8765/ws/subscribe', 'http://127.0.0.1:8765/api/v1'],
    ['ws://localhost:9000/ws/subscribe', 'http://localhost:9000/api/v1'],
    ['ws://[::1]:9000/ws/subscribe', 'http://[::1]:9000/api/v1'],
  ])('%s → %s', (ws, rest) => {
    expect(restBaseUrl(ws)).toBe(rest);
  });

  it('refuses what the socket refuses', () => {
    expect(() => restBaseUrl('ws://mm.example.com/ws/subscribe')).toThrow(EndpointError);
    expect(() => restBaseUrl('https://mm.example.com/ws/subscribe')).toThrow(/wss/);
    expect(() => restBaseUrl('nonsense')).toThrow(/not a valid URL/);
  });
});
