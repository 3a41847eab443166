/**
 * postJson against loopback receivers: what is retried (503, 429, silence, a refused port) and
 * what is not (400), how long it waits, and that failures name the sink by its label only.
 */

import { createServer } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { parseRetryAfter, postJson, SinkError } from '../../src/alerts/http.js';
import { receiverPool } from './receiver.js';

const LABEL = 'webhook=https://hooks.example.net';
const PATH = '/in/t0ken-abc?sig=qq99';
const FAST = { label: LABEL, timeoutMs: 2000, attempts: 4, baseDelayMs: 10 } as const;

const receiver = receiverPool(afterEach);

async function rejection(promise: Promise<unknown>): Promise<SinkError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(SinkError);
    return err as SinkError;
  }
  throw new Error('resolved');
}

/** A port nothing listens on. */
async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('postJson', () => {
  test('posts the JSON as is, with its headers, and counts one attempt', async () => {
    const r = await receiver();
    const result = await postJson(r.url + PATH, '{"a":1}', {
      ...FAST,
      headers: { 'X-Extra': 'yes' },
      userAgent: 'certgate/9.9.9',
    });
    expect(result).toEqual({ status: 200, attempts: 1, body: '{"status":"success"}' });
    const [req] = r.requests;
    expect(req).toMatchObject({ method: 'POST', path: PATH, raw: '{"a":1}', json: { a: 1 } });
    expect(req!.headers).toMatchObject({
      'content-type': 'application/json',
      'content-length': '7',
      'user-agent': 'certgate/9.9.9',
      'x-extra': 'yes',
    });
  });

  test('two 503s then 200: delivered on the third attempt', async () => {
    const r = await receiver([{ status: 503 }, { status: 503 }, { status: 200 }]);
    const result = await postJson(r.url + PATH, '{}', FAST);
    expect(result.attempts).toBe(3);
    expect(r.requests).toHaveLength(3);
  });

  test('backs off exponentially between attempts', async () => {
    const r = await receiver([{ status: 500 }, { status: 502 }, { status: 504 }, { status: 200 }]);
    await postJson(r.url, '{}', { ...FAST, baseDelayMs: 80 });
    const gaps = r.requests.slice(1).map((req, i) => req.at - r.requests[i]!.at);
    // waits are in [d/2, d] for d = 80, 160, 320
    expect(gaps[0]).toBeGreaterThanOrEqual(35);
    expect(gaps[1]).toBeGreaterThanOrEqual(75);
    expect(gaps[2]).toBeGreaterThanOrEqual(155);
    expect(gaps[2]).toBeLessThan(1000);
  });

  test('429 with Retry-After: 1 waits a second before the next attempt', async () => {
    const r = await receiver([{ status: 429, headers: { 'Retry-After': '1' } }, { status: 202 }]);
    const result = await postJson(r.url, '{}', FAST);
    expect(result).toMatchObject({ status: 202, attempts: 2 });
    expect(r.requests[1]!.at - r.requests[0]!.at).toBeGreaterThanOrEqual(950);
  });

  test('Retry-After is capped by maxDelayMs', async () => {
    const r = await receiver([{ status: 503, headers: { 'Retry-After': '3600' } }, { status: 200 }]);
    const started = Date.now();
    await postJson(r.url, '{}', { ...FAST, maxDelayMs: 100 });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('429 on every attempt: a SinkError after all of them', async () => {
    const r = await receiver([{ status: 429, headers: { 'Retry-After': '0' } }]);
    const err = await rejection(postJson(r.url + PATH, '{}', { ...FAST, attempts: 3 }));
    expect(err.message).toBe(`${LABEL}: HTTP 429 Too Many Requests after 3 attempts`);
    expect(err).toMatchObject({ status: 429, attempts: 3 });
  });

  test('a 400 is not retried', async () => {
    const r = await receiver([{ status: 400, body: 'invalid_payload' }]);
    const err = await rejection(postJson(r.url + PATH, '{}', FAST));
    expect(err.message).toBe(`${LABEL}: HTTP 400 Bad Request after 1 attempt`);
    expect(err.responseBody).toBe('invalid_payload');
    expect(r.requests).toHaveLength(1);
  });

  test('a redirect is not followed', async () => {
    const r = await receiver([{ status: 301, headers: { Location: 'http://127.0.0.1:1/' } }]);
    const err = await rejection(postJson(r.url, '{}', FAST));
    expect(err).toMatchObject({ status: 301, attempts: 1 });
  });

  test('a server that never answers ends at the timeout, each attempt', async () => {
    const r = await receiver(['silent']);
    const started = Date.now();
    const err = await rejection(
      postJson(r.url + PATH, '{}', { label: LABEL, timeoutMs: 200, attempts: 2, baseDelayMs: 10 }),
    );
    const took = Date.now() - started;
    expect(err.message).toBe(`${LABEL}: no answer within 200 ms after 2 attempts`);
    expect(r.requests).toHaveLength(2);
    expect(took).toBeGreaterThanOrEqual(390);
    expect(took).toBeLessThan(1500);
  });

  test('a refused connection is retried and named by its code', async () => {
    const port = await refusedPort();
    const err = await rejection(postJson(`http://127.0.0.1:${port}${PATH}`, '{}', { ...FAST, attempts: 2 }));
    expect(err.message).toBe(`${LABEL}: ECONNREFUSED after 2 attempts`);
    expect(err.message).not.toContain(String(port));
  });

  test('an abort ends the wait between attempts', async () => {
    const r = await receiver([{ status: 503 }]);
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 150);
    const err = await rejection(
      postJson(r.url, '{}', { ...FAST, baseDelayMs: 10_000, signal: controller.signal }),
    );
    expect(err.failure).toBe('aborted');
    expect(err.attempts).toBe(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('an abort ends an attempt in flight, and an aborted signal sends nothing', async () => {
    const r = await receiver(['silent']);
    const err = await rejection(postJson(r.url, '{}', { ...FAST, signal: AbortSignal.timeout(100) }));
    expect(err).toMatchObject({ failure: 'aborted', attempts: 1 });
    const none = await rejection(postJson(r.url, '{}', { ...FAST, signal: AbortSignal.abort() }));
    expect(none).toMatchObject({ failure: 'aborted', attempts: 0 });
    expect(r.requests).toHaveLength(1);
  });

  test('a huge response body is read up to 64 KiB', async () => {
    const r = await receiver([{ status: 200, body: 'x'.repeat(1024 * 1024) }]);
    const result = await postJson(r.url, '{}', FAST);
    expect(result.body.length).toBe(64 * 1024);
  });

  test('no error names the URL path, query or port', async () => {
    const r = await receiver([{ status: 500, body: `you sent ${PATH}` }]);
    const err = await rejection(postJson(r.url + PATH, '{}', { ...FAST, attempts: 2 }));
    for (const secret of ['t0ken', 'sig=', '/in/', String(r.port)]) expect(err.message).not.toContain(secret);
  });
});

test('parseRetryAfter takes seconds and HTTP dates', () => {
  expect(parseRetryAfter('7')).toBe(7000);
  expect(parseRetryAfter(undefined)).toBeUndefined();
  expect(parseRetryAfter('soon')).toBeUndefined();
  const now = Date.parse('2026-12-02T12:00:00Z');
  expect(parseRetryAfter('Wed, 02 Dec 2026 12:00:30 GMT', now)).toBe(30_000);
  expect(parseRetryAfter('Wed, 02 Dec 2026 11:00:00 GMT', now)).toBe(0);
});
