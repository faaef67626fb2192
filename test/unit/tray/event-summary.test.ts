import { describe, expect, it } from 'vitest';
import { summariseEvent } from '../../../main/tray/event-summary';
import {
  accountEvent,
  betEvent,
  documentedFill,
  documentedHedge,
  emergencyEvent,
  orderEvent,
  scoreEvent,
} from '../store/feed-events';

describe('summariseEvent', () => {
  it('says what happened to an order', () => {
    expect(summariseEvent(documentedFill())).toBe('order polymarket fully matched');
    expect(summariseEvent(orderEvent('INSERT', { orderId: 1 }))).toBe('order new');
  });

  it('says what happened to a hedge', () => {
    expect(summariseEvent(documentedHedge())).toBe('hedge vertex placed');
    expect(summariseEvent(betEvent('UPDATE', { betId: 2, bookmaker: 'pinnacle' }))).toBe(
      'hedge pinnacle updated',
    );
  });

  it('gives an account balance and a score', () => {
    expect(summariseEvent(accountEvent({ exchange: 'kalshi', balance: 1234.5 }))).toBe(
      'account kalshi balance 1,234.50',
    );
    expect(summariseEvent(scoreEvent({ fixtureId: 'f1', scores: { home: 2, away: 1 } }))).toBe(
      'score f1 2-1',
    );
  });

  it('says whether an emergency was raised or cleared', () => {
    expect(summariseEvent(emergencyEvent({ emergency: true }))).toBe('emergency raised');
    expect(summariseEvent(emergencyEvent({ emergency: false }))).toBe('emergency cleared');
  });

  it('never repeats a UUID-shaped secret', () => {
    const event = orderEvent('UPDATE', {
      orderId: 1,
      exchange: '3f1c2a44-9b7e-4d7a-8c55-0123456789ab',
    });
    expect(summariseEvent(event)).toBe('order [redacted] updated');
  });
});
