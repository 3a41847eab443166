/**
 * Rendering a report in the formats a user asked for and writing it out, shared by the commands
 * that take `--format text|json|sarif|junit|github|gitlab` (check, probe): `--format` to standard
 * output or `--output`, and `--sarif`, `--junit`, `--json`, `--gitlab` to files, from one run.
 */

import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { type Colors, createColors, shouldColor } from '../report/colors.js';
import type { FailOn } from '../report/exit-code.js';
import { formatGithub } from '../report/github.js';
import { formatGitlab } from '../report/gitlab.js';
import { formatJson } from '../report/json.js';
import { formatJunit } from '../report/junit.js';
import type { Report } from '../report/report.js';
import { formatSarif } from '../report/sarif.js';
import { countSubjects } from '../report/subject-counts.js';
import { forTerminal } from '../report/terminal.js';
import { type CliIO, errorLine } from './io.js';
import type { ReportFormat } from './options.js';
import { fingerprintRootFor } from './repo-root.js';

/** How to render a report: the format, the --fail-on threshold, the command's text formatter. */
interface RenderOptions {
  readonly format: ReportFormat;
  readonly failOn: FailOn;
  /** Where the report goes; text is coloured only on a terminal, never in a file. */
  readonly output?: string;
  readonly formatText: (report: Report, options: { colors: Colors }) => string;
  /** `--docs-url BASE`: SARIF rules link their help to `BASE/CODE.md`. */
  readonly docsUrl?: string;
  /** The command's Prometheus exposition, for the commands that offer `--format prometheus`. */
  readonly formatPrometheus?: (report: Report) => string;
  /** The command's HTML page, for the commands that offer `--format html`. */
  readonly formatHtml?: (report: Report) => string;
}

/** The report in the chosen format. */
export function renderReport(report: Report, options: RenderOptions, io: CliIO): string {
  switch (options.format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, {
        root: fingerprintRootFor(process.cwd()),
        ...(options.docsUrl !== undefined ? { rulesDocsUrl: options.docsUrl } : {}),
      });
    case 'junit':
      return formatJunit(report, { failOn: options.failOn, root: fingerprintRootFor(process.cwd()) });
    case 'github':
      return formatGithub(report, { root: fingerprintRootFor(process.cwd()) });
    case 'gitlab':
      return formatGitlab(report, { root: fingerprintRootFor(process.cwd()) });
    case 'prometheus':
      if (!options.formatPrometheus) throw new Error(`${report.command} has no Prometheus format`);
      return options.formatPrometheus(report);
    case 'html':
      if (!options.formatHtml) throw new Error(`${report.command} has no HTML format`);
      return options.formatHtml(report);
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
export async function clearReportFile(path: string, io: CliIO, flag = '--output'): Promise<boolean> {
  try {
    await rm(path, { force: true });
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    io.stderr.write(errorLine(`${flag} ${path}: cannot replace the file (${code})`));
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

/** The options that say where reports go: `--format` with `--output`, and the file flags. */
export interface ReportFlags {
  readonly format: ReportFormat;
  readonly output?: string;
  readonly sarif?: string;
  readonly junit?: string;
  readonly json?: string;
  readonly gitlab?: string;
}

/** One report a run writes: the flag that asked for it, its format, its file (none: standard output). */
export interface ReportOutput {
  readonly flag: string;
  readonly format: ReportFormat;
  readonly path?: string;
}

const FILE_FLAGS = ['sarif', 'junit', 'json', 'gitlab'] as const;

/**
 * Every report the flags ask for, `--format` first; undefined (exit 2, after one line on stderr)
 * when two of them name the same file, as one would silently overwrite the other.
 */
export function planReportOutputs(flags: ReportFlags, io: CliIO): ReportOutput[] | undefined {
  const outputs: ReportOutput[] = [
    {
      flag: flags.output === undefined ? '--format' : '--output',
      format: flags.format,
      ...(flags.output !== undefined ? { path: flags.output } : {}),
    },
  ];
  for (const format of FILE_FLAGS) {
    const path = flags[format];
    if (path !== undefined) outputs.push({ flag: `--${format}`, format, path });
  }
  const byFile = new Map<string, ReportOutput>();
  for (const o of outputs) {
    if (o.path === undefined) continue;
    const earlier = byFile.get(resolve(o.path));
    if (earlier) {
      io.stderr.write(
        errorLine(
          `${earlier.flag} ${earlier.path} and ${o.flag} ${o.path} name the same file; give each report its own`,
        ),
      );
      return undefined;
    }
    byFile.set(resolve(o.path), o);
  }
  return outputs;
}

/** Clears every report file before the work starts (see clearReportFile); false on the first that cannot be. */
export async function clearReportFiles(outputs: readonly ReportOutput[], io: CliIO): Promise<boolean> {
  for (const o of outputs)
    if (o.path !== undefined && !(await clearReportFile(o.path, io, o.flag))) return false;
  return true;
}

/**
 * Writes every report of the run: each file atomically, then standard output, then one line on
 * stderr naming the files (with the counts and verdict when standard output got no report).
 * Each format is rendered once. A file that cannot be written is one line naming its flag, and
 * gives false (exit 2); the other reports are still written.
 */
export async function writeReports(
  report: Report,
  outputs: readonly ReportOutput[],
  options: Omit<RenderOptions, 'format' | 'output'>,
  io: CliIO,
  subjects: { readonly noun: string; readonly verb: string },
): Promise<boolean> {
  const rendered = new Map<ReportFormat, string>();
  const render = (o: ReportOutput) => {
    const key = o.format;
    // text is coloured for a terminal only, so it is not shared between standard output and a file
    if (key === 'text')
      return renderReport(
        report,
        { ...options, format: key, ...(o.path !== undefined ? { output: o.path } : {}) },
        io,
      );
    let text = rendered.get(key);
    if (text === undefined) {
      text = renderReport(report, { ...options, format: key }, io);
      rendered.set(key, text);
    }
    return text;
  };
  let ok = true;
  const written: string[] = [];
  for (const o of outputs) {
    if (o.path === undefined) continue;
    try {
      await writeFileAtomic(o.path, render(o));
      written.push(o.path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? String(err);
      io.stderr.write(errorLine(`${o.flag} ${o.path}: cannot write the report (${code})`));
      ok = false;
    }
  }
  const toStdout = outputs.find((o) => o.path === undefined);
  if (toStdout) io.stdout.write(render(toStdout));
  if (written.length > 0) io.stderr.write(writtenLine(report, written, toStdout !== undefined, subjects));
  return ok;
}

/**
 * `certgate: 3 endpoints probed, 1 failing, verdict fail; report written to probe.json` when
 * standard output got no report, else only where the files are.
 */
function writtenLine(
  report: Report,
  paths: readonly string[],
  stdoutHasReport: boolean,
  subjects: { readonly noun: string; readonly verb: string },
): string {
  const where = `${paths.length === 1 ? 'report' : 'reports'} written to ${paths.map((p) => forTerminal(p)).join(', ')}`;
  if (stdoutHasReport) return `certgate: ${where}\n`;
  const failing = report.results.filter((r) => r.verdict === 'fail').length;
  // results about something else (an unreadable input, an unused certificate) are counted apart
  const checked = countSubjects(report.results, subjects.noun);
  return `certgate: ${checked} ${subjects.verb}, ${failing} failing, verdict ${report.verdict}; ${where}\n`;
}
