/**
 * When a certificate needs attention: thresholds as time left (`30d`, `12h`) or as a share of
 * the lifetime used (`66%`), and the lifetime-aware default.
 *
 * The default follows the renewal conventions rather than a fixed day count, because lifetimes
 * are shrinking (200 days for public certificates since 2026-03-15, 100 from 2027, 47 from 2029):
 * automated renewal starts when about a third of the lifetime is left (the ACME convention;
 * ACM starts 45 days before the end of a 198-day certificate), so a certificate with less than
 * half of that window left, a sixth of its lifetime, has missed its renewal: a warning, at most
 * 30 days before the end (the long-standing fixed threshold, kept for year-long certificates).
 * Critical is a twentieth of the lifetime, at most 7 days: little time is left to act. A 398-day
 * certificate warns at 30 days and is critical at 7; a 90-day one at 15 and 4.5; a 47-day one at
 * 7.8 and 2.4; a 6-day one at 1 day and 7 hours.
 */

const DAY_MS = 86_400_000;

/** A threshold: time left before notAfter, or the share of the lifetime used (0..1). */
export type Threshold =
  | { readonly kind: 'left'; readonly ms: number }
  | { readonly kind: 'used'; readonly share: number };

/** The run's thresholds; one left out takes the lifetime-aware default. */
export interface Thresholds {
  readonly warn?: Threshold;
  readonly critical?: Threshold;
}

const UNITS: Readonly<Record<string, number>> = { d: DAY_MS, h: 3_600_000, w: 7 * DAY_MS };

/**
 * Parses `30d`, `12h`, `2w`, a bare number of days, or `66%` (of the lifetime used).
 * Returns the reason when the text is none of these.
 */
export function parseThreshold(text: string): Threshold | string {
  const t = text.trim().toLowerCase();
  const share = /^(\d+(?:\.\d+)?)%$/.exec(t);
  if (share) {
    const used = Number(share[1]) / 100;
    return used > 0 && used < 1
      ? { kind: 'used', share: used }
      : 'a share of the lifetime is between 0% and 100%';
  }
  const left = /^(\d+(?:\.\d+)?)([dhw]?)$/.exec(t);
  if (left) return { kind: 'left', ms: Number(left[1]) * UNITS[left[2] || 'd']! };
  return 'expected time left (30d, 12h, 2w) or a share of the lifetime used (66%)';
}

/** The threshold as text, for messages (`30d`, `12h`, `66%`). */
export function thresholdText(t: Threshold): string {
  if (t.kind === 'used') return `${Math.round(t.share * 1000) / 10}%`;
  const days = t.ms / DAY_MS;
  return Number.isInteger(days) ? `${days}d` : `${Math.round((t.ms / 3_600_000) * 10) / 10}h`;
}

/** The moment a threshold is crossed, for a certificate valid from `notBefore` to `notAfter`. */
function crossing(t: Threshold, notBefore: number, notAfter: number): number {
  return t.kind === 'left' ? notAfter - t.ms : notBefore + (notAfter - notBefore) * t.share;
}

/** The default: a sixth of the lifetime left, at most 30 days (warn); a twentieth, at most 7 (critical). */
function defaultCrossing(level: 'warn' | 'critical', notBefore: number, notAfter: number): number {
  const lifetime = Math.max(0, notAfter - notBefore);
  const left = level === 'warn' ? Math.min(30 * DAY_MS, lifetime / 6) : Math.min(7 * DAY_MS, lifetime / 20);
  return notAfter - left;
}

/** Where a certificate stands at a moment. */
export type Level = 'expired' | 'not-yet-valid' | 'critical' | 'warning' | 'ok';

/** A certificate's standing at `at`, with the moments its thresholds are crossed. */
export interface Standing {
  readonly level: Level;
  /** Days from `at` to notAfter (negative once expired), to one decimal. */
  readonly daysLeft: number;
  /** Days from notBefore to notAfter. */
  readonly lifetimeDays: number;
  /** The share of the lifetime gone at `at`, 0..1 (clamped). */
  readonly lifetimeUsed: number;
  readonly warnAt: Date;
  readonly criticalAt: Date;
}

/** Judges validity `notBefore`..`notAfter` at `at` against the thresholds. */
export function standingOf(notBefore: Date, notAfter: Date, at: Date, thresholds: Thresholds): Standing {
  const from = notBefore.getTime();
  const to = notAfter.getTime();
  const now = at.getTime();
  const warnAt = thresholds.warn ? crossing(thresholds.warn, from, to) : defaultCrossing('warn', from, to);
  const criticalAt = thresholds.critical
    ? crossing(thresholds.critical, from, to)
    : defaultCrossing('critical', from, to);
  const level: Level =
    now > to
      ? 'expired'
      : now < from
        ? 'not-yet-valid'
        : now >= criticalAt
          ? 'critical'
          : now >= warnAt
            ? 'warning'
            : 'ok';
  const lifetime = to - from;
  const used = lifetime > 0 ? (now - from) / lifetime : 1;
  return {
    level,
    daysLeft: Math.round(((to - now) / DAY_MS) * 10) / 10,
    lifetimeDays: Math.round((lifetime / DAY_MS) * 10) / 10,
    lifetimeUsed: Math.round(Math.min(1, Math.max(0, used)) * 1000) / 1000,
    warnAt: new Date(warnAt),
    criticalAt: new Date(criticalAt),
  };
}
