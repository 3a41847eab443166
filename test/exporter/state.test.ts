/**
 * ExporterState on scans given as results: which source a certificate belongs to, and what a
 * failing source keeps (the AWS account, one file of a folder, a scan that threw), read back from
 * the metrics text it serves.
 */

import { expect, test } from 'vitest';
import type { ExpiryDetails, ExpiryPlace, ExpiryResult } from '../../src/expiry/types.js';
import { SourceMap } from '../../src/exporter/sources.js';
import { ExporterState, type ScanOutcome } from '../../src/exporter/state.js';

const AT = new Date('2026-12-01T00:00:00Z');

function cert(byte: string, place: ExpiryPlace, notAfter = '2027-01-01T00:00:00.000Z'): ExpiryResult {
  const fingerprint = Array.from({ length: 32 }, () => byte).join(':');
  const details = {
    fingerprint,
    name: `n${byte}.example.com`,
    notBefore: '2026-10-01T00:00:00.000Z',
    notAfter,
    chainNotAfter: notAfter,
    warnAt: '2026-12-20T00:00:00.000Z',
    criticalAt: '2026-12-28T00:00:00.000Z',
    lifetimeUsed: 0.6,
    chainVerified: true,
    renewal: { status: place.kind === 'acm' ? 'managed' : 'unknown', reason: '' },
    places: [place],
  } as unknown as ExpiryDetails;
  return { subject: { kind: 'certificate', id: fingerprint, source: 'x' }, findings: [], details };
}
const problem = (
  kind: 'file' | 'endpoint' | 'aws',
  id: string,
  code = 'EXPIRY_FILE_UNREADABLE',
): ExpiryResult => ({ subject: { kind, id, source: id }, findings: [{ code }] }) as unknown as ExpiryResult;
const scan = (results: ExpiryResult[], extra: Partial<ScanOutcome> = {}): ScanOutcome => ({
  results,
  at: AT,
  finishedAt: AT.getTime(),
  durationMs: 1500,
  ...extra,
});
const file = (path: string): ExpiryPlace => ({ kind: 'file', path, index: 0 });
const acm = (arn: string): ExpiryPlace => ({ kind: 'acm', arn, region: 'us-east-1', index: 0, inUseBy: [] });
const ARN = 'arn:aws:acm:us-east-1:111122223333:certificate/0001';

const series = (text: string, metric: string) =>
  [...text.matchAll(new RegExp(`^${metric}\\{([^}]*)\\} (\\S+)$`, 'gm'))].map((m) => `${m[1]} ${m[2]}`);

test('a certificate belongs to the PATH argument it was found under, the endpoint, or aws', () => {
  const map = new SourceMap(['certs/', './more', '/etc/ssl/leaf.pem']);
  expect(map.ofPlace(file('certs/a/b.pem'))).toBe('certs/');
  expect(map.ofPlace(file('more/x.pem'))).toBe('./more');
  expect(map.ofPlace(file('/etc/ssl/leaf.pem'))).toBe('/etc/ssl/leaf.pem');
  expect(map.ofPlace({ kind: 'endpoint', endpoint: 'www.example.com:443 (192.0.2.1)', index: 0 })).toBe(
    'www.example.com:443',
  );
  expect(map.ofPlace(acm(ARN))).toBe('aws');
  expect(map.ofProblem(problem('aws', 'account'))).toBe('aws');
  expect(map.ofProblem(problem('file', 'certs/broken.pem'))).toBe('certs/');
});

test('AWS failing keeps the ACM series, raises its counter, leaves the files alone', () => {
  const state = new ExporterState(new SourceMap(['certs']), ['certs', 'aws']);
  state.apply(scan([cert('aa', file('certs/a.pem')), cert('bb', acm(ARN))]));
  const summary = state.apply(
    scan([cert('cc', file('certs/a.pem'))], {
      awsUnavailable: { operation: 'ListCertificates', message: 'throttled' },
    }),
  );
  expect(summary.failing).toEqual([{ source: 'aws', why: 'ListCertificates: throttled' }]);
  const text = state.text;
  const notAfter = series(text, 'certgate_certificate_not_after_timestamp_seconds');
  expect(notAfter).toHaveLength(2);
  expect(notAfter.some((s) => s.includes(`place="${ARN}"`) && s.includes('bb'.repeat(32)))).toBe(true); // kept
  expect(notAfter.some((s) => s.includes('aa'.repeat(32)))).toBe(false); // the file was renewed
  expect(series(text, 'certgate_source_up')).toEqual(['source="aws" 0', 'source="certs" 1']);
  expect(series(text, 'certgate_source_scan_errors_total')).toEqual(['source="aws" 1', 'source="certs" 0']);
  expect(text).toMatch(/^certgate_expiry_certificates 2$/m);
});

test('one unreadable file of a folder: its certificate stays, what was read again moves on', () => {
  const state = new ExporterState(new SourceMap(['certs']), ['certs']);
  state.apply(
    scan([
      cert('aa', file('certs/a.pem')),
      cert('bb', file('certs/b.pem')),
      cert('dd', file('certs/gone.pem')),
    ]),
  );
  state.apply(scan([cert('cc', file('certs/a.pem')), problem('file', 'certs/b.pem')]));
  const names = series(state.text, 'certgate_certificate_not_after_timestamp_seconds').map(
    (s) => /place="([^"]+)"/.exec(s)![1],
  );
  // b.pem could not be read: kept as it was; gone.pem was not found, but the folder failed
  // this scan, so it stays too until a clean one
  expect(names.sort()).toEqual(['certs/a.pem', 'certs/b.pem', 'certs/gone.pem']);
  state.apply(scan([cert('cc', file('certs/a.pem')), cert('bb', file('certs/b.pem'))]));
  const clean = series(state.text, 'certgate_certificate_not_after_timestamp_seconds').map(
    (s) => /place="([^"]+)"/.exec(s)![1],
  );
  expect(clean.sort()).toEqual(['certs/a.pem', 'certs/b.pem']); // a clean scan drops what is gone
  expect(series(state.text, 'certgate_file_read_error')).toEqual([]);
});

test('a scan that threw: every source down, counted, values kept', () => {
  const state = new ExporterState(new SourceMap(['certs']), ['certs', 'www.example.com:443']);
  state.apply(scan([cert('aa', file('certs/a.pem'))]));
  state.failAll('out of file descriptors');
  expect(series(state.text, 'certgate_source_up')).toEqual([
    'source="certs" 0',
    'source="www.example.com:443" 0',
  ]);
  expect(series(state.text, 'certgate_certificate_not_after_timestamp_seconds')).toHaveLength(1);
  expect(state.text).toMatch(/^certgate_scans_total 1$/m);
});
