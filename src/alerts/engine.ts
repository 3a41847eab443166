/**
 * Which alerts a run raises and what each sink is told, from the expiry results and the state
 * file. An alert is one certificate (by fingerprint) and one rule; a certificate is in at most
 * one expiry alert at a time (NeedsRenewal → ExpiresSoon → Expired: the higher one resolves the
 * lower, `escalated`), plus RenewalNotReady while ACM's renewal is not on track. Per sink, an
 * alert is sent when it first fires, again only after `repeat`, and resolved when the condition
 * clears, the certificate is replaced at one of its places (`renewed`: a new fingerprint) or is
 * gone (`removed`). A certificate whose every place failed to read this run (a file being
 * rewritten, an endpoint down, AWS throttled) is neither resolved nor re-sent: its alerts stand
 * as they were, so a flaky source does not flap them.
 */

import type { ExpiryDetails, ExpiryResult } from '../expiry/types.js';
import { placeText } from '../expiry/types.js';
import type { AlertState, SentAlert } from './state.js';
import type { AlertCertificate, AlertEvent, AlertName, AlertSeverity, AlertWhy } from './types.js';

/** The expiry rules, lowest first: a higher one replaces a lower one for the same certificate. */
const EXPIRY_RANK: Readonly<Record<string, number>> = {
  CertificateNeedsRenewal: 1,
  CertificateExpiresSoon: 2,
  CertificateExpired: 3,
};

/** Renewal statuses that need a human before the certificate runs out. */
const NOT_READY: ReadonlySet<string> = new Set(['failing', 'at-risk', 'needs-human', 'late']);

/** An alert firing in this run, before a sink's state says whether to send it. */
interface Condition {
  readonly id: string;
  readonly alertname: AlertName;
  readonly severity: AlertSeverity;
  readonly summary: string;
  readonly certificate: AlertCertificate;
}

const fingerprintHex = (fingerprint: string): string => fingerprint.replace(/:/g, '').toLowerCase();

/** The stable id of an alert: PagerDuty's dedup_key, the webhook's `id`. */
export const alertId = (fingerprint: string, alertname: AlertName): string =>
  `certgate/${fingerprintHex(fingerprint)}/${alertname}`;

function certificateOf(d: ExpiryDetails): AlertCertificate {
  return {
    fingerprint: fingerprintHex(d.fingerprint),
    name: d.name,
    subject: d.subject,
    issuer: d.issuer,
    serialNumber: d.serialNumber,
    sans: d.sans,
    notBefore: d.notBefore,
    notAfter: d.notAfter,
    chainNotAfter: d.chainNotAfter,
    daysLeft: d.daysLeft,
    lifetimeUsed: d.lifetimeUsed,
    renewal: d.renewal,
    places: d.places.map(placeText),
  };
}

const days = (n: number): string => `${Math.abs(n)} day${Math.abs(n) === 1 ? '' : 's'}`;

/** The alerts each certificate raises now. */
export function conditionsOf(results: readonly ExpiryResult[]): Condition[] {
  const out: Condition[] = [];
  for (const r of results) {
    const d = r.details;
    if (r.subject.kind !== 'certificate' || d === undefined) continue;
    const certificate = certificateOf(d);
    const add = (alertname: AlertName, severity: AlertSeverity, summary: string) =>
      out.push({ id: alertId(d.fingerprint, alertname), alertname, severity, summary, certificate });
    const where =
      d.places.length > 1
        ? ` (${placeText(d.places[0]!)} and ${d.places.length - 1} more)`
        : ` (${placeText(d.places[0]!)})`;
    if (d.level === 'expired')
      add(
        'CertificateExpired',
        'critical',
        `${d.name} expired ${days(d.daysLeft)} ago, ${d.chainNotAfter}${where}`,
      );
    else if (d.level === 'critical')
      add(
        'CertificateExpiresSoon',
        'critical',
        `${d.name} expires in ${days(d.daysLeft)}, ${d.chainNotAfter}${where}`,
      );
    else if (d.level === 'warning')
      add(
        'CertificateNeedsRenewal',
        'warning',
        `${d.name} is past its renewal point: ${days(d.daysLeft)} left, ${d.chainNotAfter}${where}`,
      );
    if (NOT_READY.has(d.renewal.status))
      add(
        'CertificateRenewalNotReady',
        'warning',
        `${d.name}: renewal ${d.renewal.status}: ${d.renewal.reason}${where}`,
      );
  }
  return out;
}

/** Where this run could not look: files and folders not read, endpoints that served nothing, AWS. */
export class Unread {
  readonly #paths: string[] = [];
  readonly #endpoints = new Set<string>();
  #aws = false;

  constructor(results: readonly ExpiryResult[], awsUnavailable: boolean) {
    for (const r of results) {
      if (r.subject.kind === 'file') this.#paths.push(r.subject.id.replace(/\/+$/, ''));
      else if (r.subject.kind === 'endpoint') this.#endpoints.add(hostPort(r.subject.id));
      else if (r.subject.kind === 'aws') this.#aws = true;
    }
    if (awsUnavailable) this.#aws = true;
  }

