/**
 * The JUnit XML formatter, for CI systems that show test reports (GitLab `artifacts:reports:junit`,
 * Jenkins, Azure Pipelines): one test suite per run, one test case per result (a distribution for
 * `check`, an endpoint for `probe`), a `<failure>` when the result fails, and findings below the
 * threshold in `<system-out>`. Input that could not be read is a test case with an `<error>`, so a
 * partial run never looks green; an alias `probe` did not handshake with is `<skipped>`.
 *
 * The schema: the Jenkins xUnit plugin's `junit-10.xsd` (Ant / Maven Surefire JUnit XML), which
 * `test/report/junit-schema.test.ts` validates against; https://github.com/testmoapp/junitxml
 * describes what each consumer reads.
 */

import { hostname as osHostname } from 'node:os';
import { type FingerprintRoot, normalisedSource } from '../findings/fingerprint.js';
import { type FailOn, isAtOrAbove } from './exit-code.js';
import type { Report, ReportFinding, ReportResult } from './report.js';
import { formatLocation } from './text.js';

export interface JunitOptions {
  /** The `--fail-on` threshold the report was built with: findings at or above it are the failure. */
  readonly failOn?: FailOn;
  /** The repository root input paths in `classname` are relative to (default: paths as given). */
  readonly root?: FingerprintRoot;
  /** `testsuite/@hostname` (default: this machine's name, else `localhost`). */
  readonly hostname?: string;
}

// XML 1.0 §2.2 Char: C0 controls other than TAB, LF, CR, U+FFFE/U+FFFF and unpaired surrogates
// cannot appear in a document at all, not even as character references. They are shown as \uXXXX.
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const visible = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Escapes character data: `&`, `<`, `>` (so `]]>` cannot appear), CR as a reference (parsers
 * would fold CRLF to LF), and characters XML forbids.
 */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML_CHAR, visible)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Escapes an attribute value (double-quoted); TAB and LF as references so parsers keep them. */
