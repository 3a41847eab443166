/**
 * expiry() on real files: chains made with the certificate factory, written to a temp folder.
 * The date that counts is the one the chain clients build stops validating.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { expiry } from '../../src/expiry/expiry.js';
import { createCertificate, type IssuedCertificate, serverLeaf } from '../support/cert-factory.js';

const dir = mkdtempSync(join(tmpdir(), 'certgate-expiry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, ...certs: (IssuedCertificate | string)[]) => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, certs.map((c) => (typeof c === 'string' ? c : c.pem)).join(''));
  return path;
};

const AT = new Date('2026-12-01T00:00:00Z');
const root = createCertificate({
  subject: 'CN=Expiry Test Root',
  ca: true,
  notBefore: new Date('2020-01-01Z'),
  notAfter: new Date('2040-01-01Z'),
});
// the intermediate ends on 2027-01-15, before the leaf it signed
const intermediate = createCertificate({
  subject: 'CN=Expiry Test Intermediate',
  issuer: root,
  ca: true,
  pathLen: 0,
  notBefore: new Date('2024-01-01Z'),
  notAfter: new Date('2027-01-15Z'),
});
const leaf = (name: string, notBefore: string, notAfter: string) =>
  serverLeaf(name, intermediate, notBefore, notAfter);

const shop = leaf('shop.example.com', '2026-09-01Z', '2027-03-20Z'); // 200 days, outlives its intermediate
const api = leaf('api.example.com', '2026-09-03Z', '2026-12-02Z'); // 90 days, 1 day left
const old = leaf('old.example.com', '2025-06-01Z', '2026-06-01Z');
// a spare, expired cross-sign in the bundle: no client builds a path through it
const spare = createCertificate({
  subject: 'CN=Old Cross Root',
  ca: true,
  notBefore: new Date('2010-01-01Z'),
  notAfter: new Date('2021-01-01Z'),
});
const rootPem = root.pem;

test('one result per certificate, dated by its chain; most urgent first; duplicates are one entry with every place', async () => {
  const shopFile = write('certs/shop/fullchain.pem', shop, intermediate, spare);
  const shopCopy = write('certs/backup/shop.pem', shop);
  const apiFile = write('certs/api.pem', api, intermediate);
  const oldFile = write('certs/old.crt', old, intermediate);
  write('certs/README.md', '# not a certificate\n');
  write('certs/shop/privkey.pem', '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n');
  const results = await expiry({ paths: [join(dir, 'certs')], at: AT, roots: [root.pem] });
  expect(results.map((r) => r.details?.name)).toEqual([
    'old.example.com',
    'api.example.com',
    'shop.example.com',
  ]);
  const [o, a, s] = results.map((r) => r.details!);
  expect(o).toMatchObject({ level: 'expired', chainVerified: true });
  expect(results[0]!.findings.map((f) => f.code)).toEqual(['EXPIRY_EXPIRED']);
  expect(a).toMatchObject({
    level: 'critical',
    daysLeft: 1,
    lifetimeDays: 90,
    chainNotAfter: '2026-12-02T00:00:00.000Z',
  });
  expect(results[1]!.findings[0]).toMatchObject({
    code: 'EXPIRY_CRITICAL',
    location: { source: apiFile, certIndex: 0 },
  });
  // shop: a 200-day leaf until 2027-03-20, but its intermediate ends 2027-01-15, 45 days away: the
  // intermediate's date counts (still ok: the default warns from min(30, 200/6) = 30 days left)
  expect(s).toMatchObject({
    chainNotAfter: '2027-01-15T00:00:00.000Z',
    notAfter: '2027-03-20T00:00:00.000Z',
    limitedBy: { subject: 'CN=Expiry Test Intermediate' },
    daysLeft: 45,
    level: 'ok',
  });
  expect(results[2]!.findings.map((f) => f.code)).toEqual(['EXPIRY_CHAIN_EXPIRES_FIRST']);
  expect(s!.places).toEqual([
    { kind: 'file', path: shopCopy, index: 0 },
    { kind: 'file', path: shopFile, index: 0 },
  ]);
  // the spare root and the intermediate came with leaves: they are not tracked on their own
  expect(results.every((r) => r.details?.ca === false)).toBe(true);
  expect(oldFile).toContain('old.crt');
});

test('a leaf on its own still finds its chain in the other files of the run', async () => {
  const lone = write('lone/shop-only.pem', shop);
  const chain = write('lone/chain.pem', intermediate);
  const results = await expiry({ paths: [lone, chain], at: AT, roots: rootPem });
  const shopResult = results.find((r) => r.details?.name === 'shop.example.com')!;
  expect(shopResult.details).toMatchObject({
    chainVerified: true,
    chainNotAfter: '2027-01-15T00:00:00.000Z',
  });
  // a file with only a CA certificate tracks it
  expect(results.find((r) => r.details?.ca)?.details?.name).toBe('Expiry Test Intermediate');
});

test('without a trusted chain the expiry is the certificate’s own, and a note says so', async () => {
  const lone = write('untrusted/shop.pem', shop);
  const [r] = await expiry({ paths: [lone], at: AT });
  expect(r!.details).toMatchObject({ chainVerified: false, chainNotAfter: '2027-03-20T00:00:00.000Z' });
  expect(r!.findings.map((f) => [f.code, f.severity])).toEqual([['EXPIRY_CHAIN_UNVERIFIED', 'note']]);
});

test('explicit thresholds move the verdict, never the dates', async () => {
  const file = write('thresholds/shop.pem', shop, intermediate);
  const [r] = await expiry({
    paths: [file],
    at: AT,
    roots: rootPem,
    thresholds: { warn: { kind: 'left', ms: 60 * 86_400_000 } },
  });
  expect(r!.details).toMatchObject({ level: 'warning', daysLeft: 45 });
  expect(r!.findings[0]).toMatchObject({
    code: 'EXPIRY_WARNING',
    args: { threshold: '60d', limitedBy: 'CN=Expiry Test Intermediate' },
  });
});

test('what cannot be read is a finding on that file; the rest still counts', async () => {
  const good = write('bad/good.pem', api, intermediate);
  const broken = write(
    'bad/broken.pem',
    '-----BEGIN CERTIFICATE-----\nMIIBnotbase64!!\n-----END CERTIFICATE-----\n',
  );
  const missing = join(dir, 'bad/missing.pem');
  const notes = write('bad/notes.txt', 'hello\n');
  const results = await expiry({ paths: [join(dir, 'bad'), missing, notes], at: AT, roots: rootPem });
  const unreadable = results.filter((r) => r.subject.kind === 'file');
  expect(unreadable.map((r) => r.subject.id).sort()).toEqual([broken, missing, notes].sort());
  expect(unreadable.every((r) => r.findings[0]?.code === 'EXPIRY_FILE_UNREADABLE')).toBe(true);
  expect(unreadable.find((r) => r.subject.id === missing)?.findings[0]?.args.reason).toBe(
    'no such file or directory',
  );
  // a named file with no certificate is a problem; in the folder, notes.txt would have been passed over
  expect(results.filter((r) => r.subject.kind === 'certificate').map((r) => r.details?.name)).toEqual([
    'api.example.com',
  ]);
  expect(good).toContain('good.pem');
});
