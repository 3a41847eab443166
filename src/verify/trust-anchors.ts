/**
 * Trust anchors for `verify`: by default the Mozilla root store that Node.js bundles
 * (`tls.rootCertificates`, the same roots Node's own TLS client trusts), decoded once per
 * process on first use; `roots` replaces it, `addRoots` adds to whichever set is in use.
 */

import { rootCertificates } from 'node:tls';
import type { Certificate } from '../x509/model.js';
import { readCertificates } from '../x509/read.js';

/** Where a trust anchor came from. */
export type AnchorOrigin = 'mozilla' | 'roots' | 'add-roots';

/** The anchors one verification uses, and the origin of each (by SHA-256 fingerprint). */
export interface TrustAnchors {
  readonly anchors: readonly Certificate[];
  readonly origins: ReadonlyMap<string, AnchorOrigin>;
  /** `mozilla` when Node's bundled roots are in use, `custom` when `roots` replaced them. */
  readonly store: 'mozilla' | 'custom';
}

let mozilla: readonly Certificate[] | undefined;

/**
 * Node's bundled Mozilla roots, decoded on first call and cached for the process. A root the
 * decoder refuses is left out rather than failing every verification (none does today: all 144
 * roots of Node 20 decode).
 */
export function mozillaRoots(): readonly Certificate[] {
  if (mozilla === undefined) {
    const decoded: Certificate[] = [];
    for (const pem of rootCertificates) {
      try {
        decoded.push(...readCertificates(pem).certificates);
      } catch {
        // NOTE: a root we cannot decode cannot anchor a path either; skipping it only narrows trust.
      }
    }
    mozilla = Object.freeze(decoded);
  }
  return mozilla;
}

/**
 * The anchors for one verification: `roots` (or the Mozilla roots when `roots` is undefined)
 * plus `addRoots`, without duplicates. The same set of certificates gives back the same (shared,
 * read-only) object, so the engine's anchor index is built once per set.
 */
export function resolveTrustAnchors(
  roots: readonly Certificate[] | undefined,
  addRoots: readonly Certificate[] = [],
): TrustAnchors {
  // The engine indexes an anchor list once per array (pki/trust-store.ts), so the same set of
  // anchors must come back as the same array: rebuilding the index of the ~145 Mozilla roots
  // costs about 0.8 ms, far more than a cached verification (`certgate probe` verifies one chain
  // per endpoint, hundreds per second).
  const fps = (list: readonly Certificate[]) => list.map((c) => c.sha256Fingerprint).join(',');
  const key = `${roots ? fps(roots) : 'mozilla'}|${fps(addRoots)}`;
  const known = resolved.get(key);
  if (known) return known;
  const trust = buildTrustAnchors(roots, addRoots);
  if (resolved.size >= RESOLVED_LIMIT) resolved.clear();
  resolved.set(key, trust);
  return trust;
}

/** Anchor sets kept by {@link resolveTrustAnchors}, keyed by their fingerprints (bounded). */
const resolved = new Map<string, TrustAnchors>();
const RESOLVED_LIMIT = 16;

function buildTrustAnchors(
  roots: readonly Certificate[] | undefined,
  addRoots: readonly Certificate[],
): TrustAnchors {
  const origins = new Map<string, AnchorOrigin>();
  const anchors: Certificate[] = [];
  const add = (list: readonly Certificate[], origin: AnchorOrigin) => {
    for (const cert of list) {
      if (origins.has(cert.sha256Fingerprint)) continue;
      origins.set(cert.sha256Fingerprint, origin);
      anchors.push(cert);
    }
  };
  add(roots ?? mozillaRoots(), roots ? 'roots' : 'mozilla');
  add(addRoots, 'add-roots');
  return { anchors, origins, store: roots ? 'custom' : 'mozilla' };
}

/** How messages name a trust store: `Mozilla roots`, `the given roots`, plus added roots. */
export function describeTrustStore(trust: TrustAnchors): string {
  const base = trust.store === 'mozilla' ? 'Mozilla roots' : 'the given roots';
  const added = [...trust.origins.values()].some((o) => o === 'add-roots');
  return added ? `${base} and the added roots` : base;
}
