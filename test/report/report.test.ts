import { expect, test } from 'vitest';
import type { Result } from '../../src/findings/finding.js';
import { createFinding } from '../../src/findings/finding.js';
import { createColors } from '../../src/report/colors.js';
import { formatJson } from '../../src/report/json.js';
import { buildReport } from '../../src/report/report.js';
import { formatText } from '../../src/report/text.js';

const subject = (id: string) => ({ kind: 'certificate', id, source: 'chain.pem' });
const results: Result[] = [
  {
    subject: subject('CN=a'),
    findings: [
      createFinding(
        'CERT_EXPIRED',
        { source: 'chain.pem', certIndex: 0 },
        { subject: '"a"', notAfter: '2025-01-01T00:00:00Z', daysAgo: 3 },
      ),
    ],
  },
  {
    subject: subject('CN=b'),
    findings: [
      createFinding(
        'CERT_EXPIRES_SOON',
        { source: 'chain.pem', certIndex: 1 },
        { subject: '"b"', notAfter: 'x', daysLeft: 1, warnDays: 30 },
      ),
    ],
  },
  { subject: subject('CN=c'), findings: [] },
];

test('the JSON report follows the DESIGN.md contract', () => {
  const report = buildReport({ command: 'inspect', version: '9.9.9', results, failOn: 'error' });
  const json = JSON.parse(formatJson(report));
  expect(json).toMatchObject({ tool: 'certgate', version: '9.9.9', command: 'inspect', verdict: 'fail' });
  expect(json.summary).toEqual({ errors: 1, warnings: 1, notes: 0 });
  expect(json.results.map((r: { verdict: string }) => r.verdict)).toEqual(['fail', 'pass', 'pass']);
  const first = json.results[0].findings[0];
  expect(first).toMatchObject({
    code: 'CERT_EXPIRED',
    severity: 'error',
    location: { source: 'chain.pem', certIndex: 0 },
  });
  expect(first.message).toContain('expired on 2025-01-01T00:00:00Z (3 days ago)');
  expect(first.fix).toMatch(/renew/);
});

test('--fail-on moves the verdict, never the severities', () => {
  const strict = buildReport({ command: 'inspect', version: '1', results, failOn: 'warning' });
  expect(strict.results.map((r) => r.verdict)).toEqual(['fail', 'fail', 'pass']);
  expect(strict.results[1]!.findings[0]!.severity).toBe('warning');
  const lax = buildReport({ command: 'inspect', version: '1', results, failOn: 'none' });
  expect(lax.verdict).toBe('pass');
});

test('an unreadable input fails the report even with no findings', () => {
  const report = buildReport({
    command: 'inspect',
    version: '1',
    results: [],
    failOn: 'error',
    errors: [{ source: 'gone.pem', message: 'gone.pem: no such file or directory' }],
  });
  expect(report.verdict).toBe('fail');
});

test('byte arrays in details serialise as hex', () => {
  const report = buildReport({
    command: 'inspect',
    version: '1',
    results: [{ subject: subject('x'), findings: [], details: { keyId: new Uint8Array([0xab, 0x01]) } }],
    failOn: 'error',
  });
  expect(JSON.parse(formatJson(report)).results[0].details.keyId).toBe('ab01');
});

test('bytes, bigints and toJSON values are serialised as with the replacer, wherever they sit', () => {
  const detailsOf = (details: unknown) =>
    JSON.parse(
      formatJson(
        buildReport({
          command: 'inspect',
          version: '1',
          results: [{ subject: subject('x'), findings: [], details }],
          failOn: 'error',
        }),
      ),
    ).results[0].details;
  // deep inside arrays and objects, past the depth the walk looks at
  let deep: unknown = { serial: new Uint8Array([0x0f]) };
  for (let i = 0; i < 80; i++) deep = [deep];
  let unwrapped = detailsOf(deep);
  for (let i = 0; i < 80; i++) unwrapped = (unwrapped as unknown[])[0];
  expect(unwrapped).toEqual({ serial: '0f' });
  expect(detailsOf({ list: [1, { n: 12345678901234567890n }] })).toEqual({
    list: [1, { n: '12345678901234567890' }],
  });
  // what a toJSON turns into goes through the replacer too
  expect(detailsOf({ at: { toJSON: () => new Uint8Array([1, 2]) } })).toEqual({ at: '0102' });
  expect(detailsOf({ when: new Date('2026-01-02T03:04:05Z'), plain: ['a', null, true] })).toEqual({
    when: '2026-01-02T03:04:05.000Z',
    plain: ['a', null, true],
  });
});

test('text output lists each finding with its code, message and fix, then a summary', () => {
  const report = buildReport({ command: 'inspect', version: '1', results, failOn: 'error' });
  const text = formatText(report, { colors: createColors(false) });
  expect(text).toContain('FAIL CN=a (certificate from chain.pem)');
  expect(text).toContain(
    '  error CERT_EXPIRED: certificate "a" expired on 2025-01-01T00:00:00Z (3 days ago)',
  );
  expect(text).toContain('    fix: renew or reissue');
  expect(text).toContain('PASS CN=c');
  expect(text.trimEnd().split('\n').at(-1)).toBe(
    '3 certificates checked: 1 error, 1 warning, 0 notes; verdict fail',
  );
  expect(text).not.toMatch(/\u001b\[/);
});
