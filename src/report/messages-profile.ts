/** Words for profile findings: which pin of which profile a distribution breaks, and where. */

import type { FindingCode } from '../findings/catalog.js';
import type { FindingArgs } from '../findings/types.js';
import { days, list, str } from './wording.js';

type Wording = (args: FindingArgs) => { readonly message: string; readonly fix?: string };

/** `distribution Cdn (prod.yaml:21)`: the subject and where its value is, as the finding points at the profile. */
function subject(a: FindingArgs): string {
  const where = a.inputLine !== undefined ? `${str(a.inputSource)}:${str(a.inputLine)}` : str(a.inputSource);
  return `distribution ${str(a.distribution)} (${where})`;
}

const profile = (a: FindingArgs) => `profile ${str(a.profile)}`;
const allowed = (a: FindingArgs) => list(a.allowed).join(', ');

export const PROFILE_WORDINGS: Record<Extract<FindingCode, `PROFILE_${string}`>, Wording> = {
  PROFILE_CERTIFICATE_SOURCE: (a) => ({
    message: `${subject(a)} uses ${a.source === 'default' ? 'the default *.cloudfront.net certificate' : `an ${String(a.source).toUpperCase()} certificate (${str(a.certificate)})`}; ${profile(a)} allows certificates from ${allowed(a)}`,
    fix: `attach a certificate from ${allowed(a)}, or change ${profile(a)} if this distribution is meant to differ`,
  }),
  PROFILE_CERTIFICATE: (a) => ({
    message: `${subject(a)} uses ${str(a.certificate)}${a.alias !== undefined ? ` for ${str(a.alias)}` : ''}; ${profile(a)} expects ${str(a.expected)}`,
    fix: `point the distribution at ${str(a.expected)} (a template still naming a replaced certificate is the usual cause), or update ${profile(a)} if the certificate was replaced on purpose`,
  }),
  PROFILE_ISSUER: (a) => ({
    message: `${subject(a)} uses ${str(a.certificate)}, issued by ${str(a.issuer)}; ${profile(a)} allows ${allowed(a)}`,
    fix: `use a certificate issued by ${allowed(a)}, or add the issuer to ${profile(a)}`,
  }),
  PROFILE_KEY_ALGORITHM: (a) => ({
    message: `${subject(a)} uses ${str(a.certificate)} with a ${str(a.algorithm)} key; ${profile(a)} allows ${allowed(a)}`,
    fix: `reissue (or request) the certificate with a ${allowed(a)} key`,
  }),
  PROFILE_SECURITY_POLICY: (a) => ({
    message: `${subject(a)} serves with security policy ${str(a.policy)}${a.defaultCertificate === true ? ' (the default certificate always does)' : a.written === false ? ' (MinimumProtocolVersion not set)' : ''}; ${profile(a)} allows ${a.allowed !== undefined ? allowed(a) : ''}${a.allowed !== undefined && a.minimum !== undefined ? ', ' : ''}${a.minimum !== undefined ? `${str(a.minimum)} or newer` : ''}`,
    fix: `set MinimumProtocolVersion to a policy ${profile(a)} allows${a.defaultCertificate === true ? ', with a custom certificate (the default certificate cannot change it)' : ''}`,
  }),
  PROFILE_SSL_SUPPORT_METHOD: (a) => ({
    message: `${subject(a)} uses SSLSupportMethod ${str(a.method)}; ${profile(a)} allows ${allowed(a)}`,
    fix: `set SSLSupportMethod to ${list(a.allowed)[0] ?? 'an allowed method'}${a.method === 'vip' ? ' (vip pays for dedicated IP addresses in every edge location)' : ''}`,
  }),
  PROFILE_DAYS_LEFT: (a) => ({
    message: `${subject(a)} uses ${str(a.certificate)}, which expires on ${str(a.notAfter)}, in ${days(a.daysLeft)}; ${profile(a)} requires at least ${days(a.minimum)}`,
    fix: 'renew or replace the certificate before this deploy',
  }),
};
