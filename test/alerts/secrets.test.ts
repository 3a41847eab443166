/**
 * `--alert KIND=VALUE`: the secret from env:, file: or the value itself, checked, and named in
 * labels and errors by where it came from, never by what it is.
 */

import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  AlertOptionError,
  DEFAULT_PAGERDUTY_URL,
  parseAlertTarget,
  targetKey,
} from '../../src/alerts/secrets.js';

const SLACK = 'https://hooks.slack.com/services/T0001/B0002/s3cr3tT0kenXyZ';
const HOOK = 'https://hooks.example.net/in/t0ken-abc?sig=qq99';
const ROUTING = 'R0UT1NGKEY0123456789abcdef012345';
const dir = mkdtempSync(join(tmpdir(), 'certgate-alert-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The error a parse throws, checked to be an AlertOptionError. */
function failure(value: string, env: Record<string, string> = {}, pagerdutyUrl?: string): AlertOptionError {
  try {
    parseAlertTarget(value, { env, ...(pagerdutyUrl ? { pagerdutyUrl } : {}) });
  } catch (err) {
    expect(err).toBeInstanceOf(AlertOptionError);
    return err as AlertOptionError;
  }
  throw new Error(`parsed: ${value}`);
}

describe('env:NAME', () => {
  test('reads the variable; the label names it, the key hashes the secret', () => {
    const t = parseAlertTarget('slack=env:SLACK_URL', { env: { SLACK_URL: SLACK } });
    expect(t).toEqual({ kind: 'slack', url: SLACK, label: 'slack=env:SLACK_URL', key: t.key });
    const hash = createHash('sha256').update(`slack\0${SLACK}`).digest('hex').slice(0, 12);
    expect(t.key).toBe(`slack#${hash}`);
    expect(t.key).toMatch(/^slack#[0-9a-f]{12}$/);
    expect(t.key).not.toContain('s3cr3t');
  });

  test('a variable not set, or empty, is an error naming the option', () => {
    expect(failure('slack=env:SLACK_URL').message).toBe(
      '--alert slack=env:SLACK_URL: the variable is not set',
    );
    expect(failure('slack=env:SLACK_URL', { SLACK_URL: '' }).message).toBe(
      '--alert slack=env:SLACK_URL: the variable is empty',
    );
  });

  test('a variable holding a bad URL says so without the value', () => {
    const err = failure('webhook=env:HOOK', { HOOK: 'ftp://files.example.net/t0ken-abc' });
    expect(err.message).toBe('--alert webhook=env:HOOK: not an http:// or https:// URL');
    expect(err.message).not.toContain('t0ken');
  });

  test('a routing key from the environment', () => {
    const t = parseAlertTarget('pagerduty=env:PD_KEY', { env: { PD_KEY: ROUTING } });
    expect(t).toEqual({
      kind: 'pagerduty',
      url: DEFAULT_PAGERDUTY_URL,
      routingKey: ROUTING,
      label: 'pagerduty=env:PD_KEY',
      key: targetKey('pagerduty', ROUTING),
    });
  });
});

describe('file:PATH', () => {
  test('reads the file and trims the trailing newline', () => {
    const path = join(dir, 'hook');
    writeFileSync(path, `${HOOK}\n\n`);
    const t = parseAlertTarget(`webhook=file:${path}`, { env: {} });
    expect(t).toMatchObject({ kind: 'webhook', url: HOOK, label: `webhook=file:${path}` });
    expect(t.key).toBe(targetKey('webhook', HOOK));
  });

  test('a missing file, a folder, an empty file', () => {
    const missing = join(dir, 'nope');
    expect(failure(`slack=file:${missing}`).message).toBe(
      `--alert slack=file:${missing}: the file does not exist`,
    );
    expect(failure(`slack=file:${dir}`).message).toBe(
      `--alert slack=file:${dir}: is a directory, not a file`,
    );
    const empty = join(dir, 'empty');
    writeFileSync(empty, ' \n');
    expect(failure(`slack=file:${empty}`).message).toBe(`--alert slack=file:${empty}: the file is empty`);
    expect(failure('slack=file:').message).toBe('--alert slack=file:: expected file:PATH');
  });

  test('a routing key file with a space inside is refused without showing it', () => {
    const path = join(dir, 'pd');
    writeFileSync(path, 'abc def\n');
    const err = failure(`pagerduty=file:${path}`);
    expect(err.message).toBe(
      `--alert pagerduty=file:${path}: the routing key must be printable ASCII without spaces`,
    );
  });
});

describe('literal values', () => {
  test('Slack: the label hides the whole URL', () => {
    const t = parseAlertTarget(`slack=${SLACK}`, { env: {} });
    expect(t).toMatchObject({ kind: 'slack', url: SLACK, label: 'slack=(literal URL)' });
  });

  test('webhook and Alertmanager: scheme and host only', () => {
    const w = parseAlertTarget(`webhook=${HOOK}`, { env: {} });
    expect(w.label).toBe('webhook=https://hooks.example.net');
    const a = parseAlertTarget('alertmanager=http://user:pw@127.0.0.1:9093/am/', { env: {} });
    expect(a).toMatchObject({
      url: 'http://user:pw@127.0.0.1:9093/am/',
      label: 'alertmanager=http://127.0.0.1:9093',
    });
  });

  test('PagerDuty: the routing key is never shown; --pagerduty-url replaces the endpoint', () => {
    const t = parseAlertTarget(`pagerduty=${ROUTING}`, {
      env: {},
      pagerdutyUrl: 'http://127.0.0.1:1/v2/enqueue',
    });
    expect(t).toMatchObject({ label: 'pagerduty=(routing key)', url: 'http://127.0.0.1:1/v2/enqueue' });
    expect(t.label).not.toContain(ROUTING);
    expect(t.key).not.toContain(ROUTING.slice(0, 8));
    expect(failure(`pagerduty=${ROUTING}`, {}, 'mailto:x@example.com').message).toBe(
      '--pagerduty-url: not an http:// or https:// URL',
    );
    expect(failure(`pagerduty=${'k'.repeat(256)}`).message).toBe(
      '--alert pagerduty=(routing key): the routing key is longer than 255 characters',
    );
    expect(parseAlertTarget(`pagerduty=${'k'.repeat(255)}`, { env: {} }).kind).toBe('pagerduty');
  });

  test('bad URLs', () => {
    expect(failure('webhook=not a url').message).toBe(
      '--alert webhook=(literal URL): the URL contains whitespace',
    );
    expect(failure('webhook=hooks.example.net/x').message).toBe('--alert webhook=(literal URL): not a URL');
    expect(failure('alertmanager=ftp://am.example:21/').message).toBe(
      '--alert alertmanager=(literal URL): not an http:// or https:// URL',
    );
    expect(failure('slack=').message).toBe('--alert slack=(literal URL): no URL');
    const err = failure(`slack=${SLACK.replace('https', 'gopher')}`);
    expect(err.message).not.toContain('s3cr3t');
  });

  test('an unknown kind or no KIND=: the text before = is shown only when it looks like a kind', () => {
    expect(failure('teams=https://x.example/').message).toBe(
      '--alert: unknown sink "teams": expected one of webhook, slack, alertmanager, pagerduty',
    );
    const pasted = failure(SLACK);
    expect(pasted.message).toBe(
      '--alert: expected KIND=VALUE, KIND one of webhook, slack, alertmanager, pagerduty',
    );
    const query = failure(HOOK);
    expect(query.message).not.toContain('t0ken');
  });
});

test('no label or error ever contains the secret', () => {
  const env = { S: SLACK, H: HOOK, P: ROUTING };
  const labels = [
    parseAlertTarget(`slack=${SLACK}`, { env }).label,
    parseAlertTarget(`webhook=${HOOK}`, { env }).label,
    parseAlertTarget('slack=env:S', { env }).label,
    parseAlertTarget(`pagerduty=${ROUTING}`, { env }).label,
    failure(`pagerduty=${ROUTING} `).message,
    failure(`webhook=${HOOK} x`).message,
  ];
  for (const text of labels) {
    for (const secret of ['s3cr3t', 't0ken', 'sig=', ROUTING, '/services/'])
      expect(text).not.toContain(secret);
  }
});
