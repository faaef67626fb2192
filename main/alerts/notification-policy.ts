import type { ConnectionStatus } from '../../common/domain/connection';
import {
  NOTIFICATION_KINDS,
  type NotificationIntent,
  type NotificationKind,
} from '../../common/domain/notifications';
import type { Language } from '../../common/i18n/language';
import { SERVER_CLOCK_SKEW_MS } from '../clock/server-clock-skew';
import type { HedgeDeclinedEffect, StoreEffect } from '../store/effects';
import type { MissingHedgeReport } from '../store/snapshot';
import { Coalescer, type Notice } from './coalescer';
import { ConnectionWatch } from './connection-watch';
import { type ClockFormat, clockFormat } from './format';
import { HedgeWatch, type NewlyMissingHedge } from './hedge-watch';
import {
  connectionNotice,
  emergencyClearedIntent,
  emergencyIntent,
  fillNotice,
  hedgeDeclinedNotice,
  hedgeMissingNotice,
  hedgeNotice,
  summaryIntent,
  type TextContext,
} from './notification-texts';
import { alertTexts } from './texts';

export interface NotificationPolicyOptions {
  /** Bursts of one kind within this window become one summary. Default 2 s. */
  coalesceWindowMs?: number;
  /** How long a fill may wait for its hedge before it is reported missing. Default 15 s. */
  hedgeGraceMs?: number;
  /** How long the feed may be down before connection-lost. Default 30 s. */
  connectionLostAfterMs?: number;
  /** Kinds the user wants; null or absent: all. Emergencies are always on. */
  enabledKinds?: Iterable<NotificationKind> | null;
  /** Mute everything but emergencies until this time (epoch ms). */
  quietUntil?: number | null;
  /** IANA zone for clock times in texts (tests pass 'UTC'); default: the system's. */
  timeZone?: string;
  /** The language of titles and bodies. Default 'en' (the CLI's). */
  language?: Language;
  /**
   * Whether fills are watched for their hedge. Default true. Off when the feed does not
   * carry the `bets` channel: no hedge would ever be seen, and every fill would be reported
   * missing its hedge. Fills are still reported.
   */
  watchHedges?: boolean;
  /** Size limits of the hedge watch. */
  maxPendingFills?: number;
  maxMissingHedgeOrders?: number;
}

const ALWAYS_ON: ReadonlySet<NotificationKind> = new Set(['emergency', 'emergency-cleared']);

function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null || a <= b ? a : b;
}

function textClock(language: Language, timeZone: string | undefined): ClockFormat {
  const texts = alertTexts(language);
  return clockFormat(timeZone, { locale: texts.locale, unknown: texts.unknownTime });
}

function validMs(name: string, ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`${name} must be >= 0 ms, got ${ms}`);
  return ms;
}

/**
 * Decides what the user is told, from store effects, connection status and time. Pure: no
 * timers, no I/O. Every entry point takes `now` and returns the notifications due now; the
 * engine keeps one timer at nextDeadline() and calls tick() when it fires.
 */
export class NotificationPolicy {
  private readonly hedges: HedgeWatch;
  private readonly connection: ConnectionWatch;
  private readonly coalescer: Coalescer;
  private readonly texts: TextContext;
  private enabled: ReadonlySet<NotificationKind> | null = null;
  private quietUntilMs: number | null = null;
  private readonly timeZone: string | undefined;
  private readonly watchHedges: boolean;

  constructor(options: NotificationPolicyOptions = {}) {
    const graceMs = validMs('hedgeGraceMs', options.hedgeGraceMs ?? 15_000);
    this.hedges = new HedgeWatch({
      graceMs,
      maxPendingFills: options.maxPendingFills,
      maxMissingOrders: options.maxMissingHedgeOrders,
    });
    this.connection = new ConnectionWatch(
      validMs('connectionLostAfterMs', options.connectionLostAfterMs ?? 30_000),
    );
    this.coalescer = new Coalescer(
      validMs('coalesceWindowMs', options.coalesceWindowMs ?? 2_000),
      (summary, at) => summaryIntent(summary, this.texts, at),
    );
    this.timeZone = options.timeZone;
    this.watchHedges = options.watchHedges ?? true;
    const language = options.language ?? 'en';
    this.texts = { language, clock: textClock(language, this.timeZone), hedgeGraceMs: graceMs };
    this.setEnabledKinds(options.enabledKinds ?? null);
    this.setQuietUntil(options.quietUntil ?? null);
  }

