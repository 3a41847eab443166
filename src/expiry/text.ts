/**
 * The text report of `certgate expiry`: one table row per certificate, what needs action first,
 * then the findings of those that need it, the files that could not be read, and a summary.
 */

import type { Colors } from '../report/colors.js';
import type { Report, ReportResult } from '../report/report.js';
import { forTerminal, terminalSafe } from '../report/terminal.js';
import { formatFindingLines } from '../report/text.js';
import { type ExpiryDetails, placeText } from './types.js';

const LEVEL_WORDS: Readonly<Record<ExpiryDetails['level'], string>> = {
  expired: 'EXPIRED',
  'not-yet-valid': 'NOT YET',
  critical: 'CRITICAL',
  warning: 'WARNING',
  ok: 'ok',
};

function levelCell(level: ExpiryDetails['level'], c: Colors): (text: string) => string {
  if (level === 'ok') return c.green;
  if (level === 'warning') return c.yellow;
  return c.red;
}

const where = (d: ExpiryDetails): string => {
  const first = d.places[0];
  const text = first ? `${placeText(first)}${first.index > 0 ? `#${first.index}` : ''}` : '';
  return d.places.length > 1 ? `${text} (+${d.places.length - 1})` : text;
};

/** Renders an expiry report as a table. */
export function formatExpiryText(report: Report, options: { colors: Colors; verbose?: boolean }): string {
  const c = options.colors;
  const rows = report.results.filter((r) => r.subject.kind === 'certificate' && r.details !== undefined);
  const others = report.results.filter((r) => !rows.includes(r));
  const header = ['STATUS', 'NAME', 'EXPIRES', 'DAYS', 'LIFE', 'WHERE', 'RENEWAL'];
  const cells = rows.map((r) => {
    const d = r.details as ExpiryDetails;
    return [
      LEVEL_WORDS[d.level],
      forTerminal(d.name, 64),
      `${d.chainNotAfter.slice(0, 10)}${d.limitedBy ? '*' : ''}`,
      String(d.daysLeft),
      `${Math.round(d.lifetimeUsed * 100)}%`,
      forTerminal(where(d), 80),
      d.renewal.status,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]!.length)));
  const line = (row: string[], paint?: (level: string) => string) =>
    row
      .map((cell, i) => {
        const padded = i === row.length - 1 ? cell : cell.padEnd(widths[i]!);
        return i === 0 && paint ? paint(padded) : padded;
      })
      .join('  ')
      .trimEnd();
  const lines: string[] = [];
  if (rows.length > 0) {
    lines.push(c.bold(line(header)));
    rows.forEach((r, i) => {
      const d = r.details as ExpiryDetails;
      lines.push(line(cells[i]!, levelCell(d.level, c)));
    });
    if (rows.some((r) => (r.details as ExpiryDetails).limitedBy))
      lines.push(
        c.dim('* the date its chain stops validating: an intermediate expires before the certificate'),
      );
  }
  // what needs action, below the table: findings above notes (notes with --verbose)
  const shown = (r: ReportResult) =>
    r.findings.filter((f) => options.verbose === true || f.severity !== 'note');
  const detailed = [...rows, ...others].filter((r) => shown(r).length > 0);
  if (detailed.length > 0) lines.push('');
  for (const r of detailed) {
    const d = r.details as ExpiryDetails | undefined;
    lines.push(c.bold(forTerminal(d ? `${d.name} (${d.fingerprint.slice(0, 23)}...)` : r.subject.id)));
    for (const f of shown(r)) lines.push(...formatFindingLines(f, c, '  '));
  }
  for (const e of report.errors) lines.push(`${c.red('ERROR')} ${forTerminal(e.message)}`);
  const count = (level: ExpiryDetails['level']) =>
    rows.filter((r) => (r.details as ExpiryDetails).level === level).length;
  const unreadable = others.filter((r) => r.subject.kind === 'file').length;
  const unreached = others.filter((r) => r.subject.kind === 'endpoint').length;
  const parts = [
    `${rows.length} certificate${rows.length === 1 ? '' : 's'}`,
    `${count('expired')} expired`,
    `${count('critical')} critical`,
    `${count('warning')} warning`,
    `${count('ok')} ok`,
    ...(count('not-yet-valid') > 0 ? [`${count('not-yet-valid')} not yet valid`] : []),
    ...(unreadable > 0 ? [`${unreadable} unreadable file${unreadable === 1 ? '' : 's'}`] : []),
    ...(unreached > 0 ? [`${unreached} endpoint${unreached === 1 ? '' : 's'} without a certificate`] : []),
  ];
  const verdict = report.verdict === 'pass' ? c.green('pass') : c.red('fail');
  lines.push('', `${parts.join(', ')}; verdict ${verdict}`);
  return terminalSafe(`${lines.join('\n')}\n`);
}
