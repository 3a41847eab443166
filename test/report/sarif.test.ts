import { describe, expect, test } from 'vitest';
import { CATALOG } from '../../src/findings/catalog.js';
import type { Result } from '../../src/findings/finding.js';
import { createFinding } from '../../src/findings/finding.js';
import { buildReport, type Report } from '../../src/report/report.js';
import { artifactUri, formatSarif, SARIF_SCHEMA, toSarif } from '../../src/report/sarif.js';

const CWD = '/work/proj';
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
    ],
  },
  {
    subject: distribution('E1ABC', '<stdin>'),
    findings: [
      createFinding('INPUT_EVIDENCE_UNMATCHED', { source: '<stdin>' }, { key: 'arn:x', source: '-' }),
    ],
  },
  { subject: distribution('E2OK', 'dist.json'), findings: [] },
];

const report = (extra: Partial<Parameters<typeof buildReport>[0]> = {}): Report =>
  buildReport({ command: 'check', version: '1.2.3', results, failOn: 'error', ...extra });

// biome-ignore lint/suspicious/noExplicitAny: a parsed SARIF log, walked by the assertions
type Json = Record<string, any>;
const sarif = (r: Report): Json => JSON.parse(formatSarif(r, { cwd: CWD }));

/** The SARIF 2.1.0 schema's required properties and value constraints that consumers enforce. */
function expectSarifShape(log: Json): void {
  expect(log.$schema).toBe(SARIF_SCHEMA);
  expect(log.version).toBe('2.1.0');
  expect(Array.isArray(log.runs)).toBe(true);
  for (const run of log.runs) {
    expect(typeof run.tool.driver.name).toBe('string');
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    const rules: Json[] = run.tool.driver.rules;
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(typeof rule.id).toBe('string');
      expect(typeof rule.shortDescription.text).toBe('string');
      expect(rule.helpUri).toMatch(/^https:\/\/.+\/docs\/rules\/[A-Z_]+\.md$/);
      expect(['none', 'note', 'warning', 'error']).toContain(rule.defaultConfiguration.level);
    }
    for (const inv of run.invocations ?? []) expect(typeof inv.executionSuccessful).toBe('boolean');
    for (const result of run.results) {
      expect(typeof result.message.text).toBe('string');
      expect(['none', 'note', 'warning', 'error']).toContain(result.level);
      expect(rules[result.ruleIndex]!.id).toBe(result.ruleId);
      for (const loc of result.locations) {
        const phys = loc.physicalLocation;
        // GitHub code scanning: relative URIs (or absolute file URIs), startLine ≥ 1.
        expect(phys.artifactLocation.uri).not.toMatch(/^\.\.|\\| /);
        if (phys.region) {
          expect(Number.isInteger(phys.region.startLine) && phys.region.startLine >= 1).toBe(true);
          if ('startColumn' in phys.region) expect(phys.region.startColumn).toBeGreaterThanOrEqual(1);
        }
      }
    }
  }
}

