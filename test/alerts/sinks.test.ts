/**
 * Each sink against a loopback receiver: the requests it makes for a batch (path, headers, body
 * with real values), when it makes none, and that its label and errors never hold the secret.
 */

import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { SinkError } from '../../src/alerts/http.js';
import { type AlertTarget, parseAlertTarget } from '../../src/alerts/secrets.js';
import { alertmanagerAlertsUrl } from '../../src/alerts/sinks/alertmanager.js';
import { createSink, type SinkOptions } from '../../src/alerts/sinks/index.js';
import { pagerdutyDedupKey } from '../../src/alerts/sinks/pagerduty.js';
import { escapeSlack, SLACK_MAX_SECTIONS } from '../../src/alerts/sinks/slack.js';
import { WEBHOOK_SIGNATURE_HEADER } from '../../src/alerts/sinks/webhook.js';
import type { AlertEvent } from '../../src/alerts/types.js';
import { AT, batch, certificate, event, FINGERPRINT, REFRESH_UNTIL, resolved } from './fixtures.js';
import { receiverPool } from './receiver.js';

const SEND = { timeoutMs: 2000 } as const;
const FAST: SinkOptions = { attempts: 3, baseDelayMs: 5 };
const TOKEN_PATH = '/services/T0001/B0002/s3cr3tT0kenXyZ';
const ROUTING = 'R0UT1NGKEY0123456789abcdef012345';

const receiver = receiverPool(afterEach);

const target = (value: string, pagerdutyUrl?: string): AlertTarget =>
  parseAlertTarget(value, { env: {}, ...(pagerdutyUrl ? { pagerdutyUrl } : {}) });

const expiresSoon = event();
const needsRenewal = resolved({
  alertname: 'CertificateNeedsRenewal',
  id: `certgate/${FINGERPRINT}/CertificateNeedsRenewal`,
  severity: 'warning',
  why: 'escalated',
});

describe('webhook', () => {
  test('a versioned body with the events as they are, signed with HMAC-SHA256', async () => {
    const r = await receiver();
    const sink = createSink(target(`webhook=${r.url}/in/t0ken?x=1`), { ...FAST, hmacSecret: 'shh' });
    expect(sink).toMatchObject({ kind: 'webhook', label: `webhook=${r.url}` });
    const b = batch([expiresSoon, needsRenewal]);
    await sink.send(b, SEND);
    const [req] = r.requests;
    expect(req!.path).toBe('/in/t0ken?x=1');
    expect(req!.json).toEqual({
      schemaVersion: 1,
      source: 'certgate',
      version: '0.1.0-test',
      at: AT,
      events: JSON.parse(JSON.stringify([expiresSoon, needsRenewal])),
    });
    const expected = createHmac('sha256', 'shh').update(req!.raw).digest('hex');
    expect(req!.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()]).toBe(`sha256=${expected}`);
    expect(req!.headers['user-agent']).toBe('certgate/0.1.0-test');
  });

  test('no signature without a secret; nothing sent for no events', async () => {
    const r = await receiver();
    const sink = createSink(target(`webhook=${r.url}/hook`), FAST);
    await sink.send(batch([]), SEND);
    expect(r.requests).toHaveLength(0);
    await sink.send(batch([expiresSoon]), SEND);
    expect(r.requests[0]!.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()]).toBeUndefined();
  });
});

