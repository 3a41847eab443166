/**
 * Extension policy as data (pyca's `ExtensionPolicy`), readable as a table: for each role a
 * certificate can play in a path (end entity, intermediate CA, trust anchor), a table of rows
 * `presence × criticality (+ validator)`. An extension that has no row and is critical is one
 * certgate does not process, so the certificate is rejected (RFC 5280 §4.2).
 */

import { isSelfIssued } from '../x509/chain-order.js';
import type { Certificate, Extension, ExtensionKind, ExtensionOf } from '../x509/model.js';
import { OID } from '../x509/oids.js';
import type { ErrorPlace, PathError } from './errors.js';

/** Whether an extension must, may or must not appear. */
export type Presence = 'required' | 'optional' | 'forbidden';

/** What the critical flag must be. */
export type Criticality = 'critical' | 'non-critical' | 'any';

/** Returns a lower-case reason when the extension's value breaks the profile. */
type ExtensionValidator<K extends ExtensionKind> = (
  extension: ExtensionOf<K>,
  cert: Certificate,
) => string | undefined;

/** One row of a table. `cite` names the rule the row encodes. */
export interface ExtensionRule<K extends ExtensionKind = ExtensionKind> {
  readonly presence: Presence;
  readonly criticality: Criticality;
  readonly cite: string;
  /** A `required` row does not apply to certificates for which this returns true. */
  readonly exempt?: (cert: Certificate) => boolean;
  readonly validate?: ExtensionValidator<K>;
}

/** A table: one optional row per known extension kind. */
export type ExtensionTable = {
  readonly [K in Exclude<ExtensionKind, 'unknown' | 'malformed'>]?: ExtensionRule<K>;
};

/** The tables of a policy, one per role. */
export interface ExtensionPolicy {
  readonly endEntity: ExtensionTable;
  readonly intermediate: ExtensionTable;
  /** Trust anchors the caller supplied (`--roots`, NODE_EXTRA_CA_CERTS, a library call). */
  readonly trustAnchor: ExtensionTable;
  /**
   * Trust anchors from a root program's store (Node's bundled Mozilla roots, the system store),
   * where the policy accepts what the program accepted: roots older than a profile are
   * grandfathered by their program, not re-judged. Defaults to `trustAnchor`.
   */
  readonly programAnchor?: ExtensionTable;
}

/**
 * Checks a certificate's extensions against a table. Returns the first problem: an unknown (or
 * unprocessed) critical extension, a missing or forbidden extension, a wrong critical flag, or a
 * validator's reason.
 */
export function checkExtensions(
  cert: Certificate,
  table: ExtensionTable,
  place: ErrorPlace,
): PathError | undefined {
  return extensionProblems(cert, table, place, true)[0];
}

/**
 * Every problem of a certificate's extensions against a table, in extension order and then the
 * missing ones (`firstOnly` stops at the first, which is what path validation needs).
 */
export function extensionProblems(
  cert: Certificate,
  table: ExtensionTable,
  place: ErrorPlace,
  firstOnly = false,
): PathError[] {
  const problems: PathError[] = [];
  for (const ext of cert.extensions) {
    // A known extension whose value does not decode: Chrome does not parse such a certificate and
    // OpenSSL marks it invalid (X509_V_ERR_INVALID_EXTENSION), so every policy refuses it
    if (ext.kind === 'malformed') {
      problems.push(invalid(place, ext.name, `its value does not decode: ${ext.reason}`));
      if (firstOnly) return problems;
      continue;
    }
    const rule = ext.kind === 'unknown' ? undefined : table[ext.kind];
    // RFC 5280 §4.2: "A certificate-using system MUST reject the certificate if it encounters a
    // critical extension it does not recognize or a critical extension that contains information
    // that it cannot process."
    const problem =
      rule === undefined
        ? ext.critical
          ? ({ ...place, kind: 'UnknownCriticalExtension', oid: ext.oid } as const)
          : undefined
        : problemOf(checkRow(ext, rule as ExtensionRule, cert), place, ext.kind);
    if (problem) {
      problems.push(problem);
      if (firstOnly) return problems;
    }
  }
  for (const [kind, rule] of requiredRows(table)) {
    if (rule.exempt?.(cert)) continue;
    if (cert.extension(kind) === undefined) {
      problems.push(invalid(place, kind, `the extension is missing; it is required (${rule.cite})`));
      if (firstOnly) return problems;
    }
  }
  return problems;
}

/** The `required` rows of each table, listed once (tables are frozen data). */
const requiredByTable = new WeakMap<ExtensionTable, readonly [ExtensionKind, ExtensionRule][]>();

function requiredRows(table: ExtensionTable): readonly [ExtensionKind, ExtensionRule][] {
  let rows = requiredByTable.get(table);
  if (rows === undefined) {
    rows = (Object.entries(table) as [ExtensionKind, ExtensionRule | undefined][]).filter(
      (row): row is [ExtensionKind, ExtensionRule] => row[1]?.presence === 'required',
    );
    requiredByTable.set(table, rows);
  }
  return rows;
}

const problemOf = (reason: string | undefined, place: ErrorPlace, kind: string): PathError | undefined =>
  reason === undefined ? undefined : invalid(place, kind, reason);

