/**
 * `probe()`: TLS handshakes with SNI to many endpoints at once, each result judged offline.
 *
 * Per target: find the addresses (an IP literal, a `--resolve` entry, or the system resolver),
 * then per address one full handshake on a fresh socket, then the chain, name and expectation
 * through `judge.ts`, then (with `policy`) one pinned handshake per TLS version. Every network
 * failure becomes a finding on its own result; one target never affects another. A target string
 * that cannot be parsed is a result with a PROBE_BAD_TARGET finding, and when `signal` stops the
 * run, every target not finished is a result with a PROBE_INTERRUPTED finding: a report always
 * has one result per target given.
 */

import { setMaxListeners } from 'node:events';
import type { MinimumProtocolVersion } from '../cloudfront/policies.js';
import { isMinimumProtocolVersion } from '../cloudfront/policies.js';
import type { FindingCode } from '../findings/catalog.js';
import type { Finding } from '../findings/finding.js';
import { createFinding } from '../findings/finding.js';
import type { FindingArgs, Locator } from '../findings/types.js';
import { toCertificates } from '../verify/input.js';
import { badTargetResult } from './bad-target.js';
import { AdaptiveConcurrency, DEFAULT_CONCURRENCY } from './concurrency.js';
import { ProbeUsageError } from './errors.js';
import { type ResolvedExpectation, resolveExpectation } from './expect.js';
import { createJudge, type Judge, judgeChain, type ProbeReference } from './judge.js';
import { nodeProber } from './node-prober.js';
import { evaluatePolicy, judgeSubProbe, pinnedRequest, TESTABLE_VERSIONS } from './policy.js';
import { runPool } from './pool.js';
import { endpointText, findResolve, isIpLiteral, parseResolve, parseTarget } from './targets.js';
import type {
  AbortSignalLike,
  HandshakeFailure,
  HandshakeOutcome,
  HandshakeRequest,
  ProbeDetails,
  ProbeExpectation,
  ProbeOptions,
  ProbeResult,
  Prober,
  ProbeTarget,
  ResolveEntry,
  TlsVersion,
} from './types.js';

/** Default connect + handshake deadline. */
export const DEFAULT_TIMEOUT_MS = 5000;

/** Handshakes in flight at the start of a run with the default (adaptive) concurrency, see `concurrency.ts`. */
export { DEFAULT_CONCURRENCY, MAX_ADAPTIVE_CONCURRENCY } from './concurrency.js';

/** Everything one run needs, validated and decoded once. */
interface Run {
  readonly prober: Prober;
  readonly resolve: readonly ResolveEntry[];
  readonly allAddresses: boolean;
  readonly timeoutMs: number;
  readonly sni?: string;
  readonly noSni: boolean;
  readonly policy?: MinimumProtocolVersion;
  readonly alpnProtocols?: readonly string[];
  readonly judge: Judge;
  /** The run's expectation, and each target's own (resolved once per expectation object). */
  readonly expect?: ResolvedExpectation;
  readonly expectations: WeakMap<ProbeExpectation, ResolvedExpectation>;
  /** One lookup per name and run, shared by the targets that name it. */
  readonly lookups: Map<string, ReturnType<Prober['lookup']>>;
  /** Stops the run: no new attempt starts, those in flight are aborted. */
  readonly signal?: AbortSignalLike;
}

/** The failure kind of a handshake → its finding code. */
const FAILURE_CODES: Record<HandshakeFailure['kind'], FindingCode> = {
  refused: 'PROBE_CONNECTION_REFUSED',
  timeout: 'PROBE_TIMEOUT',
  reset: 'PROBE_RESET',
  'not-tls': 'PROBE_NOT_TLS',
  alert: 'PROBE_TLS_ALERT',
  unreachable: 'PROBE_UNREACHABLE',
  protocol: 'PROBE_HANDSHAKE_FAILED',
  error: 'PROBE_HANDSHAKE_FAILED',
};

function positive(option: 'timeout' | 'concurrency', value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new ProbeUsageError(option, String(value), 'must be a whole number ≥ 1');
  return value;
}

