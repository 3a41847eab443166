/**
 * `certgate expiry PATH|HOST...`: every certificate under the paths and on the endpoints, when
 * it (or the chain clients build for it) expires and where it stands against the thresholds, as
 * a table, JSON, the Prometheus text format or the CI formats `check` writes, with the exit code
 * of `--fail-on`.
 */

import { stat } from 'node:fs/promises';
import { expiryRun } from '../../expiry/expiry.js';
import { formatExpiryHtml } from '../../expiry/html.js';
import { formatExpiryPrometheus } from '../../expiry/prometheus.js';
import { formatExpiryText } from '../../expiry/text.js';
import type { Thresholds } from '../../expiry/thresholds.js';
import type { ExpiryOptions, ExpiryResult } from '../../expiry/types.js';
import type { ListenAddress } from '../../exporter/listen.js';
import { ProbeUsageError } from '../../probe/errors.js';
import { createProgress } from '../../probe/progress.js';
import { parseTarget } from '../../probe/targets.js';
import type { ProbeTarget } from '../../probe/types.js';
import type { Colors } from '../../report/colors.js';
import { computeExitCode, EXIT_USAGE, type FailOn } from '../../report/exit-code.js';
import { buildReport, type Report } from '../../report/report.js';
import type { Certificate } from '../../x509/model.js';
import { type CliIO, errorLine } from '../io.js';
import { readCertificateFile, readRootsOption, readTargetFiles, reportStop } from '../read-inputs.js';
import { clearReportFiles, planReportOutputs, type ReportFlags, writeReports } from '../report-output.js';
import { packageVersion } from '../version.js';
import { type AlertFlags, prepareSinks, sendAlerts } from './expiry-alerts.js';

/** The options of `certgate expiry`; where the reports go is the shared ReportFlags. */
export interface ExpiryCliOptions extends ReportFlags, AlertFlags {
  readonly failOn: FailOn;
  readonly at?: Date;
  readonly warn?: Thresholds['warn'];
  readonly critical?: Thresholds['critical'];
  readonly roots?: string;
  readonly addRoots?: readonly string[];
  readonly targets?: readonly string[];
  /** `--password-env VAR`: where the PKCS#12 password is (the value is never printed). */
  readonly passwordEnv?: string;
  readonly resolve?: readonly string[];
  readonly timeout: number;
  readonly concurrency?: number;
  readonly port: number;
  /** `--aws` (implied by `--profile` and `--region`): every ACM certificate of the account. */
  readonly aws?: boolean;
  readonly profile?: string;
  readonly region?: readonly string[];
  /** `--probe-edges` (implies --aws): the aliases of the distributions using the account's certificates. */
  readonly probeEdges?: boolean;
  /** False with `--no-dns`. */
  readonly dns?: boolean;
  readonly dnsServer?: readonly string[];
  readonly verbose?: boolean;
  readonly docsUrl?: string;
  /** `--serve [ADDR:]PORT`: keep running as a Prometheus exporter. */
  readonly serve?: ListenAddress;
  /** `--interval`, ms (default 1 h). */
  readonly interval: number;
}

/** Extensions of certificate files: an argument ending so is a path even when it does not exist. */
const CERT_EXTENSION = /\.(pem|crt|cer|der|p7b|p7c|cert|ca-bundle)$/i;

/**
 * The arguments as paths and endpoints: what exists on disk, or looks like a path (a separator,
 * a certificate extension), is a path; else a `host[:port]` with a dot (or an https:// URL, an
 * IP address, localhost) is an endpoint; anything else a path, which then is an unreadable file.
 */
