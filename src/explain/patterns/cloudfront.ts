/**
 * CloudFront API errors (rulebook §1 and §3.4), as the API, the AWS CLI, CloudFormation, CDK and
 * Terraform print them. Message patterns come first; a bare code (`InvalidViewerCertificate`)
 * joins the message printed next to it, or stands alone with the full list of causes.
 */

import {
  diagnoseAliasNotCovered,
  diagnoseCertificateSourceCount,
  diagnoseCertificateSourceMissing,
  diagnoseCertificateUnusable,
  diagnoseChainOutOfDate,
  diagnoseChainTooLong,
  diagnoseCnameNotValid,
  diagnoseIllegalUpdate,
  diagnoseInvalidViewerCertificate,
  diagnoseLegacyFields,
  diagnoseMalformed,
  diagnoseNotTrusted,
  diagnosePlanValidation,
  diagnoseRequestShape,
  diagnoseTrustedCertificateRequired,
  diagnoseUpdateInProgress,
} from '../diagnoses/cloudfront.js';
import {
  diagnoseCnameAlreadyExists,
  diagnoseDnsPointsElsewhere,
  diagnoseEnumValue,
  diagnoseETag,
  diagnoseInconsistentQuantities,
  diagnoseInvalidProtocolSettings,
  diagnoseProtocolForMethod,
  diagnoseTooManyAliases,
  diagnoseTooManyCertificates,
} from '../diagnoses/cloudfront-config.js';
import { phrase } from '../input.js';
import { codePattern, type Pattern } from '../pattern.js';
import type { Diagnosis, Extracted } from '../types.js';

const IVC = 'InvalidViewerCertificate';

/** A message pattern: case-insensitive, whitespace-tolerant. */
function message(
  id: string,
  title: string,
  key: string,
  source: string,
  diagnose: (e: Extracted) => Diagnosis,
  extract?: Pattern['extract'],
): Pattern {
  const awsError = key === IVC || key === 'CNAMEAlreadyExists' ? { awsError: key } : {};
  return {
    id,
    title,
    source: 'cloudfront',
    key,
    regex: new RegExp(source, 'gi'),
    extract: extract ?? (() => awsError),
    diagnose,
  };
}

/** "certificate … <phrase>" within one sentence, so a generic phrase is about a certificate. */
const aboutCertificate = (tail: string) => `certificate[^\\n.]{0,120}?${tail}`;

const NOT = "(?:n't|\\s+not)";

