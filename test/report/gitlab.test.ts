import { describe, expect, test } from 'vitest';
import type { Result } from '../../src/findings/finding.js';
import { createFinding } from '../../src/findings/finding.js';
import { findingFingerprint } from '../../src/findings/fingerprint.js';
import {
  type CodeQualityIssue,
  codeQualitySeverity,
  formatGitlab,
  UNREADABLE_CHECK_NAME,
} from '../../src/report/gitlab.js';
import { buildReport, type Report } from '../../src/report/report.js';

// A checkout at /repo, the gate started from its infra/ folder (paths typed relative to it).
const WHERE = { root: '/repo', cwd: '/repo/infra' };
const distribution = (id: string, source: string) => ({ kind: 'distribution', id, source });

const report = (results: Result[], errors: Report['errors'] = []): Report =>
  buildReport({ command: 'check', version: '1.2.3', results, failOn: 'error', errors });

const issues = (r: Report): CodeQualityIssue[] => JSON.parse(formatGitlab(r, { root: WHERE }));

const aliasLocation = { source: 'stack.yaml', path: ['Resources', 'Cdn', 'Aliases', 0], line: 12, column: 9 };
const rejected = createFinding(
  'INPUT_UNRESOLVED_VALUE',
  aliasLocation,
  { field: 'Aliases[0]', distribution: 'Cdn', reason: '!ImportValue Zone' },
  { awsError: 'InvalidViewerCertificate', severity: 'error' },
);
const plainError = createFinding(
  'INPUT_UNRESOLVED_VALUE',
  { source: 'stack.yaml', line: 20 },
  { field: 'ViewerCertificate', distribution: 'Cdn', reason: '!ImportValue Cert' },
  { severity: 'error' },
);
const expiresSoon = createFinding(
  'CERT_EXPIRES_SOON',
  { source: 'acm.json', path: ['Certificate'] },
  { subject: '"www"', notAfter: '2027-01-01', daysLeft: 9, warnDays: 30 },
);
const etagNote = createFinding(
  'CF_UPDATE_NEEDS_ETAG',
  { source: 'stack.yaml', line: 3 },
  { distribution: 'Cdn' },
);

describe('GitLab Code Quality report', () => {
  test('one issue per finding with the fields GitLab requires', () => {
    const subject = distribution('Cdn', 'stack.yaml');
    const [issue] = issues(report([{ subject, findings: [rejected] }]));
    expect(Object.keys(issue!).sort()).toEqual([
      'check_name',
      'description',
      'fingerprint',
      'location',
      'severity',
    ]);
    expect(issue!.check_name).toBe('INPUT_UNRESOLVED_VALUE');
    expect(issue!.description).toMatch(/^\[InvalidViewerCertificate\] Aliases\[0\] of Cdn .*\. Fix: /);
    expect(issue!.location).toEqual({ path: 'infra/stack.yaml', lines: { begin: 12 } });
    // the shared recipe, with the result's subject: what SARIF and baselines key on too
    expect(issue!.fingerprint).toBe(
      findingFingerprint({ code: rejected.code, location: aliasLocation, subject }, WHERE),
    );
    expect(issue!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  test('severity: critical when CloudFront would reject the deploy, major for other errors, minor, info', () => {
    expect(codeQualitySeverity({ severity: 'error', awsError: 'InvalidViewerCertificate' })).toBe('critical');
    expect(codeQualitySeverity({ severity: 'error' })).toBe('major');
    expect(codeQualitySeverity({ severity: 'warning' })).toBe('minor');
    expect(codeQualitySeverity({ severity: 'note' })).toBe('info');
    const all = issues(
      report([
        {
          subject: distribution('Cdn', 'stack.yaml'),
          findings: [rejected, plainError, expiresSoon, etagNote],
        },
      ]),
    );
    expect(all.map((i) => i.severity)).toEqual(['critical', 'major', 'minor', 'info']);
  });

  test('a finding without a line is put on line 1; the fingerprint does not depend on the line', () => {
    const moved = { ...rejected, location: { ...aliasLocation, line: 40 } };
    const [a] = issues(report([{ subject: distribution('Cdn', 'stack.yaml'), findings: [rejected] }]));
    const [b, c] = issues(
      report([{ subject: distribution('Cdn', 'stack.yaml'), findings: [moved, expiresSoon] }]),
    );
    expect(b!.fingerprint).toBe(a!.fingerprint);
    expect(c!.location).toEqual({ path: 'infra/acm.json', lines: { begin: 1 } });
  });

  test('generated input: the path and line of the code it came from; the fingerprint of the finding itself', () => {
    const location = {
      source: 'plan.json',
      path: ['planned_values', 'root_module', 'resources', 0],
      line: 40,
      resource: 'aws_cloudfront_distribution.site',
      origin: { source: 'cdn/main.tf', line: 14, column: 5 },
    };
    const fromPlan = createFinding(
      'CF_CERTIFICATE_NOT_ISSUED',
      location,
      { distribution: 'aws_cloudfront_distribution.site', certificate: 'aws_acm_certificate.site' },
      { awsError: 'InvalidViewerCertificate' },
    );
    const subject = distribution('aws_cloudfront_distribution.site', 'plan.json');
    const [issue] = issues(report([{ subject, findings: [fromPlan] }]));
    expect(issue!.location).toEqual({ path: 'infra/cdn/main.tf', lines: { begin: 14 } });
    expect(issue!.fingerprint).toBe(findingFingerprint({ code: fromPlan.code, location, subject }, WHERE));
  });

  test('an unreadable input is a critical issue of its own, first', () => {
    const all = issues(
      report(
        [{ subject: distribution('Cdn', 'stack.yaml'), findings: [expiresSoon] }],
        [{ source: 'missing.json', message: 'missing.json: no such file or directory' }],
      ),
    );
    expect(all[0]).toEqual({
      description: 'missing.json: no such file or directory',
      check_name: UNREADABLE_CHECK_NAME,
      fingerprint: findingFingerprint(
        { code: 'INPUT_UNREADABLE', location: { source: 'missing.json' } },
        WHERE,
      ),
      severity: 'critical',
      location: { path: 'infra/missing.json', lines: { begin: 1 } },
    });
    expect(all[1]!.check_name).toBe('CERT_EXPIRES_SOON');
  });

  test('sources that are no file keep their name as the path: standard input, host:port', () => {
    const all = issues(
      report(
        [
          {
            subject: { kind: 'endpoint', id: 'www.example.com:443', source: 'argv' },
            findings: [{ ...expiresSoon, location: { source: 'www.example.com:443' } }],
          },
        ],
        [{ source: '-', message: '<stdin>: unexpected end of JSON' }],
      ),
    );
    expect(all.map((i) => i.location.path)).toEqual(['<stdin>', 'www.example.com:443']);
  });

  test('no findings: an empty array, which GitLab reads as "no issues"', () => {
    expect(
      formatGitlab(report([{ subject: distribution('A', 'a.yaml'), findings: [] }]), { root: WHERE }),
    ).toBe('[]\n');
  });
});
