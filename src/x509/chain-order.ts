/**
 * Putting the certificates of one file in leaf-first order, the order TLS servers must send
 * (RFC 8446 §4.4.2: each certificate certifies the one before it). A file that is not one chain
 * (a bundle of roots, unrelated certificates) keeps its own order.
 */

import type { Certificate } from './model.js';

/** The role a certificate plays in the file it came from. */
export type CertRole = 'leaf' | 'intermediate' | 'root' | 'standalone';

export interface OrderedCertificates {
  /** Certificates leaf first when the file is one chain, else in file order. */
  readonly certificates: readonly Certificate[];
  /** For each position in `certificates`, its 0-based index in the file. */
  readonly fileIndex: readonly number[];
  readonly roles: readonly CertRole[];
  /** True when the file holds one chain and it was not already leaf first. */
  readonly reordered: boolean;
}

/**
 * Whether a certificate is self-issued: its issuer is its own subject, names compared as RFC 5280
 * §7.1 compares them (RFC 5280 §6.1's definition).
 */
export function isSelfIssued(cert: Certificate): boolean {
  return cert.subject.key === cert.issuer.key;
}

/** The index of the certificate in `certs` (other than `i`) whose subject is `certs[i]`'s issuer. */
function findIssuer(certs: readonly Certificate[], i: number, used: ReadonlySet<number>): number {
  const cert = certs[i]!;
  if (isSelfIssued(cert)) return -1;
  return certs.findIndex((c, j) => j !== i && !used.has(j) && c.subject.key === cert.issuer.key);
}

function bundleRole(cert: Certificate): CertRole {
  const ca = cert.extension('basicConstraints')?.ca === true;
  if (ca && isSelfIssued(cert)) return 'root';
  return ca ? 'intermediate' : 'standalone';
}

/** Orders one file's certificates leaf first and assigns each a role. */
export function orderLeafFirst(certs: readonly Certificate[]): OrderedCertificates {
  const identity = certs.map((_, i) => i);
  if (certs.length < 2) {
    return { certificates: certs, fileIndex: identity, roles: certs.map(bundleRole), reordered: false };
  }
  // A leaf is a certificate that issued none of the others.
  const issuers = new Set(certs.map((_, i) => findIssuer(certs, i, new Set([i]))).filter((j) => j >= 0));
  const leaves = identity.filter((i) => !issuers.has(i));
  if (leaves.length === 1) {
    const path = [leaves[0]!];
    const used = new Set(path);
    for (let next = findIssuer(certs, path[0]!, used); next >= 0; next = findIssuer(certs, next, used)) {
      path.push(next);
      used.add(next);
    }
    if (path.length === certs.length) {
      const last = certs[path[path.length - 1]!]!;
      const roles = path.map((_, k): CertRole => (k === 0 ? 'leaf' : 'intermediate'));
      if (isSelfIssued(last)) roles[roles.length - 1] = 'root';
      return {
        certificates: path.map((i) => certs[i]!),
        fileIndex: path,
        roles,
        reordered: path.some((fileI, k) => fileI !== k),
      };
    }
  }
  return { certificates: certs, fileIndex: identity, roles: certs.map(bundleRole), reordered: false };
}
