import { describe, expect, test } from 'vitest';
import { diffEnvironments } from '../../src/diff/diff.js';
import type { Finding } from '../../src/findings/finding.js';

const FIX = 'test/fixtures/diff';
const AT = new Date('2026-02-01T00:00:00Z');
const OLD = 'arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-0000-4000-8000-000000000001';
const NEW = 'arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-0000-4000-8000-000000000002';

const codes = (findings: readonly Finding[]) => findings.map((f) => f.code);

describe('diffEnvironments on two environments of one site', () => {
  test("staging still on the certificate production replaced: an error at staging's ARN", async () => {
    const { results, errors } = await diffEnvironments(`${FIX}/staging.yaml`, `${FIX}/prod.yaml`, {
      certs: [`${FIX}/acm.json`],
      at: AT,
    });
    expect(errors).toEqual([]);
    expect(results).toHaveLength(1);
    const [pair] = results;
    expect(pair!.subject).toMatchObject({ kind: 'distribution pair', id: 'Cdn' });
    expect(pair!.details).toMatchObject({ pairedBy: 'id', a: { certificate: OLD }, b: { certificate: NEW } });
    expect(codes(pair!.findings)).toEqual([
      'DIFF_STALE_CERTIFICATE',
      'DIFF_SETTING_DIFFERS',
      'DIFF_ALIASES_DIFFER',
    ]);
    const stale = pair!.findings[0]!;
    expect(stale.severity).toBe('error');
    expect(stale.location).toMatchObject({ source: `${FIX}/staging.yaml`, line: 21 });
    expect(stale.args).toMatchObject({
      staleCertificate: OLD,
      currentCertificate: NEW,
      staleIssued: '2025-02-01',
      currentIssued: '2026-01-10',
      staleExpires: '2026-03-03',
      daysLeft: 30,
    });
    expect(pair!.findings[1]!.args).toMatchObject({
      setting: 'ViewerCertificate.MinimumProtocolVersion',
      valueA: 'TLSv1.2_2019',
      valueB: 'TLSv1.2_2021',
    });
    // environments on their own domains are compared by first label: admin. is production's only
    expect(pair!.findings[2]!.args).toMatchObject({ onlyA: [], onlyB: ['admin.example.com'], byLabel: true });
    expect(pair!.findings[2]!.location).toMatchObject({ source: `${FIX}/prod.yaml`, line: 12 });
  });

  test('the same comparison the other way round names the same stale side', async () => {
    const { results } = await diffEnvironments(`${FIX}/prod.yaml`, `${FIX}/staging.yaml`, {
      certs: [`${FIX}/acm.json`],
      at: AT,
    });
    const stale = results[0]!.findings.find((f) => f.code === 'DIFF_STALE_CERTIFICATE');
    expect(stale?.args.stale).toBe(`${FIX}/staging.yaml`);
    expect(stale?.location.source).toBe(`${FIX}/staging.yaml`);
  });

  test('without evidence the certificates only differ: a note saying what would tell', async () => {
    const { results } = await diffEnvironments(`${FIX}/staging.yaml`, `${FIX}/prod.yaml`, { at: AT });
    const f = results[0]!.findings[0]!;
    expect(f.code).toBe('DIFF_CERTIFICATE_DIFFERS');
    expect(f.severity).toBe('note');
    expect(f.args).toMatchObject({ valueA: OLD, valueB: NEW, evidence: false });
  });

  test("a certificate for other names is an environment's own, never stale", async () => {
    const { results } = await diffEnvironments(`${FIX}/staging.yaml`, `${FIX}/prod-own-cert.yaml`, {
      certs: [`${FIX}/acm-own.json`],
      at: AT,
    });
    const found = codes(results[0]!.findings);
    expect(found).not.toContain('DIFF_STALE_CERTIFICATE');
    expect(found[0]).toBe('DIFF_CERTIFICATE_DIFFERS');
    expect(results[0]!.findings[0]!.args).toMatchObject({ evidence: true, sameNames: false });
  });

  test('a distribution compared with itself has no difference', async () => {
    const { results } = await diffEnvironments(`${FIX}/prod.yaml`, `${FIX}/prod.yaml`, {
      certs: [`${FIX}/acm.json`],
      at: AT,
    });
    expect(results.map((r) => r.findings)).toEqual([[]]);
  });

  test('an unreadable side is an error, not a comparison with nothing', async () => {
    const { results, errors } = await diffEnvironments(`${FIX}/staging.yaml`, `${FIX}/missing.yaml`);
    expect(results).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('missing.yaml');
  });
});
