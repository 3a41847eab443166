/**
 * The expiry report as one self-contained HTML file: a timeline of when each certificate (its
 * chain) expires, the action list (what needs doing, most urgent first), and the whole table.
 * Inline CSS and SVG only: no script, no font, no request of any kind, so it opens offline, in a
 * mail client or from a CI artifact. Every value from the inputs is escaped.
 */

import type { Report } from '../report/report.js';
import { type ExpiryDetails, placeText } from './types.js';

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const DAY_MS = 86_400_000;

const COLORS: Readonly<Record<ExpiryDetails['level'], string>> = {
  expired: '#b3261e',
  'not-yet-valid': '#b3261e',
  critical: '#d93025',
  warning: '#e37400',
  ok: '#188038',
};

const WIDTH = 960;
const ROW = 22;
const LEFT = 260;

/** The timeline: one row per certificate, from its notBefore to its chain's end, "now" marked. */
function timeline(certs: readonly ExpiryDetails[], at: Date): string {
  if (certs.length === 0) return '<p>No certificate.</p>';
  const shown = certs.slice(0, 200);
  const now = at.getTime();
  const start = Math.min(now - 30 * DAY_MS, ...shown.map((d) => Date.parse(d.notBefore)));
  const end = Math.max(now + 30 * DAY_MS, ...shown.map((d) => Date.parse(d.chainNotAfter)));
  const x = (t: number) => LEFT + ((t - start) / (end - start)) * (WIDTH - LEFT - 20);
  const height = shown.length * ROW + 40;
  const rows = shown.map((d, i) => {
    const y = 20 + i * ROW;
    const from = x(Date.parse(d.notBefore));
    const to = x(Date.parse(d.chainNotAfter));
    const warn = x(Date.parse(d.warnAt));
    return [
      `<text x="${LEFT - 8}" y="${y + 14}" text-anchor="end">${escapeHtml(d.name.slice(0, 40))}</text>`,
      `<rect x="${from.toFixed(1)}" y="${y + 4}" width="${Math.max(2, to - from).toFixed(1)}" height="12" rx="3" fill="${COLORS[d.level]}"><title>${escapeHtml(`${d.name}: ${d.chainNotAfter.slice(0, 10)}, ${d.daysLeft} days left`)}</title></rect>`,
      `<line x1="${warn.toFixed(1)}" x2="${warn.toFixed(1)}" y1="${y + 2}" y2="${y + 18}" stroke="#202124" stroke-width="1" stroke-dasharray="2,2"/>`,
    ].join('');
  });
  const nowX = x(now).toFixed(1);
  const more =
    certs.length > shown.length ? `<p>${certs.length - shown.length} more in the table below.</p>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" role="img" aria-label="expiry timeline">
<line x1="${nowX}" x2="${nowX}" y1="0" y2="${height}" stroke="#1a73e8" stroke-width="2"/>
<text x="${nowX}" y="${height - 6}" text-anchor="middle" fill="#1a73e8">now ${escapeHtml(at.toISOString().slice(0, 10))}</text>
${rows.join('\n')}
</svg>${more}`;
}

/** Renders an expiry report as a self-contained HTML page; `at` is the run's "now". */
export function formatExpiryHtml(report: Report, at: Date): string {
  const certs = report.results.flatMap((r) =>
    r.subject.kind === 'certificate' && r.details !== undefined ? [r.details as ExpiryDetails] : [],
  );
  const actions = report.results.flatMap((r) =>
    r.findings
      .filter((f) => f.severity !== 'note')
      .map((f) => ({ r, f, rank: f.severity === 'error' ? 0 : 1 })),
  );
  actions.sort((a, b) => a.rank - b.rank);
  const actionList =
    actions.length === 0
      ? '<p class="ok">Nothing needs action.</p>'
      : `<ol class="actions">${actions
          .map(
            ({ f }) =>
              `<li class="${f.severity}"><strong>${escapeHtml(f.severity)}</strong> <code>${escapeHtml(f.code)}</code>: ${escapeHtml(f.message)}${f.fix ? `<br><em>fix:</em> ${escapeHtml(f.fix)}` : ''}</li>`,
          )
          .join('\n')}</ol>`;
  const table = `<table><thead><tr><th>status</th><th>name</th><th>expires</th><th>days</th><th>lifetime used</th><th>renewal</th><th>where</th></tr></thead><tbody>${certs
    .map(
      (d) =>
        `<tr class="${d.level}"><td>${escapeHtml(d.level)}</td><td>${escapeHtml(d.name)}</td><td>${escapeHtml(d.chainNotAfter.slice(0, 10))}${d.limitedBy ? ' (chain)' : ''}</td><td>${d.daysLeft}</td><td>${Math.round(d.lifetimeUsed * 100)}%</td><td title="${escapeHtml(d.renewal.reason)}">${escapeHtml(d.renewal.status)}</td><td>${d.places.map((p) => escapeHtml(placeText(p))).join('<br>')}</td></tr>`,
    )
    .join('\n')}</tbody></table>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>certgate expiry: ${certs.length} certificates, verdict ${escapeHtml(report.verdict)}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px; color: #202124; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
svg text { font: 12px system-ui, sans-serif; fill: #202124; }
table { border-collapse: collapse; } td, th { border-bottom: 1px solid #dadce0; padding: 4px 10px; text-align: left; vertical-align: top; }
tr.expired td:first-child, tr.critical td:first-child, tr.not-yet-valid td:first-child { color: #b3261e; font-weight: 600; }
tr.warning td:first-child { color: #e37400; font-weight: 600; } tr.ok td:first-child { color: #188038; }
ol.actions li { margin-bottom: 8px; } li.error strong { color: #b3261e; } li.warning strong { color: #e37400; }
.ok { color: #188038; }
</style>
</head>
<body>
<h1>certgate expiry: ${certs.length} certificate${certs.length === 1 ? '' : 's'}, verdict ${escapeHtml(report.verdict)}</h1>
<p>Judged at ${escapeHtml(at.toISOString())}. Dates are when the chain clients build stops validating; the dashed mark is each certificate's warning threshold.</p>
<h2>What needs action</h2>
${actionList}
<h2>Timeline</h2>
${timeline(certs, at)}
<h2>Every certificate</h2>
${table}
</body>
</html>
`;
}
