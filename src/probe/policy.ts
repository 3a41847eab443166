/**
 * `--policy NAME`: does a live endpoint enforce a CloudFront security policy's protocol row
 * (rulebook §3.5)? One extra handshake per TLS version, pinned with `minVersion = maxVersion`,
 * shows whether the server accepts it.
 *
 * What cannot be tested from Node: SSLv3 (OpenSSL 3 has no SSLv3 at all), and any version this
 * machine's OpenSSL refuses to offer (a build without TLS 1.0/1.1). TLS 1.0 and 1.1 need
 * security level 0 (`DEFAULT@SECLEVEL=0`: their handshake signatures use SHA-1/MD5), which
 * the pinned probes set. A sub-probe that could not connect at all tests nothing either. All of
 * these are reported as PROBE_POLICY_UNTESTED, never as a pass.
 */

import { type MinimumProtocolVersion, POLICY_PROTOCOL_SUPPORT } from '../cloudfront/policies.js';
import type { Finding } from '../findings/finding.js';
import { createFinding } from '../findings/finding.js';
import type { FindingArgs, Locator } from '../findings/types.js';
import { LOCAL_PROTOCOL_CODES } from './classify.js';
import type { HandshakeOutcome, HandshakeRequest, PolicyProbe, TlsVersion } from './types.js';

/** The versions Node's client can be pinned to, newest first. */
export const TESTABLE_VERSIONS: readonly TlsVersion[] = ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1'];

/** The cipher string of the pinned sub-probes below TLS 1.3: everything OpenSSL still has. */
const LEGACY_CIPHERS = 'DEFAULT@SECLEVEL=0';

/** The request fields of a sub-probe pinned to `version`. */
export function pinnedRequest(
  version: TlsVersion,
): Pick<HandshakeRequest, 'minVersion' | 'maxVersion' | 'ciphers'> {
  return {
    minVersion: version,
    maxVersion: version,
    ...(version === 'TLSv1.3' ? {} : { ciphers: LEGACY_CIPHERS }),
  };
}

/** What one pinned handshake says about a version: accepted, refused, or nothing (null) and why. */
export function judgeSubProbe(outcome: HandshakeOutcome): { accepted: boolean | null; detail: string } {
  if (outcome.ok) return { accepted: true, detail: `${outcome.value.protocol} ${outcome.value.cipher.name}` };
  const e = outcome.error;
  if (e.errorCode !== undefined && LOCAL_PROTOCOL_CODES.has(e.errorCode))
    return { accepted: null, detail: `this machine's OpenSSL cannot offer it (${e.message})` };
  if (e.kind === 'timeout' || e.kind === 'refused' || e.kind === 'unreachable')
    return { accepted: null, detail: `the connection failed (${e.message})` };
  return { accepted: false, detail: e.kind === 'alert' && e.alert ? `alert ${e.alert}` : e.message };
}

/** The policy details and findings from the sub-probes' results (one per testable version). */
export function evaluatePolicy(
  policy: MinimumProtocolVersion,
  results: ReadonlyMap<TlsVersion, { accepted: boolean | null; detail: string }>,
  location: Locator,
  base: FindingArgs,
): { probes: PolicyProbe[]; untested: string[]; findings: Finding[] } {
  const allowed = POLICY_PROTOCOL_SUPPORT[policy];
  const probes: PolicyProbe[] = [];
  const findings: Finding[] = [];
  const untested: string[] = ['SSLv3'];
  const reasons: string[] = ["SSLv3: Node's OpenSSL has no SSLv3"];
  for (const version of TESTABLE_VERSIONS) {
    const r = results.get(version);
    if (r === undefined) continue;
    const isAllowed = allowed.includes(version);
    probes.push({ version, allowed: isAllowed, accepted: r.accepted, detail: r.detail });
    if (r.accepted === true && !isAllowed) {
      findings.push(
        createFinding('PROBE_PROTOCOL_BELOW_POLICY', location, {
          ...base,
          protocol: version,
          policy,
          allowed,
        }),
      );
    } else if (r.accepted === false && isAllowed) {
      findings.push(
        createFinding('PROBE_POLICY_PROTOCOL_REFUSED', location, {
          ...base,
          protocol: version,
          policy,
          detail: r.detail,
        }),
      );
    } else if (r.accepted === null) {
      untested.push(version);
      reasons.push(`${version}: ${r.detail}`);
    }
  }
  findings.push(
    createFinding('PROBE_POLICY_UNTESTED', location, {
      ...base,
      protocols: untested,
      policy,
      reason: reasons.join('; '),
    }),
  );
  return { probes, untested, findings };
}
