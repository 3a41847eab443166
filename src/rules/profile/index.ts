/**
 * The profile rules, run by the engine once for each profile a distribution falls under, after
 * the CloudFront rules: a team's pins, not CloudFront's verdict.
 */

import type { CfRule } from '../cf/define-rule.js';
import { profileSecurityPolicy } from './pr-01-security-policy.js';
import { profileSslSupportMethod } from './pr-02-ssl-support-method.js';
import { profileKeyAlgorithm } from './pr-03-key-algorithm.js';
import { profileCertificateSource } from './pr-04-certificate-source.js';
import { profileDaysLeft } from './pr-05-days-left.js';
import { profileIssuer } from './pr-06-issuer.js';
import { profileExpectedCertificate } from './pr-07-expected-certificate.js';

/** Every profile rule, in report order. */
export const PROFILE_RULES: readonly CfRule[] = Object.freeze([
  profileCertificateSource,
  profileExpectedCertificate,
  profileIssuer,
  profileKeyAlgorithm,
  profileSecurityPolicy,
  profileSslSupportMethod,
  profileDaysLeft,
]);
