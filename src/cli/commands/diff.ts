/**
 * `certgate diff A B`: two environments' distribution configs side by side, in the report formats
 * `check` writes (text, JSON, SARIF, JUnit, GitHub, GitLab; several from one run), with the exit
 * code of `--fail-on`.
 */

import { diffEnvironments } from '../../diff/diff.js';
import { formatDiffText } from '../../diff/text.js';
import { computeExitCode, EXIT_USAGE, type FailOn } from '../../report/exit-code.js';
import { buildReport } from '../../report/report.js';
import { type CliIO, errorLine } from '../io.js';
import type { CheckFormat } from '../options.js';
import { checkStdinOnce, reportStop } from '../read-inputs.js';
import { clearReportFiles, planReportOutputs, writeReports } from '../report-output.js';
import { packageVersion } from '../version.js';

interface DiffCliOptions {
  readonly format: CheckFormat;
  readonly failOn: FailOn;
  readonly at?: Date;
  readonly cert?: readonly string[];
  readonly parameter?: Readonly<Record<string, string>>;
  readonly region?: string;
  readonly output?: string;
  readonly sarif?: string;
  readonly junit?: string;
  readonly json?: string;
  readonly gitlab?: string;
  readonly docsUrl?: string;
}

/** Runs `diff` and returns the exit code. */
export async function runDiff(a: string, b: string, opts: DiffCliOptions, io: CliIO): Promise<number> {
  const startedAt = new Date();
  const outputs = planReportOutputs(opts, io);
  if (!outputs) return EXIT_USAGE;
  try {
    const certFiles = (opts.cert ?? []).map((c) => c.slice(c.lastIndexOf('=') + 1));
    checkStdinOnce([a, b, ...certFiles]);
  } catch (err) {
    return reportStop(err, io);
  }
  if (!(await clearReportFiles(outputs, io))) return EXIT_USAGE;
  const { results, errors } = await diffEnvironments(a, b, {
    certs: opts.cert ?? [],
    parameters: opts.parameter ?? {},
    ...(opts.region !== undefined ? { region: opts.region } : {}),
    ...(opts.at ? { at: opts.at } : {}),
  });
  for (const e of errors) io.stderr.write(errorLine(e.message));
  const report = buildReport({
    command: 'diff',
    version: packageVersion(),
    results,
    failOn: opts.failOn,
    errors,
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
  });
  const subjects = { noun: 'distribution pair', verb: 'compared' };
  if (!(await writeReports(report, outputs, { ...opts, formatText: formatDiffText }, io, subjects)))
    return EXIT_USAGE;
  return computeExitCode({
    findings: results.flatMap((r) => r.findings),
    failOn: opts.failOn,
    inputErrors: errors.length,
  });
}
