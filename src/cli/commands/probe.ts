/**
 * `certgate probe [TARGET...]`: TLS handshakes with SNI to many endpoints at once, the served
 * chains verified, reported as text, JSON, SARIF, JUnit, GitHub annotations or GitLab Code
 * Quality (several from one run, with the file flags) with the exit code that gates the
 * pipeline (`probe/outcome.ts` says when a run is an operational failure).
 *
 * Nothing the user named is dropped: a bad target (argument or `--targets` line) is a result
 * with a PROBE_BAD_TARGET finding while the others are probed, and Ctrl-C (SIGINT) or SIGTERM
 * stops the run but still writes the report, the targets not finished marked PROBE_INTERRUPTED.
 */

import type { MinimumProtocolVersion } from '../../cloudfront/policies.js';
import type { UnreadableInput } from '../../findings/input-error.js';
import { badTargetResult } from '../../probe/bad-target.js';
import { ProbeUsageError } from '../../probe/errors.js';
import { normalizeFingerprint } from '../../probe/expect.js';
import { targetsFromDistributions } from '../../probe/from.js';
import { probeExitCode } from '../../probe/outcome.js';
import { probe } from '../../probe/probe.js';
import { createProgress } from '../../probe/progress.js';
import { endpointText, parseTarget } from '../../probe/targets.js';
import { formatProbeText } from '../../probe/text.js';
import type { ProbeExpectation, ProbeOptions, ProbeResult, ProbeTarget } from '../../probe/types.js';
import {
  EXIT_OPERATIONAL,
  EXIT_USAGE,
  type FailOn,
  SIGNAL_EXIT_CODES,
  type StopSignal,
} from '../../report/exit-code.js';
import { buildReport } from '../../report/report.js';
import { isArn } from '../../sources/cert-args.js';
import { displayName } from '../../sources/document.js';
import { loadGateInputs } from '../../sources/load.js';
import type { Certificate } from '../../x509/model.js';
import { type CliIO, errorLine } from '../io.js';
import type { CheckFormat } from '../options.js';
import {
  checkStdinOnce,
  readCertificateFile,
  readRootsOption,
  readTargetFiles,
  reportStop,
  UsageStop,
} from '../read-inputs.js';
import { clearReportFiles, planReportOutputs, writeReports } from '../report-output.js';
import { packageVersion } from '../version.js';
import { AccountUnavailable, accountTargets, wantsFromAws } from './probe-aws.js';

interface ProbeCliOptions {
  readonly format: CheckFormat;
  readonly failOn: FailOn;
  readonly output?: string;
  /** More reports of the same run, each to its file: --sarif, --junit, --json, --gitlab. */
  readonly sarif?: string;
  readonly junit?: string;
  readonly json?: string;
  readonly gitlab?: string;
  /** `--docs-url BASE`: where SARIF rules link their help. */
  readonly docsUrl?: string;
  readonly targets?: readonly string[];
  readonly from?: readonly string[];
  readonly parameter?: Readonly<Record<string, string>>;
  readonly region?: string;
  readonly wildcardLabel?: string;
  readonly resolve?: readonly string[];
  readonly allAddresses?: boolean;
  readonly timeout: number;
  /** The port of targets and --from aliases that name none. */
  readonly port: number;
  /** Fixed when given; the probe's adaptive default otherwise. */
  readonly concurrency?: number;
  /** A name with `--sni NAME`, false with `--no-sni`. */
  readonly sni?: string | false;
  readonly roots?: string;
  readonly addRoots?: readonly string[];
  readonly at?: Date;
  readonly expect?: string;
  readonly cert?: readonly string[];
  readonly policy?: MinimumProtocolVersion;
  /** `--from-aws` (implied by `--distribution-id` and `--profile`): the account's distributions. */
  readonly fromAws?: boolean;
  readonly distributionId?: readonly string[];
  readonly profile?: string;
}

/** Standard input can feed one input only. */
function checkStdinUse(opts: ProbeCliOptions): void {
  const certFiles = (opts.cert ?? []).map((c) => c.slice(c.lastIndexOf('=') + 1));
  const expectFile = opts.expect !== undefined && opts.expect === '-' ? ['-'] : [];
  checkStdinOnce([
    ...(opts.targets ?? []),
    ...(opts.from ?? []),
    ...certFiles,
    opts.roots,
    ...(opts.addRoots ?? []),
    ...expectFile,
  ]);
}

/** The certificates of a file that must hold at least one (--roots, --add-roots, --expect). */
async function readCertificates(path: string, io: CliIO, what: string): Promise<readonly Certificate[]> {
  return (await readCertificateFile(path, io, { what, required: true })).certificates;
}

