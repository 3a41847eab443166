/**
 * `certgate expiry ... --alert alertmanager=URL --state FILE` against a real Alertmanager
 * (Debian's package) on loopback: the run pushes the certificate's alert through API v2, the test
 * reads it back with its labels and annotations; after the certificate is renewed the next run
 * resolves it, and Alertmanager no longer lists it as active. The URL comes from an environment
 * variable and is printed nowhere.
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startAlertmanager, type TestAlertmanager } from '../support/alertmanager.js';
import { createCertificate, serverLeaf } from '../support/cert-factory.js';
import { spawnCertgate } from '../support/spawn-cli.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const now = Date.now();
const root = createCertificate({ subject: 'CN=Alerting Root', ca: true });
// 90 days, 3 left: critical (a twentieth of the lifetime is 4.5 days)
const dying = serverLeaf('pay.alerting.test', root, iso(now - 87 * DAY), iso(now + 3 * DAY));
const renewed = serverLeaf('pay.alerting.test', root, iso(now - DAY), iso(now + 89 * DAY));

const dir = mkdtempSync(join(tmpdir(), 'certgate-am-'));
const leafFile = join(dir, 'pay.pem');
const rootFile = join(dir, 'root.pem');
const stateFile = join(dir, 'state.json');
let am: TestAlertmanager;

beforeAll(async () => {
  writeFileSync(rootFile, root.pem);
  am = await startAlertmanager();
}, 60_000);
afterAll(async () => {
  await am?.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = () =>
  spawnCertgate(
    ['expiry', leafFile, '--roots', rootFile, '--alert', 'alertmanager=env:AM_URL', '--state', stateFile],
    { env: { ...process.env, AM_URL: am.url } },
  );

test('an expiring certificate is pushed to Alertmanager, and resolved there once renewed', async () => {
  writeFileSync(leafFile, dying.pem);
  const first = await run();
  expect(first.code).toBe(1); // critical is at the default --fail-on error
  expect(first.stderr).toBe('certgate: --alert alertmanager=env:AM_URL: 1 firing, 0 resolved\n');
  const active = await am.alerts('?active=true');
  expect(active).toHaveLength(1);
  const alert = active[0]!;
  expect(alert.labels).toMatchObject({
    alertname: 'CertificateExpiresSoon',
    severity: 'critical',
    name: 'pay.alerting.test',
    source: 'certgate',
  });
  expect(alert.labels.fingerprint_sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(alert.annotations.summary).toMatch(/^pay\.alerting\.test expires in 3 days/);
  expect(alert.status.state).toBe('active');
  expect(Date.parse(alert.endsAt)).toBeGreaterThan(Date.now() + DAY); // kept alive between runs

  // a second run before anything changed sends nothing new, and the alert stays
  const again = await run();
  expect(again.stderr).toBe('');
  expect(await am.alerts('?active=true')).toHaveLength(1);

  writeFileSync(leafFile, renewed.pem);
  const third = await run();
  expect(third.code).toBe(0);
  expect(third.stderr).toBe('certgate: --alert alertmanager=env:AM_URL: 0 firing, 1 resolved\n');
  const after = await am.alerts('?active=true');
  expect(after.filter((a) => a.labels.alertname === 'CertificateExpiresSoon')).toEqual([]);
  for (const r of [first, again, third]) expect(r.stdout + r.stderr).not.toContain(am.url);
  expect(readFileSync(stateFile, 'utf8')).not.toContain(am.url);
}, 60_000);

test('a missing variable is a usage error before any scan; --state without --alert too', async () => {
  const missing = await spawnCertgate(['expiry', rootFile, '--alert', 'slack=env:NO_SUCH_VAR'], {
    env: { ...process.env, NO_SUCH_VAR: '' },
  });
  expect(missing.code).toBe(2);
  expect(missing.stderr).toMatch(/^certgate: error: --alert slack=env:NO_SUCH_VAR: /);
  const state = await spawnCertgate(['expiry', rootFile, '--state', stateFile]);
  expect(state.code).toBe(2);
  expect(state.stderr).toBe('certgate: error: --state: only with --alert\n');
});