  onEffects(effects: readonly StoreEffect[], now: number): NotificationIntent[] {
    const out = this.dueWork(now);
    for (const effect of effects) this.handleEffect(effect, now, out);
    return out;
  }

  onStatus(status: ConnectionStatus, now: number): NotificationIntent[] {
    const out = this.dueWork(now);
    for (const alert of this.connection.onStatus(status, now)) {
      this.offer(connectionNotice(alert, this.texts), now, out);
    }
    return out;
  }

  /** Everything that has come due by `now`: missing hedges, connection-lost, burst summaries. */
  tick(now: number): NotificationIntent[] {
    const out: NotificationIntent[] = [];
    for (const alert of this.connection.due(now)) {
      this.offer(connectionNotice(alert, this.texts), now, out);
    }
    this.reportMissing(this.hedges.expire(now), now, out);
    for (const summary of this.coalescer.flushDue(now)) {
      if (!this.isMuted(summary.kind, now)) out.push(summary);
    }
    return out;
  }

  /**
   * The wall clock `now` comes from was set back by `stepMs`: every time kept moves back with
   * it, so each deadline (a hedge's grace, an outage's wait, a burst's window) is as far away
   * as it was, and is not held off by the step. Quiet mode is a time the user chose on the
   * clock: it stays.
   */
  clockSetBack(stepMs: number): void {
    this.hedges.shiftTimes(-stepMs);
    this.connection.shiftTimes(-stepMs);
    this.coalescer.shiftTimes(-stepMs);
  }

  /** When tick() next has work to do, or null when nothing is scheduled. */
  nextDeadline(): number | null {
    return earliest(
      earliest(this.connection.nextDeadline(), this.hedges.nextDeadline()),
      this.coalescer.nextDeadline(),
    );
  }

  /** Mutes everything but emergencies until `until` (epoch ms); null unmutes. Muted is dropped. */
  setQuietUntil(until: number | null): void {
    this.quietUntilMs = until !== null && Number.isFinite(until) ? until : null;
  }

  get quietUntil(): number | null {
    return this.quietUntilMs;
  }

  /** The kinds the user wants; null: all. Emergencies stay on whatever the set says. */
  setEnabledKinds(kinds: Iterable<NotificationKind> | null): void {
    this.enabled = kinds === null ? null : new Set(kinds);
  }

  get enabledKinds(): NotificationKind[] {
    return NOTIFICATION_KINDS.filter(
      (k) => this.enabled === null || this.enabled.has(k) || ALWAYS_ON.has(k),
    );
  }

  /** Takes effect at once, for waiting fills too (each still measured from when it was seen). */
  setHedgeGraceMs(ms: number): void {
    this.hedges.setGraceMs(validMs('hedgeGraceMs', ms));
    this.texts.hedgeGraceMs = ms;
  }

  /** Texts rendered from now on (summaries of a burst under way too) are in `language`. */
  setLanguage(language: Language): void {
    if (language === this.texts.language) return;
    this.texts.language = language;
    this.texts.clock = textClock(language, this.timeZone);
  }

  get language(): Language {
    return this.texts.language;
  }

  setCoalesceWindowMs(ms: number): void {
    this.coalescer.setWindowMs(validMs('coalesceWindowMs', ms));
  }

  /** Fills whose grace period ended without a hedge, for the snapshot. */
  missingHedges(): MissingHedgeReport {
    return this.hedges.report();
  }

