/**
 * `certgate check INPUT...`: the pre-deploy CloudFront gate. Reads distribution configs and
 * certificate evidence, predicts CloudFront's verdict per distribution, and reports it as text,
 * JSON, SARIF or JUnit, with the exit code that gates the pipeline.
 */

import { check } from '../../check/check.js';
import { formatCheckText } from '../../check/text.js';
import { computeExitCode, EXIT_USAGE, type FailOn } from '../../report/exit-code.js';
import { buildReport } from '../../report/report.js';
import type { Certificate } from '../../x509/model.js';
import { type CliIO, errorLine } from '../io.js';
import type { CheckFormat } from '../options.js';
import { checkStdinOnce, readRootsOption, reportStop } from '../read-inputs.js';
import { clearReportFile, renderReport, writeReportFile } from '../report-output.js';
import { packageVersion } from '../version.js';

interface CheckCliOptions {
  readonly format: CheckFormat;
  readonly failOn: FailOn;
  readonly at?: Date;
  readonly warnDays: number;
  readonly cert?: readonly string[];
  readonly parameter?: Readonly<Record<string, string>>;
  readonly region?: string;
  readonly roots?: string;
  readonly output?: string;
}

/** Standard input can feed one input only: an INPUT, a --cert file or --roots. */
function checkStdinUse(inputs: readonly string[], opts: CheckCliOptions): void {
  const certFiles = (opts.cert ?? []).map((c) => c.slice(c.lastIndexOf('=') + 1));
  checkStdinOnce([...inputs, ...certFiles, opts.roots]);
}

type Root = readonly Certificate[] | undefined;

/** Reads the inputs and runs the gate; unreadable inputs are reported on stderr, one line each. */
async function gate(inputs: readonly string[], opts: CheckCliOptions, roots: Root, io: CliIO) {
  const { results, errors, distributions } = await check(inputs, {
    certs: opts.cert ?? [],
    parameters: opts.parameter ?? {},
    ...(opts.region !== undefined ? { region: opts.region } : {}),
    ...(opts.at ? { at: opts.at } : {}),
    warnDays: opts.warnDays,
    ...(roots ? { roots } : {}),
    stdin: io.stdin,
  });
  for (const e of errors) io.stderr.write(errorLine(e.message));
  // A gate that checked nothing must not look like a pass in a CI log (a wrong path, a stack
  // without its distribution): say so, whatever the format.
  if (distributions === 0 && errors.length === 0)
    io.stderr.write('certgate: warning: no CloudFront distribution in the inputs; nothing was checked\n');
  return { results, errors };
}

/** Runs `check` and returns the exit code. */
export async function runCheck(inputs: readonly string[], opts: CheckCliOptions, io: CliIO): Promise<number> {
  let roots: Root;
  try {
    checkStdinUse(inputs, opts);
    if (opts.roots !== undefined) roots = (await readRootsOption(opts.roots, io)).certificates;
  } catch (err) {
    return reportStop(err, io);
  }
  if (opts.output !== undefined && !(await clearReportFile(opts.output, io))) return EXIT_USAGE;
  const { results, errors } = await gate(inputs, opts, roots, io);
  const report = buildReport({
    command: 'check',
    version: packageVersion(),
    results,
    failOn: opts.failOn,
    errors,
  });
  const text = renderReport(report, { ...opts, formatText: formatCheckText }, io);
  if (opts.output !== undefined) {
    if (!(await writeReportFile(opts.output, text, report, io, { noun: 'distribution', verb: 'checked' })))
      return EXIT_USAGE;
  } else {
    io.stdout.write(text);
  }
  return computeExitCode({
    findings: results.flatMap((r) => r.findings),
    failOn: opts.failOn,
    inputErrors: errors.length,
  });
}
