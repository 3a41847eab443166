/**
 * Text output of `certgate diff`: one block per pair of distributions, what differs in it (the
 * stale certificate first, then drifting settings, then the differences environments have by
 * design), and a summary line.
 */

import type { Colors } from '../report/colors.js';
import type { Report, ReportResult } from '../report/report.js';
import { forTerminal, terminalSafe } from '../report/terminal.js';
import { formatFindingLines, formatLocation } from '../report/text.js';
import type { PairDetails } from './diff.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const BY_WORDS: Record<PairDetails['pairedBy'], string> = {
  id: 'same id',
  'construct path': 'same construct path in another stack',
  'only pair left': 'the only distribution left on each side',
  unpaired: 'no counterpart',
};

function pairLines(r: ReportResult, c: Colors): string[] {
  const d = r.details as PairDetails | undefined;
  const same = r.findings.length === 0;
  const mark = r.verdict === 'fail' ? c.red('DIFF') : same ? c.green('SAME') : c.yellow('DIFF');
  const how = d ? BY_WORDS[d.pairedBy] : '';
  const lines = [`${mark} ${c.bold(forTerminal(r.subject.id))} ${c.dim(`(${how})`)}`];
  for (const side of [d?.a, d?.b]) {
    if (!side) continue;
    const cert = side.certificate !== undefined ? `, certificate ${forTerminal(side.certificate)}` : '';
    lines.push(`  ${c.dim(`${forTerminal(side.source)}: ${forTerminal(side.id)}${cert}`)}`);
  }
  for (const f of r.findings) {
    const [head, ...rest] = formatFindingLines(f, c);
    lines.push(head!, `    ${c.dim(`at ${formatLocation(f.location)}`)}`, ...rest);
  }
  return lines;
}

/** Renders a `diff` report as text, ending with a summary line. */
export function formatDiffText(report: Report, options: { readonly colors: Colors }): string {
  const c = options.colors;
  const blocks = report.results.map((r) => pairLines(r, c).join('\n'));
  const differing = report.results.filter((r) => r.findings.length > 0).length;
  const { errors, warnings, notes } = report.summary;
  const verdict = report.verdict === 'pass' ? c.green('pass') : c.red('fail');
  blocks.push(
    `${c.bold(`${plural(report.results.length, 'distribution pair')} compared`)}, ${differing} differing: ` +
      `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notes, 'note')}; verdict ${verdict}`,
  );
  return terminalSafe(`${blocks.join('\n\n')}\n`);
}
