/**
 * The certificate rules, in report order: state first (expired, not yet valid, expiring), then
 * content (names, key, signature), as DESIGN.md's decision order puts certificate state before
 * name coverage.
 */

import type { Finding } from '../../findings/finding.js';
import type { CertRule, CertRuleContext } from './context.js';

export type { CertRole, CertRule, CertRuleContext } from './context.js';

import { certExpired } from './expired.js';
import { certExpiresSoon } from './expires-soon.js';
import { certNoSubjectAltName } from './no-subject-alt-name.js';
import { certNotYetValid } from './not-yet-valid.js';
import { certWeakRsaKey } from './weak-rsa-key.js';
import { certWeakSignature } from './weak-signature.js';

export const CERT_RULES: readonly CertRule[] = [
  certExpired,
  certNotYetValid,
  certExpiresSoon,
  certNoSubjectAltName,
  certWeakRsaKey,
  certWeakSignature,
];

/** Runs every certificate rule on one certificate. */
export function checkCertificate(ctx: CertRuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const rule of CERT_RULES) {
    const f = rule.check(ctx);
    if (f) findings.push(f);
  }
  return findings;
}
