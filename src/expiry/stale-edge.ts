/**
 * Renewed but not deployed (spec §5 R9): an endpoint still serving a certificate that ACM has
 * replaced. ACM keeps the names (and the ARN) when it renews, so an endpoint whose certificate
 * has the same names as an ACM certificate of the run, but is an older one, serves the old
 * certificate; CloudFront picks a renewal up asynchronously ("can take several hours"), so it is
 * a warning only a day after ACM issued the new one, a note before.
 */

import { createFinding } from '../findings/finding.js';
import type { ExpiryResult } from './types.js';

const DAY_MS = 86_400_000;

const sanKey = (sans: readonly string[]): string =>
  [...new Set(sans.map((s) => s.toLowerCase()))].sort().join(',');

/** The results with a finding on each endpoint certificate that an ACM certificate of the run has replaced. */
export function markStaleEdges(
  results: readonly ExpiryResult[],
  acmIssued: ReadonlyMap<string, string | undefined>,
  at: Date,
): ExpiryResult[] {
  // the newest ACM certificate for each set of names
  const newest = new Map<string, { arn: string; notBefore: number; serial: string; issuedAt?: string }>();
  for (const r of results) {
    const d = r.details;
    const place = d?.places.find((p) => p.kind === 'acm' && p.index === 0);
    if (!d || place?.kind !== 'acm' || d.sans.length === 0) continue;
    const key = sanKey(d.sans);
    const notBefore = Date.parse(d.notBefore);
    const known = newest.get(key);
    if (!known || notBefore > known.notBefore)
      newest.set(key, {
        arn: place.arn,
        notBefore,
        serial: d.serialNumber,
        ...(acmIssued.get(place.arn) ? { issuedAt: acmIssued.get(place.arn)! } : {}),
      });
  }
  if (newest.size === 0) return [...results];
  return results.map((r) => {
    const d = r.details;
    if (!d || d.places.some((p) => p.kind === 'acm')) return r;
    const endpoints = d.places.filter((p) => p.kind === 'endpoint' && p.index === 0);
    const current = newest.get(sanKey(d.sans));
    if (endpoints.length === 0 || !current || Date.parse(d.notBefore) >= current.notBefore) return r;
    const issued = current.issuedAt ? Date.parse(current.issuedAt) : current.notBefore;
    const propagating = at.getTime() - issued < DAY_MS;
    const findings = endpoints.map((p) =>
      createFinding(
        'EXPIRY_EDGE_SERVES_OLD',
        { source: p.kind === 'endpoint' ? p.endpoint : '' },
        {
          endpoint: p.kind === 'endpoint' ? p.endpoint : '',
          name: d.name,
          servedSerial: d.serialNumber,
          servedNotAfter: d.notAfter.slice(0, 10),
          certificate: current.arn,
          serial: current.serial,
          issued: new Date(issued).toISOString().slice(0, 16),
          propagating,
        },
        propagating ? { severity: 'note' } : {},
      ),
    );
    return { ...r, findings: [...r.findings, ...findings] };
  });
}