describe('slack', () => {
  test('one message: header, a section per alert, escaped, escalation noise left out', async () => {
    const r = await receiver([{ status: 200, body: 'ok' }]);
    const sneaky = event({
      certificate: certificate({ name: '<!channel> & co', fingerprint: 'b2'.repeat(32) }),
      summary: '<!channel> & co expires in 2 days',
      severity: 'warning',
      alertname: 'CertificateNeedsRenewal',
      why: 'repeat',
    });
    const renewed = resolved({ certificate: certificate({ fingerprint: 'c3'.repeat(32) }) });
    const sink = createSink(target(`slack=${r.url}${TOKEN_PATH}`), FAST);
    await sink.send(batch([expiresSoon, needsRenewal, sneaky, renewed]), SEND);
    expect(r.requests).toHaveLength(1);
    const body = r.requests[0]!.json as { text: string; blocks: { type: string; text: { text: string } }[] };
    expect(r.requests[0]!.path).toBe(TOKEN_PATH);
    expect(body.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'section']);
    expect(body.blocks[0]!.text.text).toBe('certgate: 2 firing, 1 resolved');
    expect(body.text).toBe(
      'certgate: 2 firing, 1 resolved: www.example.com expires in 6.5 days (2026-12-09T00:00:00.000Z) and 2 more',
    );
    const [first, second, third] = body.blocks.slice(1).map((b) => b.text.text);
    expect(first).toContain(':rotating_light: *FIRING* CertificateExpiresSoon (critical)');
    expect(first).toContain('*Places:* certs/www.pem, www.example.com:443 (192.0.2.10)');
    expect(first).toContain('*Renewal:* at-risk: DNS validation record missing');
    expect(second).toContain(':warning: *FIRING* CertificateNeedsRenewal (warning) (still firing)');
    expect(second).toContain('&lt;!channel&gt; &amp; co expires in 2 days');
    expect(JSON.stringify(body)).not.toContain('<!channel>');
    expect(third).toContain(':white_check_mark: *RESOLVED* CertificateExpiresSoon (certificate renewed)');
  });

  test('an escalated resolve without its higher alert in the batch is shown', async () => {
    const r = await receiver();
    await createSink(target(`slack=${r.url}${TOKEN_PATH}`), FAST).send(batch([needsRenewal]), SEND);
    const body = r.requests[0]!.json as { blocks: { text: { text: string } }[] };
    expect(body.blocks[1]!.text.text).toContain('*RESOLVED* CertificateNeedsRenewal (escalated)');
  });

  test('at most 45 sections and an "and N more" line; nothing sent for no events', async () => {
    const r = await receiver();
    const many = Array.from({ length: 60 }, (_, i) =>
      event({ id: `certgate/${i}/CertificateExpired`, certificate: certificate({ fingerprint: `f${i}` }) }),
    );
    const sink = createSink(target(`slack=${r.url}${TOKEN_PATH}`), FAST);
    await sink.send(batch([]), SEND);
    expect(r.requests).toHaveLength(0);
    await sink.send(batch(many), SEND);
    const body = r.requests[0]!.json as { blocks: { type: string; elements?: { text: string }[] }[] };
    expect(body.blocks).toHaveLength(1 + SLACK_MAX_SECTIONS + 1);
    expect(body.blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'and 15 more' }],
    });
  });

  test('escapeSlack', () => {
    expect(escapeSlack('a & <b> <@U123>')).toBe('a &amp; &lt;b&gt; &lt;@U123&gt;');
  });
});

describe('alertmanager', () => {
  test('posts events and active alerts to /api/v2/alerts, each once, with the endsAt rules', async () => {
    const r = await receiver();
    const stillFiring = event({
      alertname: 'CertificateRenewalNotReady',
      id: `certgate/${FINGERPRINT}/CertificateRenewalNotReady`,
      severity: 'warning',
      why: 'repeat',
    });
    const staleCopy = { ...expiresSoon, summary: 'an older copy' };
    const sink = createSink(target(`alertmanager=${r.url}`), FAST);
    expect(sink.label).toBe(`alertmanager=${r.url}`);
    await sink.send(batch([expiresSoon, needsRenewal], { active: [staleCopy, stillFiring] }), SEND);
    const [req] = r.requests;
    expect(req!.path).toBe('/api/v2/alerts');
    const alerts = req!.json as { labels: Record<string, string>; annotations: Record<string, string> }[];
    expect(alerts).toEqual([
      {
        labels: {
          alertname: 'CertificateExpiresSoon',
          severity: 'critical',
          fingerprint_sha256: FINGERPRINT,
          name: 'www.example.com',
          source: 'certgate',
        },
        annotations: {
          summary: 'www.example.com expires in 6.5 days (2026-12-09T00:00:00.000Z)',
          description: [
            'Places: certs/www.pem, www.example.com:443 (192.0.2.10)',
            'Renewal: at-risk (DNS validation record missing)',
            'Not after: 2026-12-09T00:00:00.000Z',
            'Subject: CN=www.example.com',
            'Issuer: CN=Example Issuing CA,O=Example',
          ].join('\n'),
        },
        startsAt: '2026-12-01T12:00:00.000Z',
        endsAt: REFRESH_UNTIL,
      },
      expect.objectContaining({
        labels: expect.objectContaining({ alertname: 'CertificateNeedsRenewal', severity: 'warning' }),
        endsAt: AT,
      }),
      expect.objectContaining({
        labels: expect.objectContaining({ alertname: 'CertificateRenewalNotReady' }),
        endsAt: REFRESH_UNTIL,
      }),
    ]);
  });

  test('keeps active alerts alive with no events; sends nothing when both are empty', async () => {
    const r = await receiver();
    const sink = createSink(target(`alertmanager=${r.url}/`), FAST);
    await sink.send(batch([], { active: [] }), SEND);
    expect(r.requests).toHaveLength(0);
    await sink.send(batch([], { active: [expiresSoon] }), SEND);
    expect(r.requests.map((q) => q.path)).toEqual(['/api/v2/alerts']);
    expect((r.requests[0]!.json as unknown[]).length).toBe(1);
  });

  test('the base URL is normalised', () => {
    for (const base of [
      'http://am:9093',
      'http://am:9093/',
      'http://am:9093/api/v2/alerts',
      'http://am:9093/api/v2/alerts/',
      'http://am:9093/api/v2',
    ]) {
      expect(alertmanagerAlertsUrl(base), base).toBe('http://am:9093/api/v2/alerts');
    }
    expect(alertmanagerAlertsUrl('https://ops.example/alertmanager//')).toBe(
      'https://ops.example/alertmanager/api/v2/alerts',
    );
  });
});

