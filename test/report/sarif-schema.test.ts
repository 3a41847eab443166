/**
 * SARIF output against the OASIS SARIF 2.1.0 schema (errata 01, vendored in test/fixtures/schemas/
 * with its provenance), and what GitHub code scanning needs beyond the schema: rule help from the
 * docs pages, help URLs, the 25,000-result cap.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CATALOG } from '../../src/findings/catalog.js';
import { createFinding, type Result } from '../../src/findings/finding.js';
import { buildReport, type Report, type ReportFinding, type ReportResult } from '../../src/report/report.js';
import { rulesUrlOf } from '../../src/report/rule-docs.js';
import { SARIF_RESULT_LIMIT, toSarif } from '../../src/report/sarif.js';
import { expectValidSarif, sarifErrors } from '../support/schemas.js';

const ROOT = { root: '/work/proj', cwd: '/work/proj' };
const distribution = (id: string, source: string) => ({ kind: 'distribution', id, source });

const results: Result[] = [
  {
    subject: distribution('Cdn', 'infra/stack.yaml'),
    findings: [
      createFinding(
        'INPUT_UNRESOLVED_VALUE',
        { source: 'infra/stack.yaml', path: ['Resources', 'Cdn', 'Aliases', 0], line: 12, column: 9 },
        { field: 'Aliases[0]', distribution: 'Cdn', reason: '!ImportValue Zone' },
        { awsError: 'InvalidViewerCertificate', severity: 'error' },
      ),
      createFinding(
        'CERT_EXPIRES_SOON',
        { source: '/work/proj/certs/acm.json', path: ['Certificate'] },
        { subject: '"www"', notAfter: '2027-01-01', daysLeft: 9, warnDays: 30 },
      ),
      createFinding('CF_ALIAS_NOT_COVERED', { source: '/elsewhere/dist.json', line: 3, column: 1 }),
    ],
  },
  {
    subject: distribution('E1ABC', '<stdin>'),
    findings: [
      createFinding('INPUT_EVIDENCE_UNMATCHED', { source: '<stdin>' }, { key: 'arn:x', source: '-' }),
    ],
  },
  {
    subject: { kind: 'endpoint', id: 'www.example.com:443 (192.0.2.1)', source: 'argv' },
    findings: [createFinding('PROBE_CONNECTION_REFUSED', { source: 'www.example.com:443' })],
  },
  { subject: distribution('E2OK', 'dist.json'), findings: [] },
];

const report = (extra: Partial<Parameters<typeof buildReport>[0]> = {}): Report =>
  buildReport({ command: 'check', version: '1.2.3', results, failOn: 'error', ...extra });

describe('SARIF against the OASIS 2.1.0 schema', () => {
  test('a report with located, unlocated, stdin and endpoint findings is valid', () => {
    expectValidSarif(toSarif(report(), { root: ROOT }));
  });

  test('with unreadable inputs, an empty input and run times, it is still valid', () => {
    const log = toSarif(
      report({
        errors: [{ source: 'missing.yaml', message: 'missing.yaml: no such file' }],
        startedAt: new Date('2026-12-03T11:00:00Z'),
        durationMs: 1250,
      }),
      { root: ROOT },
    );
    expectValidSarif(log);
    expect(log.runs[0]!.invocations[0]).toMatchObject({
      executionSuccessful: false,
      startTimeUtc: '2026-12-03T11:00:00.000Z',
      endTimeUtc: '2026-12-03T11:00:01.250Z',
    });
  });

  test('the validator rejects what the schema forbids (a line 0, an unknown level)', () => {
    const log = toSarif(report(), { root: ROOT }) as unknown as {
      runs: { results: { level: string; locations: { physicalLocation: { region?: unknown } }[] }[] }[];
    };
    const broken = structuredClone(log);
    broken.runs[0]!.results[0]!.locations[0]!.physicalLocation.region = { startLine: 0 };
    broken.runs[0]!.results[1]!.level = 'fatal';
    const errors = sarifErrors(broken).join('\n');
    expect(errors).toMatch(/results\/0\/locations\/0\/physicalLocation\/region\/startLine must be >= 1/);
    expect(errors).toMatch(/results\/1\/level must be equal to one of the allowed values/);
  });

  test('an empty report is valid', () => {
    expectValidSarif(toSarif(buildReport({ command: 'check', version: '1', results: [], failOn: 'error' })));
  });

  test('%SRCROOT% is declared as the repository root, a file: URI ending in /', () => {
    const log = toSarif(report(), { root: ROOT });
    expect(log.runs[0]!.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///work/proj/');
    const uris = log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation);
    expect(uris.slice(0, 3)).toEqual([
      { uri: 'infra/stack.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'certs/acm.json', uriBaseId: '%SRCROOT%' },
      { uri: 'file:///elsewhere/dist.json' },
    ]);
  });

  test('paths are relative to the repository root, not the working directory', () => {
    const fromSubfolder = { root: '/work/proj', cwd: '/work/proj/infra' };
    const r = buildReport({
      command: 'check',
      version: '1',
      failOn: 'error',
      results: [
        {
          subject: distribution('D', 'stack.yaml'),
          findings: [createFinding('INPUT_EVIDENCE_UNMATCHED', { source: 'stack.yaml', line: 1 })],
        },
      ],
    });
    const [result] = toSarif(r, { root: fromSubfolder }).runs[0]!.results;
    expect(result!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('infra/stack.yaml');
  });
});

/** A report finding made directly: wording is not under test, and every code can be given. */
function syntheticFinding(code: string, severity: ReportFinding['severity'], n: number): ReportFinding {
  return {
    code,
    severity,
    message: `finding ${n}`,
    location: { source: 'big.json', path: ['Items', n] },
    args: {},
  };
}