/** A target, or the result of a target string that cannot be parsed. */
function toTarget(t: string | ProbeTarget): ProbeTarget | ProbeResult {
  if (typeof t !== 'string') return t;
  const parsed = parseTarget(t);
  return parsed.ok ? parsed.value : badTargetResult(t, parsed.error, { source: 'argv' });
}

const isResult = (t: ProbeTarget | ProbeResult): t is ProbeResult => 'findings' in t;

function toResolveEntry(e: string | ResolveEntry): ResolveEntry {
  if (typeof e !== 'string') return e;
  const parsed = parseResolve(e);
  if (!parsed.ok) throw new ProbeUsageError('resolve', e, parsed.error);
  return parsed.value;
}

function createRun(options: ProbeOptions): Run {
  if (options.policy !== undefined && !isMinimumProtocolVersion(options.policy))
    throw new ProbeUsageError('policy', options.policy, 'not a CloudFront security policy');
  if (options.sni !== undefined && (options.sni === '' || isIpLiteral(options.sni)))
    throw new ProbeUsageError('sni', options.sni, 'SNI carries a DNS name, not an IP address (RFC 6066 §3)');
  return {
    prober: options.prober ?? nodeProber({ lookupTimeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS }),
    resolve: (options.resolve ?? []).map(toResolveEntry),
    allAddresses: options.allAddresses ?? false,
    timeoutMs: positive('timeout', options.timeoutMs, DEFAULT_TIMEOUT_MS),
    ...(options.sni !== undefined ? { sni: options.sni.toLowerCase() } : {}),
    noSni: options.noSni ?? false,
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.alpnProtocols ? { alpnProtocols: options.alpnProtocols } : {}),
    judge: createJudge({
      ...(options.roots !== undefined ? { roots: toCertificates(options.roots) } : {}),
      ...(options.extraCaCerts !== undefined ? { extraCaCerts: options.extraCaCerts } : {}),
      addRoots: toCertificates(options.addRoots),
      at: options.at ?? new Date(),
    }),
    ...(options.expect ? { expect: resolveExpectation(options.expect) } : {}),
    expectations: new WeakMap(),
    lookups: new Map(),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

/**
 * The run's own signal, following the caller's: every attempt in flight listens to it (up to
 * `concurrency` handshakes and lookups), more than the default 10 listeners a signal may have
 * before Node warns of a leak. The returned `release` detaches it from the caller's signal.
 */
function followSignal(outer: AbortSignalLike | undefined): { signal?: AbortSignal; release: () => void } {
  if (outer === undefined) return { release: () => {} };
  const inner = new AbortController();
  setMaxListeners(0, inner.signal);
  const forward = () => inner.abort(outer.reason);
  if (outer.aborted) forward();
  else outer.addEventListener('abort', forward, { once: true });
  return { signal: inner.signal, release: () => outer.removeEventListener('abort', forward) };
}

/**
 * Probes every target and returns one result per target and address reached, in target order.
 * Targets are `host[:port]` strings (port 443 by default, IPv6 in brackets) or {@link ProbeTarget}s.
 * Network failures are findings (`PROBE_*`) on their result, never exceptions; so are a target
 * string that cannot be parsed (PROBE_BAD_TARGET) and, after `options.signal` aborts, every
 * target not finished (PROBE_INTERRUPTED; the promise then resolves at once).
 *
 * @throws ProbeUsageError for a `resolve` entry, `sni`, policy or expectation that cannot be used
 *
 * @example
 * ```ts
 * const results = await probe(['www.example.com', 'api.example.com:8443'], {
 *   resolve: ['*:443:192.0.2.10'], // the new edge, before DNS points at it
 *   expect: { kind: 'fingerprint', sha256: 'AB:CD:...' },
 * });
 * for (const r of results) console.log(r.subject.id, r.findings.map((f) => f.code));
 * ```
 */
export async function probe(
  targets: readonly (string | ProbeTarget)[],
  options: ProbeOptions = {},
): Promise<ProbeResult[]> {
  const entries = targets.map(toTarget);
  const stop = followSignal(options.signal);
  try {
    return await probeEntries(entries, { ...options, ...(stop.signal ? { signal: stop.signal } : {}) });
  } finally {
    stop.release();
  }
}

async function probeEntries(
  entries: readonly (ProbeTarget | ProbeResult)[],
  options: ProbeOptions,
): Promise<ProbeResult[]> {
  const run = createRun(options);
  const list = entries.filter((t): t is ProbeTarget => !isResult(t));
  for (const t of list) expectationFor(t, run); // bad expectations are usage errors, before any I/O
  // A concurrency given is fixed; the default adapts to the network (see concurrency.ts).
  const fixed = positive('concurrency', options.concurrency, DEFAULT_CONCURRENCY);
  const adaptive = options.concurrency === undefined ? new AdaptiveConcurrency() : undefined;
  const out: ProbeResult[][] = new Array(list.length);
  const inFlight = new Set<number>();
  let done = 0;
  await runPool(list.length, adaptive ? () => adaptive.limit : fixed, async (i) => {
    if (run.signal?.aborted) return;
    inFlight.add(i);
    const results = await unlessAborted(probeTarget(list[i]!, run), run.signal);
    if (results === undefined) return;
    inFlight.delete(i);
    out[i] = results;
    adaptive?.record(results.some(isTrouble));
    options.onProgress?.(++done, list.length);
  });
  let next = 0;
  return entries.flatMap((entry) => {
    if (isResult(entry)) return [entry];
    const i = next++;
    return out[i] ?? [interruptedResult(list[i]!, run, inFlight.has(i))];
  });
}

/** Failures that say the server or this host is overloaded: the adaptive concurrency backs off. */
const TROUBLE_CODES: ReadonlySet<string> = new Set(['PROBE_TIMEOUT', 'PROBE_RESET']);
const TROUBLE_ERRNOS: ReadonlySet<unknown> = new Set(['EMFILE', 'ENFILE', 'EADDRNOTAVAIL', 'ENOBUFS']);

function isTrouble(result: ProbeResult): boolean {
  return result.findings.some((f) => TROUBLE_CODES.has(f.code) || TROUBLE_ERRNOS.has(f.args.errorCode));
}

/** The work's value, or undefined as soon as `signal` aborts (the work is then abandoned). */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignalLike | undefined): Promise<T | undefined> {
  if (signal === undefined) return work;
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

/** Why the run stopped, for the finding: the signal's string reason (`SIGINT`), else `aborted`. */
function stopCause(signal: AbortSignalLike | undefined): string {
  return typeof signal?.reason === 'string' ? signal.reason : 'aborted';
}

/** A target the stopped run did not finish: in flight (its attempt aborted) or never started. */
function interruptedResult(target: ProbeTarget, run: Run, inFlight: boolean): ProbeResult {
  const endpoint = endpointText(target.host, target.port);
  return {
    subject: { kind: 'endpoint', id: endpoint, source: target.source ?? 'argv' },
    findings: [
      createFinding(
        'PROBE_INTERRUPTED',
        { source: endpoint },
        { endpoint, cause: stopCause(run.signal), inFlight },
      ),
    ],
    details: { ...targetDetails(target, run), handshake: 'skipped', timings: {} },
  };
}

type Addresses =
  | { ok: true; addresses: readonly string[]; from: 'resolve' | 'dns' | 'literal'; dnsMs?: number }
  | { ok: false; code: string; message: string; dnsMs: number };

/** The host whose addresses are dialled: the target's `connect` host, else its own. */
const dialled = (target: ProbeTarget): string => target.connect ?? target.host;

async function findAddresses(target: ProbeTarget, run: Run): Promise<Addresses> {
  const host = dialled(target);
  if (isIpLiteral(host)) return { ok: true, addresses: [host], from: 'literal' };
  const entry = findResolve(run.resolve, host, target.port);
  if (entry) return { ok: true, addresses: entry.addresses, from: 'resolve' };
  const start = performance.now();
  let pending = run.lookups.get(host);
  if (!pending) {
    pending = safeLookup(run.prober, host, run.signal);
    run.lookups.set(host, pending);
  }
  const answer = await pending;
  const dnsMs = Math.round((performance.now() - start) * 100) / 100;
  if (!answer.ok) return { ok: false, code: answer.error.code, message: answer.error.message, dnsMs };
  if (answer.value.length === 0) return { ok: false, code: 'ENODATA', message: 'no A or AAAA record', dnsMs };
  return { ok: true, addresses: answer.value.map((a) => a.address), from: 'dns', dnsMs };
}

/** A prober must not throw; if one does anyway, its error is the outcome (one target, not the run). */
function safeLookup(prober: Prober, host: string, signal?: AbortSignalLike): ReturnType<Prober['lookup']> {
  return prober.lookup(host, signal ? { signal } : {}).catch((err: unknown) => ({
    ok: false as const,
    error: { code: 'EAI_FAIL', message: err instanceof Error ? err.message : String(err) },
  }));
}

function safeHandshake(prober: Prober, request: HandshakeRequest): Promise<HandshakeOutcome> {
  return prober.handshake(request).catch(
    (err: unknown): HandshakeOutcome => ({
      ok: false,
      error: {
        kind: 'error',
        phase: 'handshake',
        message: err instanceof Error ? err.message : String(err),
        timings: {},
      },
    }),
  );
}

async function probeTarget(target: ProbeTarget, run: Run): Promise<ProbeResult[]> {
  const found = await findAddresses(target, run);
  const endpoint = endpointText(target.host, target.port);
  const source = target.source ?? 'argv';
  if (!found.ok) {
    const location: Locator = { source: endpoint };
    const finding = createFinding('PROBE_DNS_FAILURE', location, {
      endpoint,
      host: dialled(target),
      errorCode: found.code,
      detail: found.message,
    });
    return [
      {
        subject: { kind: 'endpoint', id: endpoint, source },
        findings: [finding],
        details: {
          ...targetDetails(target, run),
          handshake: 'failed',
          failure: { kind: 'dns', message: found.message, errorCode: found.code },
          timings: { dnsMs: found.dnsMs },
        },
      },
    ];
  }
  const addresses = run.allAddresses ? found.addresses : found.addresses.slice(0, 1);
  const results: ProbeResult[] = [];
  for (const address of addresses) results.push(await probeAddress(target, address, found, run));
  return results;
}

/** The target's own expectation, else the run's. */
function expectationFor(target: ProbeTarget, run: Run): ResolvedExpectation | undefined {
  if (target.expect === undefined) return run.expect;
  let resolved = run.expectations.get(target.expect);
  if (resolved === undefined) {
    resolved = resolveExpectation(target.expect);
    run.expectations.set(target.expect, resolved);
  }
  return resolved;
}

function sniFor(target: ProbeTarget, run: Run): string | undefined {
  if (run.noSni) return undefined;
  if (run.sni !== undefined) return run.sni;
  return isIpLiteral(target.host) ? undefined : target.host;
}

/** The name a client checks: the SNI override if any, else the target's host. */
function referenceFor(target: ProbeTarget, run: Run): ProbeReference {
  const name = run.sni ?? target.host;
  return isIpLiteral(name) ? { ip: name } : { host: name };
}

function targetDetails(
  target: ProbeTarget,
  run: Run,
): Pick<ProbeDetails, 'host' | 'port' | 'sni' | 'connect' | 'distribution'> {
  return {
    host: target.host,
    port: target.port,
    sni: sniFor(target, run) ?? null,
    ...(target.connect !== undefined ? { connect: target.connect } : {}),
    ...(target.distribution ? { distribution: target.distribution } : {}),
  };
}

async function probeAddress(
  target: ProbeTarget,
  address: string,
  found: Extract<Addresses, { ok: true }>,
  run: Run,
): Promise<ProbeResult> {
  const endpoint = endpointText(target.host, target.port);
  const servername = sniFor(target, run);
  const subject = { kind: 'endpoint', id: `${endpoint} (${address})`, source: target.source ?? 'argv' };
  const location: Locator = { source: endpoint };
  const base: FindingArgs = { endpoint, address, port: target.port, sni: servername };
  const request: HandshakeRequest = {
    address,
    port: target.port,
    ...(servername ? { servername } : {}),
    timeoutMs: run.timeoutMs,
    ...(run.alpnProtocols ? { alpnProtocols: run.alpnProtocols } : {}),
    ...(run.signal ? { signal: run.signal } : {}),
  };
  const outcome = await safeHandshake(run.prober, request);
  const common = { ...targetDetails(target, run), address, addressFrom: found.from };
  const dns = found.dnsMs !== undefined ? { dnsMs: found.dnsMs } : {};
  if (!outcome.ok) {
    const e = outcome.error;
    return {
      subject,
      findings: [failureFinding(e, location, base, run)],
      details: { ...common, handshake: 'failed', failure: e, timings: { ...dns, ...e.timings } },
    };
  }
  const hs = outcome.value;
  const reference = referenceFor(target, run);
  const judged = judgeChain(run.judge, hs.chain, reference, location, base, expectationFor(target, run));
  const findings: Finding[] = [...judged.findings];
  if (hs.chainSent !== undefined)
    findings.push(
      createFinding('PROBE_CHAIN_TRUNCATED', location, {
        ...base,
        sent: hs.chainSent,
        kept: hs.chain.length,
      }),
    );
  let policy: ProbeDetails['policy'];
  if (run.policy) {
    const evaluated = await probePolicy(request, hs.protocol, run.policy, run, location, base);
    findings.push(...evaluated.findings);
    policy = { name: run.policy, probes: evaluated.probes, untested: evaluated.untested };
  }
  return {
    subject,
    findings,
    details: {
      ...common,
      address: hs.remoteAddress,
      handshake: 'ok',
      protocol: hs.protocol,
      cipher: hs.cipher.name,
      cipherStandardName: hs.cipher.standardName,
      alpn: hs.alpn,
      ocspStapled: hs.ocspStapled,
      ...judged.details,
      ...(policy ? { policy } : {}),
      timings: { ...dns, ...hs.timings },
    },
  };
}

function failureFinding(e: HandshakeFailure, location: Locator, base: FindingArgs, run: Run): Finding {
  const code = FAILURE_CODES[e.kind];
  const args: FindingArgs = { ...base, detail: e.message, errorCode: e.errorCode };
  switch (e.kind) {
    case 'timeout':
      return createFinding(code, location, { ...args, phase: e.phase, timeoutMs: run.timeoutMs });
    case 'reset':
      return createFinding(code, location, {
        ...args,
        how: /disconnected before|closed before/.test(e.message) ? 'closed' : 'reset',
      });
    case 'alert':
      return createFinding(code, location, { ...args, alert: e.alert, alertNumber: e.alertNumber });
    case 'protocol':
    case 'error':
      return createFinding(code, location, { ...args, reason: e.kind });
    case 'not-tls':
      return createFinding(code, location, {
        ...args,
        peer: e.peer,
        firstBytes: e.firstBytes,
        firstBytesTruncated: e.firstBytesTruncated,
      });
    default:
      return createFinding(code, location, args);
  }
}

/** One pinned handshake per testable version (the main handshake answers for its own version). */
async function probePolicy(
  request: HandshakeRequest,
  negotiated: string,
  policy: MinimumProtocolVersion,
  run: Run,
  location: Locator,
  base: FindingArgs,
) {
  const results = new Map<TlsVersion, { accepted: boolean | null; detail: string }>();
  for (const version of TESTABLE_VERSIONS) {
    if (version === negotiated) {
      results.set(version, { accepted: true, detail: `${negotiated} (main handshake)` });
      continue;
    }
    const outcome = await safeHandshake(run.prober, { ...request, ...pinnedRequest(version) });
    results.set(version, judgeSubProbe(outcome));
  }
  return evaluatePolicy(policy, results, location, base);
}
