/**
 * Text output of `certgate probe`: one line per endpoint (verdict, endpoint and address, what
 * was negotiated and served, or what went wrong, and the time), then its findings with the fix.
 */

import type { Colors } from '../report/colors.js';
import type { Report, ReportResult } from '../report/report.js';
import { forTerminal, terminalSafe } from '../report/terminal.js';
import { formatFindingLines } from '../report/text.js';
import type { ProbeDetails } from './types.js';

/** Options of {@link formatProbeText}. */
export interface ProbeTextOptions {
  readonly colors: Colors;
}

const FAILURE_WORDS: Record<string, string> = {
  dns: 'DNS failure',
  refused: 'connection refused',
  timeout: 'timed out',
  reset: 'reset during handshake',
  'not-tls': 'not TLS',
  alert: 'TLS alert',
  unreachable: 'unreachable',
  protocol: 'no common protocol',
  error: 'handshake failed',
};

const ms = (n: number | undefined): string => (n === undefined ? '' : `${Math.round(n)} ms`);

/** What the line says after the endpoint. */
function summary(d: ProbeDetails | undefined, c: Colors): string {
  if (d === undefined) return '';
  if (d.handshake === 'skipped') return c.dim('not probed');
  const time = ms(d.timings.totalMs ?? d.timings.dnsMs);
  if (d.handshake === 'failed') {
    const f = d.failure;
    const what = f ? (FAILURE_WORDS[f.kind] ?? f.kind) : 'failed';
    const alert = f && 'alert' in f && f.alert ? ` ${f.alert}` : '';
    return [c.red(`${what}${alert}`), via(d, c), c.dim(time)].filter(Boolean).join('  ');
  }
  const leaf = d.chain?.[0];
  const parts = [
    `${d.protocol ?? '?'} ${d.cipher ?? ''}`.trim(),
    d.alpn ? d.alpn : c.dim('no ALPN'),
    ...(d.ocspStapled ? ['OCSP stapled'] : []),
    ...(d.sni === null ? [c.dim('no SNI')] : []),
  ];
  const cert = leaf
    ? `${forTerminal(leaf.subject)}, until ${leaf.notAfter.slice(0, 10)}, ${d.chain!.length} cert${d.chain!.length === 1 ? '' : 's'} sent`
    : 'no certificate';
  return [parts.join(' '), cert, via(d, c), c.dim(time)].filter(Boolean).join('  ');
}

/** `via d111111abcdef8.cloudfront.net` when the probe dialled another host than the name (--from-aws). */
function via(d: ProbeDetails, c: Colors): string {
  return d.connect === undefined ? '' : c.dim(`via ${forTerminal(d.connect)}`);
}

/** Not probed on purpose (an alias the input skips): neither a pass nor a failure. */
const isSkipped = (r: ReportResult): boolean =>
  (r.details as ProbeDetails | undefined)?.handshake === 'skipped' && r.verdict === 'pass';

function resultLines(r: ReportResult, c: Colors): string[] {
  const d = r.details as ProbeDetails | undefined;
  // a target skipped on purpose passes as SKIP; a bad or interrupted one is not probed and fails
  const mark = isSkipped(r) ? c.dim('SKIP') : r.verdict === 'pass' ? c.green('PASS') : c.red('FAIL');
  const lines = [`${mark} ${c.bold(forTerminal(r.subject.id))}  ${summary(d, c)}`];
  for (const f of r.findings) lines.push(...formatFindingLines(f, c, '     '));
  return lines;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Renders a probe report as text: one line per endpoint, findings below it, then a summary. */
export function formatProbeText(report: Report, options: ProbeTextOptions): string {
  const c = options.colors;
  const lines = report.results.flatMap((r) => resultLines(r, c));
  for (const e of report.errors) lines.push(`${c.red('ERROR')} ${forTerminal(e.message)}`);
  const probed = report.results.filter((r) => !isSkipped(r));
  const skipped = report.results.length - probed.length;
  const passing = probed.filter((r) => r.verdict === 'pass').length;
  const { errors, warnings, notes } = report.summary;
  const verdict = report.verdict === 'pass' ? c.green('pass') : c.red('fail');
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notes, 'note')}`;
  // bad targets and those an interrupted run did not reach fail without a handshake: say so
  const notProbed = probed.filter(
    (r) => (r.details as ProbeDetails | undefined)?.handshake === 'skipped',
  ).length;
  const failText = `${probed.length - passing} fail${notProbed ? ` (${notProbed} not probed)` : ''}`;
  const skippedText = skipped ? `, ${skipped} skipped` : '';
  const unread = report.errors.length ? `, ${plural(report.errors.length, 'unreadable input')}` : '';
  lines.push(
    '',
    `${c.bold(`${plural(probed.length, 'endpoint')} probed`)}: ${passing} pass, ${failText}${skippedText}; ${counts}${unread}; verdict ${verdict}`,
  );
  return terminalSafe(`${lines.join('\n')}\n`);
}
