/**
 * PagerDuty Events API v2: one event per alert, `dedup_key` the alert's stable id, so the
 * trigger of one run and the resolve of a later one land on the same incident. Events go one by
 * one (the API takes one per request); the first that fails for good ends the batch, and the
 * next run sends it again (PagerDuty deduplicates triggers by `dedup_key`).
 */

import { createHash } from 'node:crypto';
import { postJson, type RetryOptions } from '../http.js';
import type { PagerDutyTarget } from '../secrets.js';
import type { AlertBatch, AlertEvent, SendOptions, Sink } from '../types.js';

const SUMMARY_MAX = 1024;
const DEDUP_MAX = 255;

export interface PagerDutyTrigger {
  readonly routing_key: string;
  readonly event_action: 'trigger';
  readonly dedup_key: string;
  readonly client: 'certgate';
  readonly payload: {
    readonly summary: string;
    readonly source: string;
    readonly severity: 'critical' | 'warning';
    readonly timestamp: string;
    readonly component: string;
    readonly group: 'certgate';
    readonly class: string;
    readonly custom_details: Readonly<Record<string, unknown>>;
  };
}

export interface PagerDutyResolve {
  readonly routing_key: string;
  readonly event_action: 'resolve';
  readonly dedup_key: string;
}

export type PagerDutyEvent = PagerDutyTrigger | PagerDutyResolve;

/** The id itself; an id over PagerDuty's 255 characters keeps its start and gets a hash of the whole. */
export function pagerdutyDedupKey(id: string): string {
  if (id.length <= DEDUP_MAX) return id;
  const hash = createHash('sha256').update(id).digest('hex');
  return `${id.slice(0, DEDUP_MAX - hash.length - 1)}#${hash}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function toEvent(event: AlertEvent, batch: AlertBatch, routingKey: string): PagerDutyEvent {
  const dedup_key = pagerdutyDedupKey(event.id);
  if (event.state === 'resolved') return { routing_key: routingKey, event_action: 'resolve', dedup_key };
  const c = event.certificate;
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key,
    client: 'certgate',
    payload: {
      summary: truncate(event.summary, SUMMARY_MAX),
      source: c.places[0] ?? 'certgate',
      severity: event.severity,
      timestamp: batch.at,
      component: c.name,
      group: 'certgate',
      class: event.alertname,
      custom_details: {
        why: event.why,
        starts_at: event.startsAt,
        fingerprint_sha256: c.fingerprint,
        subject: c.subject,
        issuer: c.issuer,
        serial_number: c.serialNumber,
        sans: c.sans,
        not_before: c.notBefore,
        not_after: c.notAfter,
        chain_not_after: c.chainNotAfter,
        days_left: c.daysLeft,
        lifetime_used: c.lifetimeUsed,
        renewal_status: c.renewal.status,
        renewal_reason: c.renewal.reason,
        places: c.places,
        certgate_version: batch.version,
      },
    },
  };
}

/** The requests of a batch, one per event, in the batch's order. */
export function pagerdutyEvents(batch: AlertBatch, routingKey: string): PagerDutyEvent[] {
  return batch.events.map((e) => toEvent(e, batch, routingKey));
}

export function createPagerDutySink(target: PagerDutyTarget, options: RetryOptions = {}): Sink {
  return {
    kind: 'pagerduty',
    key: target.key,
    label: target.label,
    async send(batch: AlertBatch, sendOptions: SendOptions): Promise<void> {
      for (const event of pagerdutyEvents(batch, target.routingKey)) {
        await postJson(target.url, JSON.stringify(event), {
          ...options,
          ...sendOptions,
          label: target.label,
          userAgent: `certgate/${batch.version}`,
        });
      }
    },
  };
}