export function xmlAttr(value: string): string {
  return xmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

/** Milliseconds as JUnit's seconds: a decimal with millisecond precision (`1.250`). */
const seconds = (ms: number | undefined) => (Math.max(0, ms ?? 0) / 1000).toFixed(3);

/**
 * An ISO 8601 instant as JUnit's `timestamp`: `2026-12-03T11:00:00`, UTC, without fraction or
 * offset (the Ant schema's pattern has neither).
 */
export function junitTimestamp(iso: string | undefined): string | undefined {
  if (iso === undefined) return undefined;
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString().slice(0, 19);
}

/** A finding as plain lines: severity, code, AWS error, location; the message; the fix. */
function findingLines(f: ReportFinding): string[] {
  const aws = f.awsError ? ` [${f.awsError}]` : '';
  const lines = [`${f.severity} ${f.code}${aws} at ${formatLocation(f.location)}`, `  ${f.message}`];
  if (f.fix) lines.push(`  fix: ${f.fix}`);
  if (f.suppression) lines.push(`  suppressed (${f.suppression.kind}): ${f.suppression.reason}`);
  return lines;
}

function splitFindings(r: ReportResult, failOn: FailOn) {
  // a suppressed finding never fails a case: it is listed with the others, as accepted
  const failing = r.findings.filter((f) => f.suppression === undefined && isAtOrAbove(f.severity, failOn));
  // The verdict is the authority; if it fails with nothing above the threshold (a report built
  // with another --fail-on), every finding explains the failure.
  if (r.verdict === 'fail' && failing.length === 0) return { failing: r.findings, other: [] };
  if (r.verdict === 'pass') return { failing: [], other: r.findings };
  return { failing, other: r.findings.filter((f) => !failing.includes(f)) };
}

/** An input with nothing to check is an error of the run (not a failed check), as unreadable input is. */
const isEmptyInput = (f: ReportFinding) => f.code === 'INPUT_NO_DISTRIBUTION' && f.severity === 'error';

/** What JUnit uses of a probe result's details: the host, the time taken, whether it was probed. */
interface EndpointView {
  readonly host?: string;
  readonly totalMs?: number;
  readonly skipped: boolean;
}

/** The probe details of an endpoint result (read by shape: the report layer sits below probe/). */
function endpointView(r: ReportResult): EndpointView | undefined {
  if (r.subject.kind !== 'endpoint' || typeof r.details !== 'object' || r.details === null) return undefined;
  const d = r.details as { host?: unknown; handshake?: unknown; timings?: { totalMs?: unknown } };
  return {
    ...(typeof d.host === 'string' && d.host !== '' ? { host: d.host } : {}),
    ...(typeof d.timings?.totalMs === 'number' ? { totalMs: d.timings.totalMs } : {}),
    skipped: d.handshake === 'skipped',
  };
}

/** `certgate.COMMAND.PART`: the input file (repository-relative) or the endpoint's host. */
function classname(command: string, part: string | undefined): string {
  return part ? `certgate.${command}.${part}` : `certgate.${command}`;
}

/** Input names that are no file: standard input, the probe command line. */
const NOT_A_FILE = new Set(['', '-', '<stdin>', 'argv']);

/** An input as the repository names it (as given without a root; stdin and endpoints unchanged). */
function inputName(source: string, root: FingerprintRoot | undefined): string {
  return root && !NOT_A_FILE.has(source) ? normalisedSource(source, root) : source;
}

/** How a test case ended, for the suite's counts. */
type Outcome = 'passed' | 'failed' | 'error' | 'skipped';

interface Testcase {
  readonly xml: string;
  readonly outcome: Outcome;
}

interface CaseContext {
  readonly command: string;
  readonly failOn: FailOn;
  readonly root: FingerprintRoot | undefined;
}

function testcase(r: ReportResult, context: CaseContext): Testcase {
  const endpoint = endpointView(r);
  const part = endpoint ? endpoint.host : inputName(r.subject.source, context.root);
  const open = `    <testcase${attrs({
    classname: classname(context.command, part),
    name: r.subject.id,
    time: seconds(endpoint?.totalMs),
  })}`;
  const empty = r.findings.find(isEmptyInput);
  if (empty)
    return {
      xml: `${open}>\n      <error${attrs({ message: empty.message, type: empty.code })}>${xmlText(findingLines(empty).join('\n'))}</error>\n    </testcase>`,
      outcome: 'error',
    };
  const { failing, other } = splitFindings(r, context.failOn);
  const skipped = endpoint?.skipped === true && failing.length === 0;
  if (failing.length === 0 && other.length === 0) return { xml: `${open}/>`, outcome: 'passed' };
  const body: string[] = [];
  const first = failing[0];
  if (first) {
    const aws = first.awsError ? `[${first.awsError}] ` : '';
    const more = failing.length > 1 ? ` (and ${failing.length - 1} more)` : '';
    const text = failing.flatMap(findingLines).join('\n');
    body.push(
      `      <failure${attrs({ message: `${aws}${first.message}${more}`, type: first.code })}>${xmlText(text)}</failure>`,
    );
  }
  // a target never probed (a wildcard alias): the note that says why is the skip message
  const reason = skipped ? other[0] : undefined;
  if (reason) body.push(`      <skipped${attrs({ message: reason.message, type: reason.code })}/>`);
  if (other.length > 0)
    body.push(`      <system-out>${xmlText(other.flatMap(findingLines).join('\n'))}</system-out>`);
  return {
    xml: `${open}>\n${body.join('\n')}\n    </testcase>`,
    outcome: first ? 'failed' : reason ? 'skipped' : 'passed',
  };
}

/** An input that could not be read: a test case with an `<error>`. */
function unreadableCase(source: string, message: string, context: CaseContext): Testcase {
  const name = inputName(source, context.root);
  return {
    xml:
      `    <testcase${attrs({ classname: classname(context.command, name), name, time: seconds(0) })}>\n` +
      `      <error${attrs({ message, type: 'INPUT_UNREADABLE' })}>${xmlText(message)}</error>\n` +
      '    </testcase>',
    outcome: 'error',
  };
}

/** This machine's name for `hostname`, `localhost` when it has none (as the Ant schema asks). */
function machineName(): string {
  try {
    return osHostname() || 'localhost';
  } catch {
    return 'localhost';
  }
}

/** Serialises a report as JUnit XML: `<testsuites>` with one `<testsuite name="certgate COMMAND">`. */
export function formatJunit(report: Report, options: JunitOptions = {}): string {
  const context = { command: report.command, failOn: options.failOn ?? 'error', root: options.root };
  const cases = [
    ...report.results.map((r) => testcase(r, context)),
    ...report.errors.map((e) => unreadableCase(e.source, e.message, context)),
  ];
  const count = (outcome: Outcome) => cases.filter((c) => c.outcome === outcome).length;
  const counts = { tests: cases.length, failures: count('failed'), errors: count('error') };
  const time = seconds(report.durationMs);
  const suite = {
    name: `certgate ${report.command}`,
    ...counts,
    skipped: count('skipped'),
    time,
    timestamp: junitTimestamp(report.startedAt),
    hostname: options.hostname ?? machineName(),
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'certgate', ...counts, time })}>`,
    `  <testsuite${attrs(suite)}>`,
    ...cases.map((c) => c.xml),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
