/**
 * Inline ignores (read by the sources from template Metadata and `.tf` comments) resolved to the
 * results they apply to: one written on a distribution or tenant applies to its result; one on a
 * certificate resource, to the result of every distribution that takes that certificate, and to
 * the certificate's own.
 */

import type { SubjectIgnore } from '../findings/suppress.js';
import { withPosition } from '../sources/positions.js';
import type { GateInputs, InlineIgnore } from '../sources/types.js';

/** Where an ignore is written, as a reader finds it: `main.tf:40`, `template.yaml:14`. */
function writtenAt(ignore: InlineIgnore): string {
  const origin = ignore.location.origin;
  if (origin) return `${origin.source}:${origin.line}`;
  const line = withPosition(ignore.location).line;
  return line !== undefined ? `${ignore.source}:${line}` : ignore.source;
}

/** The inline ignores of the inputs, by the subject of each result they apply to. */
export function inlineIgnores(inputs: GateInputs): SubjectIgnore[] {
  const ignores = inputs.ignores ?? [];
  if (ignores.length === 0) return [];
  const users = new Map<string, { source: string; id: string }[]>();
  for (const d of inputs.distributions) {
    if (d.certificateResource === undefined) continue;
    const list = users.get(d.certificateResource) ?? [];
    list.push({ source: d.source, id: d.id });
    users.set(d.certificateResource, list);
  }
  return ignores.flatMap((ignore) => {
    const { code, reason } = ignore;
    const source = writtenAt(ignore);
    const subjects =
      'distribution' in ignore.on
        ? [{ source: ignore.source, id: ignore.on.distribution }]
        : [{ source: ignore.source, id: ignore.on.certificate }, ...(users.get(ignore.on.certificate) ?? [])];
    return subjects.map((subject) => ({ subject, code, reason, source }));
  });
}
