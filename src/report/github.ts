/**
 * The GitHub Actions formatter (`--format github`): one workflow command per finding, which the
 * runner turns into an annotation on the file and line of the pull request, then a summary line.
 *
 *   ::error file=template.yaml,line=12,col=9,title=CF_ALIAS_NOT_COVERED::[InvalidViewerCertificate] alias …
 *
 * GitHub shows at most 10 annotations of each type (error, warning, notice) per step, so errors
 * come first, inputs that could not be read before them, and the summary says when some are not
 * shown. https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */

import type { FingerprintRoot } from '../findings/fingerprint.js';
import type { Severity } from '../findings/types.js';
import type { Report, ReportFinding } from './report.js';
import { annotationPlace, repositoryPath, workingDirectoryRoot } from './repository-path.js';
import { countSubjects } from './subject-counts.js';
import { plural } from './wording.js';

export interface GithubOptions {
  /** The repository root and working directory paths are made relative to (default: the working directory). */
  readonly root?: FingerprintRoot;
}

type Command = 'error' | 'warning' | 'notice';

const COMMAND: Record<Severity, Command> = { error: 'error', warning: 'warning', note: 'notice' };

/** How many annotations of one type GitHub shows per step; the rest are only in the log. */
export const GITHUB_ANNOTATIONS_SHOWN = 10;

// A message quotes input values (aliases, subjects, pasted text); one this long is cut, so a
// 2 MB alias cannot flood the log.
const MAX_MESSAGE_CHARS = 4096;

// Controls other than TAB, CR and LF (which escapeData encodes), DEL, C1 and the bidi and
// line-breaking format characters: an ESC sequence in a certificate name must not colour or
// rewrite the log. Shown as \xNN / \uNNNN, as the text output does.
const UNSAFE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Escapes a command's message as the runner decodes it (actions/toolkit `escapeData`): `%` first,
 * then CR and LF, so a value holding a line break can never start a workflow command of its own.
 */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value (actions/toolkit `escapeProperty`): as data, plus `:` and `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command line: `::error file=…,line=…::message`. */
function command(name: Command, properties: Record<string, string | number | undefined>, message: string) {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** Input text made safe for the log and cut to a readable length. */
function safe(text: string): string {
  const cut = text.length > MAX_MESSAGE_CHARS ? text.slice(0, MAX_MESSAGE_CHARS) : text;
  const shown = cut.replace(UNSAFE, visible);
  return cut === text ? shown : `${shown}… (${text.length - MAX_MESSAGE_CHARS} more characters)`;
}

/** The message: the AWS error it predicts, the reason, and the fix on a line of its own. */
function findingMessage(f: ReportFinding): string {
  const aws = f.awsError ? `[${f.awsError}] ` : '';
  return `${aws}${safe(f.message)}${f.fix ? `\nfix: ${safe(f.fix)}` : ''}`;
}

function findingCommand(f: ReportFinding, where: FingerprintRoot): string {
  const place = annotationPlace(f.location);
  return command(
    COMMAND[f.severity],
    { file: repositoryPath(place.source, where), line: place.line, col: place.column, title: f.code },
    findingMessage(f),
  );
}

/** `3 distributions`, `2 distributions, 1 input`, `4 endpoints`: the results by what they are about. */
function subjectCounts(report: Report): string {
  return safe(countSubjects(report.results) || '0 results');
}

/** The last lines: counts and verdict, and which annotation types GitHub will not show in full. */
function summaryLines(report: Report, counts: Record<Command, number>): string[] {
  const failing = report.results.filter((r) => r.verdict === 'fail').length;
  const { errors, warnings, notes } = report.summary;
  const unread = report.errors.length ? `, ${plural(report.errors.length, 'unreadable input')}` : '';
  const lines = [
    `certgate ${report.command}: ${subjectCounts(report)} (${failing} failing): ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notes, 'note')}${unread}; verdict ${report.verdict}`,
  ];
  const over = (Object.entries(counts) as [Command, number][]).filter(
    ([, n]) => n > GITHUB_ANNOTATIONS_SHOWN,
  );
  if (over.length > 0)
    lines.push(
      `GitHub shows ${GITHUB_ANNOTATIONS_SHOWN} annotations of each type per step (here ${over.map(([c, n]) => `${n} ${c}s`).join(', ')}): the log above lists every one, as do the JSON and SARIF reports.`,
    );
  return lines;
}

/** Renders a report as GitHub Actions workflow commands: errors, then warnings, then notices. */
export function formatGithub(report: Report, options: GithubOptions = {}): string {
  const where = options.root ?? workingDirectoryRoot();
  const lines: string[] = [];
  const counts: Record<Command, number> = { error: 0, warning: 0, notice: 0 };
  // an input that could not be read is the first thing to fix: nothing in it was checked
  for (const e of report.errors) {
    lines.push(
      command('error', { file: repositoryPath(e.source, where), title: 'INPUT_UNREADABLE' }, safe(e.message)),
    );
    counts.error++;
  }
  // suppressed findings (config, inline ignore, baseline) are accepted: no annotation
  const findings = report.results.flatMap((r) => r.findings.filter((f) => f.suppression === undefined));
  for (const severity of ['error', 'warning', 'note'] as const)
    for (const f of findings)
      if (f.severity === severity) {
        lines.push(findingCommand(f, where));
        counts[COMMAND[severity]]++;
      }
  lines.push(...summaryLines(report, counts));
  return `${lines.join('\n')}\n`;
}
