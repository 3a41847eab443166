/**
 * `certgate check INPUT...`: the pre-deploy CloudFront gate. Reads distribution configs and
 * certificate evidence, predicts CloudFront's verdict per distribution, and reports it as text,
 * JSON, SARIF or JUnit, with the exit code that gates the pipeline.
 */

import { stat } from 'node:fs/promises';
import { check } from '../../check/check.js';
import { formatCheckText } from '../../check/text.js';
import { computeExitCode, EXIT_USAGE, type FailOn } from '../../report/exit-code.js';
import { buildReport } from '../../report/report.js';
import { forTerminal } from '../../report/terminal.js';
import type { Certificate } from '../../x509/model.js';
import { type CliIO, errorLine } from '../io.js';
import { type CheckFormat, parseRegion } from '../options.js';
import { checkStdinOnce, readRootsOption, reportStop, UsageStop } from '../read-inputs.js';
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
  readonly account?: string;
  readonly tfDir?: string;
  readonly roots?: string;
  readonly output?: string;
  readonly verbose?: boolean;
  readonly allowEmpty?: boolean;
}

/** Standard input can feed one input only: an INPUT, a --cert file or --roots. */
function checkStdinUse(inputs: readonly string[], opts: CheckCliOptions): void {
  const certFiles = (opts.cert ?? []).map((c) => c.slice(c.lastIndexOf('=') + 1));
  checkStdinOnce([...inputs, ...certFiles, opts.roots]);
}

type Root = readonly Certificate[] | undefined;

/**
 * Where a stack deploys: `--region`, else the region the AWS CLI and SDKs would use
 * (`AWS_REGION`, then `AWS_DEFAULT_REGION`; a value that is no region name is ignored), and
 * `--account`.
 */
function stackEnvironment(opts: CheckCliOptions, io: CliIO): { region?: string; account?: string } {
  const fromEnv = [io.env.AWS_REGION, io.env.AWS_DEFAULT_REGION].find(
    (r) => r !== undefined && r !== '' && isRegionName(r),
  );
  const region = opts.region ?? fromEnv;
  return {
    ...(region !== undefined ? { region } : {}),
    ...(opts.account !== undefined ? { account: opts.account } : {}),
  };
}

function isRegionName(value: string): boolean {
  try {
    parseRegion(value);
    return true;
  } catch {
    return false;
  }
}

/** Reads the inputs and runs the gate; unreadable inputs are reported on stderr, one line each. */
async function gate(inputs: readonly string[], opts: CheckCliOptions, roots: Root, io: CliIO) {
  const { results, errors, distributions } = await check(inputs, {
    certs: opts.cert ?? [],
    parameters: opts.parameter ?? {},
    ...stackEnvironment(opts, io),
    ...(opts.tfDir !== undefined ? { tfDir: opts.tfDir } : {}),
    ...(opts.at ? { at: opts.at } : {}),
    warnDays: opts.warnDays,
    ...(roots ? { roots } : {}),
    stdin: io.stdin,
    ...(opts.allowEmpty ? { allowEmpty: true } : {}),
  });
  for (const e of errors) io.stderr.write(errorLine(e.message));
  // A gate that checked nothing must not look like a pass in a CI log (a wrong path, a stack
  // without its distribution): say so on stderr too, whatever the format and --output.
  const voice = opts.allowEmpty ? 'warning' : 'error';
  const empty = results.filter((r) => r.findings.some((f) => f.code === 'INPUT_NO_DISTRIBUTION'));
  if (distributions === 0 && errors.length === 0)
    io.stderr.write(`certgate: ${voice}: no CloudFront distribution in the inputs; nothing was checked\n`);
  else
    for (const r of empty)
      io.stderr.write(
        `certgate: ${voice}: ${forTerminal(r.subject.source)}: no CloudFront distribution; nothing in it was checked\n`,
      );
  return { results, errors };
}

/** Runs `check` and returns the exit code. */
export async function runCheck(inputs: readonly string[], opts: CheckCliOptions, io: CliIO): Promise<number> {
  let roots: Root;
  try {
    checkStdinUse(inputs, opts);
    if (opts.tfDir !== undefined && !(await stat(opts.tfDir).catch(() => undefined))?.isDirectory())
      throw new UsageStop(`--tf-dir ${opts.tfDir}: not a folder`);
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
  const verbose = opts.verbose === true;
  const formatText: typeof formatCheckText = (r, o) => formatCheckText(r, { ...o, verbose });
  const text = renderReport(report, { ...opts, formatText }, io);
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