function syntheticReport(findings: readonly ReportFinding[]): Report {
  const result: ReportResult = { subject: distribution('Big', 'big.json'), verdict: 'fail', findings };
  return {
    tool: 'certgate',
    version: '1.0.0',
    command: 'check',
    verdict: 'fail',
    results: [result],
    errors: [],
    summary: { errors: 0, warnings: 0, notes: 0 },
  };
}

describe('rules carry their docs page', () => {
  const codes = Object.keys(CATALOG);
  const log = toSarif(syntheticReport(codes.map((c, i) => syntheticFinding(c, 'warning', i))), {
    root: ROOT,
  });
  const rules = log.runs[0]!.tool.driver.rules;

  test('every catalog code is a rule of the run', () => {
    expect(rules.map((r) => r.id)).toEqual(codes);
    expectValidSarif(log);
  });

  test.each(codes)('%s: fullDescription and help (text and Markdown) from its docs page', (code) => {
    const rule = rules.find((r) => r.id === code)!;
    const page = readFileSync(new URL(`../../docs/rules/${code}.md`, import.meta.url), 'utf8');
    const body = page.replace(/^# [^\n]*\n+/, '').replace(/^\*\*Severity:\*\*[^\n]*\n+/, '');
    const firstWords = body.trim().split('\n')[0]!.slice(0, 20);
    expect(rule.fullDescription.markdown.length).toBeGreaterThan(0);
    expect(rule.fullDescription.markdown).not.toMatch(/^## /m);
    expect(rule.fullDescription.markdown.startsWith(firstWords)).toBe(true);
    expect(rule.fullDescription.text.length).toBeGreaterThan(0);
    expect(rule.help.markdown.startsWith(firstWords)).toBe(true);
    expect(rule.help.markdown).not.toContain(`# ${code}\n`);
    // the plain text keeps the words, not the Markdown marks
    expect(rule.help.text).not.toMatch(/\*\*|^## /m);
    expect(rule.help.text.length).toBeGreaterThan(0);
  });

  test('links to sibling pages become absolute, so they work away from docs/rules/', () => {
    const withLinks = rules.filter((r) => /\]\([A-Z_]+\.md\)/.test(readPage(r.id)));
    expect(withLinks.length).toBeGreaterThan(0);
    for (const r of withLinks) {
      expect(r.help.markdown).not.toMatch(/\]\([A-Z_]+\.md\)/);
      expect(r.help.markdown).toMatch(
        /\]\(https:\/\/github\.com\/certgate\/certgate\/blob\/main\/docs\/rules\/[A-Z_]+\.md\)/,
      );
    }
  });

  test('links to the docs folder above the rule pages become absolute too', () => {
    const report = syntheticReport([syntheticFinding('AWS_ACCESS_DENIED', 'warning', 0)]);
    const [rule] = toSarif(report, { root: ROOT }).runs[0]!.tool.driver.rules;
    expect(readPage('AWS_ACCESS_DENIED')).toContain('](../aws.md)');
    expect(rule!.help.markdown).not.toContain('](../');
    expect(rule!.help.markdown).toContain('](https://github.com/certgate/certgate/blob/main/docs/aws.md)');
  });
});

const readPage = (code: string) =>
  readFileSync(new URL(`../../docs/rules/${code}.md`, import.meta.url), 'utf8');

