/**
 * `certgate expiry --alert` with several sinks, as a cron job runs it: the Slack and PagerDuty
 * sinks (PagerDuty through --pagerduty-url) post to loopback receivers, one webhook fails on
 * every attempt. The failing one is one stderr line and exit 3, the others still get their
 * alert, and only the failed one is sent again on the next run.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createCertificate, serverLeaf } from '../support/cert-factory.js';
import { spawnCertgate } from '../support/spawn-cli.js';
import { type Receiver, startReceiver } from './receiver.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const now = Date.now();
const root = createCertificate({ subject: 'CN=Cron Root', ca: true });
// 90 days, 12 left: past the warning point (15 days), not critical
const leaf = serverLeaf('cron.alerting.test', root, iso(now - 78 * DAY), iso(now + 12 * DAY));

const dir = mkdtempSync(join(tmpdir(), 'certgate-alert-cli-'));
let slack: Receiver;
let pagerduty: Receiver;
let broken: Receiver;
beforeAll(async () => {
  writeFileSync(join(dir, 'cron.pem'), leaf.pem);
  writeFileSync(join(dir, 'root.pem'), root.pem);
  writeFileSync(join(dir, 'pd.key'), 'R0UT1NGKEY0123456789abcdef012345\n');
  slack = await startReceiver([{ status: 200, body: 'ok' }]);
  pagerduty = await startReceiver([{ status: 202, body: '{"status":"success"}' }]);
  broken = await startReceiver([{ status: 500 }]);
});
afterAll(async () => {
  await Promise.all([slack.close(), pagerduty.close(), broken.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const run = () =>
  spawnCertgate(
    [
      'expiry',
      join(dir, 'cron.pem'),
      '--roots',
      join(dir, 'root.pem'),
      '--alert',
      'slack=env:SLACK_URL',
      '--alert',
      `pagerduty=file:${join(dir, 'pd.key')}`,
      '--pagerduty-url',
      `${pagerduty.url}/v2/enqueue`,
      '--alert',
      'webhook=env:HOOK_URL',
      '--state',
      join(dir, 'state.json'),
    ],
    {
      env: {
        ...process.env,
        SLACK_URL: `${slack.url}/services/T000/B000/XXXXSECRET`,
        HOOK_URL: `${broken.url}/hook?token=HOOKSECRET`,
      },
      timeoutMs: 120_000,
    },
  );

test('one sink failing is one line and exit 3; the others get their alert; only it is retried next run', async () => {
  const first = await run();
  expect(first.code).toBe(3);
  const lines = first.stderr.trim().split('\n');
  expect(lines).toContain('certgate: --alert slack=env:SLACK_URL: 1 firing, 0 resolved');
  expect(
    lines.some((l) => /^certgate: --alert pagerduty=file:.*pd\.key: 1 firing, 0 resolved$/.test(l)),
  ).toBe(true);
  expect(
    lines.some((l) =>
      /^certgate: error: --alert webhook=env:HOOK_URL: HTTP 500.*; it is sent again on the next run$/.test(l),
    ),
  ).toBe(true);
  expect(first.stdout).toMatch(/WARNING\s+cron\.alerting\.test/);
  for (const secret of ['XXXXSECRET', 'HOOKSECRET', 'R0UT1NGKEY'])
    expect(first.stdout + first.stderr).not.toContain(secret);

  expect(slack.requests).toHaveLength(1);
  expect(JSON.stringify(slack.requests[0]!.json)).toContain('cron.alerting.test');
  const event = pagerduty.requests[0]!.json as {
    routing_key: string;
    event_action: string;
    dedup_key: string;
  };
  expect(pagerduty.requests[0]!.path).toBe('/v2/enqueue');
  expect(event).toMatchObject({ routing_key: 'R0UT1NGKEY0123456789abcdef012345', event_action: 'trigger' });
  expect(event.dedup_key).toMatch(/^certgate\/[0-9a-f]{64}\/CertificateNeedsRenewal$/);
  const brokenTries = broken.requests.length;
  expect(brokenTries).toBeGreaterThan(1); // retried before giving up

  const second = await run();
  expect(second.code).toBe(3);
  expect(slack.requests).toHaveLength(1); // already told
  expect(pagerduty.requests).toHaveLength(1);
  expect(broken.requests.length).toBeGreaterThan(brokenTries); // the failed one is tried again
}, 240_000);
