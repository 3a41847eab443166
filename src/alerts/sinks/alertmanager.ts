/**
 * Alertmanager's API v2 (`POST /api/v2/alerts`): certgate pushes alerts and Alertmanager groups,
 * deduplicates, silences and routes them. Alertmanager forgets an alert at its `endsAt`, so every
 * run re-sends all firing alerts with `endsAt` a while ahead (the batch's `refreshUntil`), and a
 * resolved one with the time it ended. Labels are few and stable, so an alert keeps its identity
 * from run to run; what changes goes into annotations.
 */

import { postJson, type RetryOptions } from '../http.js';
import type { UrlTarget } from '../secrets.js';
import type { AlertBatch, AlertEvent, SendOptions, Sink } from '../types.js';

/** One element of the posted array (Alertmanager's `postableAlert`). */
export interface AlertmanagerAlert {
  readonly labels: {
    readonly alertname: string;
    readonly severity: string;
    readonly fingerprint_sha256: string;
    readonly name: string;
    readonly source: 'certgate';
  };
  readonly annotations: { readonly summary: string; readonly description: string };
  readonly startsAt: string;
  readonly endsAt: string;
}

/**
 * The alerts endpoint of an Alertmanager given by its base URL, with or without a trailing slash,
 * a path prefix (`/alertmanager`), or the endpoint itself (`.../api/v2/alerts`).
 */
export function alertmanagerAlertsUrl(base: string): string {
  const url = new URL(base);
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = /\/api\/v2\/alerts$/.test(path)
    ? path
    : /\/api\/v2$/.test(path)
      ? `${path}/alerts`
      : `${path}/api/v2/alerts`;
  url.hash = '';
  return url.toString();
}

function description(event: AlertEvent): string {
  const c = event.certificate;
  const renewal = c.renewal.reason ? `${c.renewal.status} (${c.renewal.reason})` : c.renewal.status;
  return [
    `Places: ${c.places.join(', ') || '(none)'}`,
    `Renewal: ${renewal}`,
    `Not after: ${c.notAfter}${c.chainNotAfter !== c.notAfter ? ` (chain: ${c.chainNotAfter})` : ''}`,
    `Subject: ${c.subject}`,
    `Issuer: ${c.issuer}`,
  ].join('\n');
}

function toAlert(event: AlertEvent, batch: AlertBatch): AlertmanagerAlert {
  return {
    labels: {
      alertname: event.alertname,
      severity: event.severity,
      fingerprint_sha256: event.certificate.fingerprint,
      name: event.certificate.name,
      source: 'certgate',
    },
    annotations: { summary: event.summary, description: description(event) },
    startsAt: event.startsAt,
    endsAt: event.state === 'firing' ? batch.refreshUntil : (event.endsAt ?? batch.at),
  };
}

/**
 * What one run posts: the batch's events and every alert still active (the ones not notified
 * this run keep alive by it), each id once, the event's copy winning over the active one.
 */
export function alertmanagerAlerts(batch: AlertBatch): AlertmanagerAlert[] {
  const ids = new Set(batch.events.map((e) => e.id));
  const events = [...batch.events, ...batch.active.filter((e) => !ids.has(e.id))];
  const seen = new Set<string>();
  return events
    .filter((e) => {
      if (seen.has(e.id)) return false;
      seen.add(e.id);
      return true;
    })
    .map((e) => toAlert(e, batch));
}

export function createAlertmanagerSink(target: UrlTarget, options: RetryOptions = {}): Sink {
  const url = alertmanagerAlertsUrl(target.url);
  return {
    kind: 'alertmanager',
    key: target.key,
    label: target.label,
    async send(batch: AlertBatch, sendOptions: SendOptions): Promise<void> {
      const alerts = alertmanagerAlerts(batch);
      if (alerts.length === 0) return;
      await postJson(url, JSON.stringify(alerts), {
        ...options,
        ...sendOptions,
        label: target.label,
        userAgent: `certgate/${batch.version}`,
      });
    },
  };
}
