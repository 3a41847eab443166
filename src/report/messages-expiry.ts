/** Words for `certgate expiry` findings: when, how much of the lifetime is gone, and what to do. */

import type { FindingCode } from '../findings/catalog.js';
import type { FindingArgs } from '../findings/types.js';
import { days, str } from './wording.js';

type Wording = (args: FindingArgs) => { readonly message: string; readonly fix?: string };

/** `82% of its 90-day lifetime used`. */
const used = (a: FindingArgs): string =>
  `${Math.round(Number(a.lifetimeUsed) * 100)}% of its ${str(a.lifetimeDays)}-day lifetime used`;

/** ` (limited by intermediate CN=R11, which expires before the leaf)`, when the chain decides. */
const limited = (a: FindingArgs): string =>
  a.limitedBy === undefined ? '' : ` (its chain's ${str(a.limitedBy)} expires first)`;

const RENEW =
  'renew it now and deploy the new certificate with its chain where it is used; if renewal is automated, find out why it has not happened (ACM: renewal status and validation records)';

export const EXPIRY_WORDINGS: Record<Extract<FindingCode, `EXPIRY_${string}`>, Wording> = {
  EXPIRY_EXPIRED: (a) => ({
    message: `${str(a.name)} expired on ${str(a.notAfter)}, ${days(a.daysAgo)} ago${limited(a)}: clients refuse it`,
    fix: 'replace it now with a renewed certificate (and chain) wherever it is served or stored',
  }),
  EXPIRY_NOT_YET_VALID: (a) => ({
    message: `${str(a.name)} is not valid until ${str(a.notBefore)}: clients refuse it until then (or this machine's clock is wrong)`,
    fix: 'serve the previous certificate until then, or check the clock of the machine that issued it',
  }),
  EXPIRY_CRITICAL: (a) => ({
    message: `${str(a.name)} expires on ${str(a.notAfter)}, in ${days(a.daysLeft)} (${used(a)})${limited(a)}: past the critical threshold (${str(a.threshold)})`,
    fix: RENEW,
  }),
  EXPIRY_WARNING: (a) => ({
    message: `${str(a.name)} expires on ${str(a.notAfter)}, in ${days(a.daysLeft)} (${used(a)})${limited(a)}: past the warning threshold (${str(a.threshold)})`,
    fix: RENEW,
  }),
  EXPIRY_CHAIN_EXPIRES_FIRST: (a) => ({
    message: `the chain clients build for ${str(a.name)} holds ${str(a.limitedBy)}, which expires on ${str(a.chainNotAfter)}, before the certificate itself (${str(a.notAfter)}): the chain's date is the one that counts`,
    fix: "get the issuer's current intermediate (the CA publishes it) and serve it with the certificate, or renew the certificate under a newer chain",
  }),
  EXPIRY_CHAIN_UNVERIFIED: (a) => ({
    message: `no chain from ${str(a.name)} to a trusted root could be built (${str(a.reason)}): the expiry shown is the certificate's own, its chain's is unknown`,
    fix: 'keep the intermediates beside the certificate (a fullchain file), and give a private CA with --roots or --add-roots',
  }),
  EXPIRY_FILE_UNREADABLE: (a) => ({
    message: `${str(a.path)}: ${str(a.reason)}; its certificates are not tracked`,
    fix: 'fix the path or the file (PEM, DER or PKCS#7), or leave it out of the run',
  }),
  EXPIRY_ACM_IMPORTED: (a) => ({
    message: `${str(a.certificate)} (${str(a.name)}) is imported: ACM never renews an imported certificate, so it expires on ${str(a.notAfter)} unless someone reimports a renewed one`,
    fix: 'before that date, reimport the renewed certificate into the same ARN (aws acm import-certificate --certificate-arn ARN ...; the ARN and its users stay), or move to an ACM-issued certificate that renews itself',
  }),
  EXPIRY_ACM_WILL_NOT_RENEW: (a) => ({
    message: `ACM will not renew ${str(a.certificate)} (${str(a.name)}): ${str(a.why)}; it expires on ${str(a.notAfter)}`,
    fix:
      a.inUse === false
        ? 'fine if it is meant to lapse (delete it then); otherwise attach it to the resource that should use it, and ACM renews it'
        : 'request a new certificate for these names (DNS validation), and move its users to it',
  }),
  EXPIRY_ACM_RENEWAL_FAILING: (a) => ({
    message: `ACM's renewal of ${str(a.certificate)} (${str(a.name)}) is ${str(a.status)}${a.reason !== undefined ? ` (${str(a.reason)})` : ''}${a.domains !== undefined ? ` for ${str(a.domains)}` : ''}; it expires on ${str(a.notAfter)}`,
    fix:
      a.reason === 'CAA_ERROR'
        ? 'add a CAA record that allows amazon.com (issue, and issuewild for wildcards) on the name or its parent, then wait for ACM to retry'
        : 'put the validation CNAME records back in public DNS exactly as describe-certificate lists them (ResourceRecord Name and Value), and keep the certificate in use; ACM retries on its own',
  }),
  EXPIRY_ACM_EMAIL_VALIDATION: (a) => ({
    message: `${str(a.certificate)} (${str(a.name)}) is validated by email for ${str(a.domains)}: each renewal waits for someone to approve the mail ACM sends from 45 days before expiry (${str(a.notAfter)})`,
    fix: 'move it to DNS validation (aws acm update-certificate-options, or a new DNS-validated certificate): renewals then need nobody',
  }),
  EXPIRY_ACM_RENEWAL_LATE: (a) => ({
    message: `ACM starts renewing ${str(a.certificate)} (${str(a.name)}) ${str(a.lead)} days before it expires on ${str(a.notAfter)}, and has not renewed it a week after that (renewal status ${str(a.status)})`,
    fix: "check the certificate's renewal status and validation records in ACM; if nothing is wrong, request a new certificate before the date",
  }),
  EXPIRY_ACM_NOT_ISSUED: (a) => ({
    message: `${str(a.certificate)} (${str(a.name)}, ${str(a.region)}) is ${str(a.status)}, not issued: it has no dates to track`,
    fix: 'finish its validation (PENDING_VALIDATION) or delete it if it is not needed',
  }),
  EXPIRY_ACM_VALIDATION_RECORD_MISSING: (a) => ({
    message: `the DNS validation record ${str(a.record)} of ${str(a.certificate)} (for ${str(a.domains)}) ${a.found === 'nothing' ? 'is not in DNS' : `points at ${str(a.found)}`}, not at ${str(a.expected)}: ACM renews a DNS-validated certificate only while every record it asked for resolves, so the next renewal of ${str(a.name)} will fail`,
    fix: `create (or correct) the CNAME ${str(a.record)} -> ${str(a.expected)} in the public zone; in Route 53, enter the name without the zone appended twice`,
  }),
  EXPIRY_ACM_CAA_FORBIDS: (a) => ({
    message: `CAA at ${str(a.at)} (${str(a.records)}) does not let Amazon issue for ${str(a.domain)}, a name of ${str(a.certificate)}: ACM's renewal of ${str(a.name)} fails with CAA_ERROR`,
    fix: `add a CAA record allowing amazon.com at ${str(a.at)} (${String(a.domain ?? '').startsWith('*.') ? '0 issuewild "amazon.com"' : '0 issue "amazon.com"'})`,
  }),
  EXPIRY_DNS_LOOKUP_FAILED: (a) => ({
    message: `the ${str(a.query)} lookup for ${str(a.certificate)} (${str(a.name)}) failed (${str(a.error)}): that renewal check was not made`,
    fix: 'check the resolver (give one with --dns-server ADDR) and that the zone answers',
  }),
  EXPIRY_EDGE_SERVES_OLD: (a) => ({
    message: `${str(a.endpoint)} still serves the old certificate for ${str(a.name)} (serial ${str(a.servedSerial)}, until ${str(a.servedNotAfter)}), while ${str(a.certificate)} was renewed to serial ${str(a.serial)} (issued ${str(a.issued)})${a.propagating === true ? ': CloudFront can take several hours to pick a renewal up' : ', more than a day ago'}`,
    fix: 'find what the endpoint really uses: another certificate (a copy imported elsewhere, a load balancer listener with a fixed certificate), or a distribution not updated; point it at the renewed ARN',
  }),
};
