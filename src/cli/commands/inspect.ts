/** `certgate inspect FILE...`: decode and check every certificate of every input. */

import type { Result } from '../../findings/finding.js';
import { InputError, type UnreadableInput } from '../../findings/input-error.js';
import { inspectCertificates } from '../../inspect/inspect.js';
import { renderCertificateText } from '../../inspect/text.js';
import type { CertificateView } from '../../inspect/view.js';
import { createColors, shouldColor } from '../../report/colors.js';
import { computeExitCode, type FailOn } from '../../report/exit-code.js';
import { formatJson } from '../../report/json.js';
import { buildReport } from '../../report/report.js';
import { formatText } from '../../report/text.js';
import { displayName } from '../../sources/document.js';
import { readInput } from '../../sources/input-file.js';
import { X509DecodeError } from '../../x509/errors.js';
import { type CliIO, errorLine } from '../io.js';
import type { OutputFormat } from '../options.js';
import { checkStdinOnce, reportStop } from '../read-inputs.js';
import { packageVersion } from '../version.js';

interface InspectCliOptions {
  readonly format: OutputFormat;
  readonly failOn: FailOn;
  readonly at?: Date;
  readonly warnDays: number;
}

/** Reads and inspects one input; a bad input becomes an UnreadableInput entry, never an exception. */
async function inspectOne(
  file: string,
  opts: InspectCliOptions,
  io: CliIO,
): Promise<{ results: Result<CertificateView>[] } | { error: UnreadableInput }> {
  const source = displayName(file);
  try {
    const bytes = await readInput(file, io.stdin);
    const at = opts.at ?? new Date();
    return { results: inspectCertificates(bytes, { source, at, warnDays: opts.warnDays }) };
  } catch (err) {
    if (err instanceof InputError) return { error: err.toUnreadableInput() };
    if (err instanceof X509DecodeError)
      return { error: new InputError(source, err.message).toUnreadableInput() };
    throw err;
  }
}

/** Runs `inspect` and returns the exit code. */
export async function runInspect(
  files: readonly string[],
  opts: InspectCliOptions,
  io: CliIO,
): Promise<number> {
  try {
    checkStdinOnce(files);
  } catch (err) {
    return reportStop(err, io);
  }
  const results: Result<CertificateView>[] = [];
  const errors: UnreadableInput[] = [];
  for (const file of files) {
    const outcome = await inspectOne(file, opts, io);
    if ('error' in outcome) {
      errors.push(outcome.error);
      io.stderr.write(errorLine(outcome.error.message));
    } else {
      results.push(...outcome.results);
    }
  }
  const report = buildReport({
    command: 'inspect',
    version: packageVersion(),
    results,
    failOn: opts.failOn,
    errors,
  });
  if (opts.format === 'json') {
    io.stdout.write(formatJson(report));
  } else if (results.length > 0) {
    const colors = createColors(shouldColor(io.stdout.isTTY, io.env));
    io.stdout.write(
      formatText(report, {
        colors,
        renderDetails: (r) => renderCertificateText(r.details as CertificateView, colors, opts.warnDays),
      }),
    );
  }
  return computeExitCode({
    findings: results.flatMap((r) => r.findings),
    failOn: opts.failOn,
    inputErrors: errors.length,
  });
}
