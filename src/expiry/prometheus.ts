/**
 * The expiry report in the Prometheus text exposition format (version 0.0.4), for a cron job
 * writing into node_exporter's textfile collector: one series per certificate and place, dates
 * as Unix seconds (`*_timestamp_seconds`), so alert rules compare them with `time()`. The
 * thresholds are data too (`certgate_certificate_warning_timestamp_seconds`): a rule
 * `time() > certgate_certificate_warning_timestamp_seconds` warns each certificate at its own,
 * lifetime-aware moment. Every metric is documented in docs/metrics.md.
 */

import type { Report } from '../report/report.js';
import { type ExpiryDetails, type ExpiryPlace, placeText } from './types.js';

/** One sample: its labels and value. */
export interface Sample {
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** One metric family: its name, HELP text, type (default gauge) and the samples. */
export interface Family {
  readonly name: string;
  readonly help: string;
  readonly type?: 'gauge' | 'counter';
  readonly samples: readonly Sample[];
}

/** A certificate at one of its places: one series per metric. */
export interface PlacedCertificate {
  readonly details: ExpiryDetails;
  readonly place: ExpiryPlace;
}

/** A label value escaped as the exposition format wants: backslash, double quote, line feed. */
function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** HELP text escaped: backslash and line feed. */
function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

const seconds = (iso: string): number => Date.parse(iso) / 1000;

/** `AB:CD:...` → `abcd...`, as blackbox_exporter writes `fingerprint_sha256`. */
const fingerprintLabel = (fingerprint: string): string => fingerprint.replace(/:/g, '').toLowerCase();

/** Families in the text exposition format, one `# HELP` and `# TYPE` line each. */
export function renderFamilies(families: readonly Family[]): string {
  const out: string[] = [];
  for (const f of families) {
    out.push(`# HELP ${f.name} ${escapeHelp(f.help)}`, `# TYPE ${f.name} ${f.type ?? 'gauge'}`);
    for (const s of f.samples) {
      const labels = Object.entries(s.labels)
        .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
        .join(',');
      out.push(`${f.name}${labels ? `{${labels}}` : ''} ${Number.isFinite(s.value) ? s.value : 'NaN'}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Each certificate of a report at each of its places. */
export function placedCertificates(report: Report): PlacedCertificate[] {
  const placed: PlacedCertificate[] = [];
  for (const r of report.results) {
    if (r.subject.kind !== 'certificate' || r.details === undefined) continue;
    const details = r.details as ExpiryDetails;
    for (const place of details.places) placed.push({ details, place });
  }
  return placed;
}

/** The per-certificate families: one series per certificate and place. */
export function certificateFamilies(placed: readonly PlacedCertificate[]): Family[] {
  const labelsOf = ({ details: d, place }: PlacedCertificate) => ({
    fingerprint_sha256: fingerprintLabel(d.fingerprint),
    name: d.name,
    place: placeText(place),
  });
  const perPlace = (value: (d: ExpiryDetails) => number): Sample[] =>
    placed.map((p) => ({ labels: labelsOf(p), value: value(p.details) }));
  return [
    {
      name: 'certgate_certificate_not_after_timestamp_seconds',
      help: "When the certificate's own validity ends (notAfter), in Unix seconds.",
      samples: perPlace((d) => seconds(d.notAfter)),
    },
    {
      name: 'certgate_certificate_not_before_timestamp_seconds',
      help: "When the certificate's validity starts (notBefore), in Unix seconds.",
      samples: perPlace((d) => seconds(d.notBefore)),
    },
    {
      name: 'certgate_certificate_chain_not_after_timestamp_seconds',
      help: "When the chain clients build stops validating: the earliest notAfter on it, the trust anchor excepted (the certificate's own when no chain was built).",
      samples: perPlace((d) => seconds(d.chainNotAfter)),
    },
    {
      name: 'certgate_certificate_warning_timestamp_seconds',
      help: "When the certificate crosses the run's warning threshold (lifetime-aware by default), in Unix seconds.",
      samples: perPlace((d) => seconds(d.warnAt)),
    },
    {
      name: 'certgate_certificate_critical_timestamp_seconds',
      help: "When the certificate crosses the run's critical threshold, in Unix seconds.",
      samples: perPlace((d) => seconds(d.criticalAt)),
    },
    {
      name: 'certgate_certificate_lifetime_used_ratio',
      help: 'The share of the validity period gone at the time of the run, 0 to 1.',
      samples: perPlace((d) => d.lifetimeUsed),
    },
    {
      name: 'certgate_certificate_chain_verified',
      help: '1 when a chain to a trusted root was built for the certificate, else 0.',
      samples: perPlace((d) => (d.chainVerified ? 1 : 0)),
    },
    {
      name: 'certgate_certificate_renewal_status',
      help: 'How the certificate renews: 1 on the series whose status label is the current one (managed, at-risk, manual, not-renewing, failing, needs-human, late, unknown).',
      samples: placed.map((p) => ({
        labels: { ...labelsOf(p), status: p.details.renewal.status },
        value: 1,
      })),
    },
  ];
}

/** A result as the problem metrics read it (a report's, or expiry()'s). */
interface ProblemResult {
  readonly subject: { readonly kind: string; readonly id: string };
  readonly findings: readonly { readonly code: string }[];
}

/** The problems of a run: files not read, endpoints that served nothing. */
export function problemFamilies(results: readonly ProblemResult[]): Family[] {
  return [
    {
      name: 'certgate_file_read_error',
      help: 'A file certgate could not read as certificates (1 per file); its certificates are not in the other metrics.',
      samples: results
        .filter((r) => r.subject.kind === 'file')
        .map((r) => ({ labels: { path: r.subject.id }, value: 1 })),
    },
    {
      name: 'certgate_endpoint_probe_error',
      help: 'An endpoint that served no certificate (unreachable, refused, not TLS, ...; 1 per endpoint), with the finding code.',
      samples: results
        .filter((r) => r.subject.kind === 'endpoint')
        .map((r) => ({ labels: { endpoint: r.subject.id, code: r.findings[0]?.code ?? '' }, value: 1 })),
    },
  ];
}

/** How many distinct certificates, and when they were judged. */
export function runFamilies(certificates: number, at: Date): Family[] {
  return [
    {
      name: 'certgate_expiry_certificates',
      help: 'How many distinct certificates the run tracked.',
      samples: [{ labels: {}, value: certificates }],
    },
    {
      name: 'certgate_expiry_run_timestamp_seconds',
      help: 'When the run judged the certificates (--at, else the time it ran), in Unix seconds.',
      samples: [{ labels: {}, value: at.getTime() / 1000 }],
    },
  ];
}

/** The metrics of an expiry report; `at` is when the run judged the certificates. */
export function formatExpiryPrometheus(report: Report, at: Date): string {
  const placed = placedCertificates(report);
  const distinct = new Set(placed.map((p) => p.details.fingerprint)).size;
  return renderFamilies([
    ...certificateFamilies(placed),
    ...problemFamilies(report.results),
    ...runFamilies(distinct, at),
  ]);
}
