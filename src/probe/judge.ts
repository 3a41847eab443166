/**
 * Judging a completed handshake offline: decode the served chain, verify it and the name with
 * the library `verify()` (same engine and findings as `certgate verify`), compare the leaf with
 * `--expect`. Nothing here touches the network, so tests feed it recorded handshakes.
 *
 * Endpoints behind one edge serve few distinct chains, so work is cached by content: the decoded
 * chain and its JSON view by the chain's DER, the verification by chain + reference name + time.
 * Both caches are per run and bounded.
 */

import type { Finding } from '../findings/finding.js';
import { createFinding } from '../findings/finding.js';
import type { FindingArgs, Locator } from '../findings/types.js';
import { type VerifyResult, verify } from '../verify/verify.js';
import { decodeCertificate } from '../x509/certificate.js';
import { X509DecodeError } from '../x509/errors.js';
import type { Certificate } from '../x509/model.js';
import { checkExpectation, type ResolvedExpectation } from './expect.js';
import type { ProbeDetails, ServedCertificate } from './types.js';

/** Entries kept in each cache before it is cleared. */
const CACHE_LIMIT = 4096;

/** A served chain, decoded, with its report view; or the index and reason of the first bad certificate. */
type DecodedChain =
  | {
      readonly ok: true;
      readonly certificates: readonly Certificate[];
      readonly view: readonly ServedCertificate[];
    }
  | { readonly ok: false; readonly index: number; readonly reason: string };

/** What one run judges with: trust anchors decoded once, the validation time, caches. */
export interface Judge {
  readonly roots?: readonly Certificate[];
  readonly addRoots: readonly Certificate[];
  readonly extraCaCerts?: string | null;
  readonly at: Date;
  readonly chains: Map<string, DecodedChain>;
  readonly verifications: Map<string, VerifyResult>;
}

/** A new judge for one run. */
export function createJudge(settings: Omit<Judge, 'chains' | 'verifications'>): Judge {
  return { ...settings, chains: new Map(), verifications: new Map() };
}

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** An exact key for a list of DER blobs (length-prefixed latin1, one character per byte). */
function chainKey(chain: readonly Uint8Array[]): string {
  return chain
    .map(
      (der) =>
        `${der.byteLength}:${Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('latin1')}`,
    )
    .join('');
}

function viewOf(cert: Certificate, index: number): ServedCertificate {
  const sans = (cert.extension('subjectAltName')?.names ?? []).flatMap((n) =>
    n.type === 'dNSName' || n.type === 'iPAddress' ? [n.value] : [],
  );
  return {
    index,
    subject: cert.subject.text,
    issuer: cert.issuer.text,
    sha256: cert.sha256Fingerprint,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    sans,
    der: Buffer.from(cert.der).toString('base64'),
  };
}

/** Decodes a served chain (cached by content). */
function decodeChain(judge: Judge, chain: readonly Uint8Array[]): DecodedChain {
  const key = chainKey(chain);
  const known = judge.chains.get(key);
  if (known) return known;
  const certificates: Certificate[] = [];
  for (const [index, der] of chain.entries()) {
    try {
      certificates.push(decodeCertificate(der));
    } catch (err) {
      if (!(err instanceof X509DecodeError)) throw err;
      return remember(judge.chains, key, { ok: false, index, reason: err.message });
    }
  }
  return remember(judge.chains, key, { ok: true, certificates, view: certificates.map(viewOf) });
}

/** The reference identity a client checks: a DNS name, or an IP address. */
export type ProbeReference = { readonly host: string } | { readonly ip: string };

/** Verifies a decoded chain for a reference (cached by chain, reference and time). */
function verifyCached(
  judge: Judge,
  certificates: readonly Certificate[],
  reference: ProbeReference,
  source: string,
): VerifyResult {
  const name = 'host' in reference ? `h:${reference.host}` : `i:${reference.ip}`;
  const key = `${certificates.map((c) => c.sha256Fingerprint).join(',')}|${name}|${source}`;
  const known = judge.verifications.get(key);
  if (known) return known;
  const result = verify({
    chain: certificates,
    ...(judge.roots ? { roots: judge.roots } : {}),
    addRoots: judge.addRoots,
    ...(judge.extraCaCerts !== undefined ? { extraCaCerts: judge.extraCaCerts } : {}),
    ...reference,
    at: judge.at,
    source,
  });
  return remember(judge.verifications, key, result);
}

/** The served chain's verdict as findings, and the `verify` part of the details. */
export function judgeChain(
  judge: Judge,
  chain: readonly Uint8Array[],
  reference: ProbeReference,
  location: Locator,
  base: FindingArgs,
  expect?: ResolvedExpectation,
): { findings: Finding[]; details: Pick<ProbeDetails, 'chain' | 'verify'> } {
  if (chain.length === 0)
    return { findings: [createFinding('PROBE_NO_CERTIFICATE', location, base)], details: {} };
  const decoded = decodeChain(judge, chain);
  if (!decoded.ok) {
    return {
      findings: [
        createFinding(
          'PROBE_CHAIN_UNDECODABLE',
          { ...location, certIndex: decoded.index },
          { ...base, certIndex: decoded.index, reason: decoded.reason },
        ),
      ],
      details: {},
    };
  }
  const result = verifyCached(judge, decoded.certificates, reference, location.source);
  const findings = result.findings.map((f) =>
    f.code === 'INPUT_CHAIN_OUT_OF_ORDER'
      ? createFinding('PROBE_CHAIN_OUT_OF_ORDER', location, { ...base, sentOrder: f.args.fileOrder })
      : f,
  );
  if (expect) findings.push(...checkExpectation(decoded.certificates[0]!, expect, location, base));
  return {
    findings,
    details: {
      chain: decoded.view,
      verify: {
        verdict: result.verdict,
        ...(result.matchedName ? { matchedName: result.matchedName } : {}),
        ...(result.path ? { path: result.path.map((c) => c.sha256Fingerprint) } : {}),
        trustStore: result.trustStore,
      },
    },
  };
}