const MESSAGES: readonly Pattern[] = [
  message(
    'cloudfront.ivc.certificate-unusable',
    "InvalidViewerCertificate: the certificate doesn't exist, isn't in us-east-1, isn't valid or has no valid chain",
    IVC,
    phrase("specified SSL certificate doesn't exist"),
    diagnoseCertificateUnusable,
  ),
  message(
    'cloudfront.ivc.trusted-certificate-required',
    'InvalidViewerCertificate: an alias needs a trusted certificate that covers it',
    IVC,
    phrase('you must attach a trusted certificate that validates your authorization to use the domain name'),
    diagnoseTrustedCertificateRequired,
  ),
  message(
    'cloudfront.ivc.alias-not-covered',
    "InvalidViewerCertificate: the certificate doesn't cover an alias",
    IVC,
    phrase("certificate that is attached to your distribution doesn't cover the alternate domain name"),
    diagnoseAliasNotCovered,
  ),
  message(
    'cloudfront.ivc.chain-too-long',
    'InvalidViewerCertificate: too many certificates in the chain',
    IVC,
    `${phrase('too many certificates in the')}(?:\\s+certificate)?\\s+chain|${phrase('certificate chain')}\\s+(?:has|contains)\\s+${phrase('too many certificates')}`,
    diagnoseChainTooLong,
  ),
  message(
    'cloudfront.ivc.not-valid-for-current-date',
    'InvalidViewerCertificate: a certificate of the chain is not valid for the current date',
    IVC,
    aboutCertificate(`${NOT}\\s+${phrase('valid for the current date')}`),
    diagnoseChainOutOfDate,
  ),
  message(
    'cloudfront.ivc.not-signed-by-trusted-ca',
    'InvalidViewerCertificate: the certificate is not signed by a trusted CA',
    IVC,
    aboutCertificate(`${NOT}\\s+(?:signed|issued)\\s+by\\s+a\\s+trusted\\s+(?:CA|certificate\\s+authority)`),
    diagnoseNotTrusted,
  ),
  message(
    'cloudfront.ivc.not-formatted-correctly',
    'InvalidViewerCertificate: the certificate is not formatted correctly',
    IVC,
    aboutCertificate(`${NOT}\\s+${phrase('formatted correctly')}`),
    diagnoseMalformed,
  ),
  message(
    'cloudfront.ivc.legacy-certificate-field',
    'InvalidViewerCertificate: the Certificate field does not match the certificate id',
    IVC,
    `Your\\s+(IAMCertificateId|ACMCertificateArn)\\s+${phrase('does not match the given Certificate field')}`,
    diagnoseLegacyFields,
    (m) => ({ awsError: IVC, field: m[1] ?? 'IAMCertificateId' }),
  ),
  message(
    'cloudfront.ivc.legacy-certificate-source',
    'InvalidViewerCertificate: CertificateSource disagrees with the certificate id',
    IVC,
    `Cannot\\s+specify\\s+(IAMCertificateId|ACMCertificateArn)\\s+and\\s+a\\s+CertificateSource\\s+not\\s+equal\\s+to\\s+['"](\\w{1,16})['"]`,
    diagnoseLegacyFields,
    (m) => ({ awsError: IVC, field: m[1] ?? 'IAMCertificateId', value: m[2] ?? '' }),
  ),
  message(
    'cloudformation.certificate-source-count',
    'CloudFormation: exactly one of AcmCertificateArn, CloudFrontDefaultCertificate, IamCertificateId',
    'certificate-source',
    `Exactly\\s+one\\s+of\\s+\\[\\s*AcmCertificateArn\\s*,\\s*CloudFrontDefaultCertificate\\s*,\\s*IamCertificateId\\s*\\]\\s+(?:needs\\s+to|must)\\s+be\\s+specified`,
    diagnoseCertificateSourceCount,
  ),
  message(
    'cloudfront.ivc.certificate-source-missing',
    'the ViewerCertificate names no certificate source',
    'certificate-source',
    `Your\\s+ViewerCertificate\\s+is\\s+missing\\s+one\\s+of\\s+ACMCertificateArn,\\s*IAMCertificateId,?\\s+or\\s+CloudFrontDefaultCertificate`,
    diagnoseCertificateSourceMissing,
  ),
  message(
    'cloudfront.invalid-argument.cname',
    'InvalidArgument: an alias (CNAME) is not valid as written',
    'InvalidArgument',
    phrase('The parameter CNAME contains one or more parameters that are not valid'),
    diagnoseCnameNotValid,
  ),
  message(
    'cloudfront.cname-already-exists',
    'CNAMEAlreadyExists: the alias belongs to another distribution',
    'CNAMEAlreadyExists',
    phrase('One or more of the CNAMEs you provided are already associated with a different resource'),
    diagnoseCnameAlreadyExists,
  ),
  message(
    'cloudfront.dns-points-elsewhere',
    'an alias has a DNS record that points to another CloudFront distribution',
    'CNAMEAlreadyExists',
    phrase('incorrectly configured DNS record that points to another CloudFront distribution'),
    diagnoseDnsPointsElsewhere,
    () => ({}),
  ),
  message(
    'cloudfront.protocol-not-allowed-for-method',
    'the MinimumProtocolVersion cannot be used with the SSLSupportMethod',
    'InvalidMinimumProtocolVersion',
    phrase('specified MinimumProtocolVersion cannot be used with the specified SSLSupportMethod'),
    diagnoseProtocolForMethod,
  ),
  message(
    'cloudfront.malformed-xml.enum-value',
    'MalformedXML: a value is not in its enum (MinimumProtocolVersion, SSLSupportMethod)',
    'MalformedXML',
    `(?:Value\\s+'([^'\\n]{0,64})'\\s+at\\s+'([\\w.]{1,200})'\\s+)?${phrase('failed to satisfy constraint: Member must satisfy enum value set')}(?::\\s*\\[([^\\]\\n]{0,1000})\\])?`,
    diagnoseEnumValue,
    (m) => ({
      ...(m[1] !== undefined ? { value: m[1] } : {}),
      ...(m[2] !== undefined ? { field: m[2] } : {}),
      ...(m[3] !== undefined
        ? {
            allowedValues: m[3]
              .split(',')
              .map((v) => v.trim())
              .filter((v) => v !== ''),
          }
        : {}),
    }),
  ),
  message(
    'cloudfront.too-many-distribution-cnames',
    'TooManyDistributionCNAMEs: more aliases than the quota',
    'TooManyDistributionCNAMEs',
    phrase('more CNAMEs than are allowed per distribution'),
    diagnoseTooManyAliases,
  ),
  message(
    'cloudfront.too-many-certificates',
    'TooManyCertificates: no more dedicated-IP certificates in the account',
    'TooManyCertificates',
    `cannot\\s+create\\s+any\\s?more\\s+${phrase('custom SSL/TLS certificates')}`,
    diagnoseTooManyCertificates,
  ),
  message(
    'cloudfront.inconsistent-quantities',
    "InconsistentQuantities: a Quantity doesn't match its Items",
    'InconsistentQuantities',
    phrase("value of Quantity and the size of Items don't match"),
    diagnoseInconsistentQuantities,
  ),
  message(
    'cloudfront.precondition-failed',
    'PreconditionFailed: the If-Match ETag is stale',
    'PreconditionFailed',
    phrase('precondition given in one or more of the request-header fields evaluated to false'),
    diagnoseETag,
  ),
  message(
    'cloudfront.invalid-if-match-version',
    'InvalidIfMatchVersion: the If-Match ETag is missing or not valid',
    'InvalidIfMatchVersion',
    phrase('If-Match version is missing or not valid'),
    (e) => diagnoseETag({ ...e, awsError: 'InvalidIfMatchVersion' }),
  ),
  message(
    'cloudfront.sni-with-sslv3',
    'InvalidProtocolSettings: sni-only with SSLv3 (older wording)',
    'InvalidProtocolSettings',
    `${phrase('configured for SNI and the Minimum SSL Protocol Version is specified as SSLv3')}|${phrase("SNI and SSLv3 can't both be specified")}`,
    diagnoseInvalidProtocolSettings,
  ),
  message(
    'cloudfront.illegal-update.certificate-change-in-progress',
    'IllegalUpdate: only one viewer certificate change may be in progress at a time',
    'IllegalUpdate',
    phrase('Only one viewer certificate change may be in progress at a time'),
    diagnoseUpdateInProgress,
  ),
  message(
    'terraform.expected-one-of',
    'Terraform plan-time validation: the value is not one of the allowed values',
    'plan-validation',
    'expected ([\\w.]{1,200}) to be one of \\[([^\\]\\n]{0,1000})\\], got ([^\\s]{0,200})',
    diagnosePlanValidation,
    (m) => ({
      field: m[1] ?? '',
      value: m[3] ?? '',
      allowedValues: [...(m[2] ?? '').matchAll(/"([^"]{1,64})"/g)].map((v) => v[1] ?? ''),
    }),
  ),
  message(
    'terraform.conflicts-with',
    'Terraform plan-time validation: two settings conflict',
    'plan-validation',
    '"([\\w.]{1,200})": conflicts with ([\\w.]{1,200})|Conflicting configuration arguments',
    diagnosePlanValidation,
    (m) => (m[1] ? { field: m[1] } : {}),
  ),
  message(
    'aws-cli.parameter-validation',
    'AWS CLI: parameter validation failed (the input is not a DistributionConfig)',
    'request-shape',
    `${phrase('Parameter validation failed:')}|${phrase('Unknown parameter in DistributionConfig')}`,
    diagnoseRequestShape,
  ),
];

