/**
 * The SARIF 2.1.0 formatter, for GitHub code scanning and other SARIF viewers: one run, the rules
 * that fired with their catalog titles and docs, one result per finding pointing at the file,
 * line and column of the offending value.
 *
 * https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 * GitHub's subset: https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 */

import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { CATALOG, docsPath, type FindingCode } from '../findings/catalog.js';
import type { CatalogEntry, Locator, Severity } from '../findings/types.js';
import type { Report, ReportFinding, ReportResult } from './report.js';

/** The schema URL SARIF consumers expect in `$schema` (SARIF 2.1.0 errata 01). */
export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** Where certgate's rule pages are published: the package's `docs/` folder on the npm CDN. */
const DEFAULT_DOCS_BASE = (version: string) => `https://unpkg.com/certgate@${version}/`;
const DEFAULT_INFORMATION_URI = 'https://www.npmjs.com/package/certgate';

export interface SarifOptions {
  /** Directory that artifact URIs are made relative to (default: `process.cwd()`). */
  readonly cwd?: string;
  /** Base URI of the package docs; `docs/rules/CODE.md` is appended (default: the npm CDN, versioned). */
  readonly docsBaseUri?: string;
  /** `tool.driver.informationUri` (default: the package page on npm). */
  readonly informationUri?: string;
}

type SarifLevel = 'error' | 'warning' | 'note';

// SARIF levels and certgate severities are the same three words, so the mapping is 1:1.
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', note: 'note' };

/**
 * A source path as a SARIF artifact URI: relative to `cwd` with forward slashes and each segment
 * percent-encoded; a path outside `cwd` becomes an absolute `file:` URI (viewers cannot resolve
 * `../`); standard input has no artifact at all.
 */
export function artifactUri(source: string, cwd: string): { uri: string; relative: boolean } | undefined {
  if (source === '' || source === '-' || source === '<stdin>') return undefined;
  // host:port sources (probe) are not files either.
  if (!source.includes('/') && !source.includes(sep) && /:\d+$/.test(source)) return undefined;
  const abs = resolve(cwd, source);
  const rel = relative(cwd, abs);
  const encode = (p: string) =>
    p
      .split(sep === '\\' ? /[\\/]/ : '/')
      .map((s) => encodeURIComponent(s))
      .join('/');
  const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  if (rel !== '' && !outside) return { uri: encode(rel), relative: true };
  const encoded = encode(abs);
  return { uri: `file://${encoded.startsWith('/') ? '' : '/'}${encoded}`, relative: false };
}

function entryOf(code: string): CatalogEntry | undefined {
  return (CATALOG as Record<string, CatalogEntry | undefined>)[code];
}

function ruleOf(code: string, docsBase: string) {
  const entry = entryOf(code);
  const page = docsPath(code as FindingCode);
  const title = entry?.title ?? code;
  return {
    id: code,
    name: code,
    shortDescription: { text: title },
    helpUri: `${docsBase}${page}`,
    help: {
      text: `${title}. See ${page} in the certgate package for the cause, the checks and the fix.`,
      markdown: `**${title}**\n\nSee [${page}](${docsBase}${page}) for the cause, the checks and the fix.`,
    },
    defaultConfiguration: { level: LEVEL[entry?.severity ?? 'warning'] },
  };
}

/** A whole number ≥ 1 (SARIF regions and GitHub reject 0, negatives and fractions). */
const isPosition = (n: number | undefined): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 1;

/**
 * A source that is no file (standard input, `host:port`) still gets an artifact: GitHub code
 * scanning rejects the whole log when one result has no physical location. Its URI is the
 * encoded source name, never a path that could be taken for a file in the repository.
 */
function placeholderArtifact(source: string) {
  const isStdin = source === '' || source === '-' || source === '<stdin>';
  return {
    uri: isStdin ? 'stdin' : encodeURIComponent(source),
    description: { text: isStdin ? 'standard input' : source },
  };
}

function physicalLocation(location: Locator, cwd: string) {
  const artifact = artifactUri(location.source, cwd);
  const artifactLocation = !artifact
    ? placeholderArtifact(location.source)
    : artifact.relative
      ? { uri: artifact.uri, uriBaseId: '%SRCROOT%' }
      : { uri: artifact.uri };
  if (!isPosition(location.line)) return { artifactLocation };
  const region = isPosition(location.column)
    ? { startLine: location.line, startColumn: location.column }
    : { startLine: location.line };
  return { artifactLocation, region };
}

