/**
 * JUnit XML against the schema Jenkins validates JUnit reports with (the xUnit plugin's
 * junit-10.xsd, vendored in test/fixtures/schemas/ with its provenance), checked by xmllint; and
 * what the schema leaves open: times in seconds, the timestamp without an offset, classnames,
 * counts that agree with the test cases.
 */

import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { createFinding, type Result } from '../../src/findings/finding.js';
import { formatJunit, junitTimestamp } from '../../src/report/junit.js';
import { buildReport, type Report } from '../../src/report/report.js';
import { expectValidJunit, xmllint } from '../support/schemas.js';

const ROOT = { root: '/work/proj', cwd: '/work/proj' };
const STARTED = new Date('2026-12-03T11:00:00.250Z');

const checkResults: Result[] = [
  {
    subject: { kind: 'distribution', id: 'Bad', source: '/work/proj/infra/stack.yaml' },
    findings: [
      createFinding(
        'INPUT_UNRESOLVED_VALUE',
        { source: '/work/proj/infra/stack.yaml', line: 7, column: 11 },
        { field: 'Aliases', distribution: 'Bad', reason: 'x' },
        { severity: 'error', awsError: 'InvalidViewerCertificate' },
      ),
      createFinding('CERT_EXPIRES_SOON', { source: 'acm.json' }, { subject: 'a', daysLeft: 3, warnDays: 30 }),
    ],
  },
  { subject: { kind: 'distribution', id: 'Clean', source: './infra/stack.yaml' }, findings: [] },
  { subject: { kind: 'distribution', id: 'Piped', source: '<stdin>' }, findings: [] },
  {
    subject: { kind: 'input', id: 'empty.yaml', source: 'empty.yaml' },
    findings: [createFinding('INPUT_NO_DISTRIBUTION', { source: 'empty.yaml' }, {}, { severity: 'error' })],
  },
];

const checkReport = (): Report =>
  buildReport({
    command: 'check',
    version: '1',
    results: checkResults,
    failOn: 'error',
    errors: [{ source: 'gone.json', message: 'gone.json: no such file or directory' }],
    startedAt: STARTED,
    durationMs: 1234,
  });

/** A probe result as `probe` makes it: the details JUnit reads are the host, the timings, the handshake. */
function endpoint(
  host: string,
  handshake: 'ok' | 'failed' | 'skipped',
  totalMs: number | undefined,
  result: Partial<Result>,
): Result {
  return {
    subject: { kind: 'endpoint', id: `${host}:443 (192.0.2.1)`, source: 'argv' },
    findings: [],
    details: { host, port: 443, sni: host, handshake, timings: totalMs === undefined ? {} : { totalMs } },
    ...result,
  };
}

const probeReport = (): Report =>
  buildReport({
    command: 'probe',
    version: '1',
    failOn: 'error',
    startedAt: STARTED,
    durationMs: 20,
    results: [
      endpoint('www.example.com', 'ok', 12, {}),
      endpoint('down.example.com', 'failed', 3, {
        findings: [createFinding('PROBE_CONNECTION_REFUSED', { source: 'down.example.com:443' })],
      }),
      endpoint('*.example.com', 'skipped', undefined, {
        subject: { kind: 'endpoint', id: '*.example.com:443', source: 'template.yaml' },
        findings: [
          createFinding(
            'PROBE_ALIAS_SKIPPED',
            { source: 'template.yaml', line: 4 },
            {
              alias: '*.example.com',
              distribution: 'Site',
              reason: 'wildcard',
              detail: '',
              endpoint: '*.example.com:443',
            },
          ),
        ],
      }),
    ],
  });

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&amp;': '&',
};

/** Every `name="value"` of the first element called `element`, the five XML entities decoded. */
function attributesOf(xml: string, element: string): Record<string, string> {
  const tag = new RegExp(`<${element}((?:\\s+[\\w-]+="[^"]*")*)\\s*/?>`).exec(xml);
  if (!tag) throw new Error(`no <${element}>`);
  const decode = (v: string) => v.replace(/&(?:lt|gt|quot|apos|amp);/g, (e) => ENTITIES[e]!);
  return Object.fromEntries([...tag[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, decode(m[2]!)]));
}

const testcases = (xml: string) =>
  [...xml.matchAll(/<testcase\s[^>]*?(\/>|>[\s\S]*?<\/testcase>)/g)].map((m) => m[0]);

describe('JUnit XML against the Jenkins junit-10.xsd', () => {
  test('a check report (failure, output, clean case, unreadable and empty inputs) validates', () => {
    expectValidJunit(formatJunit(checkReport(), { root: ROOT }));
  });

  test('a probe report (failure, skipped alias) validates', () => {
    expectValidJunit(formatJunit(probeReport()));
  });

  test('a report without run times (a library caller) and an empty report validate', () => {
    const bare = buildReport({ command: 'check', version: '1', results: checkResults, failOn: 'error' });
    expectValidJunit(formatJunit(bare));
    expectValidJunit(
      formatJunit(buildReport({ command: 'check', version: '1', results: [], failOn: 'error' })),
    );
  });

  test('hostile strings in names and messages still validate', () => {
    const s = `"q" & 'a' <x> ]]> \u0000\u001b tab\tcr\r\n \ud800 \ufffe`;
    const report = buildReport({
      command: 'check',
      version: '1',
      failOn: 'error',
      results: [
        {
          subject: { kind: 'distribution', id: s, source: `${s}.yaml` },
          findings: [
            createFinding('INPUT_UNRESOLVED_VALUE', { source: s }, { field: s, distribution: s, reason: s }),
          ],
        },
      ],
      errors: [{ source: s, message: s }],
    });
    expectValidJunit(formatJunit(report));
  });

  test('xmllint with this schema rejects what it forbids (a testsuite without a name)', () => {
    const bad =
      '<?xml version="1.0"?>\n<testsuites><testsuite tests="0" failures="0" errors="0"/></testsuites>\n';
    const { status, output } = xmllint(bad);
    expect(status).not.toBe(0);
    expect(output).toMatch(/attribute 'name' is required/);
  });
});

