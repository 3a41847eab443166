/**
 * The SARIF 2.1.0 formatter, for GitHub code scanning and other SARIF viewers: one run, the rules
 * that fired with their catalog titles and their docs page (description and help), one result per
 * finding pointing at the file, line and column of the offending value, relative to the
 * repository root, with the fingerprint every certgate report shares.
 *
 * https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 * GitHub's subset: https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 */

import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CATALOG } from '../findings/catalog.js';
import { type FingerprintRoot, findingFingerprint, normalisedSource } from '../findings/fingerprint.js';
import type { CatalogEntry, Locator, Severity } from '../findings/types.js';
import type { Report, ReportFinding, ReportResult } from './report.js';
import { defaultRulesBaseUrl, joinUrl, markdownToText, ruleDocs } from './rule-docs.js';

/** The schema URL SARIF consumers expect in `$schema` (SARIF 2.1.0 errata 01). */
export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const DEFAULT_INFORMATION_URI = 'https://www.npmjs.com/package/certgate';

/** The most results GitHub code scanning accepts in one run; beyond it the upload is rejected. */
export const SARIF_RESULT_LIMIT = 25_000;

/** The `partialFingerprints` key: the recipe's version, so a new recipe is not a new finding. */
const FINGERPRINT_KEY = 'certgate/v1';

export interface SarifOptions {
  /** Directory relative input paths were given from (default: `process.cwd()`). */
  readonly cwd?: string;
  /**
   * The repository root artifact URIs and fingerprints are relative to (`%SRCROOT%`), with the
   * working directory (default: `cwd` for both; the CLI gives the enclosing Git repository's root).
   */
  readonly root?: FingerprintRoot;
  /** URL of the folder of rule pages: `helpUri` is `URL/CODE.md` (default: the package repository's `docs/rules`). */
  readonly rulesDocsUrl?: string;
  /** Base URI of the package docs, `docs/rules/CODE.md` appended (older form of `rulesDocsUrl`). */
  readonly docsBaseUri?: string;
  /** `tool.driver.informationUri` (default: the package page on npm). */
  readonly informationUri?: string;
}

type SarifLevel = 'error' | 'warning' | 'note';

// SARIF levels and certgate severities are the same three words, so the mapping is 1:1.
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', note: 'note' };

/** Names that are not files: standard input, the probe command line, a `host:port` endpoint. */
function isFileSource(source: string): boolean {
  if (source === '' || source === '-' || source === '<stdin>' || source === 'argv') return false;
  return !/^[^/\\]+:\d+$/.test(source);
}

/** A plain working directory as a root: paths relative to it. */
const rootOf = (where: string | FingerprintRoot): FingerprintRoot =>
  typeof where === 'string' ? { root: resolve(where), cwd: resolve(where) } : where;

/**
 * A source path as a SARIF artifact URI: relative to the repository root (`x.json`, `./x.json`
 * and the absolute path are one URI), forward slashes, each segment percent-encoded; a path
 * outside the root becomes an absolute `file:` URI (viewers cannot resolve `../`); standard
 * input and endpoints have no artifact at all. `where` is the root, or a directory standing for it.
 */
export function artifactUri(
  source: string,
  where: string | FingerprintRoot,
): { uri: string; relative: boolean } | undefined {
  if (!isFileSource(source)) return undefined;
  const path = normalisedSource(source, rootOf(where));
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href, relative: false };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), relative: true };
}

/** An artifact location for a file source: relative ones resolve against `%SRCROOT%`. */
function fileArtifactLocation(source: string, root: FingerprintRoot) {
  const artifact = artifactUri(source, root);
  if (!artifact) return undefined;
  return artifact.relative ? { uri: artifact.uri, uriBaseId: '%SRCROOT%' } : { uri: artifact.uri };
}

function entryOf(code: string): CatalogEntry | undefined {
  return (CATALOG as Record<string, CatalogEntry | undefined>)[code];
}

/**
 * A rule: the catalog title, the docs page as full description and help (a pointer to the page
 * when it cannot be read), the page's URL, the default level.
 */
