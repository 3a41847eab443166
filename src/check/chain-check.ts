/**
 * What CloudFront would say about an imported certificate chain (rulebook §1.1 steps 2–5): its
 * length, each certificate's dates, trust by the Mozilla roots, and format. Trust is decided by
 * `verify()` (RFC 5280 path validation, without the browsers' CA/B profile), at a time when every
 * certificate is in date, so an expired chain still says whether it is trusted.
 */

import { DATE_PATH_CODES, FORMAT_PATH_CODES } from '../cloudfront/policies.js';
import type { FindingCode } from '../findings/catalog.js';
import type { Finding } from '../findings/finding.js';
import { certLabel } from '../findings/labels.js';
import { isoSeconds } from '../findings/time.js';
import { parsePresentedName } from '../names/index.js';
import type { ChainCheck } from '../rules/cf/define-rule.js';
import { verify } from '../verify/verify.js';
import type { Certificate } from '../x509/model.js';
import { dnsNamesOf } from './evidence.js';

type Malformed = ChainCheck['malformed'][number];

/** Checks a chain (leaf first, as given) at `at`, against `roots` or Node's Mozilla roots. */
export function checkChain(
  chain: readonly Certificate[],
  at: Date,
  roots?: readonly Certificate[],
): ChainCheck {
  const outOfDate = chain.flatMap((cert, index) => {
    const state = at < cert.notBefore ? 'not yet valid' : at > cert.notAfter ? 'expired' : undefined;
    if (!state) return [];
    const dates = { notBefore: isoSeconds(cert.notBefore), notAfter: isoSeconds(cert.notAfter) };
    return [{ index, subject: certLabel(cert), state, ...dates } as const];
  });
  const malformed = chain.flatMap(structuralProblems);
  const failure = chain.length ? pathFailure(chain, at, roots) : undefined;
  const base = { length: chain.length, outOfDate };
  if (!failure) return { ...base, malformed };
  const subject = String(failure.args.subject ?? certLabel(chain[0]!));
  const certIndex = Number(failure.args.certIndex ?? 0);
  if (FORMAT_PATH_CODES.includes(failure.code)) {
    // One finding per certificate: the structural check may already have said it.
    if (malformed.some((m) => m.index === certIndex)) return { ...base, malformed };
    const reason = `${failure.code}${failure.args.reason ? `: ${String(failure.args.reason)}` : ''}`;
    return { ...base, malformed: [...malformed, { index: certIndex, subject, reason }] };
  }
  return { ...base, malformed, untrusted: { pathCode: failure.code as FindingCode, subject, certIndex } };
}

/** v1/v2 certificates, unknown key types, and malformed dNSName SANs on the leaf (CF-08; D-REQ: X.509 v3). */
function structuralProblems(cert: Certificate, index: number): Malformed[] {
  const subject = certLabel(cert);
  const out: Malformed[] = [];
  if (cert.version !== 3) out.push({ index, subject, reason: `X.509 version ${cert.version}, not v3` });
  if (cert.publicKey.type === 'unknown') out.push({ index, subject, reason: 'unknown public key algorithm' });
  if (index > 0) return out;
  for (const name of dnsNamesOf(cert)) {
    const parsed = parsePresentedName(name);
    if (!parsed.ok) out.push({ index, subject, reason: `subjectAltName "${name}": ${parsed.error.reason}` });
  }
  return out;
}

/**
 * The first path failure other than dates: validated at `at`, and when that fails on dates,
 * again at the latest notBefore if every certificate is valid then (CF-05 reports the dates).
 */
function pathFailure(
  chain: readonly Certificate[],
  at: Date,
  roots?: readonly Certificate[],
): Finding | undefined {
  const first = verifyAt(chain, at, roots);
  if (!first || !DATE_PATH_CODES.includes(first.code)) return first;
  const latestStart = Math.max(...chain.map((c) => c.notBefore.getTime()));
  const earliestEnd = Math.min(...chain.map((c) => c.notAfter.getTime()));
  if (latestStart > earliestEnd) return undefined;
  const second = verifyAt(chain, new Date(latestStart), roots);
  return second && !DATE_PATH_CODES.includes(second.code) ? second : undefined;
}

function verifyAt(
  chain: readonly Certificate[],
  at: Date,
  roots?: readonly Certificate[],
): Finding | undefined {
  try {
    // RFC 5280 rather than the browsers' CA/B profile: CloudFront asks for a trusted CA and a
    // well-formed v3 certificate (D-REQ), not for the Baseline Requirements' extension rules.
    const result = verify({
      chain: [...chain],
      at,
      policy: 'rfc5280',
      ...(roots ? { roots: [...roots] } : {}),
      // CloudFront trusts the public CAs, whatever the local Node is told to trust
      extraCaCerts: null,
    });
    if (result.verdict === 'pass') return undefined;
    // A leaf without subjectAltName is a coverage question (CF-09, UNCONFIRMED), not a format one.
    return result.findings.find((f) => f.code !== 'INPUT_CHAIN_OUT_OF_ORDER' && f.args.missingSan !== true);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      code: 'PATH_INVALID_CERTIFICATE',
      severity: 'error',
      location: { source: 'chain' },
      args: { reason },
    };
  }
}
