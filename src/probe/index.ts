/**
 * `certgate probe` as a library: TLS handshakes with SNI to many endpoints at once, the served
 * chain verified by the same engine as `certgate verify`, compared with an expected certificate,
 * and checked against a CloudFront security policy. The network sits behind the {@link Prober}
 * interface (`nodeProber()` by default), so judging runs offline and tests can stub it.
 *
 * @packageDocumentation
 */

export { MAX_TARGET_ECHO } from './bad-target.js';
export { classifyError, describeNonTls, MAX_SHOWN_BYTES, TLS_ALERTS } from './classify.js';
export { ProbeUsageError, type ProbeUsageOption } from './errors.js';
export { normalizeFingerprint } from './expect.js';
export { DEFAULT_ALPN, MAX_CHAIN_LENGTH, nodeProber } from './node-prober.js';
export { isUnanswered, probeExitCode } from './outcome.js';
export { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS, MAX_ADAPTIVE_CONCURRENCY, probe } from './probe.js';
export {
  DEFAULT_PORT,
  endpointText,
  MAX_TARGETS_PER_FILE,
  parseResolve,
  parseTarget,
  parseTargetsText,
  type TargetLineError,
} from './targets.js';
export type * from './types.js';
