/**
 * The text formatter: per result a header with its verdict, then each finding with its severity,
 * code, the AWS error it predicts, the message and the fix. Commands add their own detail block
 * (the decoded certificate for `inspect`) through `renderDetails`.
 */

import type { Locator } from '../findings/types.js';
import type { Colors } from './colors.js';
import type { Report, ReportFinding, ReportResult } from './report.js';
import { countSubjects } from './subject-counts.js';
import { forTerminal, terminalSafe } from './terminal.js';
import { plural } from './wording.js';

export interface TextOptions {
  readonly colors: Colors;
  /** Renders a result's command-specific details as lines (already coloured). */
  readonly renderDetails?: (result: ReportResult) => string[];
}

function severityLabel(f: ReportFinding, c: Colors): string {
  if (f.severity === 'error') return c.red(c.bold('error'));
  if (f.severity === 'warning') return c.yellow(c.bold('warning'));
  return c.cyan('note');
}

/**
 * A locator as one short string: `file:line:column` when positions are known, else the file
 * with the JSON path (`dist.json DistributionConfig.Aliases.Items[0]`) or the certificate index.
 * A resource of generated input (a Terraform address, a CDK construct path) follows in
 * parentheses, after the place in its code when that is known (`cdn/main.tf:14:5 (module.cdn.…)`).
 */
export function formatLocation(location: Locator): string {
  const { resource, origin } = location;
  if (resource === undefined) return plainLocation(location);
  const where = origin
    ? plainLocation({
        source: origin.source,
        line: origin.line,
        ...(origin.column ? { column: origin.column } : {}),
      })
    : plainLocation(location);
  return `${where} (${forTerminal(resource)})`;
}

function plainLocation(location: Locator): string {
  const { line, column, path, certIndex } = location;
  const source = forTerminal(location.source);
  if (line !== undefined) return column !== undefined ? `${source}:${line}:${column}` : `${source}:${line}`;
  const parts = [source];
  if (path && path.length > 0)
    parts.push(
      forTerminal(path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')),
    );
  if (certIndex !== undefined) parts.push(`certificate #${certIndex}`);
  return parts.join(' ');
}

/** One finding as indented lines. */
export function formatFindingLines(f: ReportFinding, c: Colors, indent = '  '): string[] {
  const aws = f.awsError ? ` ${c.magenta(`[${f.awsError}]`)}` : '';
  // messages quote input values (aliases, names, hosts): shown escaped and cut, never raw
  const lines = [`${indent}${severityLabel(f, c)} ${c.dim(f.code)}${aws}: ${forTerminal(f.message, 4096)}`];
  if (f.fix) lines.push(`${indent}  ${c.green('fix:')} ${forTerminal(f.fix, 4096)}`);
  return lines;
}

function formatResult(r: ReportResult, options: TextOptions): string[] {
  const c = options.colors;
  const mark = r.verdict === 'pass' ? c.green('PASS') : c.red('FAIL');
  const { id, kind, source } = r.subject;
  const lines = [`${mark} ${c.bold(forTerminal(id))} ${c.dim(`(${kind} from ${forTerminal(source)})`)}`];
  if (options.renderDetails) lines.push(...options.renderDetails(r));
  for (const f of r.findings) lines.push(...formatFindingLines(f, c));
  return lines;
}

/** Renders a whole report as text, ending with a one-line summary. */
export function formatText(report: Report, options: TextOptions): string {
  const c = options.colors;
  const blocks = report.results.map((r) => formatResult(r, options).join('\n'));
  const { errors, warnings, notes } = report.summary;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notes, 'note')}`;
  const unread = report.errors.length ? `, ${plural(report.errors.length, 'unreadable input')}` : '';
  const verdict = report.verdict === 'pass' ? c.green('pass') : c.red('fail');
  // `2 certificates checked`: by what the results are about, as the other commands' footers say
  const checked = countSubjects(report.results) || '0 results';
  blocks.push(`${c.bold(`${checked} checked`)}: ${counts}${unread}; verdict ${verdict}`);
  return terminalSafe(`${blocks.join('\n\n')}\n`);
}
