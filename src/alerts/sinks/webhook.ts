/**
 * The generic JSON webhook: one POST per batch with a versioned body that carries the events as
 * the engine made them, so a receiver written against {@link WebhookBody} keeps working as
 * certgate adds fields. With a secret, the body is signed the way GitHub signs its webhooks.
 */

import { createHmac } from 'node:crypto';
import { postJson, type RetryOptions } from '../http.js';
import type { UrlTarget } from '../secrets.js';
import type { AlertBatch, AlertEvent, SendOptions, Sink } from '../types.js';

/**
 * What the webhook receives, schema version 1. Fields may be added within a version; a change
 * that removes or redefines one raises `schemaVersion`. Each event is an {@link AlertEvent}:
 * `id` stable across runs (`certgate/<fingerprint>/<alertname>`), `state` firing|resolved,
 * `why`, `severity`, `summary`, `startsAt`, `endsAt` (resolved only) and the `certificate`.
 */
export interface WebhookBody {
  readonly schemaVersion: 1;
  readonly source: 'certgate';
  /** The certgate version that sent it. */
  readonly version: string;
  /** When the run happened (ISO 8601); a receiver can refuse stale or replayed bodies by it. */
  readonly at: string;
  readonly events: readonly AlertEvent[];
}

/** The signature header: `sha256=` and the hex HMAC-SHA256 of the raw body under the shared secret. */
export const WEBHOOK_SIGNATURE_HEADER = 'X-Certgate-Signature-256';

export interface WebhookOptions extends RetryOptions {
  /** Signs each body with {@link WEBHOOK_SIGNATURE_HEADER} when given. */
  readonly hmacSecret?: string;
}

/** The body of a batch; undefined when there is nothing to notify. */
export function webhookBody(batch: AlertBatch): WebhookBody | undefined {
  if (batch.events.length === 0) return undefined;
  return { schemaVersion: 1, source: 'certgate', version: batch.version, at: batch.at, events: batch.events };
}

/** The value of {@link WEBHOOK_SIGNATURE_HEADER} for a raw body. */
export function webhookSignature(rawBody: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

export function createWebhookSink(target: UrlTarget, options: WebhookOptions = {}): Sink {
  const { hmacSecret, ...retry } = options;
  return {
    kind: 'webhook',
    key: target.key,
    label: target.label,
    async send(batch: AlertBatch, sendOptions: SendOptions): Promise<void> {
      const body = webhookBody(batch);
      if (!body) return;
      const raw = JSON.stringify(body);
      const headers: Record<string, string> = hmacSecret
        ? { [WEBHOOK_SIGNATURE_HEADER]: webhookSignature(raw, hmacSecret) }
        : {};
      await postJson(target.url, raw, {
        ...retry,
        ...sendOptions,
        label: target.label,
        headers,
        userAgent: `certgate/${batch.version}`,
      });
    },
  };
}
