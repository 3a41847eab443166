/**
 * PKCS#12 files as `openssl pkcs12 -export` writes them (OpenSSL 3's default AES encryption, and
 * -legacy RC2/3DES), read by `certgate expiry` with the password from --password-env; the CA
 * certificates a file carries (-certfile) come after its leaf and complete its chain.
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expiry } from '../../src/expiry/expiry.js';
import { readPkcs12 } from '../../src/expiry/pkcs12.js';
import { createCertificate, type IssuedCertificate, serverLeaf } from '../support/cert-factory.js';
import { spawnCertgate } from '../support/spawn-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'certgate-expiry-p12-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PASSWORD = 'correct horse battery staple';
const UMLAUTS = 'pässwörd';

// a leaf issued by an intermediate: only the root is given as trust, so the chain needs the file's CA
const root = createCertificate({ subject: 'CN=P12 Root,O=certgate', ca: true });
const intermediate = createCertificate({ subject: 'CN=P12 Intermediate,O=certgate', issuer: root, ca: true });
const chained = serverLeaf('chained.example.com', intermediate, '2026-10-01Z', '2027-01-15Z');
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
const exportChained = (out: string, password: string, certfile: string, ...extra: string[]) =>
  openssl(
    'pkcs12',
    '-export',
    '-in',
    'chained.pem',
    '-inkey',
    'chained-key.pem',
    '-certfile',
    certfile,
    '-out',
    out,
    '-passout',
    `pass:${password}`,
    ...extra,
  );
const DES = ['-certpbe', 'PBE-SHA1-3DES', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'];

beforeAll(() => {
  writeFileSync(join(dir, 'chained.pem'), chained.pem);
  writeFileSync(join(dir, 'chained-key.pem'), String(chained.key.export({ type: 'pkcs8', format: 'pem' })));
  writeFileSync(join(dir, 'intermediate.pem'), intermediate.pem);
  writeFileSync(join(dir, 'ca-both.pem'), intermediate.pem + root.pem);
  mkdirSync(join(dir, 'chains'));
  exportChained('chains/aes.p12', PASSWORD, 'intermediate.pem');
  exportChained('chains/des.p12', PASSWORD, 'intermediate.pem', ...DES);
  exportChained('chains/plain-certs.p12', PASSWORD, 'ca-both.pem', '-certpbe', 'NONE');
  exportChained('chains/umlaut-aes.p12', UMLAUTS, 'intermediate.pem');
  exportChained('chains/umlaut-des.p12', UMLAUTS, 'intermediate.pem', ...DES);
  const cert = serverLeaf(
    'p12.example.com',
    createCertificate({ subject: 'CN=P12 CA', ca: true }),
    '2026-11-01Z',
    '2026-12-10Z',
  );
  writeFileSync(join(dir, 'cert.pem'), cert.pem);
  writeFileSync(join(dir, 'key.pem'), String(cert.key.export({ type: 'pkcs8', format: 'pem' })));
  mkdirSync(join(dir, 'store'));
  openssl(
    'pkcs12',
    '-export',
    '-in',
    'cert.pem',
    '-inkey',
    'key.pem',
    '-out',
    'store/site.pfx',
    '-passout',
    `pass:${PASSWORD}`,
  );
  openssl(
    'pkcs12',
    '-export',
    '-in',
    'cert.pem',
    '-inkey',
    'key.pem',
    '-out',
    'store/old.p12',
    '-passout',
    `pass:${PASSWORD}`,
    '-legacy',
  );
});

test('a PKCS#12 file gives its certificate; a wrong password and legacy encryption say what to do', async () => {
  const results = await expiry({
    paths: [join(dir, 'store')],
    pkcs12Password: PASSWORD,
    at: new Date('2026-12-01T00:00:00Z'),
  });
  const cert = results.find((r) => r.subject.kind === 'certificate')!;
  expect(cert.details).toMatchObject({
    name: 'p12.example.com',
    notAfter: '2026-12-10T00:00:00.000Z',
    daysLeft: 9,
  });
  expect(cert.details!.places).toEqual([{ kind: 'file', path: join(dir, 'store', 'site.pfx'), index: 0 }]);
  const legacy = results.find((r) => r.subject.id === join(dir, 'store', 'old.p12'))!;
  expect(legacy.findings[0]?.args.reason).toMatch(
    /legacy encryption .*openssl pkcs12 -export -certpbe AES-256-CBC/,
  );
  const wrong = await expiry({ paths: [join(dir, 'store', 'site.pfx')], pkcs12Password: 'nope' });
  expect(wrong[0]!.findings[0]).toMatchObject({ code: 'EXPIRY_FILE_UNREADABLE' });
  expect(wrong[0]!.findings[0]!.args.reason).toMatch(/^wrong password for this PKCS#12 file/);
});

test('--password-env names the variable; the password itself is never printed', async () => {
  const file = join(dir, 'store', 'site.pfx');
  const run = await spawnCertgate(
    ['expiry', file, '--password-env', 'P12_PASSWORD', '--at', '2026-12-01', '--format', 'json'],
    {
      env: { ...process.env, P12_PASSWORD: PASSWORD },
    },
  );
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout).results[0].details.name).toBe('p12.example.com');
  const wrong = await spawnCertgate(['expiry', file, '--password-env', 'P12_PASSWORD'], {
    env: { ...process.env, P12_PASSWORD: 'not it' },
  });
  expect(wrong.stdout + wrong.stderr).not.toContain('not it');
  expect(wrong.stdout).toContain('wrong password for this PKCS#12 file');
  const unset = await spawnCertgate(['expiry', file, '--password-env', 'NO_SUCH_VARIABLE_SET']);
  expect(unset.code).toBe(2);
  expect(unset.stderr).toMatch(/--password-env NO_SUCH_VARIABLE_SET: the variable is not set/);
});

const subjects = (file: string, password: string): string[] => {
  const read = readPkcs12(readFileSync(join(dir, 'chains', file)), password);
  if ('reason' in read) throw new Error(read.reason);
  return read.certificates.map((c) => c.subject.text);
};
const ders = (...certs: IssuedCertificate[]) => certs.map((c) => Buffer.from(c.der).toString('hex'));

test.each([
  ['aes.p12', PASSWORD],
  ['des.p12', PASSWORD],
  ['umlaut-aes.p12', UMLAUTS],
  ['umlaut-des.p12', UMLAUTS],
])('%s gives its leaf, then the intermediate it carries', (file, password) => {
  const read = readPkcs12(readFileSync(join(dir, 'chains', file)), password);
  expect('certificates' in read && read.certificates.map((c) => Buffer.from(c.der).toString('hex'))).toEqual(
    ders(chained, intermediate),
  );
  expect(subjects(file, password)).toEqual(['CN=chained.example.com', 'CN=P12 Intermediate,O=certgate']);
});

test('unencrypted certificate bags (-certpbe NONE) come in file order, leaf first', () => {
  expect(subjects('plain-certs.p12', PASSWORD)).toEqual([
    'CN=chained.example.com',
    'CN=P12 Intermediate,O=certgate',
    'CN=P12 Root,O=certgate',
  ]);
});

test('the files were made as the tests say: AES-256 PBES2 by default, 3DES with -certpbe PBE-SHA1-3DES', () => {
  // `openssl pkcs12 -info` names each bag's encryption on stderr
  const info = (file: string, password: string) =>
    spawnSync('openssl', ['pkcs12', '-in', file, '-info', '-noout', '-passin', `pass:${password}`], {
      cwd: join(dir, 'chains'),
      encoding: 'utf8',
    }).stderr;
  expect(info('umlaut-aes.p12', UMLAUTS)).toMatch(/PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC/);
  expect(info('umlaut-des.p12', UMLAUTS)).toMatch(/PKCS7 Encrypted data: pbeWithSHA1And3-KeyTripleDES-CBC/);
  expect(info('plain-certs.p12', PASSWORD)).toMatch(/PKCS7 Data\n/);
  expect(info('plain-certs.p12', PASSWORD)).not.toMatch(/PKCS7 Encrypted data/);
});

test('with only the root trusted, the leaf of a complete .pfx verifies its chain through the carried intermediate', async () => {
  writeFileSync(join(dir, 'chained-only.pem'), chained.pem);
  const at = new Date('2026-12-01T00:00:00Z');
  const bare = await expiry({ paths: [join(dir, 'chained-only.pem')], roots: [root.pem], at });
  expect(bare[0]!.details).toMatchObject({ name: 'chained.example.com', chainVerified: false });
  for (const [file, password] of [
    ['aes.p12', PASSWORD],
    ['des.p12', PASSWORD],
    ['umlaut-aes.p12', UMLAUTS],
    ['umlaut-des.p12', UMLAUTS],
    ['plain-certs.p12', PASSWORD],
  ] as const) {
    const results = await expiry({
      paths: [join(dir, 'chains', file)],
      pkcs12Password: password,
      roots: [root.pem],
      at,
    });
    // the intermediate travels with its leaf: one result, the leaf's, with a verified chain
    expect(results.map((r) => r.details?.name)).toEqual(['chained.example.com']);
    expect(results[0]!.details).toMatchObject({
      chainVerified: true,
      notAfter: '2027-01-15T00:00:00.000Z',
      places: [{ kind: 'file', path: join(dir, 'chains', file), index: 0 }],
    });
    expect(results[0]!.findings.map((f) => f.code)).not.toContain('EXPIRY_CHAIN_UNVERIFIED');
  }
});

test('a wrong password still says so, for AES and 3DES files with or without non-ASCII passwords', () => {
  for (const [file, wrong] of [
    ['aes.p12', UMLAUTS],
    ['des.p12', 'nope'],
    ['umlaut-aes.p12', 'passwort'],
    ['umlaut-des.p12', 'pässwörd '],
  ] as const) {
    const read = readPkcs12(readFileSync(join(dir, 'chains', file)), wrong);
    expect('reason' in read && read.reason).toMatch(/^wrong password for this PKCS#12 file/);
  }
});

test('a truncated or corrupted PKCS#12 file is a reason, never a throw', () => {
  const good = readFileSync(join(dir, 'chains', 'aes.p12'));
  for (const cut of [0, 1, 4, 40, good.length >> 1, good.length - 1]) {
    const read = readPkcs12(good.subarray(0, cut), PASSWORD);
    expect(read).toHaveProperty('reason');
  }
  for (let at = 0; at < good.length; at += 97) {
    const bad = Buffer.from(good);
    bad[at] = bad[at]! ^ 0x5a;
    expect(() => readPkcs12(bad, PASSWORD)).not.toThrow();
  }
});
