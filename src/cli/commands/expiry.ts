/**
 * `certgate expiry PATH...`: every certificate under the paths, when it (or the chain clients
 * build for it) expires and where it stands against the thresholds, as a table, JSON, the
 * Prometheus text format or the CI formats `check` writes, with the exit code of `--fail-on`.
 */

import { expiry } from '../../expiry/expiry.js';
import { formatExpiryPrometheus } from '../../expiry/prometheus.js';
import { formatExpiryText } from '../../expiry/text.js';
import type { Thresholds } from '../../expiry/thresholds.js';
import { computeExitCode, EXIT_USAGE, type FailOn } from '../../report/exit-code.js';
import { buildReport } from '../../report/report.js';
import type { Certificate } from '../../x509/model.js';
import type { CliIO } from '../io.js';
import type { ReportFormat } from '../options.js';
import { readCertificateFile, readRootsOption, reportStop } from '../read-inputs.js';
import { clearReportFiles, planReportOutputs, writeReports } from '../report-output.js';
import { packageVersion } from '../version.js';

export interface ExpiryCliOptions {
  readonly format: ReportFormat;
  readonly failOn: FailOn;
  readonly at?: Date;
  readonly warn?: Thresholds['warn'];
  readonly critical?: Thresholds['critical'];
  readonly roots?: string;
  readonly addRoots?: readonly string[];
  readonly verbose?: boolean;
  readonly output?: string;
  readonly sarif?: string;
  readonly junit?: string;
  readonly json?: string;
  readonly gitlab?: string;
  readonly docsUrl?: string;
}

/** Runs `expiry` and returns the exit code. */
export async function runExpiry(
  paths: readonly string[],
  opts: ExpiryCliOptions,
  io: CliIO,
): Promise<number> {
  const startedAt = new Date();
  const at = opts.at ?? startedAt;
  const outputs = planReportOutputs(opts, io);
  if (!outputs || !(await clearReportFiles(outputs, io))) return EXIT_USAGE;
  let roots: readonly Certificate[] | undefined;
  const addRoots: Certificate[] = [];
  try {
    if (opts.roots !== undefined) roots = (await readRootsOption(opts.roots, io)).certificates;
    for (const f of opts.addRoots ?? [])
      addRoots.push(
        ...(await readCertificateFile(f, io, { what: '--add-roots', required: true })).certificates,
      );
  } catch (err) {
    return reportStop(err, io);
  }
  const results = await expiry({
    paths,
    at,
    thresholds: {
      ...(opts.warn ? { warn: opts.warn } : {}),
      ...(opts.critical ? { critical: opts.critical } : {}),
    },
    ...(roots ? { roots } : {}),
    ...(addRoots.length > 0 ? { addRoots } : {}),
  });
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
    formatText: (r: typeof report, o: { colors: Parameters<typeof formatExpiryText>[1]['colors'] }) =>
      formatExpiryText(r, { ...o, verbose: opts.verbose === true }),
    formatPrometheus: (r: typeof report) => formatExpiryPrometheus(r, at),
  };
  if (!(await writeReports(report, outputs, render, io, { noun: 'certificate', verb: 'tracked' })))
    return EXIT_USAGE;
  return computeExitCode({ findings: results.flatMap((r) => r.findings), failOn: opts.failOn });
}