function ruleOf(code: string, rulesUrl: string) {
  const entry = entryOf(code);
  const title = entry?.title ?? code;
  const helpUri = joinUrl(rulesUrl, `${code}.md`);
  const docs = ruleDocs(code, rulesUrl);
  const description = docs?.descriptionMarkdown || `${title}.`;
  const helpMarkdown =
    docs?.helpMarkdown ??
    `**${title}**\n\nSee [${code}.md](${helpUri}) for the cause, the checks and the fix.`;
  return {
    id: code,
    name: code,
    shortDescription: { text: title },
    fullDescription: { text: markdownToText(description), markdown: description },
    helpUri,
    help: { text: markdownToText(helpMarkdown), markdown: helpMarkdown },
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
    description: { text: isStdin ? 'standard input' : source === 'argv' ? 'the command line' : source },
  };
}

function physicalLocation(location: Locator, root: FingerprintRoot) {
  const artifactLocation =
    fileArtifactLocation(location.source, root) ?? placeholderArtifact(location.source);
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

function resultOf(f: ReportFinding, r: ReportResult, ruleIndex: number, root: FingerprintRoot) {
  // generated input (a plan, a CDK template): the annotation goes on the code it came from, when known
  const origin = f.location.origin;
  const physical = physicalLocation(
    origin
      ? { source: origin.source, line: origin.line, ...(origin.column ? { column: origin.column } : {}) }
      : f.location,
    root,
  );
  const where = pathText(f.location.path);
  const logical = {
    name: r.subject.id,
    kind: 'resource',
    ...(where ? { fullyQualifiedName: `${r.subject.id}/${where}` } : {}),
  };
  const aws = f.awsError ? `[${f.awsError}] ` : '';
  const text = `${aws}${f.message}${f.fix ? `. Fix: ${f.fix}` : ''}`;
  const fingerprint = findingFingerprint({ code: f.code, location: f.location, subject: r.subject }, root);
  return {
    ruleId: f.code,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text },
    locations: [{ physicalLocation: physical, logicalLocations: [logical] }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    // an accepted finding: code scanning shows it as suppressed, with the reason given
    ...(f.suppression
      ? {
          suppressions: [
            {
              kind: f.suppression.kind === 'inline' ? ('inSource' as const) : ('external' as const),
              justification: f.suppression.reason,
            },
          ],
        }
      : {}),
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

/** One finding with the result it belongs to, in report order. */
interface Entry {
  readonly finding: ReportFinding;
  readonly result: ReportResult;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/**
 * The findings a log can hold: all of them up to `limit`; past it the most severe (errors, then
 * warnings, then notes, report order within each), still in report order, and what was left out.
 */
function capFindings<T extends { readonly finding: { readonly severity: Severity } }>(
  entries: readonly T[],
  limit: number = SARIF_RESULT_LIMIT,
): { kept: readonly T[]; omitted: Record<Severity, number> } {
  const omitted = { error: 0, warning: 0, note: 0 };
  if (entries.length <= limit) return { kept: entries, omitted };
  const order = entries.map((_, i) => i);
  order.sort(
    (a, b) =>
      SEVERITY_RANK[entries[a]!.finding.severity] - SEVERITY_RANK[entries[b]!.finding.severity] || a - b,
  );
  const keep = new Set(order.slice(0, limit));
  const kept: T[] = [];
  entries.forEach((e, i) => {
    if (keep.has(i)) kept.push(e);
    else omitted[e.finding.severity]++;
  });
  return { kept, omitted };
}

/** The notification saying how many results a capped log leaves out, and which. */
function cappedNotification(omitted: Record<Severity, number>, total: number) {
  const left = omitted.error + omitted.warning + omitted.note;
  const bySeverity = (['error', 'warning', 'note'] as const)
    .filter((s) => omitted[s] > 0)
    .map((s) => `${omitted[s]} ${s}${omitted[s] === 1 ? '' : 's'}`)
    .join(', ');
  return {
    level: 'warning' as const,
    message: {
      text: `${left} of ${total} results left out (${bySeverity}): GitHub code scanning accepts at most ${SARIF_RESULT_LIMIT.toLocaleString('en-US')} results per run, so the log keeps the most severe ones, errors first; the JSON report has every finding.`,
    },
  };
}

/** The `%SRCROOT%` base: the repository root as an absolute `file:` URI ending in `/`. */
function srcRoot(root: FingerprintRoot) {
  const href = pathToFileURL(root.root).href;
  return {
    '%SRCROOT%': {
      uri: href.endsWith('/') ? href : `${href}/`,
      description: { text: 'The repository root: artifact URIs are relative to it.' },
    },
  };
}

/** An input with nothing to check is a failure of the run, not a result on a line of code. */
function emptyInputFindings(report: Report) {
  const empty = report.results.flatMap((r) => r.findings.filter((f) => f.code === 'INPUT_NO_DISTRIBUTION'));
  const nothingChecked =
    empty.length > 0 &&
    !report.results.some((r) => r.subject.kind === 'distribution' || r.subject.kind === 'tenant');
  return { empty, nothingChecked };
}

/** A run-level message (an unreadable input, an empty input), on its file when it names one. */
function notification(level: 'error' | 'warning', text: string, source: string, root: FingerprintRoot) {
  const artifactLocation = fileArtifactLocation(source, root);
  return {
    level,
    message: { text },
    ...(artifactLocation ? { locations: [{ physicalLocation: { artifactLocation } }] } : {}),
  };
}

/** When the run started and ended, when the CLI measured it (SARIF wants UTC date-times). */
function invocationTimes(report: Report) {
  if (report.startedAt === undefined) return {};
  const end =
    report.durationMs === undefined ? undefined : new Date(Date.parse(report.startedAt) + report.durationMs);
  return { startTimeUtc: report.startedAt, ...(end ? { endTimeUtc: end.toISOString() } : {}) };
}

/** Builds the SARIF log as an object (exported for tests and library users who post-process it). */
export function toSarif(report: Report, options: SarifOptions = {}) {
  const cwd = resolve(options.cwd ?? process.cwd());
  const root = options.root ?? { root: cwd, cwd };
  const rulesUrl =
    options.rulesDocsUrl ??
    (options.docsBaseUri !== undefined ? joinUrl(options.docsBaseUri, 'docs/rules') : defaultRulesBaseUrl());
  const all: Entry[] = report.results.flatMap((result) =>
    result.findings.map((finding) => ({ finding, result })),
  );
  const { kept, omitted } = capFindings(all);
  const codes: string[] = [];
  const index = new Map<string, number>();
  for (const { finding } of kept)
    if (!index.has(finding.code)) {
      index.set(finding.code, codes.length);
      codes.push(finding.code);
    }
  const results = kept.map((e) => resultOf(e.finding, e.result, index.get(e.finding.code)!, root));
  const capped = kept.length < all.length;
  const { empty, nothingChecked } = emptyInputFindings(report);
  const notifications = [
    ...report.errors.map((e) => notification('error', e.message, e.source, root)),
    ...empty.map((f) =>
      notification(f.severity === 'error' ? 'error' : 'warning', f.message, f.location.source, root),
    ),
    ...(capped ? [cappedNotification(omitted, all.length)] : []),
  ];
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
            rules: codes.map((c) => ruleOf(c, rulesUrl)),
          },
        },
        invocations: [
          {
            executionSuccessful: report.errors.length === 0 && !nothingChecked,
            ...invocationTimes(report),
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        originalUriBaseIds: srcRoot(root),
        columnKind: 'utf16CodeUnits' as const,
        results,
        properties: {
          command: report.command,
          verdict: report.verdict,
          summary: report.summary,
          ...(capped
            ? {
                resultLimit: SARIF_RESULT_LIMIT,
                resultsTotal: all.length,
                resultsOmitted: all.length - kept.length,
                resultsOmittedBySeverity: omitted,
              }
            : {}),
        },
      },
    ],
  };
}

/** Serialises a report as a SARIF 2.1.0 log (two-space indent, trailing newline). */
export function formatSarif(report: Report, options: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}