/** Bare codes: each joins the nearest message with its key, or stands alone. */
const CODES: readonly [code: string, title: string, diagnose: (e: Extracted) => Diagnosis][] = [
  [
    IVC,
    'InvalidViewerCertificate: CloudFront refused the viewer certificate',
    diagnoseInvalidViewerCertificate,
  ],
  [
    'CNAMEAlreadyExists',
    'CNAMEAlreadyExists: the alias belongs to another distribution',
    diagnoseCnameAlreadyExists,
  ],
  [
    'InvalidProtocolSettings',
    'InvalidProtocolSettings: SSLv3 cannot be used with sni-only',
    diagnoseInvalidProtocolSettings,
  ],
  [
    'InvalidMinimumProtocolVersion',
    'InvalidMinimumProtocolVersion: the policy is not allowed here',
    diagnoseProtocolForMethod,
  ],
  ['MalformedXML', 'MalformedXML: the request did not validate', diagnoseEnumValue],
  [
    'TooManyDistributionCNAMEs',
    'TooManyDistributionCNAMEs: more aliases than the quota',
    diagnoseTooManyAliases,
  ],
  [
    'TooManyCertificates',
    'TooManyCertificates: no more dedicated-IP certificates in the account',
    diagnoseTooManyCertificates,
  ],
  [
    'InconsistentQuantities',
    "InconsistentQuantities: a Quantity doesn't match its Items",
    diagnoseInconsistentQuantities,
  ],
  ['PreconditionFailed', 'PreconditionFailed: the If-Match ETag is stale', diagnoseETag],
  [
    'IllegalUpdate',
    'IllegalUpdate: the update is not allowed (its message says what)',
    diagnoseIllegalUpdate,
  ],
  ['InvalidIfMatchVersion', 'InvalidIfMatchVersion: the If-Match ETag is missing or not valid', diagnoseETag],
];

/** CloudFront's patterns, messages before codes. */
export const CLOUDFRONT_PATTERNS: readonly Pattern[] = [
  ...MESSAGES,
  ...CODES.map(([code, title, diagnose]) =>
    codePattern(
      {
        id: `cloudfront.code.${code}`,
        title,
        source: 'cloudfront',
        key: code,
        code,
        diagnose: (e) => diagnose({ awsError: code, ...e }),
      },
      { awsError: code },
    ),
  ),
];
