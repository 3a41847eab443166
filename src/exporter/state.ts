/**
 * What the exporter serves between scans: the certificates of each source as last read, the
 * per-source health, and the scan counters. A scan replaces a source's certificates only when the
 * source read cleanly; a failing source keeps what it had (minus the places the scan did read
 * again), raises its error counter and shows `certgate_source_up 0`, so an alert neither resolves
 * nor flaps because a file was being rewritten or an endpoint timed out once. The rendered text is
 * built once per scan and replaced, never appended to: memory follows the inventory, not uptime.
 */

import {
  certificateFamilies,
  type Family,
  type PlacedCertificate,
  problemFamilies,
  renderFamilies,
  runFamilies,
} from '../expiry/prometheus.js';
import type { ExpiryResult } from '../expiry/types.js';
import { placedBySource, placeKey, type SourceMap } from './sources.js';

/** One source's health and last certificates. */
interface SourceState {
  up: boolean;
  errors: number;
  /** Unix ms of the last clean scan. */
  lastSuccess?: number;
  placed: PlacedCertificate[];
  /** Why the last scan failed, one line (for the log). */
  lastError?: string;
}

/** One scan's outcome, as the exporter applies it. */
export interface ScanOutcome {
  readonly results: readonly ExpiryResult[];
  /** The AWS call that failed when nothing could be read from the account. */
  readonly awsUnavailable?: { readonly operation: string; readonly message: string };
  /** When the scan judged the certificates. */
  readonly at: Date;
  /** When it finished (Unix ms; the last-success time of the sources that read cleanly). */
  readonly finishedAt: number;
  readonly durationMs: number;
}

/** What a scan changed, for the log line. */
export interface ScanSummary {
  readonly scan: number;
  readonly certificates: number;
  readonly failing: readonly { readonly source: string; readonly why: string }[];
}

export class ExporterState {
  readonly #sources = new Map<string, SourceState>();
  readonly #map: SourceMap;
  #scans = 0;
  #lastDurationMs: number | undefined;
  #at: Date | undefined;
  #problems: Family[] = problemFamilies([]);
  #text: string;

  /** `declared`: every source of the command line, shown from the start (up until a scan says otherwise). */
  constructor(map: SourceMap, declared: readonly string[]) {
    this.#map = map;
    for (const name of declared) this.#sources.set(name, { up: true, errors: 0, placed: [] });
    this.#text = this.#render();
  }

  get scans(): number {
    return this.#scans;
  }

  /** Applies one scan: clean sources take its certificates, failing ones keep theirs. */
  apply(outcome: ScanOutcome): ScanSummary {
    const fresh = placedBySource(outcome.results, this.#map);
    const why = new Map<string, string>();
    for (const r of outcome.results) {
      const source = this.#map.ofProblem(r);
      if (source !== undefined && !why.has(source))
        why.set(source, `${r.subject.id}: ${r.findings[0]?.code ?? 'failed'}`);
    }
    if (outcome.awsUnavailable)
      why.set('aws', `${outcome.awsUnavailable.operation}: ${outcome.awsUnavailable.message}`);
    const names = new Set([...this.#sources.keys(), ...fresh.keys(), ...why.keys()]);
    for (const name of names) {
      const state = this.#sources.get(name) ?? { up: true, errors: 0, placed: [] };
      this.#sources.set(name, state);
      const now = fresh.get(name) ?? [];
      const failed = why.get(name);
      if (failed === undefined) {
        state.up = true;
        state.lastSuccess = outcome.finishedAt;
        state.placed = now;
        delete state.lastError;
      } else {
        state.up = false;
        state.errors++;
        state.lastError = failed;
        // what this scan read again replaces the old; what it could not read stays as it was
        const seen = new Set(now.map((p) => placeKey(p.place)));
        state.placed = [...now, ...state.placed.filter((p) => !seen.has(placeKey(p.place)))];
      }
    }
    this.#scans++;
    this.#lastDurationMs = outcome.durationMs;
    this.#at = outcome.at;
    this.#problems = problemFamilies(outcome.results);
    this.#text = this.#render();
    return {
      scan: this.#scans,
      certificates: this.#distinct(),
      failing: [...this.#sources]
        .filter(([, s]) => !s.up)
        .map(([source, s]) => ({ source, why: s.lastError ?? 'failed' })),
    };
  }

  /**
   * A scan that did not finish (it threw): every source counts an error and shows down, and keeps
   * its values.
   */
  failAll(why: string): ScanSummary {
    for (const state of this.#sources.values()) {
      state.up = false;
      state.errors++;
      state.lastError = why;
    }
    this.#text = this.#render();
    return {
      scan: this.#scans,
      certificates: this.#distinct(),
      failing: [...this.#sources].map(([source]) => ({ source, why })),
    };
  }

  /** The metrics text of the last scan (the process metrics are added at each scrape). */
  get text(): string {
    return this.#text;
  }

  #distinct(): number {
    const seen = new Set<string>();
    for (const s of this.#sources.values()) for (const p of s.placed) seen.add(p.details.fingerprint);
    return seen.size;
  }

  #render(): string {
    const sources = [...this.#sources].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const placed = sources.flatMap(([, s]) => s.placed);
    const families: Family[] = [
      ...certificateFamilies(placed),
      ...this.#problems,
      ...(this.#at ? runFamilies(this.#distinct(), this.#at) : []),
      {
        name: 'certgate_source_up',
        help: '1 when the last scan of the source (a PATH argument, an endpoint, aws) read it cleanly, else 0 (its last values are kept).',
        samples: sources.map(([source, s]) => ({ labels: { source }, value: s.up ? 1 : 0 })),
      },
      {
        name: 'certgate_source_scan_errors_total',
        help: 'Scans of the source that failed, since the exporter started.',
        type: 'counter',
        samples: sources.map(([source, s]) => ({ labels: { source }, value: s.errors })),
      },
      {
        name: 'certgate_source_last_success_timestamp_seconds',
        help: 'When the source last read cleanly, in Unix seconds (absent before its first clean scan).',
        samples: sources.flatMap(([source, s]) =>
          s.lastSuccess === undefined ? [] : [{ labels: { source }, value: s.lastSuccess / 1000 }],
        ),
      },
      {
        name: 'certgate_scans_total',
        help: 'Scans completed since the exporter started.',
        type: 'counter',
        samples: [{ labels: {}, value: this.#scans }],
      },
      {
        name: 'certgate_scan_duration_seconds',
        help: 'How long the last scan took, in seconds.',
        samples:
          this.#lastDurationMs === undefined ? [] : [{ labels: {}, value: this.#lastDurationMs / 1000 }],
      },
    ];
    return renderFamilies(families);
  }
}

/** The process metrics Prometheus client libraries export, rendered at scrape time. */
export function processMetrics(startedAtMs: number, rssBytes: number): string {
  return renderFamilies([
    {
      name: 'process_start_time_seconds',
      help: 'Start time of the process since unix epoch in seconds.',
      samples: [{ labels: {}, value: Math.floor(startedAtMs / 1000) }],
    },
    {
      name: 'process_resident_memory_bytes',
      help: 'Resident memory size in bytes.',
      samples: [{ labels: {}, value: rssBytes }],
    },
  ]);
}
