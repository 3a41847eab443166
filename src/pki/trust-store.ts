/**
 * Candidate issuers for path building: trust anchors and untrusted intermediates indexed by
 * subject name (RFC 5280 §6.1.3 (a)(4): the issuer name of one certificate equals the subject
 * name of the next, compared as §7.1 says: case, insignificant spaces and string types aside, as
 * OpenSSL and Chrome compare them; `DistinguishedName.key`), and
 * ordered the way Go's `findPotentialParents` orders them: anchors before intermediates, and
 * within each, authorityKeyIdentifier = subjectKeyIdentifier first, mismatches last.
 */

import type { Certificate, DistinguishedName } from '../x509/model.js';

/** A possible issuer of a certificate. */
export interface Candidate {
  readonly cert: Certificate;
  readonly isAnchor: boolean;
}

type Index = ReadonlyMap<string, readonly Certificate[]>;

/** A fast, exact map key for DER bytes (latin1 keeps one character per byte, no copy). */
export function derKey(der: Uint8Array): string {
  return Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('latin1');
}

interface AnchorIndex {
  readonly index: Index;
  readonly der: ReadonlySet<string>;
}

const anchorIndexes = new WeakMap<readonly Certificate[], AnchorIndex>();

/**
 * Each certificate's DER key, made once per decoded certificate: the intermediates and anchors
 * a caller decodes once are indexed on every call, and a key is a copy of the whole DER.
 */
const keys = new WeakMap<Certificate, string>();

function keyOf(cert: Certificate): string {
  let key = keys.get(cert);
  if (key === undefined) {
    key = derKey(cert.der);
    keys.set(cert, key);
  }
  return key;
}

function buildIndex(certs: readonly Certificate[], skip?: ReadonlySet<string>): Index {
  const index = new Map<string, Certificate[]>();
  const seen = new Set<string>();
  for (const cert of certs) {
    const der = keyOf(cert);
    if (seen.has(der) || skip?.has(der)) continue;
    seen.add(der);
    const key = cert.subject.key;
    const list = index.get(key);
    if (list) list.push(cert);
    else index.set(key, [cert]);
  }
  return index;
}

/** The anchors and intermediates of one validation, indexed once. */
export class TrustStore {
  readonly #anchors: Index;
  readonly #intermediates: Index;
  readonly #anchorDer: ReadonlySet<string>;
  readonly #intermediateList: readonly Certificate[];
  #narrowed?: Map<Certificate, TrustStore>;

  /**
   * Indexes both lists. The anchor index is cached per array, so passing the same `anchors`
   * array (e.g. Node's root store decoded once) to many validations indexes it once; treat that
   * array as frozen once it has been used (a changed array is not re-indexed).
   */
  constructor(anchors: readonly Certificate[], intermediates: readonly Certificate[]) {
    let cached = anchorIndexes.get(anchors);
    if (cached === undefined) {
      cached = { index: buildIndex(anchors), der: new Set(anchors.map(keyOf)) };
      anchorIndexes.set(anchors, cached);
    }
    this.#anchors = cached.index;
    this.#anchorDer = cached.der;
    // An intermediate that is also an anchor is only tried as the anchor.
    this.#intermediates = buildIndex(intermediates, this.#anchorDer);
    this.#intermediateList = intermediates;
  }

  /**
   * The same intermediates with `anchor` as the only trust anchor: a CRL signer's path must end
   * at the anchor of the path it speaks for (RFC 5280 §6.3.3 (f)). Made once per anchor.
   */
  withOnlyAnchor(anchor: Certificate): TrustStore {
    this.#narrowed ??= new Map();
    let store = this.#narrowed.get(anchor);
    if (store === undefined) {
      store = new TrustStore([anchor], this.#intermediateList);
      this.#narrowed.set(anchor, store);
    }
    return store;
  }

  /** True when `cert` is itself one of the trust anchors (byte for byte). */
  isAnchor(cert: Certificate): boolean {
    // by subject first: no key for the leaf of every call (a copy of its DER)
    const named = this.#anchors.get(cert.subject.key);
    if (named === undefined) return false;
    const der = Buffer.from(cert.der.buffer, cert.der.byteOffset, cert.der.byteLength);
    return named.some((a) => a === cert || der.equals(a.der));
  }

  /** Every certificate whose subject is `cert`'s issuer, in the order to try them. */
  candidates(cert: Certificate): Candidate[] {
    return this.named(cert.issuer, cert.extension('authorityKeyIdentifier')?.keyIdentifier);
  }

  /** Every certificate whose subject is `name`, anchors first, those with key id `keyId` first. */
  named(name: DistinguishedName, keyId: Uint8Array | undefined): Candidate[] {
    const key = name.key;
    const order = (c: Certificate): number => keyIdRank(keyId, c);
    const anchors = [...(this.#anchors.get(key) ?? [])].sort((a, b) => order(a) - order(b));
    const intermediates = [...(this.#intermediates.get(key) ?? [])].sort((a, b) => order(a) - order(b));
    return [
      ...anchors.map((c) => ({ cert: c, isAnchor: true })),
      ...intermediates.map((c) => ({ cert: c, isAnchor: false })),
    ];
  }
}

// 0: the AKI names this SKI; 1: one side has no key identifier; 2: they differ.
function keyIdRank(keyId: Uint8Array | undefined, candidate: Certificate): number {
  const ski = candidate.extension('subjectKeyIdentifier')?.keyIdentifier;
  if (keyId === undefined || ski === undefined) return 1;
  return Buffer.from(keyId).equals(Buffer.from(ski)) ? 0 : 2;
}
