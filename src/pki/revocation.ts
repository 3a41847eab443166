/**
 * Revocation against the CRLs the caller gives (RFC 5280 §6.3, simplified to complete, direct
 * CRLs): for each certificate below the anchor, every CRL its issuer signed must be usable, and
 * must not list its serial number. A CRL that names another issuer is ignored; a CRL that names
 * this issuer but cannot be used fails closed (`InvalidCrl`), because the status is unknown.
 */

import type { CertificateRevocationList } from '../x509/crl.js';
import { CRL_OID } from '../x509/crl.js';
import type { Certificate } from '../x509/model.js';
import { OID } from '../x509/oids.js';
import type { Budget } from './budget.js';
import type { PathError } from './errors.js';
import { isCa } from './extension-policy.js';
import type { Policy } from './policy.js';
import { checkSignature } from './signature.js';

/** CRL extensions certgate understands (RFC 5280 §5.2). */
const KNOWN_CRL_EXTENSIONS = new Set<string>([
  OID.authorityKeyIdentifier,
  OID.issuerAltName,
  OID.authorityInfoAccess,
  OID.freshestCRL,
  CRL_OID.cRLNumber,
  CRL_OID.issuingDistributionPoint,
]);

/** CRL entry extensions certgate understands (RFC 5280 §5.3). */
const KNOWN_ENTRY_EXTENSIONS = new Set<string>([CRL_OID.reasonCode, CRL_OID.invalidityDate]);

/**
 * Checks every non-anchor certificate of a built path (leaf first) against the CRLs. Returns
 * `Revoked` or `InvalidCrl` for the first certificate that fails, or undefined.
 */
export function checkRevocation(
  path: readonly Certificate[],
  crls: readonly CertificateRevocationList[],
  at: Date,
  policy: Policy,
  budget: Budget,
): PathError | undefined {
  if (crls.length === 0) return undefined;
  for (let i = 0; i + 1 < path.length; i++) {
    const cert = path[i]!;
    const issuer = path[i + 1]!;
    for (const crl of crls) {
      if (!appliesTo(crl, cert, issuer)) continue;
      const place = { certIndex: i, certificate: cert.subject.text };
      const problem = checkCrl(crl, issuer, at, policy, budget);
      if (problem && problem.kind !== 'crl') return problem;
      if (problem) return { ...place, kind: 'InvalidCrl', issuer: crl.issuer.text, reason: problem.reason };
      const entry = crl.revoked.find((r) => r.serialNumber === cert.serialNumber);
      // RFC 5280 §5.3.1: removeFromCRL only undoes a hold in a delta CRL
      if (entry && entry.reason !== 'removeFromCRL') {
        return {
          ...place,
          kind: 'Revoked',
          revokedAt: entry.revocationDate,
          ...(entry.reason ? { reason: entry.reason } : {}),
        };
      }
    }
  }
  return undefined;
}

// RFC 5280 §6.3.3 (b): the CRL issuer matches the certificate issuer; an authorityKeyIdentifier
// naming another key of the same CA means another CRL; (b)(2): the IDP scope covers the cert
function appliesTo(crl: CertificateRevocationList, cert: Certificate, issuer: Certificate): boolean {
  if (crl.issuer.key !== cert.issuer.key) return false;
  const aki = crl.extensions.find((e) => e.kind === 'authorityKeyIdentifier');
  const ski = issuer.extension('subjectKeyIdentifier')?.keyIdentifier;
  const keyId = aki?.kind === 'authorityKeyIdentifier' ? aki.keyIdentifier : undefined;
  if (keyId && ski && !Buffer.from(keyId).equals(Buffer.from(ski))) return false;
  const idp = crl.issuingDistributionPoint;
  if (idp === undefined) return true;
  if (idp.onlyContainsAttributeCerts) return false;
  if (idp.onlyContainsUserCerts && isCa(cert)) return false;
  return !(idp.onlyContainsCACerts && !isCa(cert));
}

type CrlProblem = { readonly kind: 'crl'; readonly reason: string } | PathError;

function checkCrl(
  crl: CertificateRevocationList,
  issuer: Certificate,
  at: Date,
  policy: Policy,
  budget: Budget,
): CrlProblem | undefined {
  const bad = (reason: string): CrlProblem => ({ kind: 'crl', reason });
  // RFC 5280 §6.3.3 (f): with keyUsage present, the CRL issuer must assert cRLSign
  const ku = issuer.extension('keyUsage');
  if (ku && !ku.usages.includes('cRLSign'))
    return bad("the issuer's keyUsage lacks cRLSign (RFC 5280 §6.3.3 (f))");
  const spent = budget.spendSignature();
  if (spent) return spent;
  const signature = checkSignature(crl, issuer, policy);
  if (signature) {
    return bad(
      signature.kind === 'BadSignature'
        ? "the crl signature does not verify with the issuer's key (RFC 5280 §6.3.3 (g))"
        : `the crl is signed with ${signature.algorithm}, which the policy does not allow`,
    );
  }
  return checkCrlFields(crl, at) ?? undefined;
}

function checkCrlFields(crl: CertificateRevocationList, at: Date): CrlProblem | undefined {
  const bad = (reason: string): CrlProblem => ({ kind: 'crl', reason });
  // RFC 5280 §5.1.2.4 / §5.1.2.5 and §6.3.3 (a)
  if (at.getTime() < crl.thisUpdate.getTime())
    return bad("the crl's thisUpdate is after the validation time");
  if (crl.nextUpdate && at.getTime() > crl.nextUpdate.getTime()) {
    return bad('the crl is out of date: its nextUpdate is before the validation time');
  }
  // RFC 5280 §5.2.3: conforming CRL issuers MUST include cRLNumber and mark it non-critical
  const number = crl.extensions.find((e) => e.oid === CRL_OID.cRLNumber);
  if (number === undefined) return bad('the crl has no cRLNumber (RFC 5280 §5.2.3)');
  if (number.critical) return bad("the crl's cRLNumber is critical (RFC 5280 §5.2.3)");
  // RFC 5280 §5.2.4 (delta CRLs) and §5.2.5 (indirect CRLs) are not supported: fail closed
  const idp = crl.issuingDistributionPoint;
  if (idp?.indirectCRL) return bad('indirect crls are not supported');
  for (const ext of crl.extensions) {
    if (ext.oid === CRL_OID.deltaCRLIndicator) return bad('delta crls are not supported');
    if (ext.critical && !KNOWN_CRL_EXTENSIONS.has(ext.oid)) {
      return bad(`the crl has an unsupported critical extension ${ext.oid}`);
    }
  }
  for (const entry of crl.revoked) {
    for (const ext of entry.extensions) {
      if (ext.critical && !KNOWN_ENTRY_EXTENSIONS.has(ext.oid)) {
        return bad(`a crl entry has an unsupported critical extension ${ext.oid}`);
      }
    }
  }
  return undefined;
}
