/**
 * Rendering a report in the format a user asked for and writing it to `--output`, shared by the
 * commands that take `--format text|json|sarif|junit` (check, probe).
 */

import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type Colors, createColors, shouldColor } from '../report/colors.js';
import type { FailOn } from '../report/exit-code.js';
import { formatJson } from '../report/json.js';
import { formatJunit } from '../report/junit.js';
import type { Report } from '../report/report.js';
import { formatSarif } from '../report/sarif.js';
import { type CliIO, errorLine } from './io.js';
import type { CheckFormat } from './options.js';

/** How to render a report: the format, the --fail-on threshold, the command's text formatter. */
interface RenderOptions {
  readonly format: CheckFormat;
  readonly failOn: FailOn;
  /** Where the report goes; text is coloured only on a terminal, never in a file. */
  readonly output?: string;
  readonly formatText: (report: Report, options: { colors: Colors }) => string;
}

/** The report in the chosen format. */
export function renderReport(report: Report, options: RenderOptions, io: CliIO): string {
  switch (options.format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'junit':
      return formatJunit(report, { failOn: options.failOn });
    default: {
      const colored = options.output === undefined && shouldColor(io.stdout.isTTY, io.env);
      return options.formatText(report, { colors: createColors(colored) });
    }
  }
}

/**
 * Removes the previous run's `--output` file before the work starts: a run killed before it
 * writes must not leave an old report saying "pass" for a CI step to read. Gives false (exit 2)
 * when the path cannot be cleared (a directory, no permission).
 */
export async function clearReportFile(path: string, io: CliIO): Promise<boolean> {
  try {
    await rm(path, { force: true });
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    io.stderr.write(errorLine(`--output ${path}: cannot replace the file (${code})`));
    return false;
  }
}

/**
 * Writes `text` to `path` atomically: into a temporary file beside it, then renamed over it, so
 * a reader sees the whole previous file or the whole new one, never a truncated report.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, path);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
}

/**
 * Writes the report to `--output` (atomically) and says so on stderr (`3 endpoints probed,
 * 1 failing, ...`); a file that cannot be written is reported and gives false (exit 2).
 */
export async function writeReportFile(
  path: string,
  text: string,
  report: Report,
  io: CliIO,
  subjects: { readonly noun: string; readonly verb: string },
): Promise<boolean> {
  try {
    await writeFileAtomic(path, text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    io.stderr.write(errorLine(`--output ${path}: cannot write the report (${code})`));
    return false;
  }
  const failing = report.results.filter((r) => r.verdict === 'fail').length;
  const n = report.results.length;
  io.stderr.write(
    `certgate: ${n} ${subjects.noun}${n === 1 ? '' : 's'} ${subjects.verb}, ${failing} failing, verdict ${report.verdict}; report written to ${path}\n`,
  );
  return true;
}