describe('SARIF log', () => {
  test('follows the SARIF 2.1.0 structure with one run by certgate', () => {
    const log = sarif(report());
    expectSarifShape(log);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].tool.driver).toMatchObject({ name: 'certgate', version: '1.2.3' });
    expect(log.runs[0].invocations).toEqual([{ executionSuccessful: true }]);
    expect(log.runs[0].columnKind).toBe('utf16CodeUnits');
  });

  test('has one rule per code that appears, with catalog title, docs page and default level', () => {
    const rules = sarif(report()).runs[0].tool.driver.rules as Json[];
    expect(rules.map((r) => r.id)).toEqual([
      'INPUT_UNRESOLVED_VALUE',
      'CERT_EXPIRES_SOON',
      'INPUT_EVIDENCE_UNMATCHED',
    ]);
    expect(rules[1]).toMatchObject({
      shortDescription: { text: CATALOG.CERT_EXPIRES_SOON.title },
      helpUri: 'https://github.com/certgate/certgate/blob/main/docs/rules/CERT_EXPIRES_SOON.md',
      defaultConfiguration: { level: 'warning' },
    });
    expect(rules[1]!.help.text).toMatch(
      /^The certificate is valid now but its notAfter is inside the warning window/,
    );
    expect(rules[1]!.help.markdown).toContain('## Fix\n\nRenew now.');
    expect(rules[2]!.defaultConfiguration.level).toBe('note');
  });

  test('levels are the finding severities, not the catalog defaults', () => {
    const levels = (sarif(report()).runs[0].results as Json[]).map((r) => [r.ruleId, r.level]);
    expect(levels).toEqual([
      ['INPUT_UNRESOLVED_VALUE', 'error'],
      ['CERT_EXPIRES_SOON', 'warning'],
      ['INPUT_EVIDENCE_UNMATCHED', 'note'],
    ]);
  });

  test('a located finding points at its line and column, with a relative URI', () => {
    const first = sarif(report()).runs[0].results[0];
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'infra/stack.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 12, startColumn: 9 },
    });
    expect(first.locations[0].logicalLocations).toEqual([
      { name: 'Cdn', kind: 'resource', fullyQualifiedName: 'Cdn/Resources.Cdn.Aliases[0]' },
    ]);
    expect(first.properties).toMatchObject({ awsError: 'InvalidViewerCertificate', distribution: 'Cdn' });
    expect(first.message.text).toMatch(/^\[InvalidViewerCertificate\] aliases\[0\] of "?Cdn/i);
    expect(first.message.text).toContain('. Fix: give the value with --parameter');
  });

  test('a finding without line information names the artifact only', () => {
    const [, second] = sarif(report()).runs[0].results as Json[];
    expect(second!.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'certs/acm.json', uriBaseId: '%SRCROOT%' },
    });
  });

  test('every result has a physical location (GitHub rejects the log otherwise): stdin gets a placeholder', () => {
    const results = sarif(report()).runs[0].results as Json[];
    for (const r of results) expect(r.locations[0].physicalLocation.artifactLocation.uri).toBeTruthy();
    expect(results[2]!.locations[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'stdin', description: { text: 'standard input' } } },
      logicalLocations: [{ name: 'E1ABC', kind: 'resource' }],
    });
  });

  test('line 0 or a fractional column never reaches the region', () => {
    const r = buildReport({
      command: 'check',
      version: '1',
      failOn: 'error',
      results: [
        {
          subject: distribution('D', 'a.json'),
          findings: [createFinding('INPUT_EVIDENCE_UNMATCHED', { source: 'a.json', line: 0, column: 3 })],
        },
        {
          subject: distribution('D', 'a.json'),
          findings: [createFinding('INPUT_EVIDENCE_UNMATCHED', { source: 'a.json', line: 4, column: 1.5 })],
        },
      ],
    });
    const [a, b] = sarif(r).runs[0].results as Json[];
    expect(a!.locations[0].physicalLocation.region).toBeUndefined();
    expect(b!.locations[0].physicalLocation.region).toEqual({ startLine: 4 });
  });

  test('fingerprints are stable when only the line moves', () => {
    const at = (line: number) =>
      buildReport({
        command: 'check',
        version: '1',
        failOn: 'error',
        results: [
          {
            subject: distribution('D', 'a.yaml'),
            findings: [createFinding('INPUT_EVIDENCE_UNMATCHED', { source: 'a.yaml', path: ['X'], line })],
          },
        ],
      });
    const fp = (line: number) => sarif(at(line)).runs[0].results[0].partialFingerprints;
    expect(fp(3)).toEqual(fp(30));
  });

  test('an empty report is a valid log with no rules and no results', () => {
    const log = sarif(buildReport({ command: 'check', version: '1', results: [], failOn: 'error' }));
    expectSarifShape(log);
    expect(log.runs[0].tool.driver.rules).toEqual([]);
    expect(log.runs[0].results).toEqual([]);
    expect(formatSarif(report())).toMatch(/\n$/);
  });

  test('unreadable inputs become tool notifications and an unsuccessful execution', () => {
    const log = sarif(
      report({ errors: [{ source: 'missing.yaml', message: 'missing.yaml: no such file' }] }),
    );
    expectSarifShape(log);
    expect(log.runs[0].invocations[0]).toEqual({
      executionSuccessful: false,
      toolExecutionNotifications: [
        {
          level: 'error',
          message: { text: 'missing.yaml: no such file' },
          locations: [
            { physicalLocation: { artifactLocation: { uri: 'missing.yaml', uriBaseId: '%SRCROOT%' } } },
          ],
        },
      ],
    });
  });

  test('the docs base and information URI can be replaced', () => {
    const log = toSarif(report(), {
      cwd: CWD,
      docsBaseUri: 'https://github.com/acme/certgate/blob/main/',
      informationUri: 'https://github.com/acme/certgate',
    });
    expect(log.runs[0]!.tool.driver.informationUri).toBe('https://github.com/acme/certgate');
    expect(log.runs[0]!.tool.driver.rules[0]!.helpUri).toBe(
      'https://github.com/acme/certgate/blob/main/docs/rules/INPUT_UNRESOLVED_VALUE.md',
    );
  });
});

describe('artifact URIs', () => {
  test.each([
    // relative to the working directory, forward slashes
    ['infra/stack.yaml', 'infra/stack.yaml', true],
    ['./infra/stack.yaml', 'infra/stack.yaml', true],
    ['/work/proj/cdk.out/App.template.json', 'cdk.out/App.template.json', true],
    // characters that are not allowed in a URI are percent-encoded per segment
    ['/work/proj/my infra/a#1.json', 'my%20infra/a%231.json', true],
    // outside the working directory: an absolute file URI, never ../
    ['/etc/certgate/dist.json', 'file:///etc/certgate/dist.json', false],
    ['../other/dist.json', 'file:///work/other/dist.json', false],
  ])('%s → %s', (source, uri, isRelative) => {
    expect(artifactUri(source, CWD)).toEqual({ uri, relative: isRelative });
  });

  test.each(['-', '<stdin>', '', 'example.com:443'])('%s has no artifact', (source) => {
    expect(artifactUri(source, CWD)).toBeUndefined();
  });
});
