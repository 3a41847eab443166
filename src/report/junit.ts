/**
 * The JUnit XML formatter, for CI systems that show test reports (GitLab `artifacts:reports:junit`,
 * Jenkins, Azure Pipelines): one test suite per run, one test case per result (a distribution for
 * `check`), a `<failure>` when the result fails, and findings below the threshold in `<system-out>`.
 * Input that could not be read is a test case with an `<error>`, so a partial run never looks green.
 *
 * The de-facto schema: https://github.com/testmoapp/junitxml (Jenkins / Ant JUnit XML).
 */

import { type FailOn, isAtOrAbove } from './exit-code.js';
import type { Report, ReportFinding, ReportResult } from './report.js';
import { formatLocation } from './text.js';

export interface JunitOptions {
  /** The `--fail-on` threshold the report was built with: findings at or above it are the failure. */
  readonly failOn?: FailOn;
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

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

/** A finding as plain lines: severity, code, AWS error, location; the message; the fix. */
function findingLines(f: ReportFinding): string[] {
  const aws = f.awsError ? ` [${f.awsError}]` : '';
  const lines = [`${f.severity} ${f.code}${aws} at ${formatLocation(f.location)}`, `  ${f.message}`];
  if (f.fix) lines.push(`  fix: ${f.fix}`);
  return lines;
}

function splitFindings(r: ReportResult, failOn: FailOn) {
  const failing = r.findings.filter((f) => isAtOrAbove(f.severity, failOn));
  // The verdict is the authority; if it fails with nothing above the threshold (a report built
  // with another --fail-on), every finding explains the failure.
  if (r.verdict === 'fail' && failing.length === 0) return { failing: r.findings, other: [] };
  if (r.verdict === 'pass') return { failing: [], other: r.findings };
  return { failing, other: r.findings.filter((f) => !failing.includes(f)) };
}

/** An input with nothing to check is an error of the run (not a failed check), as unreadable input is. */
const isEmptyInput = (f: ReportFinding) => f.code === 'INPUT_NO_DISTRIBUTION' && f.severity === 'error';

function testcase(r: ReportResult, failOn: FailOn): string {
  const open = `    <testcase${attrs({ classname: r.subject.source, name: r.subject.id })}`;
  const empty = r.findings.find(isEmptyInput);
  if (empty)
    return `${open}>\n      <error${attrs({ message: empty.message, type: empty.code })}>${xmlText(findingLines(empty).join('\n'))}</error>\n    </testcase>`;
  const { failing, other } = splitFindings(r, failOn);
  if (failing.length === 0 && other.length === 0) return `${open}/>`;
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
  if (other.length > 0)
    body.push(`      <system-out>${xmlText(other.flatMap(findingLines).join('\n'))}</system-out>`);
  return `${open}>\n${body.join('\n')}\n    </testcase>`;
}

/** Serialises a report as JUnit XML: `<testsuites>` with one `<testsuite name="certgate COMMAND">`. */
export function formatJunit(report: Report, options: JunitOptions = {}): string {
  const failOn = options.failOn ?? 'error';
  const cases = report.results.map((r) => testcase(r, failOn));
  for (const e of report.errors) {
    cases.push(
      `    <testcase${attrs({ classname: e.source, name: e.source })}>\n` +
        `      <error${attrs({ message: e.message, type: 'INPUT_UNREADABLE' })}>${xmlText(e.message)}</error>\n` +
        '    </testcase>',
    );
  }
  const counts = {
    tests: report.results.length + report.errors.length,
    failures: report.results.filter((r) => r.verdict === 'fail' && !r.findings.some(isEmptyInput)).length,
    errors: report.errors.length + report.results.filter((r) => r.findings.some(isEmptyInput)).length,
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'certgate', ...counts })}>`,
    `  <testsuite${attrs({ name: `certgate ${report.command}`, ...counts, skipped: 0 })}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
