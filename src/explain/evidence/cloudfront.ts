/**
 * Signs around a CloudFront error: a certificate that finished validation moments before (the
 * same apply or stack made both), an IAM server certificate id where an ACM ARN was expected.
 */

import { type EvidenceRule, inText } from './rule.js';

export const CLOUDFRONT_RULES: readonly EvidenceRule[] = [
  {
    id: 'cloudfront.certificate-just-created',
    when: ['CF-04', 'just-issued'],
    raises: ['just-issued'],
    weight: 3,
    shows:
      'the same run created or validated the certificate just before the distribution: CloudFront was handed the ARN before the certificate was ISSUED',
    find: inText(
      /\bAWS::CertificateManager::Certificate\b[^\n]{0,200}\b(?:CREATE_COMPLETE|CREATE_IN_PROGRESS)\b|\baws_acm_certificate(?:_validation)?\.[\w-]{1,64}: (?:Creation complete|Still creating)|\bPENDING_VALIDATION\b|\baws_acm_certificate\.[\w-]{1,64}\.arn\b/,
    ),
  },
  {
    id: 'cloudfront.iam-certificate',
    when: ['CF-02', 'CF-03', 'CF-07'],
    raises: ['CF-14'],
    lowers: ['CF-02'],
    weight: 2,
    shows:
      'the certificate is an IAM server certificate (its id starts with ASCA): region does not apply, but CloudFront only sees IAM certificates uploaded with a path under /cloudfront/',
    find: inText(/\bASCA[A-Z0-9]{17}\b|\bIAMCertificateId\b|\biam_certificate_id\b/),
  },
];
