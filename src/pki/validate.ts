/**
 * Checks on one certificate in its role (leaf, intermediate, trust anchor) that do not depend on
 * which issuer path building picks: validity, the policy's field and key rules, the extension
 * table, CA-ness and purposes (RFC 5280 §6.1.3 (a)(2), §6.1.4 (k)-(o), §4.1.2.x). Issuer-
 * dependent checks (signature, pathLenConstraint, name constraints) live in `path-builder.ts`.
 */

import { formatIpAddress } from '../names/index.js';
import type { Certificate, KeyUsageName } from '../x509/model.js';
import { OID, oidName } from '../x509/oids.js';
import { describeKey } from './algorithms.js';
import type { ErrorPlace, PathError } from './errors.js';
import { checkExtensions, type ExtensionTable, extensionProblems, isCa } from './extension-policy.js';
import type { Policy } from './policy.js';
import type { Purpose } from './types.js';

/** The role a certificate plays in a candidate path. */
type Role = 'leaf' | 'intermediate' | 'anchor';

/** What the checks need besides the certificate. */
export interface CheckContext {
  readonly policy: Policy;
  /** The validation time, floored to whole seconds. */
  readonly at: Date;
  readonly purpose: Purpose;
  /** keyUsage bits the leaf must allow when it has the extension. */
  readonly requiredKeyUsages: readonly KeyUsageName[];
  /**
   * What the end of the path is: a TLS leaf (the default), or a CRL signer whose path is
   * validated for revocation (RFC 5280 §6.3.3 (f)), for which the TLS checks do not apply.
   */
  readonly endEntity?: 'tls' | 'crl-signer';
  /** Anchors from a root program's store, held to the policy's `programAnchor` table. */
  readonly programAnchors?: ReadonlySet<Certificate>;
}

const PURPOSE_OID: Record<Purpose, string> = { server: OID.serverAuth, client: OID.clientAuth };

/** Runs every issuer-independent check for `cert` in `role`; returns the first problem. */
export function checkCertificate(
  cert: Certificate,
  role: Role,
  place: ErrorPlace,
  ctx: CheckContext,
): PathError | undefined {
  const tlsLeaf = role === 'leaf' && ctx.endEntity !== 'crl-signer';
  return (
    checkValidity(cert, place, ctx.at) ??
    (tlsLeaf ? checkCaAsLeaf(cert, role, place, ctx.policy) : undefined) ??
    checkFields(cert, role, place, ctx) ??
    checkKey(cert, place, ctx.policy) ??
    (role !== 'leaf' ? checkCa(cert, role, place, ctx) : tlsLeaf ? checkLeaf(cert, place, ctx) : undefined)
  );
}

/**
 * RFC 5280 §4.1.2.5: valid from notBefore through notAfter, inclusive. The caller floors the
 * validation time to whole seconds, the granularity certificates are encoded in (limbo
 * rfc5280::validity::notafter-fractional; CA incident reports read it the same way).
 */
function checkValidity(cert: Certificate, place: ErrorPlace, at: Date): PathError | undefined {
  if (at.getTime() < cert.notBefore.getTime()) {
    return { ...place, kind: 'CertNotYetValid', time: at, notBefore: cert.notBefore };
  }
  if (at.getTime() > cert.notAfter.getTime()) {
    return { ...place, kind: 'CertExpired', time: at, notAfter: cert.notAfter };
  }
  return undefined;
}

/** Floors a time to whole seconds. */
export function floorToSecond(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 1000) * 1000);
}

function checkFields(
  cert: Certificate,
  role: Role,
  place: ErrorPlace,
  ctx: CheckContext,
): PathError | undefined {
  return (
    fieldProblems(cert, role, place, ctx.policy)[0] ?? checkExtensions(cert, tableFor(cert, role, ctx), place)
  );
}

function tableFor(cert: Certificate, role: Role, ctx: CheckContext): ExtensionTable {
  const table = ctx.policy.extensions;
  if (role === 'leaf') return table.endEntity;
  if (role === 'intermediate') return table.intermediate;
  return (ctx.programAnchors?.has(cert) ? table.programAnchor : undefined) ?? table.trustAnchor;
}

