import { describe, expect, test } from 'vitest';
import type { Result } from '../../src/findings/finding.js';
import { createFinding } from '../../src/findings/finding.js';
import {
  escapeData,
  escapeProperty,
  formatGithub,
  GITHUB_ANNOTATIONS_SHOWN,
} from '../../src/report/github.js';
import { buildReport, type Report } from '../../src/report/report.js';

// A checkout at /repo, the gate started from its infra/ folder (paths typed relative to it).
const WHERE = { root: '/repo', cwd: '/repo/infra' };
const distribution = (id: string, source: string) => ({ kind: 'distribution', id, source });

const report = (results: Result[], errors: Report['errors'] = []): Report =>
  buildReport({ command: 'check', version: '1.2.3', results, failOn: 'error', errors });

const lines = (r: Report) => formatGithub(r, { root: WHERE }).trimEnd().split('\n');

const expiresSoon = (source: string) =>
  createFinding(
    'CERT_EXPIRES_SOON',
    { source, path: ['Certificate'] },
    { subject: '"www"', notAfter: '2027-01-01', daysLeft: 9, warnDays: 30 },
  );
const unresolved = (source: string, line?: number) =>
  createFinding(
    'INPUT_UNRESOLVED_VALUE',
    { source, path: ['Resources', 'Cdn', 'Aliases', 0], ...(line ? { line, column: 9 } : {}) },
    { field: 'Aliases[0]', distribution: 'Cdn', reason: '!ImportValue Zone' },
    { awsError: 'InvalidViewerCertificate', severity: 'error' },
  );
const etagNote = (source: string) =>
  createFinding('CF_UPDATE_NEEDS_ETAG', { source, line: 3, column: 25 }, { distribution: 'Cdn', etag: 'E1' });

describe('escaping, as the runner decodes workflow commands', () => {
  test('data: % first, then CR and LF', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    // an already-escaped sequence in the input stays literal after decoding
    expect(escapeData('%0A')).toBe('%250A');
  });

  test('properties: as data, plus : and ,', () => {
    expect(escapeProperty('C:\\a,b%\n')).toBe('C%3A\\a%2Cb%25%0A');
  });

  test('a value holding a line break cannot start a command of its own', () => {
    const hostile = createFinding(
      'INPUT_UNRESOLVED_VALUE',
      { source: 'stack, "prod".yaml', line: 2, column: 1 },
      { field: 'Aliases[0]', distribution: 'Cdn\n::error::forged', reason: '50% \r\x1b[2Jcleared' },
    );
    const out = lines(report([{ subject: distribution('Cdn', 'x'), findings: [hostile] }]));
    expect(out).toHaveLength(2); // the annotation and the summary, nothing forged
    expect(out[0]).toMatch(
      /^::warning file=infra\/stack%2C "prod"\.yaml,line=2,col=1,title=INPUT_UNRESOLVED_VALUE::/,
    );
    expect(out[0]).toContain('Cdn%0A::error::forged');
    expect(out[0]).toContain('50%25 %0D\\x1b[2Jcleared'); // ESC shown, not sent to the log
  });
});

