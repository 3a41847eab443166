/**
 * `certgate expiry` as users run it: the real executable on a folder of certificates made with
 * the factory. The Prometheus output is checked by the real `promtool check metrics` (Debian's
 * prometheus package; .ci/run installs it).
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createCertificate, serverLeaf } from '../support/cert-factory.js';
import { spawnCertgate } from '../support/spawn-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'certgate-expiry-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const root = createCertificate({ subject: 'CN=CLI Root', ca: true });
const intermediate = createCertificate({
  subject: 'CN=CLI Intermediate',
  issuer: root,
  ca: true,
  pathLen: 0,
});
const leaf = (name: string, notBefore: string, notAfter: string) =>
  serverLeaf(name, intermediate, notBefore, notAfter);
mkdirSync(join(dir, 'certs', 'sub'), { recursive: true });
// a 90-day certificate with 10 days left (warning), one with 2 days left (critical), one fine
writeFileSync(
  join(dir, 'certs', 'soon.pem'),
  leaf('soon.example.com', '2026-09-12Z', '2026-12-11Z').pem + intermediate.pem,
);
writeFileSync(
  join(dir, 'certs', 'sub', 'urgent.pem'),
  leaf('urgent.example.com', '2026-09-04Z', '2026-12-03Z').pem + intermediate.pem,
);
writeFileSync(
  join(dir, 'certs', 'fine.pem'),
  leaf('fine "quoted" \\ name.example.com', '2026-11-01Z', '2027-05-01Z').pem + intermediate.pem,
);
const rootFile = join(dir, 'root.pem');
writeFileSync(rootFile, root.pem);
const base = ['expiry', join(dir, 'certs'), '--roots', rootFile, '--at', '2026-12-01'];

test('the table lists what needs action first; exit 1 for the critical one', async () => {
  const run = await spawnCertgate(base);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  const rows = run.stdout.split('\n').filter((l) => /^(CRITICAL|WARNING|ok)\s/.test(l));
  expect(rows.map((r) => r.split(/\s{2,}/).slice(0, 2))).toEqual([
    ['CRITICAL', 'urgent.example.com'],
    ['WARNING', 'soon.example.com'],
    ['ok', 'fine "quoted" \\ name.example.com'],
  ]);
  expect(run.stdout).toContain('error EXPIRY_CRITICAL: urgent.example.com expires on 2026-12-03, in 2 days');
  expect(run.stdout).toMatch(/3 certificates, 0 expired, 1 critical, 1 warning, 1 ok; verdict fail/);
});

test('--fail-on warning and thresholds as a share of the lifetime', async () => {
  const strict = await spawnCertgate([
    ...base,
    '--fail-on',
    'warning',
    '--critical',
    '99%',
    '--format',
    'json',
  ]);
  expect(strict.code).toBe(1);
  const report = JSON.parse(strict.stdout);
  expect(report.command).toBe('expiry');
  const levels = report.results.map((r: { details: { name: string; level: string } }) => [
    r.details.name,
    r.details.level,
  ]);
  // urgent has used 97.8% of its lifetime: past the default warning, not the 99% critical
  expect(levels).toEqual([
    ['urgent.example.com', 'warning'],
    ['soon.example.com', 'warning'],
    ['fine "quoted" \\ name.example.com', 'ok'],
  ]);
  expect(report.results[0].subject).toMatchObject({ kind: 'certificate' });
  expect(report.results[0].details).toMatchObject({ daysLeft: 2, lifetimeDays: 90, chainVerified: true });
  const lax = await spawnCertgate([...base, '--warn', '1d', '--critical', '1h']);
  expect(lax.code).toBe(0);
});

test('a bad threshold is a usage error naming the option', async () => {
  const run = await spawnCertgate([...base, '--warn', 'soon']);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(
    /--warn <threshold>.*expected time left \(30d, 12h, 2w\) or a share of the lifetime used \(66%\)/,
  );
});

test('--format prometheus: metrics promtool accepts, one series per certificate and place', async () => {
  const out = join(dir, 'certgate.prom');
  writeFileSync(
    join(dir, 'certs', 'broken.pem'),
    '-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n',
  );
  const run = await spawnCertgate([...base, '--format', 'prometheus', '--output', out]);
  expect(run.code).toBe(1);
  const text = execFileSync('cat', [out], { encoding: 'utf8' });
  // promtool prints problems and exits non-zero; lint warnings would show here too
  const lint = execFileSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  expect(lint).toBe('');
  expect(text).toMatch(
    /^certgate_certificate_chain_not_after_timestamp_seconds\{fingerprint_sha256="[0-9a-f]{64}",name="urgent\.example\.com",place="[^"]+urgent\.pem"\} 1796256000$/m,
  );
  expect(text).toContain('name="fine \\"quoted\\" \\\\ name.example.com"');
  expect(text).toMatch(/^certgate_file_read_error\{path="[^"]+broken\.pem"\} 1$/m);
  expect(text).toMatch(/^certgate_expiry_certificates 3$/m);
  // files say nothing of renewal: one series each, status unknown
  expect(text).toMatch(
    /^certgate_certificate_renewal_status\{fingerprint_sha256="[0-9a-f]{64}",name="urgent\.example\.com",place="[^"]+urgent\.pem",status="unknown"\} 1$/m,
  );
  expect(text).toMatch(/^certgate_expiry_run_timestamp_seconds 1796083200$/m);
  rmSync(join(dir, 'certs', 'broken.pem'));
});

test('--dns-server takes an address with an optional port; anything else is a usage error', async () => {
  const run = await spawnCertgate([...base, '--dns-server', 'resolver.example']);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/--dns-server <addr>.*expected an IP address, optionally with a port/);
});
