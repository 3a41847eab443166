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
};