/** The policy's rules on the certificate's fields (not its extensions), each problem once. */
function fieldProblems(cert: Certificate, role: Role, place: ErrorPlace, policy: Policy): PathError[] {
  const problems: PathError[] = [];
  const invalid = (reason: string) => problems.push({ ...place, kind: 'InvalidCertificate', reason });
  // CA/B BR §7.1.1
  if (policy.requireV3 && cert.version !== 3) {
    invalid(`the certificate is version ${cert.version}; the web pki requires version 3 (CA/B BR §7.1.1)`);
  }
  if (policy.checkSerial && (role !== 'anchor' || policy.checkAnchorSerial)) {
    const serial = checkSerial(cert.serialNumber);
    if (serial) invalid(serial);
  }
  // RFC 5280 §4.1.2.4
  if (cert.issuer.rdns.length === 0) invalid('the issuer name is empty (RFC 5280 §4.1.2.4)');
  // RFC 5280 §4.1.2.6: a CA's subject is never empty; an end entity without one names itself in a SAN
  if (cert.subject.rdns.length === 0) {
    if (role !== 'leaf') invalid('a ca certificate has an empty subject (RFC 5280 §4.1.2.6)');
    else if (!cert.extension('subjectAltName')) {
      invalid('the subject is empty and there is no subjectAltName (RFC 5280 §4.1.2.6)');
    }
  }
  // RFC 5280 §4.1.1.2: signatureAlgorithm MUST equal the signature field in tbsCertificate
  if (!sameAlgorithmId(cert)) problems.push({ ...place, kind: 'SignatureAlgorithmMismatch' });
  return problems;
}

/**
 * Every rule of `ctx.policy` a certificate breaks in its role, not only the first: how a path that
 * validated under a lenient policy is held against an issuance profile. Validity and signatures
 * are not repeated (they passed), nor are issuer-dependent checks.
 */
export function profileProblems(
  cert: Certificate,
  role: Role,
  place: ErrorPlace,
  ctx: CheckContext,
): PathError[] {
  const { policy } = ctx;
  const single = [
    checkCaAsLeaf(cert, role, place, policy),
    checkKey(cert, place, policy),
    role === 'leaf' ? checkLeaf(cert, place, ctx) : checkCa(cert, role, place, ctx),
    role === 'leaf' && policy.commonNameInSan ? checkCommonNames(cert, place) : undefined,
  ].filter((p): p is PathError => p !== undefined);
  return [
    ...fieldProblems(cert, role, place, policy),
    ...single,
    ...extensionProblems(cert, tableFor(cert, role, ctx), place),
  ];
}

function sameAlgorithmId(cert: Certificate): boolean {
  const a = cert.signatureAlgorithm;
  const b = cert.tbsSignatureAlgorithm;
  // identical DER decodes to one interned value (x509/intern.ts)
  if (a === b) return true;
  if (a.oid !== b.oid) return false;
  if (a.parameters === undefined || b.parameters === undefined) return a.parameters === b.parameters;
  return Buffer.from(a.parameters).equals(Buffer.from(b.parameters));
}

// RFC 5280 §4.1.2.2: a positive integer of at most 20 octets. A 20-octet value with its sign
// octet (00) is 21 octets of DER; the value still fits, so that is accepted (as pyca does).
function checkSerial(hex: string): string | undefined {
  if (Number.parseInt(hex.slice(0, 2), 16) >= 0x80)
    return 'the serial number is negative (RFC 5280 §4.1.2.2)';
  if (/^0+$/.test(hex)) return 'the serial number is zero (RFC 5280 §4.1.2.2)';
  const octets = hex.length / 2;
  if (octets > 21 || (octets === 21 && !hex.startsWith('00'))) {
    return `the serial number is ${octets} octets long; the limit is 20 (RFC 5280 §4.1.2.2)`;
  }
  return undefined;
}

/** The policy's key rules (CA/B BR §6.1.5 for cabf). */
function checkKey(cert: Certificate, place: ErrorPlace, policy: Policy): PathError | undefined {
  const key = cert.publicKey;
  const weak = (): PathError => ({ ...place, kind: 'WeakKey', key: describeKey(key) });
  switch (key.type) {
    case 'rsa':
      if (key.modulusBits < policy.minRsaBits) return weak();
      if (policy.rsaBitsMultipleOf8 && key.modulusBits % 8 !== 0) return weak();
      return undefined;
    case 'ec':
      return policy.curves.has(key.curve) ? undefined : weak();
    case 'ed25519':
      return policy.signatureAlgorithms.has('Ed25519') ? undefined : weak();
    case 'ed448':
      return policy.signatureAlgorithms.has('Ed448') ? undefined : weak();
    case 'dsa':
      // a key without parameters inherits its issuer's, whose size was checked there
      if (policy.minDsaBits === undefined) return weak();
      return key.pBits === undefined || key.pBits >= policy.minDsaBits ? undefined : weak();
    default:
      // NOTE: RSA-PSS-only keys and explicit-curve EC keys: the BR forbid them and certgate
      // verifies nothing with them, so every policy refuses them.
      return weak();
  }
}

