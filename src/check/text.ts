/**
 * Text output of `certgate check`: per distribution its verdict, what was checked (aliases and
 * certificate), then each finding in decision order with its code, the AWS error it predicts,
 * the reason, where in the input (`file:line:column`, so an editor can jump there) and the fix.
 */

import type { Colors } from '../report/colors.js';
import type { Report, ReportResult } from '../report/report.js';
import { countSubjects } from '../report/subject-counts.js';
import { forTerminal, terminalSafe } from '../report/terminal.js';
import { formatFindingLines, formatLocation } from '../report/text.js';
import { plural } from '../report/wording.js';

export interface CheckTextOptions {
  readonly colors: Colors;
  /**
   * Show notes too (`--verbose`). Notes say what cannot be decided offline; without it the text
   * hides them and says how many it hid (JSON, SARIF and JUnit always have them).
   */
  readonly verbose?: boolean;
}

/** What the gate adds to a result (GateResult details). */
interface CheckDetails {
  readonly format?: string;
  readonly aliases?: readonly string[];
  readonly aliasesUnresolved?: readonly string[];
  readonly certificate?: string;
}

function detailLines(r: ReportResult, c: Colors): string[] {
  const d = (r.details ?? {}) as CheckDetails;
  const lines: string[] = [];
  // unknown aliases are never shown as "none": the list is what deploy time decides
  const unknown = (d.aliasesUnresolved ?? []).map((why) => `unresolved (${why})`);
  if (d.aliases) {
    const shown = [...d.aliases, ...unknown];
    lines.push(
      `  ${c.dim('aliases:')} ${shown.length ? forTerminal(shown.join(', '), 4096) : c.dim('none')}`,
    );
  }
  if (d.certificate !== undefined) lines.push(`  ${c.dim('certificate:')} ${forTerminal(d.certificate)}`);
  return lines;
}

function resultLines(r: ReportResult, c: Colors, verbose: boolean): string[] {
  const mark = r.verdict === 'pass' ? c.green('PASS') : c.red('FAIL');
  const format = (r.details as CheckDetails | undefined)?.format;
  // get-distribution-config output has no Id: the source then names the distribution.
  const from = r.subject.id === r.subject.source ? '' : ` from ${forTerminal(r.subject.source)}`;
  const origin = `${r.subject.kind}${from}${format ? `, ${format}` : ''}`;
  const lines = [
    `${mark} ${c.bold(forTerminal(r.subject.id))} ${c.dim(`(${origin})`)}`,
    ...detailLines(r, c),
  ];
  for (const f of r.findings) {
    // suppressed findings are in JSON and SARIF with their reason; the text only counts them
    if (f.suppression !== undefined || (!verbose && f.severity === 'note')) continue;
    const [head, ...rest] = formatFindingLines(f, c);
    lines.push(head!, `    ${c.dim(`at ${formatLocation(f.location)}`)}`, ...rest);
  }
  return lines;
}

/** What the footer says of suppressed findings and of a baseline that has gone stale. */
function suppressionLines(report: Report, c: Colors): string[] {
  const lines: string[] = [];
  const suppressed = report.summary.suppressed ?? 0;
  if (suppressed > 0)
    lines.push(
      c.dim(
        `${suppressed === 1 ? 'The suppressed finding' : 'Suppressed findings'} (config ignores, inline ignores, baseline) ${suppressed === 1 ? 'is' : 'are'} not shown or counted: --no-ignore shows ${suppressed === 1 ? 'it' : 'them'}; --format json or sarif ${suppressed === 1 ? 'lists it with its reason' : 'list them with their reasons'}.`,
      ),
    );
  const stale = report.baseline?.unmatched ?? 0;
  if (stale > 0)
    lines.push(
      c.dim(
        `${plural(stale, 'baseline entry', 'baseline entries')} no longer ${stale === 1 ? 'matches' : 'match'} — regenerate with --write-baseline`,
      ),
    );
  return lines;
}

/** Renders a `check` report as text, ending with a summary line and what to do next. */
export function formatCheckText(report: Report, options: CheckTextOptions): string {
  const c = options.colors;
  const verbose = options.verbose === true;
  const blocks = report.results.map((r) => resultLines(r, c, verbose).join('\n'));
  const { errors, warnings, notes } = report.summary;
  const failed = report.results.filter((r) => r.verdict === 'fail').length;
  const unread = report.errors.length ? `, ${plural(report.errors.length, 'unreadable input')}` : '';
  const verdict = report.verdict === 'pass' ? c.green('pass') : c.red('fail');
  const checked = countSubjects(report.results, 'distribution');
  const suppressed = report.summary.suppressed ? `, ${report.summary.suppressed} suppressed` : '';
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notes, 'note')}${suppressed}`;
  const lines = [
    `${c.bold(`${checked} checked`)} (${failed} failing): ${counts}${unread}; verdict ${verdict}`,
  ];
  // the decision order is about distributions: a run that failed only on its inputs has none to order
  const failedDistributions = report.results.some(
    (r) => r.verdict === 'fail' && (r.subject.kind === 'distribution' || r.subject.kind === 'tenant'),
  );
  if (failedDistributions)
    lines.push(
      c.dim(
        'Findings are listed in the order CloudFront checks them: fix the first one of each distribution first.',
      ),
    );
  if (report.errors.length > 0) lines.push(c.dim('Inputs that could not be read are listed on stderr.'));
  lines.push(...suppressionLines(report, c));
  if (!verbose && notes > 0)
    lines.push(
      c.dim(
        `${plural(notes, 'note')} (what cannot be decided offline) ${notes === 1 ? 'is' : 'are'} hidden: run with --verbose to see ${notes === 1 ? 'it' : 'them'}, or use --format json or sarif.`,
      ),
    );
  blocks.push(lines.join('\n'));
  return terminalSafe(`${blocks.join('\n\n')}\n`);
}