async function splitArguments(
  args: readonly string[],
  port: number,
): Promise<{ paths: string[]; targets: ProbeTarget[] }> {
  const paths: string[] = [];
  const targets: ProbeTarget[] = [];
  for (const arg of args) {
    const onDisk = await stat(arg).then(
      () => true,
      () => false,
    );
    const pathLike = onDisk || /[\\/]/.test(arg.replace(/^https:\/\//i, '')) || CERT_EXTENSION.test(arg);
    const target = pathLike ? undefined : parseTarget(arg, 'argv', port);
    const host = target?.ok ? target.value.host : '';
    if (target?.ok && (host.includes('.') || host.includes(':') || host === 'localhost'))
      targets.push(target.value);
    else paths.push(arg);
  }
  return { paths, targets };
}

/** Runs `expiry` and returns the exit code. */
export async function runExpiry(args: readonly string[], opts: ExpiryCliOptions, io: CliIO): Promise<number> {
  const startedAt = new Date();
  const at = opts.at ?? startedAt;
  if (
    opts.serve &&
    (opts.format !== 'text' || [opts.output, opts.sarif, opts.junit, opts.json, opts.gitlab].some(Boolean))
  ) {
    io.stderr.write(
      errorLine('--serve serves the metrics at /metrics: drop --format and the report-file flags'),
    );
    return EXIT_USAGE;
  }
  const outputs = planReportOutputs(opts, io);
  if (!outputs || !(await clearReportFiles(outputs, io))) return EXIT_USAGE;
  let roots: readonly Certificate[] | undefined;
  const addRoots: Certificate[] = [];
  const { paths, targets } = await splitArguments(args, opts.port);
  let bad: ExpiryResult[];
  try {
    if (opts.roots !== undefined) roots = (await readRootsOption(opts.roots, io)).certificates;
    for (const f of opts.addRoots ?? [])
      addRoots.push(
        ...(await readCertificateFile(f, io, { what: '--add-roots', required: true })).certificates,
      );
    const listed = await readTargetFiles(opts.targets ?? [], opts.port, io);
    targets.push(...listed.targets);
    bad = listed.bad.map((r) => ({ subject: r.subject, findings: r.findings }));
  } catch (err) {
    return reportStop(err, io);
  }
  const alerting = prepareSinks(opts, io);
  if ('error' in alerting) {
    io.stderr.write(errorLine(alerting.error));
    return EXIT_USAGE;
  }
  const { sinks } = alerting;
  if (opts.serve && sinks.length > 0 && opts.state === undefined) {
    io.stderr.write(
      errorLine(
        '--serve with --alert needs --state FILE: without it every scan would send every alert again',
      ),
    );
    return EXIT_USAGE;
  }
  const password = opts.passwordEnv === undefined ? undefined : io.env[opts.passwordEnv];
  if (opts.passwordEnv !== undefined && password === undefined) {
    io.stderr.write(errorLine(`--password-env ${opts.passwordEnv}: the variable is not set`));
    return EXIT_USAGE;
  }
  const aws =
    opts.aws === true ||
    opts.profile !== undefined ||
    (opts.region?.length ?? 0) > 0 ||
    opts.probeEdges === true;
  const scanOptions = (now: Date, onProgress?: (done: number, total: number) => void): ExpiryOptions => ({
    ...(aws
      ? {
          aws: {
            ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
            ...(opts.region?.length ? { regions: opts.region } : {}),
            ...(opts.probeEdges ? { probeEdges: true } : {}),
          },
        }
      : {}),
    paths,
    ...(password !== undefined ? { pkcs12Password: password } : {}),
    targets,
    probe: {
      timeoutMs: opts.timeout,
      ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
      ...(opts.resolve ? { resolve: opts.resolve } : {}),
      ...(onProgress ? { onProgress } : {}),
    },
    dns: opts.dns === false ? false : { ...(opts.dnsServer?.length ? { servers: opts.dnsServer } : {}) },
    edgePort: opts.port,
    at: now,
    thresholds: {
      ...(opts.warn ? { warn: opts.warn } : {}),
      ...(opts.critical ? { critical: opts.critical } : {}),
    },
    ...(roots ? { roots } : {}),
    ...(addRoots.length > 0 ? { addRoots } : {}),
  });
  if (opts.serve) {
    const { serveExpiry } = await import('./expiry-serve.js');
    return serveExpiry(
      {
        listen: opts.serve,
        intervalMs: opts.interval,
        aws,
        paths,
        targets,
        at: opts.at,
        scanOptions,
        alert: (results, run) => sendAlerts(results, sinks, opts, run, io),
      },
      io,
    );
  }
  const progress = createProgress(io.stderr, io.env);
  let found: ExpiryResult[];
  let awsUnavailable: Awaited<ReturnType<typeof expiryRun>>['awsUnavailable'];
  try {
    ({ results: found, awsUnavailable } = await expiryRun(
      scanOptions(at, (done, total) => progress.update(done, total)),
    ));
  } catch (err) {
    progress.finish();
    if (err instanceof ProbeUsageError) {
      io.stderr.write(errorLine(`--${err.option} ${JSON.stringify(err.value)}: ${err.reason}`));
      return EXIT_USAGE;
    }
    throw err;
  }
  progress.finish();
  const results = [...found, ...bad];
  const report = buildReport({
    command: 'expiry',
    version: packageVersion(),
    results,
    failOn: opts.failOn,
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
  });
  const render = {
    ...opts,
    formatText: (r: Report, o: { colors: Colors }) =>
      formatExpiryText(r, { ...o, verbose: opts.verbose === true }),
    formatPrometheus: (r: Report) => formatExpiryPrometheus(r, at),
    formatHtml: (r: Report) => formatExpiryHtml(r, at),
  };
  if (!(await writeReports(report, outputs, render, io, { noun: 'certificate', verb: 'tracked' })))
    return EXIT_USAGE;
  // every AWS call failed: one line, and exit 3 (what the files and endpoints gave is still reported)
  if (awsUnavailable)
    io.stderr.write(
      errorLine(
        `--aws: nothing could be read from the account: ${awsUnavailable.operation} failed (${awsUnavailable.kind}): ${awsUnavailable.message}`,
      ),
    );
  // alerts are dated by the clock (when they fired, when they are re-sent), whatever --at judged
  const sinksFailed = await sendAlerts(
    found,
    sinks,
    opts,
    { at: new Date(), awsUnavailable: awsUnavailable !== undefined },
    io,
  );
  return computeExitCode({
    findings: results.flatMap((r) => r.findings),
    failOn: opts.failOn,
    operationalErrors: (awsUnavailable ? 1 : 0) + sinksFailed,
  });
}