// CA/B BR §7.1.2.7.8: a subscriber certificate has cA FALSE (rustls-webpki: CaUsedAsEndEntity)
function checkCaAsLeaf(
  cert: Certificate,
  role: Role,
  place: ErrorPlace,
  policy: Policy,
): PathError | undefined {
  return role === 'leaf' && !policy.allowCaAsLeaf && isCa(cert)
    ? { ...place, kind: 'CaUsedAsEndEntity' }
    : undefined;
}

/** Key usages of which a TLS leaf needs one, for a signature or an RSA/DH key exchange. */
const TLS_KEY_USAGES: readonly KeyUsageName[] = ['digitalSignature', 'keyEncipherment', 'keyAgreement'];

function checkLeaf(cert: Certificate, place: ErrorPlace, ctx: CheckContext): PathError | undefined {
  const eku = checkPurpose(cert, place, ctx, ctx.policy.anyEkuSatisfiesPurpose);
  if (eku) return eku;
  // RFC 5280 §4.2.1.3: without the extension every usage is allowed
  const ku = cert.extension('keyUsage');
  if (!ku) return undefined;
  const missing = ctx.requiredKeyUsages.find((u) => !ku.usages.includes(u));
  if (missing) return { ...place, kind: 'KeyUsageNotAllowed', required: missing };
  // OpenSSL's ssl_server and ssl_client purposes (x509 `ku_reject`): a TLS key must be usable
  if (ctx.policy.tlsKeyUsage && !TLS_KEY_USAGES.some((u) => ku.usages.includes(u))) {
    return { ...place, kind: 'KeyUsageNotAllowed', required: TLS_KEY_USAGES.join(' or ') };
  }
  return undefined;
}

function checkCa(cert: Certificate, role: Role, place: ErrorPlace, ctx: CheckContext): PathError | undefined {
  // RFC 5280 §6.1.4 (k): the issuer must be a CA (v1/v2 certificates have no basicConstraints)
  const bcChecked = role !== 'anchor' || ctx.policy.anchorNeedsBasicConstraints;
  if (bcChecked && !isCa(cert)) return { ...place, kind: 'IssuerNotCa' };
  // RFC 5280 §6.1.4 (n): if keyUsage is present, keyCertSign must be set
  const ku = cert.extension('keyUsage');
  if (ku && !ku.usages.includes('keyCertSign')) return { ...place, kind: 'IssuerNotCertSigner' };
  // EKU chaining (Go, NSS, rustls-webpki): a CA's extKeyUsage, when present, limits what it issues
  if (role === 'intermediate' || ctx.policy.checkAnchorEku) return checkPurpose(cert, place, ctx, true);
  return undefined;
}

/**
 * RFC 5280 §4.2.1.12: with extKeyUsage present, the certificate is only for the purposes listed.
 * anyExtendedKeyUsage counts when `anyCounts` (CAs always; leaves under rfc5280).
 */
function checkPurpose(
  cert: Certificate,
  place: ErrorPlace,
  ctx: CheckContext,
  anyCounts: boolean,
): PathError | undefined {
  const eku = cert.extension('extKeyUsage');
  if (eku === undefined) return undefined;
  const required = PURPOSE_OID[ctx.purpose];
  if (eku.purposes.includes(required)) return undefined;
  if (anyCounts && eku.purposes.includes(OID.anyExtendedKeyUsage)) return undefined;
  return {
    ...place,
    kind: 'RequiredEkuNotFound',
    required: oidName(required) ?? required,
    present: eku.purposes.map((p) => oidName(p) ?? p),
  };
}

/**
 * CA/B BR §7.1.4.3: a subject CN, if present, is a character-for-character copy of a dNSName SAN,
 * or of an address SAN in RFC 3986 dotted-quad / RFC 5952 form. Clients ignore the CN, so
 * `verifyChain` runs this last, after the name check: it explains a chain only when nothing
 * else is wrong with it.
 */
export function checkCommonNames(cert: Certificate, place: ErrorPlace): PathError | undefined {
  const names = cert.extension('subjectAltName')?.names ?? [];
  const allowed = new Set<string>();
  for (const n of names) {
    if (n.type === 'dNSName') allowed.add(n.value);
    else if (n.type === 'iPAddress') allowed.add(formatIpAddress(n.bytes));
  }
  for (const rdn of cert.subject.rdns) {
    for (const a of rdn) {
      if (a.oid !== '2.5.4.3' || allowed.has(a.value)) continue;
      return { ...place, kind: 'CommonNameNotInSan', commonName: a.value, sans: [...allowed] };
    }
  }
  return undefined;
}
