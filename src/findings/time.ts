/**
 * Time as findings state it, the same way in every command: to the second in UTC, spans in whole
 * days, and one rule for "inside the warning window".
 */

/** One day in milliseconds (UTC days have no leap seconds in JavaScript time). */
export const DAY_MS = 86_400_000;

/** Whole days from `from` to `to`, rounded toward zero. */
export function daysBetween(from: Date, to: Date): number {
  return Math.trunc((to.getTime() - from.getTime()) / DAY_MS);
}

/** ISO date-time without milliseconds, as messages print times. */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Whether a certificate valid until `notAfter` is still valid at `at` but expires within
 * `warnDays` days (both ends inclusive): the expiry warning of `inspect` and of the gate.
 */
export function expiresWithin(notAfter: Date, at: Date, warnDays: number): boolean {
  const left = notAfter.getTime() - at.getTime();
  return left >= 0 && left <= warnDays * DAY_MS;
}