describe('annotations', () => {
  test('file relative to the repository root, line, col, title = code; the AWS error and the fix in the message', () => {
    const out = lines(
      report([{ subject: distribution('Cdn', 'stack.yaml'), findings: [unresolved('stack.yaml', 12)] }]),
    );
    expect(out[0]).toMatch(
      /^::error file=infra\/stack\.yaml,line=12,col=9,title=INPUT_UNRESOLVED_VALUE::\[InvalidViewerCertificate\] /,
    );
    expect(out[0]).toMatch(/%0Afix: /);
  });

  test('severity maps to error, warning and notice', () => {
    const out = lines(
      report([
        {
          subject: distribution('Cdn', 'stack.yaml'),
          findings: [unresolved('stack.yaml', 12), expiresSoon('acm.json'), etagNote('dist.json')],
        },
      ]),
    );
    expect(out.slice(0, 3).map((l) => l.slice(0, l.indexOf(' ')))).toEqual([
      '::error',
      '::warning',
      '::notice',
    ]);
  });

  test('errors first, then warnings, then notices, each kind in report order', () => {
    const out = lines(
      report([
        { subject: distribution('A', 'a.yaml'), findings: [etagNote('a.yaml'), expiresSoon('a.json')] },
        { subject: distribution('B', 'b.yaml'), findings: [expiresSoon('b.json'), unresolved('b.yaml', 4)] },
        { subject: distribution('C', 'c.yaml'), findings: [unresolved('c.yaml', 5)] },
      ]),
    );
    const heads = out.slice(0, 5).map((l) => /^::(\w+) file=([^,]+)/.exec(l)!.slice(1).join(' '));
    expect(heads).toEqual([
      'error infra/b.yaml',
      'error infra/c.yaml',
      'warning infra/a.json',
      'warning infra/b.json',
      'notice infra/a.yaml',
    ]);
  });

  test('no line: no line or col property; no file (stdin, host:port, argv): no file property', () => {
    const out = lines(
      report([
        { subject: distribution('Cdn', 'acm.json'), findings: [expiresSoon('acm.json')] },
        { subject: distribution('E1', '-'), findings: [expiresSoon('-')] },
        {
          subject: { kind: 'endpoint', id: 'www.example.com:443', source: 'argv' },
          findings: [expiresSoon('www.example.com:443')],
        },
      ]),
    );
    expect(out[0]).toMatch(/^::warning file=infra\/acm\.json,title=CERT_EXPIRES_SOON::/);
    expect(out[1]).toMatch(/^::warning title=CERT_EXPIRES_SOON::/);
    expect(out[2]).toMatch(/^::warning title=CERT_EXPIRES_SOON::/);
  });

  test('generated input: the annotation goes on the code it came from (origin), not the generated file', () => {
    const fromPlan = createFinding(
      'CF_CERTIFICATE_NOT_ISSUED',
      {
        source: 'plan.json',
        path: ['planned_values', 'root_module', 'resources', 0],
        line: 40,
        column: 3,
        resource: 'aws_cloudfront_distribution.site',
        origin: { source: '/repo/infra/cdn/main.tf', line: 14, column: 5 },
      },
      { distribution: 'aws_cloudfront_distribution.site', certificate: 'aws_acm_certificate.site' },
      { awsError: 'InvalidViewerCertificate' },
    );
    const out = lines(
      report([
        { subject: distribution('aws_cloudfront_distribution.site', 'plan.json'), findings: [fromPlan] },
      ]),
    );
    expect(out[0]).toMatch(
      /^::error file=infra\/cdn\/main\.tf,line=14,col=5,title=CF_CERTIFICATE_NOT_ISSUED::/,
    );
  });

  test('a path outside the repository keeps its absolute form', () => {
    const out = lines(
      report([{ subject: distribution('Cdn', '/tmp/acm.json'), findings: [expiresSoon('/tmp/acm.json')] }]),
    );
    expect(out[0]).toMatch(/^::warning file=\/tmp\/acm\.json,title=/);
  });
});

describe('unreadable inputs and the summary', () => {
  test('an unreadable input is an ::error line, before the findings', () => {
    const out = lines(
      report(
        [{ subject: distribution('Cdn', 'stack.yaml'), findings: [unresolved('stack.yaml', 12)] }],
        [{ source: 'missing.json', message: 'missing.json: no such file or directory' }],
      ),
    );
    expect(out[0]).toBe(
      '::error file=infra/missing.json,title=INPUT_UNREADABLE::missing.json: no such file or directory',
    );
    expect(out[1]).toMatch(/^::error file=infra\/stack\.yaml/);
  });

  test('the last line counts results, findings, unreadable inputs and gives the verdict', () => {
    const out = lines(
      report(
        [
          { subject: distribution('A', 'a.yaml'), findings: [unresolved('a.yaml', 1), etagNote('a.yaml')] },
          { subject: distribution('B', 'b.yaml'), findings: [] },
        ],
        [{ source: '<stdin>', message: '<stdin>: unexpected end of JSON' }],
      ),
    );
    expect(out[0]).toBe('::error title=INPUT_UNREADABLE::<stdin>: unexpected end of JSON');
    expect(out.at(-1)).toBe(
      'certgate check: 2 distributions (1 failing): 1 error, 0 warnings, 1 note, 1 unreadable input; verdict fail',
    );
  });

  test('a report without findings is the summary alone', () => {
    expect(
      formatGithub(report([{ subject: distribution('A', 'a.yaml'), findings: [] }]), { root: WHERE }),
    ).toBe('certgate check: 1 distribution (0 failing): 0 errors, 0 warnings, 0 notes; verdict pass\n');
  });

  test('more errors than GitHub shows: every one is in the log, and the summary says so', () => {
    const many = Array.from({ length: GITHUB_ANNOTATIONS_SHOWN + 2 }, (_, i) => unresolved('a.yaml', i + 1));
    const out = lines(report([{ subject: distribution('A', 'a.yaml'), findings: many }]));
    expect(out.filter((l) => l.startsWith('::error '))).toHaveLength(12);
    expect(out.at(-1)).toContain(
      `GitHub shows ${GITHUB_ANNOTATIONS_SHOWN} annotations of each type per step`,
    );
    expect(out.at(-1)).toContain('12 errors');
  });
});