/** A JSON path as one string: `Resources.Cdn.Properties.DistributionConfig.Aliases[0]`. */
function pathText(path: Locator['path']): string | undefined {
  if (!path || path.length === 0) return undefined;
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Stable across runs when lines move: code, source, subject and JSON path, not the line. */
function fingerprint(f: ReportFinding, r: ReportResult): string {
  const key = [f.code, f.location.source, r.subject.kind, r.subject.id, pathText(f.location.path) ?? ''];
  return createHash('sha256').update(key.join('\0')).digest('hex').slice(0, 32);
}

function resultOf(f: ReportFinding, r: ReportResult, ruleIndex: number, cwd: string) {
  // generated input (a plan, a CDK template): the annotation goes on the code it came from, when known
  const origin = f.location.origin;
  const physical = physicalLocation(
    origin
      ? { source: origin.source, line: origin.line, ...(origin.column ? { column: origin.column } : {}) }
      : f.location,
    cwd,
  );
  const where = pathText(f.location.path);
  const logical = {
    name: r.subject.id,
    kind: 'resource',
    ...(where ? { fullyQualifiedName: `${r.subject.id}/${where}` } : {}),
  };
  const aws = f.awsError ? `[${f.awsError}] ` : '';
  const text = `${aws}${f.message}${f.fix ? `. Fix: ${f.fix}` : ''}`;
  return {
    ruleId: f.code,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text },
    locations: [{ physicalLocation: physical, logicalLocations: [logical] }],
    partialFingerprints: { 'certgate/v1': fingerprint(f, r) },
    properties: {
      ...(f.awsError ? { awsError: f.awsError } : {}),
      ...(r.subject.kind === 'distribution' ? { distribution: r.subject.id } : {}),
      subject: r.subject,
      ...(where ? { path: where } : {}),
      ...(f.location.resource !== undefined ? { resource: f.location.resource } : {}),
      ...(origin ? { input: f.location.source } : {}),
      ...(f.location.certIndex !== undefined ? { certIndex: f.location.certIndex } : {}),
    },
  };
}

/** Builds the SARIF log as an object (exported for tests and library users who post-process it). */
export function toSarif(report: Report, options: SarifOptions = {}) {
  const cwd = options.cwd ?? process.cwd();
  const docsBase = options.docsBaseUri ?? DEFAULT_DOCS_BASE(report.version);
  const codes: string[] = [];
  const index = new Map<string, number>();
  for (const r of report.results)
    for (const f of r.findings)
      if (!index.has(f.code)) {
        index.set(f.code, codes.length);
        codes.push(f.code);
      }
  const results = report.results.flatMap((r) =>
    r.findings.map((f) => resultOf(f, r, index.get(f.code)!, cwd)),
  );
  // an input with nothing to check is a failure of the run, not a result on a line of code
  const empty = report.results.flatMap((r) => r.findings.filter((f) => f.code === 'INPUT_NO_DISTRIBUTION'));
  const nothingChecked =
    empty.length > 0 &&
    !report.results.some((r) => r.subject.kind === 'distribution' || r.subject.kind === 'tenant');
  const notifications = report.errors.map((e) => {
    const artifact = artifactUri(e.source, cwd);
    return {
      level: 'error' as const,
      message: { text: e.message },
      ...(artifact ? { locations: [{ physicalLocation: { artifactLocation: { uri: artifact.uri } } }] } : {}),
    };
  });
  for (const f of empty) {
    const artifact = artifactUri(f.location.source, cwd);
    notifications.push({
      level: f.severity === 'error' ? 'error' : 'warning',
      message: { text: f.message },
      ...(artifact ? { locations: [{ physicalLocation: { artifactLocation: { uri: artifact.uri } } }] } : {}),
    } as (typeof notifications)[number]);
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'certgate',
            version: report.version,
            semanticVersion: report.version,
            informationUri: options.informationUri ?? DEFAULT_INFORMATION_URI,
            rules: codes.map((c) => ruleOf(c, docsBase)),
          },
        },
        invocations: [
          {
            executionSuccessful: report.errors.length === 0 && !nothingChecked,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        columnKind: 'utf16CodeUnits' as const,
        results,
        properties: { command: report.command, verdict: report.verdict, summary: report.summary },
      },
    ],
  };
}

/** Serialises a report as a SARIF 2.1.0 log (two-space indent, trailing newline). */
export function formatSarif(report: Report, options: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}