  /** Whether a place (as text: a path, `host:port (address)`, an ARN) was out of reach this run. */
  has(place: string): boolean {
    if (place.startsWith('arn:')) return this.#aws;
    if (this.#endpoints.has(hostPort(place))) return true;
    return this.#paths.some((p) => place === p || place.startsWith(`${p}/`));
  }
}

const hostPort = (endpoint: string): string => {
  const at = endpoint.indexOf(' (');
  return at === -1 ? endpoint : endpoint.slice(0, at);
};

/** What one sink is to be told, and the state it will have once it took it. */
export interface SinkPlan {
  readonly events: AlertEvent[];
  readonly active: AlertEvent[];
  /** The sink's alerts after a successful delivery. */
  readonly next: Record<string, SentAlert>;
  /** Its alerts if the delivery fails: unchanged, so the next run sends them again. */
  readonly previous: Record<string, SentAlert>;
}

/** What a sink with `sent` (its part of the state file) is to be told at `at`. */
export function planSink(
  conditions: readonly Condition[],
  sent: Readonly<Record<string, SentAlert>>,
  options: {
    readonly at: Date;
    readonly repeatMs: number;
    readonly unread: Unread;
    /** Fingerprints found this run, and every place where a certificate was found. */
    readonly present: ReadonlySet<string>;
    readonly placesNow: ReadonlySet<string>;
  },
): SinkPlan {
  const at = options.at.toISOString();
  const now = options.at.getTime();
  const events: AlertEvent[] = [];
  const active: AlertEvent[] = [];
  const next: Record<string, SentAlert> = {};
  const firingNow = new Map(conditions.map((c) => [c.id, c]));
  // the highest expiry rule firing per certificate, to tell an escalation from a recovery
  const topRank = new Map<string, number>();
  for (const c of conditions) {
    const rank = EXPIRY_RANK[c.alertname] ?? 0;
    if (rank > (topRank.get(c.certificate.fingerprint) ?? 0)) topRank.set(c.certificate.fingerprint, rank);
  }
  for (const c of conditions) {
    const before = sent[c.id];
    const startsAt = before?.startsAt ?? at;
    const event: AlertEvent = { ...c, state: 'firing', why: 'new', startsAt };
    active.push(event);
    if (!before) {
      const lower = Object.values(sent).some(
        (s) =>
          s.fingerprint === c.certificate.fingerprint &&
          (EXPIRY_RANK[s.alertname] ?? 0) > 0 &&
          (EXPIRY_RANK[s.alertname] ?? 0) < (EXPIRY_RANK[c.alertname] ?? 0),
      );
      events.push({ ...event, why: lower ? 'escalated' : 'new' });
      next[c.id] = sentRecord(c, startsAt, at);
    } else if (now - Date.parse(before.lastSentAt) >= options.repeatMs) {
      events.push({ ...event, why: 'repeat' });
      next[c.id] = sentRecord(c, startsAt, at);
    } else next[c.id] = { ...before, certificate: c.certificate };
  }
  for (const [id, before] of Object.entries(sent)) {
    if (firingNow.has(id)) continue;
    const certificate = before.certificate;
    // out of reach this run: the alert stands as it was
    if (
      !options.present.has(certificate.fingerprint) &&
      certificate.places.length > 0 &&
      certificate.places.every((p) => options.unread.has(p))
    ) {
      next[id] = before;
      active.push({ ...eventOf(id, before), state: 'firing', why: 'repeat' });
      continue;
    }
    const why = resolution(before, topRank, options);
    events.push({
      ...eventOf(id, before),
      state: 'resolved',
      why,
      endsAt: at,
      summary: resolvedSummary(before, why),
    });
  }
  return { events, active, next, previous: { ...sent } };
}

/** Why an alert that no longer fires is resolved. */
function resolution(
  before: SentAlert,
  topRank: ReadonlyMap<string, number>,
  now: { readonly present: ReadonlySet<string>; readonly placesNow: ReadonlySet<string> },
): AlertWhy {
  const { fingerprint, places } = before.certificate;
  if (!now.present.has(fingerprint)) return places.some((p) => now.placesNow.has(p)) ? 'renewed' : 'removed';
  const rank = EXPIRY_RANK[before.alertname] ?? 0;
  return rank > 0 && (topRank.get(fingerprint) ?? 0) > rank ? 'escalated' : 'recovered';
}

function sentRecord(c: Condition, startsAt: string, lastSentAt: string): SentAlert {
  return {
    alertname: c.alertname,
    severity: c.severity,
    fingerprint: c.certificate.fingerprint,
    summary: c.summary,
    startsAt,
    lastSentAt,
    certificate: c.certificate,
  };
}

function eventOf(id: string, s: SentAlert): AlertEvent {
  return {
    id,
    alertname: s.alertname,
    state: 'firing',
    why: 'new',
    severity: s.severity,
    summary: s.summary,
    startsAt: s.startsAt,
    certificate: s.certificate,
  };
}

function resolvedSummary(s: SentAlert, why: AlertWhy): string {
  const name = s.certificate.name;
  switch (why) {
    case 'renewed':
      return `${name} was replaced by a new certificate: resolved`;
    case 'removed':
      return `${name} is no longer found: resolved`;
    case 'escalated':
      return `${name}: ${s.alertname} resolved, a more urgent alert replaces it`;
    default:
      return `${name}: ${s.alertname} resolved`;
  }
}

/** Every sink's plan for this run. */
export function planAlerts(
  results: readonly ExpiryResult[],
  state: AlertState,
  sinkKeys: readonly string[],
  options: { readonly at: Date; readonly repeatMs: number; readonly awsUnavailable: boolean },
): Map<string, SinkPlan> {
  const conditions = conditionsOf(results);
  const unread = new Unread(results, options.awsUnavailable);
  const present = new Set<string>();
  const placesNow = new Set<string>();
  for (const r of results) {
    if (r.subject.kind !== 'certificate' || !r.details) continue;
    present.add(fingerprintHex(r.details.fingerprint));
    for (const p of r.details.places) placesNow.add(placeText(p));
  }
  const plans = new Map<string, SinkPlan>();
  for (const key of sinkKeys)
    plans.set(
      key,
      planSink(conditions, state.sinks[key]?.alerts ?? {}, { ...options, unread, present, placesNow }),
    );
  return plans;
}
