/**
 * Trust anchors for `verify`: by default what Node.js's own TLS client trusts, the Mozilla root
 * store Node bundles (`tls.rootCertificates`) plus the file `NODE_EXTRA_CA_CERTS` names, each
 * decoded once per process on first use; `roots` replaces both (as Node's `ca` option does),
 * `addRoots` adds to whichever set is in use.
 */

import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { X509DecodeError } from '../x509/errors.js';
import type { Certificate } from '../x509/model.js';
import { readCertificates } from '../x509/read.js';

/** Where a trust anchor came from. */
export type AnchorOrigin = 'mozilla' | 'node-extra' | 'roots' | 'add-roots';

/** The anchors one verification uses, and the origin of each (by SHA-256 fingerprint). */
export interface TrustAnchors {
  readonly anchors: readonly Certificate[];
  readonly origins: ReadonlyMap<string, AnchorOrigin>;
  /** `mozilla` when Node's default store is in use, `custom` when `roots` replaced it. */
  readonly store: 'mozilla' | 'custom';
  /** The NODE_EXTRA_CA_CERTS file whose certificates were added to the default store. */
  readonly extraCaCerts?: string;
  /**
   * The anchors that come from a root program's store: the Mozilla roots, or `roots` when the
   * caller says they are one (the system store). The engine's `programAnchors`.
   */
  readonly programAnchors: ReadonlySet<Certificate>;
}

/** The certificates of a NODE_EXTRA_CA_CERTS file, or why Node would ignore it. */
export type ExtraCaCerts =
  | { readonly path: string; readonly certificates: readonly Certificate[] }
  | { readonly path: string; readonly error: string };

/** Larger than any CA bundle (Debian's is about 220 KB). */
const MAX_EXTRA_BYTES = 16 * 1024 * 1024;
const extraFiles = new Map<string, ExtraCaCerts>();

/**
 * Reads the file NODE_EXTRA_CA_CERTS names, once per path for the process (Node reads it once,
 * at start-up). A file that cannot be read or holds no certificate is an `error`: Node warns and
 * goes on with its bundled roots, and so does certgate.
 */
export function readExtraCaCerts(path: string): ExtraCaCerts {
  const known = extraFiles.get(path);
  if (known) return known;
  const result = loadExtraCaCerts(path);
  extraFiles.set(path, result);
  return result;
}

function loadExtraCaCerts(path: string): ExtraCaCerts {
  try {
    if (statSync(path).size > MAX_EXTRA_BYTES) return { path, error: 'larger than 16 MiB' };
    const { certificates } = readCertificates(readFileSync(path), { source: path });
    if (certificates.length === 0) return { path, error: 'no certificate in the file' };
    return { path, certificates };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { path, error: 'no such file' };
    if (code === 'EACCES') return { path, error: 'permission denied' };
    if (code === 'EISDIR') return { path, error: 'a directory, not a file' };
    if (err instanceof X509DecodeError) return { path, error: err.message };
    return { path, error: err instanceof Error ? err.message : String(err) };
  }
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
    // node:tls loaded only here: it costs some 10 ms of start-up, and most runs (a gate on ACM
    // evidence, a verify with --roots) never need the bundled roots
    const { rootCertificates } = createRequire(import.meta.url)('node:tls') as typeof import('node:tls');
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
  extra?: Extract<ExtraCaCerts, { certificates: unknown }>,
  rootsFromProgram = false,
): TrustAnchors {
  // The engine indexes an anchor list once per array (pki/trust-store.ts), so the same set of
  // anchors must come back as the same array: rebuilding the index of the ~145 Mozilla roots
  // costs about 0.8 ms, far more than a cached verification (`certgate probe` verifies one chain
  // per endpoint, hundreds per second).
  const fps = (list: readonly Certificate[]) => list.map((c) => c.sha256Fingerprint).join(',');
  // NODE_EXTRA_CA_CERTS extends the default store only (Node ignores it when `ca` is given)
  const withExtra = roots === undefined ? extra : undefined;
  // the same roots array (a roots text parsed once, see verify/input.ts) needs no key
  const plain =
    roots !== undefined && addRoots.length === 0 ? byArray(rootsFromProgram).get(roots) : undefined;
  if (plain) return plain;
  const key = `${roots ? fps(roots) : 'mozilla'}|${rootsFromProgram}|${withExtra ? `${withExtra.path}:${fps(withExtra.certificates)}` : ''}|${fps(addRoots)}`;
  const known = resolved.get(key);
  if (known) return known;
  const trust = buildTrustAnchors(roots, addRoots, withExtra, rootsFromProgram);
  if (resolved.size >= RESOLVED_LIMIT) resolved.clear();
  resolved.set(key, trust);
  if (roots !== undefined && addRoots.length === 0) byArray(rootsFromProgram).set(roots, trust);
  return trust;
}

/** Anchor sets by the roots array they were made from, when nothing was added to it. */
const byOwnArray = new WeakMap<readonly Certificate[], TrustAnchors>();
const byProgramArray = new WeakMap<readonly Certificate[], TrustAnchors>();
const byArray = (fromProgram: boolean) => (fromProgram ? byProgramArray : byOwnArray);

/** Anchor sets kept by {@link resolveTrustAnchors}, keyed by their fingerprints (bounded). */
const resolved = new Map<string, TrustAnchors>();
const RESOLVED_LIMIT = 16;

function buildTrustAnchors(
  roots: readonly Certificate[] | undefined,
  addRoots: readonly Certificate[],
  extra: Extract<ExtraCaCerts, { certificates: unknown }> | undefined,
  rootsFromProgram: boolean,
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
  if (extra) add(extra.certificates, 'node-extra');
  add(addRoots, 'add-roots');
  const program = roots === undefined ? mozillaRoots() : rootsFromProgram ? roots : [];
  return {
    anchors,
    origins,
    programAnchors: new Set(program),
    store: roots ? 'custom' : 'mozilla',
    ...(extra ? { extraCaCerts: extra.path } : {}),
  };
}

/**
 * How messages name a trust store: `Mozilla roots`, `the given roots`, with NODE_EXTRA_CA_CERTS
 * and the added roots when they are part of it.
 */
export function describeTrustStore(trust: TrustAnchors): string {
  const base = trust.store === 'mozilla' ? 'Mozilla roots' : 'the given roots';
  const parts = [base];
  if (trust.extraCaCerts) parts.push('NODE_EXTRA_CA_CERTS');
  if ([...trust.origins.values()].some((o) => o === 'add-roots')) parts.push('the added roots');
  return parts.length === 1 ? base : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