/**
 * The targets of the arguments and of each --targets file, and a PROBE_BAD_TARGET result for
 * every argument or line that is not one. Only a --targets file that cannot be read stops the run.
 */
async function explicitTargets(
  args: readonly string[],
  opts: ProbeCliOptions,
  io: CliIO,
): Promise<{ targets: ProbeTarget[]; bad: ProbeResult[] }> {
  const targets: ProbeTarget[] = [];
  const bad: ProbeResult[] = [];
  for (const arg of args) {
    const parsed = parseTarget(arg, 'argv', opts.port);
    if (parsed.ok) targets.push(parsed.value);
    else bad.push(badTargetResult(arg, parsed.error, { source: 'argv' }));
  }
  const listed = await readTargetFiles(opts.targets ?? [], opts.port, io);
  return { targets: [...targets, ...listed.targets], bad: [...bad, ...listed.bad] };
}

/** What --expect names: a fingerprint, an ACM ARN (evidence from --cert), or a certificate file. */
async function readExpectation(
  value: string,
  evidence: Awaited<ReturnType<typeof loadGateInputs>>['inputs']['evidence'] | undefined,
  io: CliIO,
): Promise<ProbeExpectation> {
  const sha256 = normalizeFingerprint(value);
  if (sha256 !== undefined) return { kind: 'fingerprint', sha256 };
  if (isArn(value)) {
    const e = evidence?.find((x) => x.key === value || x.arn === value);
    const { expectationFromEvidence } = await import('../../probe/from.js');
    const expectation = e ? expectationFromEvidence(e) : undefined;
    if (!expectation) {
      throw new UsageStop(
        `--expect ${value}: no evidence for this certificate; give it with --cert (aws acm describe-certificate JSON, or ${value}=chain.pem)`,
      );
    }
    return expectation;
  }
  const certificates = await readCertificates(value, io, '--expect');
  return {
    kind: 'certificate',
    certificate: certificates[0]!,
    label: `${displayName(value)} (${certificates[0]!.subject.text})`,
  };
}

/** Everything read before probing: targets, bad targets, skipped aliases, inputs that failed, options. */
interface Prepared {
  readonly targets: ProbeTarget[];
  readonly bad: ProbeResult[];
  readonly skipped: ProbeResult[];
  readonly errors: readonly UnreadableInput[];
  readonly options: ProbeOptions;
}

async function prepare(args: readonly string[], opts: ProbeCliOptions, io: CliIO): Promise<Prepared> {
  checkStdinUse(opts);
  const { targets, bad } = await explicitTargets(args, opts, io);
  const needsGate = (opts.from?.length ?? 0) > 0 || (opts.cert?.length ?? 0) > 0;
  const loaded = needsGate
    ? await loadGateInputs(
        opts.from ?? [],
        {
          certs: opts.cert ?? [],
          parameters: opts.parameter ?? {},
          ...(opts.region !== undefined ? { region: opts.region } : {}),
        },
        io.stdin,
      )
    : undefined;
  const errors = [...(loaded?.errors ?? [])];
  let skipped: ProbeResult[] = [];
  if (wantsFromAws(opts)) {
    const account = await accountTargets(opts, io);
    targets.push(...account.targets);
    skipped.push(...account.skipped);
    errors.push(...account.errors);
  }
  if (loaded && (opts.from?.length ?? 0) > 0) {
    const from = targetsFromDistributions(loaded.inputs.distributions, {
      port: opts.port,
      ...(opts.wildcardLabel !== undefined ? { wildcardLabel: opts.wildcardLabel } : {}),
      // An explicit --expect is for every target; otherwise each alias expects its own certificate.
      ...(opts.expect === undefined ? { evidence: loaded.inputs.evidence } : {}),
    });
    targets.push(...from.targets);
    skipped = [...skipped, ...from.skipped];
    if (from.targets.length === 0 && from.skipped.length === 0 && errors.length === 0)
      io.stderr.write('certgate: warning: no alias in the --from inputs; nothing to probe from them\n');
  }
  const unique = dedupe(targets);
  if (unique.length === 0 && bad.length === 0 && skipped.length === 0 && errors.length === 0)
    throw new UsageStop(
      'no targets: give host[:port] arguments, --targets FILE, --from INPUT... or --from-aws',
    );
  const expect =
    opts.expect === undefined ? undefined : await readExpectation(opts.expect, loaded?.inputs.evidence, io);
  const options: ProbeOptions = {
    ...(opts.resolve ? { resolve: opts.resolve } : {}),
    allAddresses: opts.allAddresses === true,
    timeoutMs: opts.timeout,
    ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
    ...(typeof opts.sni === 'string' ? { sni: opts.sni } : {}),
    noSni: opts.sni === false,
    ...(opts.roots !== undefined ? { roots: (await readRootsOption(opts.roots, io)).certificates } : {}),
    extraCaCerts: io.env.NODE_EXTRA_CA_CERTS || null,
    addRoots: (
      await Promise.all((opts.addRoots ?? []).map((f) => readCertificates(f, io, '--add-roots')))
    ).flat(),
    ...(opts.at ? { at: opts.at } : {}),
    ...(expect ? { expect } : {}),
    ...(opts.policy ? { policy: opts.policy } : {}),
  };
  return { targets: unique, bad, skipped, errors, options };
}

