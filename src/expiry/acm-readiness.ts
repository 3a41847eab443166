/**
 * Will ACM renew it? The renewal-readiness steps of an ACM certificate that its describe-
 * certificate detail decides (spec §5 R1-R4, R8): imported certificates never renew; ACM renews
 * only certificates in use and eligible; a renewal PENDING_VALIDATION or FAILED needs someone;
 * email validation needs a human every time; a renewal that should have happened by now has not.
 * Steps that need DNS (validation records, CAA) or a probe (the edge still serving the old
 * serial) are not here yet.
 */

import { createFinding, type Finding } from '../findings/finding.js';
import type { Locator } from '../findings/types.js';
import type { ExpiryDetails } from './types.js';

const DAY_MS = 86_400_000;

type Detail = Readonly<Record<string, unknown>>;

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Domains whose validation method is EMAIL (renewal-time options first, then the initial ones). */
function emailDomains(d: Detail): string[] {
  const summary = (d.RenewalSummary ?? {}) as Detail;
  const options = [...list(summary.DomainValidationOptions), ...list(d.DomainValidationOptions)];
  const out = new Set<string>();
  for (const o of options) {
    const option = (o ?? {}) as Detail;
    if (option.ValidationMethod === 'EMAIL' && typeof option.DomainName === 'string')
      out.add(option.DomainName);
  }
  return [...out];
}

/** The domains whose renewal-time validation failed or is pending. */
function unvalidated(d: Detail): string[] {
  const summary = (d.RenewalSummary ?? {}) as Detail;
  return list(summary.DomainValidationOptions).flatMap((o) => {
    const option = (o ?? {}) as Detail;
    return option.ValidationStatus !== 'SUCCESS' && typeof option.DomainName === 'string'
      ? [option.DomainName]
      : [];
  });
}

/** How many days before expiry ACM starts renewing (spec §1.4): 60 for 395-day and private certificates, else 45. */
function renewalLead(d: Detail, lifetimeDays: number): number {
  return d.Type === 'PRIVATE' || lifetimeDays > 200 ? 60 : 45;
}

/** The renewal verdict and its findings for an ACM certificate at `at`. */
export function acmReadiness(
  d: Detail,
  name: string,
  arn: string,
  location: Locator,
  at: Date,
): { renewal: ExpiryDetails['renewal']; findings: Finding[] } {
  const notAfter = text(d.NotAfter);
  const notBefore = text(d.NotBefore);
  const date = notAfter?.slice(0, 10) ?? 'its expiry date';
  const base = { name, certificate: arn, notAfter: date };
  if (d.Type === 'IMPORTED')
    return {
      renewal: {
        status: 'manual',
        reason: `imported: ACM never renews it; reimport a renewed one into the same ARN before ${date}`,
      },
      findings: [createFinding('EXPIRY_ACM_IMPORTED', location, base)],
    };
  const inUse = list(d.InUseBy).length > 0;
  if (d.RenewalEligibility === 'INELIGIBLE' || !inUse) {
    const why = !inUse ? 'it is not in use by any AWS resource' : 'ACM says it is not eligible for renewal';
    return {
      renewal: { status: 'not-renewing', reason: `${why}: it expires on ${date}` },
      findings: [createFinding('EXPIRY_ACM_WILL_NOT_RENEW', location, { ...base, why, inUse })],
    };
  }
  const summary = (d.RenewalSummary ?? {}) as Detail;
  const status = text(summary.RenewalStatus);
  if (status === 'PENDING_VALIDATION' || status === 'FAILED') {
    const reason = text(summary.RenewalStatusReason);
    const domains = unvalidated(d);
    return {
      renewal: { status: 'failing', reason: `renewal ${status}${reason ? ` (${reason})` : ''}` },
      findings: [
        createFinding('EXPIRY_ACM_RENEWAL_FAILING', location, {
          ...base,
          status,
          ...(reason ? { reason } : {}),
          ...(domains.length > 0 ? { domains } : {}),
        }),
      ],
    };
  }
  const email = emailDomains(d);
  if (email.length > 0)
    return {
      renewal: {
        status: 'needs-human',
        reason: `validated by email (${email.join(', ')}): each renewal waits for someone to approve it`,
      },
      findings: [createFinding('EXPIRY_ACM_EMAIL_VALIDATION', location, { ...base, domains: email })],
    };
  // R8: ACM should have renewed by now (with a week of grace) and this is still the old certificate
  if (notAfter && notBefore) {
    const lifetimeDays = (Date.parse(notAfter) - Date.parse(notBefore)) / DAY_MS;
    const lead = renewalLead(d, lifetimeDays);
    const due = Date.parse(notAfter) - (lead - 7) * DAY_MS;
    if (at.getTime() > due && at.getTime() < Date.parse(notAfter) && status !== 'SUCCESS')
      return {
        renewal: {
          status: 'late',
          reason: `ACM starts renewing ${lead} days before expiry and has not renewed it yet`,
        },
        findings: [
          createFinding('EXPIRY_ACM_RENEWAL_LATE', location, { ...base, lead, status: status ?? 'unknown' }),
        ],
      };
  }
  return {
    renewal: {
      status: 'managed',
      reason:
        'ACM renews it before expiry while it is in use and its validation records resolve (DNS not checked yet)',
    },
    findings: [],
  };
}
