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

/** The certificates of one file with one subject, in file order. */
interface SameSubject {
  readonly indexes: number[];
  /** How many from the front `walkUp` has passed: every one of them is on its chain. */
  consumed: number;
}

/**
 * The certificates of one file by subject (`DistinguishedName.key`), so that finding an issuer is
 * a map lookup: one pass over the file, not one per certificate.
 */
function indexBySubject(certs: readonly Certificate[]): Map<string, SameSubject> {
  const bySubject = new Map<string, SameSubject>();
  certs.forEach((c, j) => {
    const entry = bySubject.get(c.subject.key);
    if (entry) entry.indexes.push(j);
    else bySubject.set(c.subject.key, { indexes: [j], consumed: 0 });
  });
  return bySubject;
}

/** The first certificate in file order, other than `i` itself, whose subject is `certs[i]`'s issuer. */
function firstIssuer(certs: readonly Certificate[], bySubject: Map<string, SameSubject>, i: number): number {
  const cert = certs[i]!;
  if (isSelfIssued(cert)) return -1;
  const list = bySubject.get(cert.issuer.key)?.indexes;
  if (list === undefined) return -1;
  return list[0] !== i ? list[0]! : (list[1] ?? -1);
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
  const bySubject = indexBySubject(certs);
  // A leaf is a certificate that issued none of the others.
  const isIssuer = new Uint8Array(certs.length);
  for (const i of identity) {
    const j = firstIssuer(certs, bySubject, i);
    if (j >= 0) isIssuer[j] = 1;
  }
  const leaves = identity.filter((i) => isIssuer[i] === 0);
  if (leaves.length === 1) {
    const path = walkUp(certs, bySubject, leaves[0]!);
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

/**
 * The chain from `leaf` upwards: each step takes the first certificate in file order that has the
 * issuer's name as subject and is not yet on the chain. Each subject list is consumed from the
 * front (a certificate once on the chain stays on it), so the walk is linear in the file.
 */
function walkUp(certs: readonly Certificate[], bySubject: Map<string, SameSubject>, leaf: number): number[] {
  const path = [leaf];
  const used = new Uint8Array(certs.length);
  used[leaf] = 1;
  for (let cert = certs[leaf]!; !isSelfIssued(cert); ) {
    const entry = bySubject.get(cert.issuer.key);
    if (entry === undefined) break;
    const list = entry.indexes;
    while (entry.consumed < list.length && used[list[entry.consumed]!] === 1) entry.consumed++;
    const next = list[entry.consumed];
    if (next === undefined) break;
    path.push(next);
    used[next] = 1;
    cert = certs[next]!;
  }
  return path;
}
