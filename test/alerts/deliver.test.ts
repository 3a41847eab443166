/**
 * The alert engine and the state file, through deliverAlerts with real sinks posting to loopback
 * receivers: an alert fires once per certificate and rule, repeats after --repeat, escalates,
 * resolves on renewal (new fingerprint at the same place) and removal, stands when its source
 * could not be read; a sink that fails keeps its alerts for the next run without holding up the
 * others; the state file is written atomically and holds no secret.
 */

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, expect, test } from 'vitest';
import { deliverAlerts } from '../../src/alerts/deliver.js';
import { parseAlertTarget } from '../../src/alerts/secrets.js';
import { createSink } from '../../src/alerts/sinks/index.js';
import { readAlertState } from '../../src/alerts/state.js';
import type { AlertEvent } from '../../src/alerts/types.js';
import type { ExpiryDetails, ExpiryResult } from '../../src/expiry/types.js';
import { type Receiver, startReceiver } from './receiver.js';

const dir = mkdtempSync(join(tmpdir(), 'certgate-alerts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let statePath: string;
let n = 0;
beforeEach(() => {
  statePath = join(dir, `state-${n++}.json`);
});

const HOUR = 3_600_000;
const T0 = new Date('2026-12-01T00:00:00Z');
const later = (hours: number) => new Date(T0.getTime() + hours * HOUR);

/** A certificate result as expiry() gives it, at one file place. */
function cert(
  fingerprintByte: string,
  level: ExpiryDetails['level'],
  options: { place?: string; renewal?: ExpiryDetails['renewal']['status']; name?: string } = {},
): ExpiryResult {
  const fingerprint = Array.from({ length: 32 }, () => fingerprintByte).join(':');
  const place = options.place ?? '/etc/ssl/www.pem';
  const details: ExpiryDetails = {
    fingerprint,
    name: options.name ?? 'www.example.com',
    subject: 'CN=www.example.com',
    issuer: 'CN=Example CA',
    serialNumber: '01',
    sans: ['www.example.com'],
    ca: false,
    notBefore: '2026-09-01T00:00:00.000Z',
    notAfter: '2026-12-07T00:00:00.000Z',
    chainNotAfter: '2026-12-07T00:00:00.000Z',
    chainVerified: true,
    daysLeft: 6,
    lifetimeDays: 97,
    lifetimeUsed: 0.94,
    level,
    warnAt: '2026-11-21T00:00:00.000Z',
    criticalAt: '2026-12-02T00:00:00.000Z',
    renewal: { status: options.renewal ?? 'unknown', reason: 'a file says nothing of renewal' },
    places: [{ kind: 'file', path: place, index: 0 }],
  };
  return { subject: { kind: 'certificate', id: fingerprint, source: place }, findings: [], details };
}

const unreadable = (path: string): ExpiryResult => ({
  subject: { kind: 'file', id: path, source: path },
  findings: [],
});

/** A webhook sink on a receiver; the events of each request it got. */
async function webhook(script?: Parameters<typeof startReceiver>[0]) {
  const receiver = await startReceiver(script);
  const sink = createSink(parseAlertTarget(`webhook=${receiver.url}/hook/s3cr3t-token`, { env: {} }), {
    attempts: 2,
    baseDelayMs: 10,
  });
  const events = (i: number) =>
    ((receiver.requests[i]?.json as { events: AlertEvent[] } | undefined)?.events ?? []).map((e) => [
      e.alertname,
      e.state,
      e.why,
    ]);
  return { receiver, sink, events };
}

const run = (
  results: ExpiryResult[],
  sinks: Parameters<typeof deliverAlerts>[1]['sinks'],
  at: Date,
  repeatHours = 24,
) =>
  deliverAlerts(results, {
    sinks,
    statePath,
    repeatMs: repeatHours * HOUR,
    at,
    version: '0.0.0-test',
    timeoutMs: 500,
  });

let receivers: Receiver[] = [];
afterAll(async () => {
  for (const r of receivers) await r.close();
  receivers = [];
});

test('fires once, repeats after --repeat, escalates, resolves when renewed', async () => {
  const w = await webhook();
  receivers.push(w.receiver);
  await run([cert('aa', 'warning')], [w.sink], T0);
  expect(w.events(0)).toEqual([['CertificateNeedsRenewal', 'firing', 'new']]);
  await run([cert('aa', 'warning')], [w.sink], later(1)); // nothing new: nothing sent
  expect(w.receiver.requests).toHaveLength(1);
  await run([cert('aa', 'warning')], [w.sink], later(25)); // past --repeat 24h
  expect(w.events(1)).toEqual([['CertificateNeedsRenewal', 'firing', 'repeat']]);
  await run([cert('aa', 'critical')], [w.sink], later(26));
  expect(w.events(2)).toEqual([
    ['CertificateExpiresSoon', 'firing', 'escalated'],
    ['CertificateNeedsRenewal', 'resolved', 'escalated'],
  ]);
  // renewed: a new fingerprint at the same place, fine
  await run([cert('bb', 'ok')], [w.sink], later(27));
  expect(w.events(3)).toEqual([['CertificateExpiresSoon', 'resolved', 'renewed']]);
  const resolved = (w.receiver.requests[3]!.json as { events: AlertEvent[] }).events[0]!;
  expect(resolved.endsAt).toBe(later(27).toISOString());
  expect(resolved.startsAt).toBe(later(26).toISOString());
  expect(resolved.id).toBe(`certgate/${'aa'.repeat(32)}/CertificateExpiresSoon`);
  await run([cert('bb', 'ok')], [w.sink], later(28));
  expect(w.receiver.requests).toHaveLength(4);
  expect(readAlertState(statePath).sinks[w.sink.key]?.alerts).toEqual({});
});

test('removed resolves; a source that could not be read keeps its alert standing', async () => {
  const w = await webhook();
  receivers.push(w.receiver);
  await run(
    [cert('aa', 'critical'), cert('cc', 'warning', { place: '/srv/api.pem', name: 'api' })],
    [w.sink],
    T0,
  );
  expect(w.events(0)).toHaveLength(2);
  // /etc/ssl unreadable this run: www's alert stands; api.pem is gone for good
  await run([unreadable('/etc/ssl')], [w.sink], later(1));
  expect(w.events(1)).toEqual([['CertificateNeedsRenewal', 'resolved', 'removed']]);
  await run([cert('aa', 'critical')], [w.sink], later(2));
  expect(w.receiver.requests).toHaveLength(2); // back, and still firing: not sent again
});

test('renewal not ready is its own alert, resolved when the renewal recovers', async () => {
  const w = await webhook();
  receivers.push(w.receiver);
  await run([cert('aa', 'ok', { renewal: 'failing' })], [w.sink], T0);
  expect(w.events(0)).toEqual([['CertificateRenewalNotReady', 'firing', 'new']]);
  await run([cert('aa', 'ok', { renewal: 'managed' })], [w.sink], later(1));
  expect(w.events(1)).toEqual([['CertificateRenewalNotReady', 'resolved', 'recovered']]);
});

test('a sink that fails keeps its alerts for the next run; the other sink is not held up', async () => {
  const good = await webhook();
  const bad = await webhook([{ status: 503 }]);
  receivers.push(good.receiver, bad.receiver);
  const out = await run([cert('aa', 'warning')], [bad.sink, good.sink], T0);
  expect(out.map((o) => o.error === undefined)).toEqual([false, true]);
  expect(out[0]!.error).toMatch(/HTTP 503/);
  expect(out[0]!.error).not.toContain('s3cr3t-token');
  expect(good.events(0)).toEqual([['CertificateNeedsRenewal', 'firing', 'new']]);
  expect(bad.receiver.requests).toHaveLength(2); // retried once (attempts: 2)
  // nothing recorded as sent for the failed sink: the next run tells it again, as new
  const state = readAlertState(statePath);
  expect(Object.keys(state.sinks[bad.sink.key]!.alerts)).toEqual([]);
  expect(Object.keys(state.sinks[good.sink.key]!.alerts)).toEqual([
    `certgate/${'aa'.repeat(32)}/CertificateNeedsRenewal`,
  ]);
  const again = createSink(parseAlertTarget(`webhook=${bad.receiver.url}/hook/s3cr3t-token`, { env: {} }));
  await run([cert('aa', 'warning')], [again, good.sink], later(1));
  expect(bad.events(2)).toEqual([['CertificateNeedsRenewal', 'firing', 'new']]);
});

test('the state file: atomic (no temporary left), no secret, a bad one is refused before sending', async () => {
  const w = await webhook();
  receivers.push(w.receiver);
  await run([cert('aa', 'warning')], [w.sink], T0);
  const text = readFileSync(statePath, 'utf8');
  expect(text).not.toContain('s3cr3t-token');
  expect(text).not.toContain(w.receiver.url);
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  writeFileSync(statePath, '{"version": 1, "sinks": {"x": {"alerts": ');
  await expect(run([cert('aa', 'warning')], [w.sink], later(30))).rejects.toThrow(
    /--state .*: not a certgate state file .*move it away to start afresh/,
  );
  expect(w.receiver.requests).toHaveLength(1);
});
