/**
 * The sources of an exporter: each PATH argument, each endpoint (`host:port`) and the AWS
 * account. A scan's results are split by source, so one that fails (a file being rewritten, an
 * endpoint down, AWS throttling) is told apart and keeps its last values while the others move on.
 */

import { normalize } from 'node:path';
import type { PlacedCertificate } from '../expiry/prometheus.js';
import type { ExpiryPlace, ExpiryResult } from '../expiry/types.js';

/** The account's source name: ACM certificates and AWS failures. */
export const AWS_SOURCE = 'aws';

/** `host:port (address)` → `host:port`: the endpoint as given, whatever it resolved to. */
export function endpointSource(endpoint: string): string {
  const at = endpoint.indexOf(' (');
  return at === -1 ? endpoint : endpoint.slice(0, at);
}

/** Maps places and problem results to the source they came from. */
export class SourceMap {
  readonly #paths: readonly { readonly name: string; readonly prefix: string; readonly exact: string }[];

  /** `paths`: the PATH arguments, as given (their names are the source labels). */
  constructor(paths: readonly string[]) {
    this.#paths = paths.map((name) => {
      const exact = normalize(name).replace(/\/+$/, '') || '/';
      return { name, exact, prefix: exact === '/' ? '/' : `${exact}/` };
    });
  }

  /** The PATH argument a file was found under; the file itself when none (never, unless given so). */
  pathSource(file: string): string {
    const f = normalize(file);
    for (const p of this.#paths) if (f === p.exact || f.startsWith(p.prefix)) return p.name;
    return file;
  }

  /** The source of a place. */
  ofPlace(place: ExpiryPlace): string {
    if (place.kind === 'file') return this.pathSource(place.path);
    if (place.kind === 'endpoint') return endpointSource(place.endpoint);
    return AWS_SOURCE;
  }

  /** The source a result that is not a certificate (a problem) belongs to, if any. */
  ofProblem(result: ExpiryResult): string | undefined {
    switch (result.subject.kind) {
      case 'file':
        return this.pathSource(result.subject.id);
      case 'endpoint':
        return endpointSource(result.subject.id);
      case 'aws':
        return AWS_SOURCE;
      default:
        return undefined; // an ACM certificate not issued: a fact about it, not a failed scan
    }
  }
}

/** A place's identity across scans: the same place with a new certificate replaces the old one. */
export function placeKey(place: ExpiryPlace): string {
  switch (place.kind) {
    case 'file':
      return `file\u0000${place.path}\u0000${place.index}`;
    case 'endpoint':
      return `endpoint\u0000${endpointSource(place.endpoint)}\u0000${place.index}`;
    default:
      return `acm\u0000${place.arn}\u0000${place.index}`;
  }
}

/** Each certificate at each place, grouped by source. */
export function placedBySource(
  results: readonly ExpiryResult[],
  sources: SourceMap,
): Map<string, PlacedCertificate[]> {
  const by = new Map<string, PlacedCertificate[]>();
  for (const r of results) {
    if (r.subject.kind !== 'certificate' || r.details === undefined) continue;
    for (const place of r.details.places) {
      const source = sources.ofPlace(place);
      const list = by.get(source) ?? [];
      by.set(source, list);
      list.push({ details: r.details, place });
    }
  }
  return by;
}