describe('pagerduty', () => {
  test('one event per alert: trigger with payload, resolve with the dedup key only', async () => {
    const r = await receiver([{ status: 202, body: '{"status":"success","dedup_key":"x"}' }]);
    const sink = createSink(target(`pagerduty=${ROUTING}`, `${r.url}/v2/enqueue`), FAST);
    expect(sink.label).toBe('pagerduty=(routing key)');
    const longSummary = event({ summary: 's'.repeat(2000), alertname: 'CertificateExpired' });
    await sink.send(batch([expiresSoon, needsRenewal, longSummary]), SEND);
    expect(r.requests.map((q) => q.path)).toEqual(['/v2/enqueue', '/v2/enqueue', '/v2/enqueue']);
    const [trigger, resolve, long] = r.requests.map((q) => q.json as Record<string, unknown>);
    expect(trigger).toEqual({
      routing_key: ROUTING,
      event_action: 'trigger',
      dedup_key: expiresSoon.id,
      client: 'certgate',
      payload: {
        summary: expiresSoon.summary,
        source: 'certs/www.pem',
        severity: 'critical',
        timestamp: AT,
        component: 'www.example.com',
        group: 'certgate',
        class: 'CertificateExpiresSoon',
        custom_details: expect.objectContaining({
          fingerprint_sha256: FINGERPRINT,
          renewal_status: 'at-risk',
          days_left: 6.5,
          places: ['certs/www.pem', 'www.example.com:443 (192.0.2.10)'],
        }),
      },
    });
    expect(resolve).toEqual({ routing_key: ROUTING, event_action: 'resolve', dedup_key: needsRenewal.id });
    const summary = (long!.payload as { summary: string }).summary;
    expect(summary).toHaveLength(1024);
    expect(summary.endsWith('…')).toBe(true);
  });

  test('source falls back to certgate; nothing sent for no events', async () => {
    const r = await receiver([{ status: 202 }]);
    const sink = createSink(target(`pagerduty=${ROUTING}`, r.url), FAST);
    await sink.send(batch([], { active: [expiresSoon] }), SEND);
    expect(r.requests).toHaveLength(0);
    await sink.send(batch([event({ certificate: certificate({ places: [] }) })]), SEND);
    expect((r.requests[0]!.json as { payload: { source: string } }).payload.source).toBe('certgate');
  });

  test('dedup keys stay within 255 characters', () => {
    expect(pagerdutyDedupKey(expiresSoon.id)).toBe(expiresSoon.id);
    const long = pagerdutyDedupKey(`certgate/${'x'.repeat(400)}`);
    expect(long).toHaveLength(255);
    expect(long).not.toBe(pagerdutyDedupKey(`certgate/${'x'.repeat(401)}`));
  });
});

describe('failures', () => {
  const events: AlertEvent[] = [expiresSoon];

  test('fails twice with 503, then delivers: the sink succeeds', async () => {
    const r = await receiver([{ status: 503 }, { status: 503 }, { status: 200 }]);
    await createSink(target(`slack=${r.url}${TOKEN_PATH}`), FAST).send(batch(events), SEND);
    expect(r.requests).toHaveLength(3);
    expect(new Set(r.requests.map((q) => q.raw)).size).toBe(1);
  });

  test('PagerDuty stops at the first event that fails for good', async () => {
    const r = await receiver([{ status: 400, body: '{"status":"invalid event"}' }]);
    const sink = createSink(target(`pagerduty=${ROUTING}`, r.url), FAST);
    const err = await sink.send(batch([expiresSoon, needsRenewal]), SEND).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SinkError);
    expect((err as Error).message).toBe('pagerduty=(routing key): HTTP 400 Bad Request after 1 attempt');
    expect(r.requests).toHaveLength(1);
  });

  test('no error of any sink holds the secret', async () => {
    const r = await receiver([{ status: 500, body: `${TOKEN_PATH} ${ROUTING}` }]);
    const sinks = [
      createSink(target(`slack=${r.url}${TOKEN_PATH}`), FAST),
      createSink(target(`webhook=${r.url}${TOKEN_PATH}?token=abc`), FAST),
      createSink(target(`alertmanager=${r.url}/am`), FAST),
      createSink(target(`pagerduty=${ROUTING}`, `${r.url}${TOKEN_PATH}`), FAST),
    ];
    for (const sink of sinks) {
      const err = await sink.send(batch(events), SEND).catch((e: unknown) => e);
      expect(err, sink.kind).toBeInstanceOf(SinkError);
      const text = `${(err as Error).message} ${sink.label} ${sink.key}`;
      for (const secret of ['s3cr3t', 'T0001', 'token=', ROUTING])
        expect(text, sink.kind).not.toContain(secret);
      expect((err as SinkError).attempts).toBe(3);
    }
  });
});