describe('helpUri', () => {
  const one = syntheticReport([syntheticFinding('CERT_EXPIRED', 'error', 0)]);
  const helpUri = (options: Parameters<typeof toSarif>[1]) =>
    toSarif(one, options).runs[0]!.tool.driver.rules[0]!.helpUri;

  test("by default: the rule's page in the repository package.json names", () => {
    expect(helpUri({ root: ROOT })).toBe(
      'https://github.com/certgate/certgate/blob/main/docs/rules/CERT_EXPIRED.md',
    );
  });

  test('with a docs URL (--docs-url): URL/CODE.md, one slash between them', () => {
    expect(helpUri({ root: ROOT, rulesDocsUrl: 'https://docs.example.com/certgate/rules' })).toBe(
      'https://docs.example.com/certgate/rules/CERT_EXPIRED.md',
    );
    expect(helpUri({ root: ROOT, rulesDocsUrl: 'https://docs.example.com/rules/' })).toBe(
      'https://docs.example.com/rules/CERT_EXPIRED.md',
    );
  });

  test.each([
    [
      { homepage: 'https://github.com/acme/gate#readme' },
      'https://github.com/acme/gate/blob/main/docs/rules',
    ],
    [
      { repository: { url: 'git+https://github.com/acme/gate.git' } },
      'https://github.com/acme/gate/blob/main/docs/rules',
    ],
    [{ repository: 'https://gitlab.com/acme/gate' }, 'https://gitlab.com/acme/gate/blob/main/docs/rules'],
    [{}, 'https://unpkg.com/certgate/docs/rules'],
  ])('package.json %j → %s', (pkg, url) => {
    expect(rulesUrlOf(pkg)).toBe(url);
  });
});

describe(`at most ${SARIF_RESULT_LIMIT.toLocaleString('en-US')} results per run`, () => {
  // notes first in report order, then the warnings and errors a cap must not lose
  const notes = Array.from({ length: SARIF_RESULT_LIMIT }, (_, i) =>
    syntheticFinding('CERT_EXPIRES_SOON', 'note', i),
  );
  const warnings = [0, 1, 2].map((i) => syntheticFinding('INPUT_UNRESOLVED_VALUE', 'warning', 100_000 + i));
  const errors = [0, 1].map((i) => syntheticFinding('CERT_EXPIRED', 'error', 200_000 + i));
  const log = toSarif(syntheticReport([...notes, ...warnings, ...errors]), { root: ROOT });
  const run = log.runs[0]!;

  test('keeps errors, then warnings, then the first notes, in report order', () => {
    expect(run.results).toHaveLength(SARIF_RESULT_LIMIT);
    const levels = run.results.map((r) => r.level);
    expect(levels.filter((l) => l === 'error')).toHaveLength(2);
    expect(levels.filter((l) => l === 'warning')).toHaveLength(3);
    expect(levels.slice(0, -5).every((l) => l === 'note')).toBe(true);
    expect(levels.slice(-5)).toEqual(['warning', 'warning', 'warning', 'error', 'error']);
    expect(run.results.at(-6)!.message.text).toBe(`finding ${SARIF_RESULT_LIMIT - 6}`);
  });

  test('says how many it left out, in a notification and in the run properties', () => {
    const notifications = run.invocations[0]!.toolExecutionNotifications!;
    expect(notifications).toHaveLength(1);
    expect(notifications[0]!.level).toBe('warning');
    expect(notifications[0]!.message.text).toMatch(/^5 of 25005 results left out \(5 notes\): .*25,000/);
    expect(run.invocations[0]!.executionSuccessful).toBe(true);
    expect(run.properties).toMatchObject({
      resultLimit: SARIF_RESULT_LIMIT,
      resultsTotal: SARIF_RESULT_LIMIT + 5,
      resultsOmitted: 5,
      resultsOmittedBySeverity: { error: 0, warning: 0, note: 5 },
    });
  });

  test('rule indexes still point at the right rules, and the capped log is valid', () => {
    const rules = run.tool.driver.rules;
    for (const r of run.results) expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expectValidSarif(log);
  });

  test('a run at the limit is not capped', () => {
    const atLimit = toSarif(syntheticReport(notes), { root: ROOT }).runs[0]!;
    expect(atLimit.results).toHaveLength(SARIF_RESULT_LIMIT);
    expect(atLimit.invocations[0]!.toolExecutionNotifications).toBeUndefined();
    expect(atLimit.properties).not.toHaveProperty('resultsOmitted');
  });
});