describe('JUnit attributes', () => {
  const xml = formatJunit(checkReport(), { root: ROOT, hostname: 'ci-runner-7' });

  test('testsuites and testsuite: the run time in seconds, the start without an offset, the host', () => {
    expect(attributesOf(xml, 'testsuites')).toEqual({
      name: 'certgate',
      tests: '5',
      failures: '1',
      errors: '2',
      time: '1.234',
    });
    expect(attributesOf(xml, 'testsuite')).toEqual({
      name: 'certgate check',
      tests: '5',
      failures: '1',
      errors: '2',
      skipped: '0',
      time: '1.234',
      timestamp: '2026-12-03T11:00:00',
      hostname: 'ci-runner-7',
    });
  });

  test('the hostname defaults to this machine', () => {
    const host = spawnSync('hostname', { encoding: 'utf8' }).stdout.trim() || 'localhost';
    expect(attributesOf(formatJunit(checkReport()), 'testsuite').hostname).toBe(host);
  });

  test('check: classname certgate.check.<input relative to the repository root>; time 0', () => {
    const cases = testcases(xml).map((c) => attributesOf(c, 'testcase'));
    expect(cases).toEqual([
      { classname: 'certgate.check.infra/stack.yaml', name: 'Bad', time: '0.000' },
      { classname: 'certgate.check.infra/stack.yaml', name: 'Clean', time: '0.000' },
      { classname: 'certgate.check.<stdin>', name: 'Piped', time: '0.000' },
      { classname: 'certgate.check.empty.yaml', name: 'empty.yaml', time: '0.000' },
      { classname: 'certgate.check.gone.json', name: 'gone.json', time: '0.000' },
    ]);
  });

  test('probe: classname certgate.probe.<host>; time the handshake took; an alias not probed is skipped', () => {
    const probeXml = formatJunit(probeReport());
    const cases = testcases(probeXml);
    expect(cases.map((c) => attributesOf(c, 'testcase'))).toEqual([
      { classname: 'certgate.probe.www.example.com', name: 'www.example.com:443 (192.0.2.1)', time: '0.012' },
      {
        classname: 'certgate.probe.down.example.com',
        name: 'down.example.com:443 (192.0.2.1)',
        time: '0.003',
      },
      { classname: 'certgate.probe.*.example.com', name: '*.example.com:443', time: '0.000' },
    ]);
    expect(cases[2]).toMatch(/<skipped message="[^"]*\*\.example\.com[^"]*" type="PROBE_ALIAS_SKIPPED"\/>/);
    expect(attributesOf(probeXml, 'testsuite')).toMatchObject({
      tests: '3',
      failures: '1',
      errors: '0',
      skipped: '1',
      time: '0.020',
    });
  });

  test.each([
    ['check', () => formatJunit(checkReport(), { root: ROOT })],
    ['probe', () => formatJunit(probeReport())],
  ])('%s: tests, failures, errors and skipped count the test cases', (_, render) => {
    const out = render();
    const cases = testcases(out);
    const suite = attributesOf(out, 'testsuite');
    expect(Number(suite.tests)).toBe(cases.length);
    expect(Number(suite.failures)).toBe(cases.filter((c) => c.includes('<failure ')).length);
    expect(Number(suite.errors)).toBe(cases.filter((c) => c.includes('<error ')).length);
    expect(Number(suite.skipped)).toBe(cases.filter((c) => c.includes('<skipped ')).length);
    const totals = attributesOf(out, 'testsuites');
    expect([totals.tests, totals.failures, totals.errors]).toEqual([
      suite.tests,
      suite.failures,
      suite.errors,
    ]);
  });

  test.each([
    ['2026-12-03T11:00:00.250Z', '2026-12-03T11:00:00'],
    ['2026-12-03T12:00:00+01:00', '2026-12-03T11:00:00'],
    ['not a date', undefined],
    [undefined, undefined],
  ])('timestamp %s → %s (UTC, no fraction, no offset)', (iso, shown) => {
    expect(junitTimestamp(iso)).toBe(shown);
  });
});

describe('certgate check --format junit', () => {
  test('the real executable writes a report that validates', () => {
    const run = spawnSync(
      process.execPath,
      [
        'bin/certgate.js',
        'check',
        'test/fixtures/tenants/tenants.yaml',
        './missing.yaml',
        '--format',
        'junit',
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(2);
    expectValidJunit(run.stdout);
    expect(run.stdout).toContain('classname="certgate.check.test/fixtures/tenants/tenants.yaml"');
    expect(run.stdout).toContain(
      '<testcase classname="certgate.check.missing.yaml" name="missing.yaml" time="0.000">',
    );
    expect(attributesOf(run.stdout, 'testsuite').timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });
});
