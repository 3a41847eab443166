/**
 * The CloudFront gate rules in report order: the gate's decision order (1 placement, 2 state,
 * 3 name coverage, 4 TLS policy / SSL support method / key type, 5 alias conflicts, syntax and
 * quotas, 6 chain and trust, 7 early warnings), rulebook order inside each group. The engine
 * (`src/check/order.ts`) then puts InvalidViewerCertificate rejections in CloudFront's own order
 * (rulebook §1.1; `INVALID_VIEWER_CERTIFICATE_ORDER`).
 */

import { aliasesWithoutCertificate } from './cf-01-aliases-without-certificate.js';
import { certificateNotInUsEast1 } from './cf-02-certificate-not-in-us-east-1.js';
import { certificateOtherAccount } from './cf-03-certificate-other-account.js';
import { certificateNotIssued } from './cf-04-certificate-not-issued.js';
import { certificateDateInvalid } from './cf-05-certificate-date-invalid.js';
import { chainTooLong } from './cf-06-chain-too-long.js';
import { certificateUntrusted } from './cf-07-certificate-untrusted.js';
import { certificateMalformed } from './cf-08-certificate-malformed.js';
import { aliasNotCovered } from './cf-09-alias-not-covered.js';
import { wildcardAliasNotCovered } from './cf-10-wildcard-alias-not-covered.js';
import { keyTypeUnsupported } from './cf-11-key-type-unsupported.js';
import { certificateSourceConflict } from './cf-12-certificate-source-conflict.js';
import { legacyCertificateFields } from './cf-13-legacy-certificate-fields.js';
import { iamCertificatePath } from './cf-14-iam-certificate-path.js';
import { iamCertificateIdInvalid } from './cf-15-iam-certificate-id-invalid.js';
import { tenantOnlyCertificateFields } from './cf-16-tenant-only-certificate-fields.js';
import { sniWithSslv3 } from './cf-17-sni-with-sslv3.js';
import { vipPolicyNotAllowed } from './cf-18-vip-policy-not-allowed.js';
import { invalidEnumValue } from './cf-19-invalid-enum-value.js';
import { sslSupportMethodMissing } from './cf-20-ssl-support-method-missing.js';
import { staticIpNotEnabled } from './cf-21-static-ip-not-enabled.js';
import { dedicatedIpCertificateQuota } from './cf-22-dedicated-ip-certificate-quota.js';
import { aliasAlreadyExists } from './cf-23-alias-already-exists.js';
import { aliasDnsPointsElsewhere } from './cf-24-alias-dns-points-elsewhere.js';
import { tooManyAliases } from './cf-25-too-many-aliases.js';
import { aliasQuantityMismatch } from './cf-26-alias-quantity-mismatch.js';
import { aliasSyntaxInvalid } from './cf-27-alias-syntax-invalid.js';
import { updateNeedsEtag } from './cf-28-update-needs-etag.js';
import { acmeCertificate } from './cf-29-acme-certificate.js';
import { cloudfrontManagedCertificate } from './cf-30-cloudfront-managed-certificate.js';
import type { CfRule } from './define-rule.js';
import { defaultCertPolicyIgnored } from './ms-01-default-cert-policy-ignored.js';
import { wildcardAliasDeeperHosts } from './ms-02-wildcard-alias-deeper-hosts.js';
import { wildcardAliasOverlap } from './ms-03-wildcard-alias-overlap.js';
import { domainFrontingRisk } from './ms-04-domain-fronting-risk.js';
import { importedCertificateExpiring } from './ms-05-imported-certificate-expiring.js';
import { renewalNotReady } from './ms-06-renewal-not-ready.js';
import { emailValidationRenewal } from './ms-07-email-validation-renewal.js';
import { nonSniClients } from './ms-08-non-sni-clients.js';
import { sharedCertificateHttpVersion } from './ms-09-shared-certificate-http-version.js';
import { vipPolicyAccountWide } from './ms-10-vip-policy-account-wide.js';
import { tls13OnlyPolicy } from './ms-11-tls13-only-policy.js';
import { httpVersionNeedsSni } from './ms-12-http-version-needs-sni.js';
import { tenantParentNotMultiTenant } from './tn-01-tenant-parent-not-multi-tenant.js';
import { tenantManagedCertificate } from './tn-02-tenant-managed-certificate.js';
import { defaultCertificate } from './w-01-default-certificate.js';
import { dedicatedIp } from './w-02-dedicated-ip.js';
import { weakSecurityPolicy } from './w-03-weak-security-policy.js';
import { weakRsaKey } from './w-04-weak-rsa-key.js';
import { certificateExpiresSoon } from './w-05-certificate-expires-soon.js';

/** Every CloudFront rule, in decision order. */
export const CF_RULES: readonly CfRule[] = [
  // 1. placement: which certificate, where
  aliasesWithoutCertificate,
  certificateNotInUsEast1,
  certificateOtherAccount,
  certificateSourceConflict,
  legacyCertificateFields,
  iamCertificatePath,
  iamCertificateIdInvalid,
  tenantOnlyCertificateFields,
  tenantParentNotMultiTenant,
  // 2. state
  certificateNotIssued,
  certificateDateInvalid,
  acmeCertificate,
  cloudfrontManagedCertificate,
  tenantManagedCertificate,
  importedCertificateExpiring,
  renewalNotReady,
  emailValidationRenewal,
  // 3. name coverage
  aliasNotCovered,
  wildcardAliasNotCovered,
  wildcardAliasDeeperHosts,
  // 4. TLS policy, SSL support method, key type
  keyTypeUnsupported,
  sniWithSslv3,
  vipPolicyNotAllowed,
  invalidEnumValue,
  sslSupportMethodMissing,
  staticIpNotEnabled,
  defaultCertPolicyIgnored,
  nonSniClients,
  sharedCertificateHttpVersion,
  vipPolicyAccountWide,
  tls13OnlyPolicy,
  httpVersionNeedsSni,
  // 5. alias conflicts, syntax, quotas
  dedicatedIpCertificateQuota,
  aliasAlreadyExists,
  aliasDnsPointsElsewhere,
  tooManyAliases,
  aliasQuantityMismatch,
  aliasSyntaxInvalid,
  wildcardAliasOverlap,
  domainFrontingRisk,
  // 6. chain and trust of imported certificates
  chainTooLong,
  certificateUntrusted,
  certificateMalformed,
  // 7. early warnings
  defaultCertificate,
  dedicatedIp,
  weakSecurityPolicy,
  weakRsaKey,
  certificateExpiresSoon,
  updateNeedsEtag,
];

export type {
  Alias,
  Certainty,
  CertificateRef,
  CfRule,
  CfRuleContext,
  ChainCheck,
  CrossIndex,
  DecisionGroup,
  EvidenceNeed,
  EvidenceView,
} from './define-rule.js';