/** The same host:port twice is probed once (the first occurrence names its source). */
function dedupe(targets: readonly ProbeTarget[]): ProbeTarget[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = endpointText(t.host, t.port);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Where the stop signals come from: the process, or a test's emitter. */
export interface SignalSource {
  once(event: StopSignal, listener: (signal: StopSignal) => void): unknown;
  off(event: StopSignal, listener: (signal: StopSignal) => void): unknown;
}

/**
 * Runs `probe` and returns the exit code. The first SIGINT or SIGTERM stops it: no new handshake
 * starts, those in flight are aborted, the progress line is cleared, and the report of what
 * finished is written as usual, every other target a PROBE_INTERRUPTED result; the exit code is
 * then SIGNAL_EXIT_CODES'. The handlers are gone after the first signal, so a second one ends
 * the process at once, as Ctrl-C twice does elsewhere.
 */
export async function runProbe(
  args: readonly string[],
  opts: ProbeCliOptions,
  io: CliIO,
  signals: SignalSource = process,
): Promise<number> {
  const progress = createProgress(io.stderr, io.env);
  const stop = new AbortController();
  let stoppedBy: StopSignal | undefined;
  const stopSignals: readonly StopSignal[] = ['SIGINT', 'SIGTERM'];
  const release = () => {
    for (const s of stopSignals) signals.off(s, onSignal);
  };
  const onSignal = (signal: StopSignal) => {
    release();
    stoppedBy = signal === 'SIGTERM' ? 'SIGTERM' : 'SIGINT';
    progress.interrupt(); // before anything else is written, so no line is left half drawn
    stop.abort(stoppedBy);
  };
  for (const s of stopSignals) signals.once(s, onSignal);
  try {
    const code = await probeAndReport(args, opts, io, progress, stop.signal);
    return stoppedBy === undefined ? code : SIGNAL_EXIT_CODES[stoppedBy];
  } finally {
    release();
  }
}

async function probeAndReport(
  args: readonly string[],
  opts: ProbeCliOptions,
  io: CliIO,
  progress: ReturnType<typeof createProgress>,
  signal: AbortSignal,
): Promise<number> {
  const startedAt = new Date(); // JUnit's timestamp and time
  // A run stopped before it writes must not leave the previous run's reports behind.
  const outputs = planReportOutputs(opts, io);
  if (!outputs || !(await clearReportFiles(outputs, io))) return EXIT_USAGE;
  let prepared: Prepared;
  let results: ProbeResult[];
  try {
    prepared = await prepare(args, opts, io);
    for (const e of prepared.errors) io.stderr.write(errorLine(e.message));
    results = await probe(prepared.targets, {
      ...prepared.options,
      signal,
      onProgress: (done, total) => progress.update(done, total),
    });
  } catch (err) {
    progress.finish();
    if (err instanceof AccountUnavailable) {
      io.stderr.write(errorLine(err.message));
      return EXIT_OPERATIONAL;
    }
    if (err instanceof ProbeUsageError) {
      const what = err.option === 'target' ? 'target' : `--${err.option}`;
      io.stderr.write(errorLine(`${what} ${JSON.stringify(err.value)}: ${err.reason}`));
      return EXIT_USAGE;
    }
    return reportStop(err, io);
  }
  progress.finish();
  if (signal.aborted) {
    const notProbed = results.filter((r) => r.findings.some((f) => f.code === 'PROBE_INTERRUPTED')).length;
    const total = prepared.targets.length;
    io.stderr.write(
      `certgate: interrupted by ${String(signal.reason)}: ${total - notProbed} of ${total} target${total === 1 ? '' : 's'} finished; the report marks the other ${notProbed} as not probed (PROBE_INTERRUPTED)\n`,
    );
  }
  const all = [...prepared.bad, ...results, ...prepared.skipped];
  const report = buildReport({
    command: 'probe',
    version: packageVersion(),
    results: all,
    failOn: opts.failOn,
    errors: prepared.errors,
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
  });
  const subjects = { noun: 'endpoint', verb: 'probed' };
  if (!(await writeReports(report, outputs, { ...opts, formatText: formatProbeText }, io, subjects)))
    return EXIT_USAGE;
  return probeExitCode(all, opts.failOn, prepared.errors.length);
}
