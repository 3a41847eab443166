/**
 * Inline ignores, written where the resource is: a CloudFormation (or CDK, through
 * `addMetadata('certgate', ...)`) resource's `Metadata: { certgate: { ignore: [{code, reason}] } }`,
 * and a Terraform `# certgate:ignore CODE reason` comment above or inside the resource block.
 * An ignore without a reason or with an unknown code suppresses nothing and is a
 * CONFIG_IGNORE_INVALID warning of its own, so a typo never hides a finding silently.
 */

import { CATALOG, type FindingCode } from '../findings/catalog.js';
import { createFinding } from '../findings/finding.js';
import type { Locator } from '../findings/types.js';
import type { JsonPath, SourceDocument } from './document.js';
import { type Collected, isRecord, own } from './fields.js';
import type { InlineIgnore } from './types.js';

/** What an ignore is written on, and the distribution a problem with it is reported on. */
export interface IgnoreTarget {
  readonly on: InlineIgnore['on'];
  /** The resource as the problem names it (logical id, Terraform address). */
  readonly resource: string;
  readonly distributionId?: string;
}

const isCode = (code: unknown): code is FindingCode =>
  typeof code === 'string' && Object.hasOwn(CATALOG, code);

/** One ignore entry as written, checked: an ignore, or the problem that makes it unusable. */
function entryOf(
  code: unknown,
  reason: unknown,
  target: IgnoreTarget,
  input: string,
  written: string,
  location: Locator,
  out: Collected,
): void {
  const problem = !isCode(code)
    ? typeof code === 'string' && code !== ''
      ? `unknown finding code ${code}`
      : 'no code'
    : typeof reason !== 'string' || reason.trim() === ''
      ? `no reason for ${code} (say why the finding is accepted)`
      : undefined;
  if (problem === undefined) {
    out.ignores.push({
      on: target.on,
      source: input,
      code: code as FindingCode,
      reason: (reason as string).trim(),
      location,
    });
    return;
  }
  const finding = createFinding('CONFIG_IGNORE_INVALID', location, {
    source: written,
    resource: target.resource,
    problem,
  });
  out.findings.push(
    target.distributionId !== undefined ? { distributionId: target.distributionId, finding } : { finding },
  );
}

/** The ignores in a template resource's `Metadata.certgate.ignore`; nothing is read when there is no Metadata. */
export function readMetadataIgnores(
  doc: SourceDocument,
  logicalId: string,
  resource: unknown,
  target: IgnoreTarget,
  out: Collected,
): void {
  const metadata = own(resource, 'Metadata');
  if (metadata === undefined) return;
  const certgate = own(metadata, 'certgate');
  if (certgate === undefined) return;
  const base: JsonPath = ['Resources', logicalId, 'Metadata', 'certgate'];
  const list = own(certgate, 'ignore');
  if (!Array.isArray(list)) {
    const finding = createFinding('CONFIG_IGNORE_INVALID', doc.locator(base), {
      source: doc.source,
      resource: target.resource,
      problem: 'Metadata.certgate.ignore is not a list of {code, reason}',
    });
    out.findings.push(
      target.distributionId !== undefined ? { distributionId: target.distributionId, finding } : { finding },
    );
    return;
  }
  list.forEach((entry, i) => {
    const location = doc.locator([...base, 'ignore', i]);
    const record = isRecord(entry) ? entry : {};
    entryOf(own(record, 'code'), own(record, 'reason'), target, doc.source, doc.source, location, out);
  });
}

/** A `# certgate:ignore CODE reason` (or `//`) comment on one line of a `.tf` file. */
const TF_IGNORE = /^\s*(?:#|\/\/)\s*certgate:ignore\b[ \t]*(\S*)[ \t]*(.*?)\s*$/;

/** The comment lines of a `.tf` text that are certgate ignores, by 1-based line. */
export function tfIgnoreComments(text: string): Map<number, { code: string; reason: string }> {
  const found = new Map<number, { code: string; reason: string }>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.includes('certgate:ignore')) continue;
    const m = TF_IGNORE.exec(lines[i]!);
    if (m) found.set(i + 1, { code: m[1]!, reason: m[2]! });
  }
  return found;
}

/**
 * The ignores of a resource block (lines `span.start..span.end` of `span.file`): the comment
 * lines just above it (a run of comments ending on the line before it), and those inside it.
 */
export function readTfIgnores(
  block: {
    readonly comments: ReadonlyMap<number, { readonly code: string; readonly reason: string }>;
    readonly lines: readonly string[];
    readonly span: { readonly file: string; readonly start: number; readonly end: number };
  },
  target: IgnoreTarget,
  planSource: string,
  out: Collected,
): void {
  const { comments, lines, span } = block;
  const picked: number[] = [];
  for (let line = span.start - 1; line >= 1 && /^\s*(?:#|\/\/)/.test(lines[line - 1] ?? ''); line--)
    if (comments.has(line)) picked.unshift(line);
  for (const line of comments.keys()) if (line >= span.start && line <= span.end) picked.push(line);
  for (const line of picked) {
    const c = comments.get(line)!;
    const location: Locator = {
      source: planSource,
      resource: target.resource,
      origin: { source: span.file, line },
    };
    entryOf(c.code, c.reason, target, planSource, `${span.file}:${line}`, location, out);
  }
}
