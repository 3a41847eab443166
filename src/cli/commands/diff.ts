/**
 * `certgate diff A B`: two environments' distribution configs side by side, as text, JSON,
 * SARIF or JUnit, with the exit code of `--fail-on`.
 */

import { diffEnvironments } from '../../diff/diff.js';
import { formatDiffText } from '../../diff/text.js';
import { computeExitCode, EXIT_USAGE, type FailOn } from '../../report/exit-code.js';
import { buildReport } from '../../report/report.js';
import { type CliIO, errorLine } from '../io.js';
import type { CheckFormat } from '../options.js';
import { checkStdinOnce, reportStop } from '../read-inputs.js';
import { clearReportFile, renderReport, writeReportFile } from '../report-output.js';
import { packageVersion } from '../version.js';

interface DiffCliOptions {
  readonly format: CheckFormat;
  readonly failOn: FailOn;
  readonly at?: Date;
  readonly cert?: readonly string[];
  readonly parameter?: Readonly<Record<string, string>>;
  readonly region?: string;
  readonly output?: string;
}

/** Runs `diff` and returns the exit code. */
export async function runDiff(a: string, b: string, opts: DiffCliOptions, io: CliIO): Promise<number> {
  try {
    const certFiles = (opts.cert ?? []).map((c) => c.slice(c.lastIndexOf('=') + 1));
    checkStdinOnce([a, b, ...certFiles]);
  } catch (err) {
    return reportStop(err, io);
  }
  if (opts.output !== undefined && !(await clearReportFile(opts.output, io))) return EXIT_USAGE;
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
  });
  const text = renderReport(report, { ...opts, formatText: formatDiffText }, io);
  if (opts.output !== undefined) {
    const written = await writeReportFile(opts.output, text, report, io, {
      noun: 'distribution pair',
      verb: 'compared',
    });
    if (!written) return EXIT_USAGE;
  } else {
    io.stdout.write(text);
  }
  return computeExitCode({
    findings: results.flatMap((r) => r.findings),
    failOn: opts.failOn,
    inputErrors: errors.length,
  });
}