  /** How many fills missingHedges() lists, without building the list (read per event). */
  get fillsMissingHedge(): number {
    return this.hedges.fillsMissingHedge;
  }

  /** What tick(now) would return, skipping the work when nothing is due (the per-frame path). */
  private dueWork(now: number): NotificationIntent[] {
    const due = this.nextDeadline();
    return due !== null && due <= now ? this.tick(now) : [];
  }

  private handleEffect(effect: StoreEffect, now: number, out: NotificationIntent[]): void {
    switch (effect.kind) {
      case 'fill': {
        const order = effect.order;
        const missing = this.watchHedges
          ? this.hedges.onFill({
              orderId: order.orderId,
              stake: effect.matchedDelta,
              exchange: order.exchange,
              fixtureId: order.fixtureId,
              at: now,
            })
          : [];
        this.offer(fillNotice(effect, this.texts), now, out);
        this.reportMissing(missing, now, out);
        return;
      }
      case 'hedge-placed':
        if (typeof effect.bet.orderId === 'string') {
          this.hedges.onHedge(effect.bet.orderId, effect.bet.betId, now);
        }
        this.offer(hedgeNotice(effect, this.texts), now, out);
        return;
      case 'hedge-covered':
        // Silent: the hedge was placed while the feed was away; it settles the fills seen
        // by then, not a later one (an old hedge REST lists must not hide a new fill).
        this.hedges.cover(
          effect.orderId,
          effect.placedAt === null
            ? Number.POSITIVE_INFINITY
            : effect.placedAt + SERVER_CLOCK_SKEW_MS,
        );
        return;
      case 'hedge-declined': {
        const replaced = this.watchHedges ? this.watchDeclined(effect, now, out) : effect.replaced;
        const told = replaced === effect.replaced ? effect : { ...effect, replaced };
        this.offer(hedgeDeclinedNotice(told, this.texts), now, out);
        return;
      }
      case 'emergency':
        out.push(emergencyIntent(effect, this.texts, now));
        return;
      case 'emergency-cleared':
        out.push(emergencyClearedIntent(effect, this.texts, now));
        return;
    }
  }

  /**
   * What the declined hedge covered waits for a hedge again (hedge-watch.ts); for one the
   * watch never saw cover anything, the order's matched stake does, unless a later hedge
   * of the order is live. A replacement a merge found (the watch never saw it) covers it
   * all. Returns whether a replacement covers it.
   */
  private watchDeclined(
    effect: HedgeDeclinedEffect,
    now: number,
    out: NotificationIntent[],
  ): boolean {
    if (effect.replacedByMerge) {
      this.hedges.forgetHedge(effect.bet.betId);
      return true;
    }
    const lost = this.hedges.onHedgeLost(effect.bet.betId, now);
    if (lost) {
      this.reportMissing(lost.missing, now, out);
      return lost.replaced;
    }
    const order = effect.order;
    const matched = order?.matchedStake;
    if (effect.replaced || !order || typeof matched !== 'number' || matched <= 0) {
      return effect.replaced;
    }
    const unseen = this.hedges.onUnseenHedgeLost({
      orderId: order.orderId,
      stake: matched,
      exchange: order.exchange,
      fixtureId: order.fixtureId,
      at: now,
    });
    this.reportMissing(unseen.missing, now, out);
    return unseen.replaced;
  }

  private reportMissing(
    missing: NewlyMissingHedge[],
    now: number,
    out: NotificationIntent[],
  ): void {
    for (const entry of missing) this.offer(hedgeMissingNotice(entry, this.texts), now, out);
  }

  private offer(notice: Notice, now: number, out: NotificationIntent[]): void {
    if (this.isMuted(notice.kind, now)) return;
    this.coalescer.add(notice, now, out);
  }

  private isMuted(kind: NotificationKind, now: number): boolean {
    if (ALWAYS_ON.has(kind)) return false;
    if (this.quietUntilMs !== null && now < this.quietUntilMs) return true;
    return this.enabled !== null && !this.enabled.has(kind);
  }
}
