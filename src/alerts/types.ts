/**
 * Alerts without Prometheus (`certgate expiry ... --alert SINK`): what an alert is, what a run
 * hands each sink, and what a sink is. The engine (engine.ts) turns expiry results and the state
 * file into events; each sink (sinks/) turns events into the requests its service takes.
 */

import type { ExpiryDetails } from '../expiry/types.js';
import type { AbortSignalLike } from '../probe/types.js';

/**
 * The rules an alert can be raised by; the names are those of the Prometheus alert rules shipped
 * in examples/prometheus/certgate-rules.yml, so both paths page under the same name.
 */
export type AlertName =
  | 'CertificateNeedsRenewal'
  | 'CertificateExpiresSoon'
  | 'CertificateExpired'
  | 'CertificateRenewalNotReady';

export type AlertSeverity = 'warning' | 'critical';

/**
 * Why an event is sent now: `new` (the threshold was just crossed), `repeat` (still firing after
 * `--repeat`), `escalated` (a higher threshold fired, this lower one is resolved for it),
 * `renewed` (the certificate was replaced: its fingerprint is gone from a place where a new one
 * is), `removed` (gone from every place), `recovered` (the condition cleared, e.g. renewal fixed).
 */
export type AlertWhy = 'new' | 'repeat' | 'escalated' | 'renewed' | 'removed' | 'recovered';

/**
 * The certificate an alert is about, as sinks show it: its expiry details, with the fingerprint
 * as the metrics write it and the places as text.
 */
export type AlertCertificate = Pick<
  ExpiryDetails,
  | 'name'
  | 'subject'
  | 'issuer'
  | 'serialNumber'
  | 'sans'
  | 'notBefore'
  | 'notAfter'
  | 'chainNotAfter'
  | 'daysLeft'
  | 'lifetimeUsed'
  | 'renewal'
> & {
  /** SHA-256 of the DER, lower-case hex without colons (as the metrics' `fingerprint_sha256`). */
  readonly fingerprint: string;
  /** Every place it was found: file paths, `host:port (address)`, ACM ARNs. */
  readonly places: readonly string[];
};

/** One alert, firing or resolved, as a run sends it. */
export interface AlertEvent {
  /**
   * Stable across runs: `certgate/<fingerprint>/<alertname>`. PagerDuty's `dedup_key`, the
   * webhook's `id`; a new certificate (renewed) has new ids.
   */
  readonly id: string;
  readonly alertname: AlertName;
  readonly state: 'firing' | 'resolved';
  readonly why: AlertWhy;
  readonly severity: AlertSeverity;
  /** One line of plain text: `www.example.com expires in 6.5 days (2026-12-09T00:00:00.000Z)`. */
  readonly summary: string;
  /** When it first fired (ISO 8601). */
  readonly startsAt: string;
  /** When it was resolved; absent while firing. */
  readonly endsAt?: string;
  readonly certificate: AlertCertificate;
}

/** What one run hands one sink. */
export interface AlertBatch {
  /** "Now" of the run (ISO 8601). */
  readonly at: string;
  /** What to notify: new, repeated, escalated and resolved alerts, for this sink. */
  readonly events: readonly AlertEvent[];
  /**
   * Every alert firing now, notified or not: for sinks that keep alerts alive by re-sending them
   * (Alertmanager drops an alert at its `endsAt`).
   */
  readonly active: readonly AlertEvent[];
  /** How long a firing alert stays alive in a sink that expires them (Alertmanager's `endsAt`). */
  readonly refreshUntil: string;
  /** The certgate version, for User-Agent and generator fields. */
  readonly version: string;
}

/** A configured destination. */
export interface Sink {
  readonly kind: 'webhook' | 'slack' | 'alertmanager' | 'pagerduty';
  /**
   * A stable key for the state file that holds no secret: the kind and a short hash of the
   * target (`slack#3f2a9c1d5e7b`).
   */
  readonly key: string;
  /** How it is named in messages: the kind and where the secret came from, never the secret. */
  readonly label: string;
  /** Sends one batch; throws SinkError when the service did not take it. */
  send(batch: AlertBatch, options: SendOptions): Promise<void>;
}

export interface SendOptions {
  /** Per attempt, in ms. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignalLike;
}
