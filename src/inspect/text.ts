/** The text block of one certificate in `certgate inspect`, under its result header. */

import { isoSeconds } from '../findings/time.js';
import type { Colors } from '../report/colors.js';
import { forTerminal } from '../report/terminal.js';
import type { CertificateView } from './view.js';

/** Days left, yellow inside the warning window (the run's --warn-days), red once expired. */
function daysLeftText(daysLeft: number, warnDays: number, c: Colors): string {
  if (daysLeft < 0) return c.red(`expired ${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago`);
  const text = `${daysLeft} day${daysLeft === 1 ? '' : 's'} left`;
  return daysLeft <= warnDays ? c.yellow(text) : c.green(text);
}

/** The text block of a certificate view, indented under its result header. */
export function renderCertificateText(v: CertificateView, c: Colors, warnDays = 30): string[] {
  const pad = ' '.repeat(4 + 14);
  const row = (label: string, value: string) => `    ${c.dim(label.padEnd(14))}${value}`;
  const moved = v.fileIndex !== v.index ? c.dim(` (certificate ${v.fileIndex + 1} in the file)`) : '';
  const lines = [
    `  ${c.bold(`#${v.index} ${v.role}`)}${moved}`,
    row('subject', forTerminal(v.subject) || '(empty)'),
    row('issuer', forTerminal(v.issuer) || '(empty)'),
    row(
      'names',
      v.subjectAltNames.length
        ? forTerminal(v.subjectAltNames.join(', '), 4096)
        : c.dim('(no subjectAltName)'),
    ),
    row(
      'valid',
      `${isoSeconds(new Date(v.notBefore))} to ${isoSeconds(new Date(v.notAfter))} (${daysLeftText(v.daysLeft, warnDays, c)})`,
    ),
    row('key', v.publicKey),
    row('signature', v.signatureAlgorithm),
    row('serial', v.serialNumber),
  ];
  v.extensions.forEach((e, i) => {
    const text = `${e.name}${e.critical ? c.yellow(' (critical)') : ''}: ${forTerminal(e.summary)}`;
    lines.push(i === 0 ? row('extensions', text) : `${pad}${text}`);
  });
  lines.push(row('sha256', v.fingerprints.sha256), row('sha1', v.fingerprints.sha1));
  return lines;
}
