import type { Channel } from './channels';

export type ClientFrame =
  | { type: 'subscribe'; apiKey: string; channels: Channel[] }
  | { type: 'ping' }
  | { type: 'unsubscribe' };

export const subscribeFrame = (apiKey: string, channels: readonly Channel[]): string =>
  JSON.stringify({ type: 'subscribe', apiKey, channels });
export const PING_FRAME = '{"type":"ping"}';
export const UNSUBSCRIBE_FRAME = '{"type":"unsubscribe"}';
