/**
 * The certificate rules, in report order: state first (expired, not yet valid, expiring), then
 * content (names, key, signature, extensions that do not decode), as the gate's decision order
 * puts certificate state before name coverage.
 */

import type { Finding } from '../../findings/finding.js';
import { createFinding } from '../../findings/finding.js';
import { certExpired } from './cert-01-expired.js';
import { certNotYetValid } from './cert-02-not-yet-valid.js';
import { certExpiresSoon } from './cert-03-expires-soon.js';
import { certNoSubjectAltName } from './cert-04-no-subject-alt-name.js';
import { certWeakRsaKey } from './cert-05-weak-rsa-key.js';
import { certWeakSignature } from './cert-06-weak-signature.js';
import { certMalformedExtension } from './cert-07-malformed-extension.js';
import type { CertificateUnderCheck, CertRule, CertRuleContext } from './define-rule.js';

export type { CertRole } from '../../x509/chain-order.js';
export type { CertificateUnderCheck, CertRule, CertRuleContext } from './define-rule.js';

export const CERT_RULES: readonly CertRule[] = [
  certExpired,
  certNotYetValid,
  certExpiresSoon,
  certNoSubjectAltName,
  certWeakRsaKey,
  certWeakSignature,
  certMalformedExtension,
];

/** The context `rule` checks `input` through: `report` makes findings of the rule's code. */
function contextFor(input: CertificateUnderCheck, rule: CertRule): CertRuleContext {
  return {
    ...input,
    report: (location, args, extra) => createFinding(rule.code, location, args, extra),
  };
}

/** Runs every certificate rule on one certificate. */
export function checkCertificate(input: CertificateUnderCheck): Finding[] {
  const findings: Finding[] = [];
  for (const rule of CERT_RULES) {
    const out = rule.check(contextFor(input, rule));
    if (out === undefined) continue;
    if (Array.isArray(out)) findings.push(...(out as readonly Finding[]));
    else findings.push(out as Finding);
  }
  return findings;
}
