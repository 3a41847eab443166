/**
 * PKCS#12 files as `openssl pkcs12 -export` writes them (OpenSSL 3's default AES encryption, and
 * -legacy RC2/3DES), read by `certgate expiry` with the password from --password-env.
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expiry } from '../../src/expiry/expiry.js';
import { createCertificate, serverLeaf } from '../support/cert-factory.js';
import { spawnCertgate } from '../support/spawn-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'certgate-expiry-p12-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PASSWORD = 'correct horse battery staple';

beforeAll(() => {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
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