function checkRow(ext: Extension, rule: ExtensionRule, cert: Certificate): string | undefined {
  if (rule.presence === 'forbidden') return `the extension is not allowed here (${rule.cite})`;
  if (rule.criticality === 'critical' && !ext.critical) {
    return `the extension must be marked critical (${rule.cite})`;
  }
  if (rule.criticality === 'non-critical' && ext.critical) {
    return `the extension must not be marked critical (${rule.cite})`;
  }
  return (rule.validate as ExtensionValidator<ExtensionKind> | undefined)?.(ext as never, cert);
}

function invalid(place: ErrorPlace, extension: string, reason: string): PathError {
  return { ...place, kind: 'InvalidExtension', extension, reason };
}

// --- Facts about a certificate the rows need

/**
 * True when the certificate looks self-signed: self-issued, and its authorityKeyIdentifier (if
 * any) names its own subjectKeyIdentifier. RFC 5280 §4.2.1.1 exempts such certificates from
 * carrying an authorityKeyIdentifier.
 */
export function isSelfSigned(cert: Certificate): boolean {
  if (!isSelfIssued(cert)) return false;
  const aki = cert.extension('authorityKeyIdentifier')?.keyIdentifier;
  const ski = cert.extension('subjectKeyIdentifier')?.keyIdentifier;
  return aki === undefined || ski === undefined || Buffer.from(aki).equals(Buffer.from(ski));
}

/** True when basicConstraints asserts cA. */
export function isCa(cert: Certificate): boolean {
  return cert.extension('basicConstraints')?.ca === true;
}

// --- Validators shared by the policies

/** RFC 5280 §4.2.1.1: keyIdentifier MUST be present (it is how paths are built). */
export const akiHasKeyIdentifier: ExtensionValidator<'authorityKeyIdentifier'> = (aki) =>
  aki.keyIdentifier === undefined ? 'keyIdentifier is missing (RFC 5280 §4.2.1.1)' : undefined;

/** RFC 5280 §4.2.1.6: with an empty subject the SAN MUST be critical. */
export const sanCriticalIfSubjectEmpty: ExtensionValidator<'subjectAltName'> = (san, cert) =>
  cert.subject.rdns.length === 0 && !san.critical
    ? 'the subject is empty, so the extension must be critical (RFC 5280 §4.2.1.6)'
    : undefined;

/** CA/B BR §7.1.2.7.12: critical exactly when the subject is empty. */
export const sanCriticalIffSubjectEmpty: ExtensionValidator<'subjectAltName'> = (san, cert) => {
  const empty = cert.subject.rdns.length === 0;
  if (empty === san.critical) return undefined;
  return empty
    ? 'the subject is empty, so the extension must be critical (CA/B BR §7.1.2.7.12)'
    : 'the subject is not empty, so the extension must not be critical (CA/B BR §7.1.2.7.12)';
};

/** RFC 5280 §4.2.1.9: keyCertSign only with cA (checked for certificates that are not CAs). */
export const noKeyCertSignUnlessCa: ExtensionValidator<'keyUsage'> = (ku, cert) =>
  ku.usages.includes('keyCertSign') && !isCa(cert)
    ? 'keyCertSign is asserted but basicConstraints cA is not (RFC 5280 §4.2.1.9)'
    : undefined;

/** RFC 5280 §4.2.1.10: either permittedSubtrees or excludedSubtrees MUST be present. */
export const nameConstraintsNotEmpty: ExtensionValidator<'nameConstraints'> = (nc) =>
  !nc.permittedSubtrees?.length && !nc.excludedSubtrees?.length
    ? 'neither permittedSubtrees nor excludedSubtrees is present (RFC 5280 §4.2.1.10)'
    : undefined;

/** CA/B BR §7.1.2.7.10: subscriber certificates MUST NOT assert anyExtendedKeyUsage. */
export const noAnyEku: ExtensionValidator<'extKeyUsage'> = (eku) =>
  eku.purposes.includes(OID.anyExtendedKeyUsage)
    ? 'anyExtendedKeyUsage is not allowed in a subscriber certificate (CA/B BR §7.1.2.7.10)'
    : undefined;

/**
 * CA/B BR §7.1.2.1.3, all of it: a root's AKI holds only a keyIdentifier, equal to its SKI
 * (no authorityCertIssuer or authorityCertSerialNumber).
 */
export const rootAkiKeyIdentifierOnly: ExtensionValidator<'authorityKeyIdentifier'> = (aki, cert) => {
  if (!isSelfIssued(cert)) return undefined;
  if (aki.authorityCertIssuer !== undefined) return 'authorityCertIssuer is present (CA/B BR §7.1.2.1.3)';
  if (aki.authorityCertSerialNumber !== undefined)
    return 'authorityCertSerialNumber is present (CA/B BR §7.1.2.1.3)';
  return rootAkiMatchesSki(aki, cert);
};

/**
 * CA/B BR §7.1.2.1.3: a root's AKI keyIdentifier is present and equals its SKI. An anchor that is
 * not self-issued (an intermediate trusted directly) names its issuer's key, so it is exempt.
 */
export const rootAkiMatchesSki: ExtensionValidator<'authorityKeyIdentifier'> = (aki, cert) => {
  if (!isSelfIssued(cert)) return undefined;
  if (aki.keyIdentifier === undefined) return 'keyIdentifier is missing (CA/B BR §7.1.2.1.3)';
  const ski = cert.extension('subjectKeyIdentifier')?.keyIdentifier;
  if (ski !== undefined && !Buffer.from(ski).equals(Buffer.from(aki.keyIdentifier))) {
    return 'keyIdentifier differs from the subjectKeyIdentifier (CA/B BR §7.1.2.1.3)';
  }
  return undefined;
};
