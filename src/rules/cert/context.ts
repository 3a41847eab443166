/**
 * What a certificate rule sees: one decoded certificate, its place in the input, and the clock.
 * Rules are pure: same context, same findings.
 */

import type { Finding, Locator } from '../../types.js';
import type { Certificate } from '../../x509/model.js';

/** The role a certificate plays in the file it came from. */
export type CertRole = 'leaf' | 'intermediate' | 'root' | 'standalone';

export interface CertRuleContext {
  readonly cert: Certificate;
  readonly role: CertRole;
  readonly location: Locator;
  /** The validation time ("now", or `--at`). */
  readonly at: Date;
  /** Days before notAfter at which expiry becomes a warning. */
  readonly warnDays: number;
}

/** A certificate rule: a stable code and a pure check. */
export interface CertRule {
  readonly code: string;
  check(ctx: CertRuleContext): Finding | undefined;
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to`, rounded toward zero. */
export function daysBetween(from: Date, to: Date): number {
  return Math.trunc((to.getTime() - from.getTime()) / DAY_MS);
}

/** A short name for messages: the subject's CN, else the whole subject, else the fingerprint. */
export function certLabel(cert: Certificate): string {
  for (let i = cert.subject.rdns.length - 1; i >= 0; i--) {
    const cn = cert.subject.rdns[i]?.find((a) => a.shortName === 'CN');
    if (cn) return `"${cn.value}"`;
  }
  return cert.subject.text ? `"${cert.subject.text}"` : cert.sha256Fingerprint.slice(0, 23);
}

/** ISO date-time without milliseconds, as messages print times. */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
