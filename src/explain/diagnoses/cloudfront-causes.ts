/**
 * The causes behind CloudFront's viewer-certificate and alias errors, one per rulebook rule
 * (`shared/spec/cloudfront-rules.md` §1), each with the check that confirms or rules it out and
 * the command that runs it, filled with the ids found in the message. The diagnoses in
 * `cloudfront.ts` list these in the order that fits each error.
 */

import { isFindingCode } from '../codes.js';
import { acmChain, acmEvidence, arnOf, distributionConfig, gateCheck } from '../commands.js';
import type { Cause, Extracted } from '../types.js';

/** A cause before it is ranked. */
export type CauseText = Omit<Cause, 'rank'>;

/**
 * The finding code `certgate check` reports for each rule (`src/rules/cf/`). Looked up in the
 * catalog at run time, so a cause names a code only while that code exists.
 */
export const RULE_CODES: Readonly<Record<string, string>> = {
  'CF-01': 'CF_ALIASES_WITHOUT_CERTIFICATE',
  'CF-02': 'CF_CERTIFICATE_NOT_IN_US_EAST_1',
  'CF-03': 'CF_CERTIFICATE_OTHER_ACCOUNT',
  'CF-04': 'CF_CERTIFICATE_NOT_ISSUED',
  'CF-05': 'CF_CERTIFICATE_DATE_INVALID',
  'CF-06': 'CF_CHAIN_TOO_LONG',
  'CF-07': 'CF_CERTIFICATE_UNTRUSTED',
  'CF-08': 'CF_CERTIFICATE_MALFORMED',
  'CF-09': 'CF_ALIAS_NOT_COVERED',
  'CF-10': 'CF_WILDCARD_ALIAS_NOT_COVERED',
  'CF-11': 'CF_KEY_TYPE_UNSUPPORTED',
  'CF-12': 'CF_CERTIFICATE_SOURCE_CONFLICT',
  'CF-13': 'CF_LEGACY_CERTIFICATE_FIELDS_MISMATCH',
  'CF-17': 'CF_SNI_WITH_SSLV3',
  'CF-18': 'CF_VIP_POLICY_NOT_ALLOWED',
  'CF-19': 'CF_INVALID_ENUM_VALUE',
  'CF-22': 'CF_DEDICATED_IP_CERTIFICATE_QUOTA',
  'CF-23': 'CF_ALIAS_ALREADY_EXISTS',
  'CF-24': 'CF_ALIAS_DNS_POINTS_ELSEWHERE',
  'CF-25': 'CF_TOO_MANY_ALIASES',
  'CF-26': 'CF_ALIAS_QUANTITY_MISMATCH',
  'CF-27': 'CF_ALIAS_SYNTAX_INVALID',
  'CF-28': 'CF_UPDATE_NEEDS_ETAG',
};

/** A cause tied to a rulebook rule, with the rule's finding code when the catalog has it. */
export function rule(id: string, text: Omit<CauseText, 'id' | 'rule' | 'code'>): CauseText {
  const code = RULE_CODES[id];
  return { id, ...text, rule: id, ...(code !== undefined && isFindingCode(code) ? { code } : {}) };
}

/** Each cause, built from what the message said. */
export const CF_CAUSES = {
  region: (e: Extracted) =>
    rule('CF-02', {
      cause:
        e.region && e.region !== 'us-east-1'
          ? `the ACM certificate is in ${e.region}: CloudFront only uses certificates from us-east-1`
          : 'the ACM certificate is not in us-east-1 (CloudFront only uses certificates from US East (N. Virginia))',
      check:
        "the fourth field of the ACM ARN is the region: only arn:aws:acm:us-east-1:… works; a certificate made for a regional load balancer or API in the stack's own region does not",
      command: gateCheck(e),
    }),
  missing: (e: Extracted) =>
    rule('CF-03', {
      cause:
        "the ARN names a certificate that doesn't exist in the distribution's account (deleted, a typo, another environment's or another account's ARN)",
      check:
        'describe it with the credentials that deploy the distribution: ResourceNotFoundException means this cause; the account id in the ARN must be the deploying account',
      command: acmEvidence(e),
    }),
  noCertificate: (e: Extracted) =>
    rule('CF-01', {
      cause:
        'the distribution has aliases but no certificate of its own: ViewerCertificate is missing or says CloudFrontDefaultCertificate: true (CDK: no `certificate` prop; Terraform: cloudfront_default_certificate = true)',
      check:
        'look at ViewerCertificate in the config that was deployed: it needs ACMCertificateArn (or IAMCertificateId) and SSLSupportMethod sni-only',
      command: gateCheck(e, false),
    }),
  status: (e: Extracted) =>
    rule('CF-04', {
      cause:
        'the certificate is not ISSUED: PENDING_VALIDATION (its DNS validation CNAME is not in place yet), or EXPIRED, REVOKED, FAILED, VALIDATION_TIMED_OUT',
      check:
        'the Status field of describe-certificate; for PENDING_VALIDATION, DomainValidationOptions lists the CNAME records ACM still waits for',
      command: gateCheck(e),
    }),
  chainLength: (e: Extracted) =>
    rule('CF-06', {
      cause:
        'the imported chain has more than 5 certificates: usually the root is included, or an intermediate twice (a fullchain file given as the chain)',
      check:
        'count the certificates of the chain and read their subjects: keep the intermediates up to, not including, the root',
      command: acmChain(e, 'inspect'),
    }),
  dates: (e: Extracted) =>
    rule('CF-05', {
      cause:
        "a certificate of the chain is outside its validity dates: the leaf expired (imported certificates never renew), an old intermediate expired, or a certificate's notBefore is still in the future",
      check:
        'the notBefore/notAfter and days left of every certificate in the chain: CERT_EXPIRED or CERT_NOT_YET_VALID names the one',
      command: acmChain(e, 'inspect'),
    }),
  trust: (e: Extracted) =>
    rule('CF-07', {
      cause:
        "the certificate isn't signed by a CA CloudFront trusts: self-signed, from a private CA (ACM Type PRIVATE), from a CA outside the Mozilla list, or imported without its intermediate",
      check:
        "validate the chain against the Mozilla roots (CloudFront's list): PATH_UNTRUSTED_ROOT for self-signed or private, PATH_UNKNOWN_ISSUER for a missing intermediate",
      command: acmChain(e, 'verify'),
    }),
  format: (e: Extracted) =>
    rule('CF-08', {
      cause:
        'the certificate, chain or key is not in the form CloudFront takes: not PEM (DER, PKCS#12), chain out of order, an encrypted private key, or a malformed name',
      check:
        "decode what was imported: the chain must be PEM, leaf first (INPUT_CHAIN_OUT_OF_ORDER otherwise); a key that asks for a passphrase ('openssl pkey -in key.pem -noout') must be decrypted before import",
      command: acmChain(e, 'inspect'),
    }),
  keyType: (e: Extracted) =>
    rule('CF-11', {
      cause:
        'the key type is not one CloudFront serves: RSA larger than 4096 bits, or ECDSA other than P-256',
      check: 'KeyAlgorithm in describe-certificate must be RSA_1024..RSA_4096 or EC_prime256v1',
      command: gateCheck(e),
    }),
  coverage: (e: Extracted) =>
    rule('CF-09', {
      cause:
        "an alias is not covered by the certificate's SANs: a new alias added without reissuing, the apex with only *.example.com, or a.b.example.com with only *.example.com",
      check:
        'compare every alias with SubjectAlternativeNames: a SAN covers an alias when it is identical or a wildcard one level up; the gate checks each alias the way CloudFront does',
      command: gateCheck(e),
    }),
  wildcardAlias: (e: Extracted) =>
    rule('CF-10', {
      cause:
        'a wildcard alias (*.example.com) without the identical wildcard SAN: specific names on the certificate never cover it',
      check: 'for each alias starting with *., the certificate must list exactly that wildcard',
      command: gateCheck(e),
    }),
  staleArn: (e: Extracted) => ({
    id: 'stale-arn',
    cause:
      'the distribution points at another certificate than the one you checked: a stale ARN in a parameter, variable or environment-specific file',
    check: `compare the ARN in the deployed config (${arnOf(e)}) with the certificate you expect, and its SANs with the aliases`,
    command: `${distributionConfig(e)} && jq '.DistributionConfig.ViewerCertificate' dist.json`,
  }),
  aliasSyntax: (e: Extracted) =>
    rule('CF-27', {
      cause:
        'an alias written in a form CloudFront does not take or no SAN can match: upper-case letters (WWW.example.com), a trailing dot (example.com.), an internationalized name not in xn-- form, a * that is not the whole leftmost label',
      check: 'aliases must be lower-case A-labels without a trailing dot, wildcards only as a leading *.',
      command: gateCheck(e, false),
    }),
  iamPath: (_e: Extracted) =>
    rule('CF-14', {
      cause:
        'the IAM server certificate was not uploaded for CloudFront: its IAM path must start with /cloudfront/ (CloudFront does not see it otherwise); region rules do not apply to IAM certificates',
      check:
        "'aws iam list-server-certificates' shows the Path of the certificate: re-upload it with --path /cloudfront/<name>/ and use the new id",
    }),
  justIssued: (e: Extracted) => ({
    id: 'just-issued',
    cause:
      'the certificate was requested or validated moments before the distribution used it: the same apply or stack created both, and the distribution was given the ARN before validation finished (Terraform: aws_acm_certificate.arn instead of aws_acm_certificate_validation.certificate_arn; CloudFormation/CDK: no dependency on the validated certificate)',
    check:
      'the Status and IssuedAt of the certificate against the time of the failure: ISSUED only after the distribution call means this cause; make the distribution wait for validation and apply again',
    command: gateCheck(e),
  }),
  updateInProgress: (_e: Extracted) => ({
    id: 'update-in-progress',
    cause:
      'another viewer-certificate change on the same distribution is still deploying: CloudFront takes one at a time (two stacks or pipelines updating the distribution, or a retry while the first change is InProgress)',
    check:
      "'aws cloudfront get-distribution --id <id> --query Distribution.Status' says InProgress: wait for Deployed ('aws cloudfront wait distribution-deployed --id <id>') and apply again",
  }),
  planValidation: (_e: Extracted) => ({
    id: 'plan-validation',
    cause:
      'the tool rejected the value before any API call: the provider or construct schema does not accept it (a value outside its list, two settings that exclude each other such as acm_certificate_arn with cloudfront_default_certificate = true)',
    check:
      'the field and the values the message lists: use one of them exactly (CloudFront policy names carry a year: TLSv1.2_2021, not TLSv1.2), or remove one of the conflicting settings; an older provider may not know a newer value',
  }),
  requestShape: (_e: Extracted) => ({
    id: 'not-certificate',
    cause:
      "not a certificate problem: the request's shape is wrong before CloudFront checks anything (get-distribution-config output passed whole, with its ETag and DistributionConfig wrapper, or a field name misspelt)",
    check:
      "pass only the DistributionConfig object (jq '.DistributionConfig' dist.json) and give the ETag as --if-match",
  }),
  sourceConflict: (e: Extracted) =>
    rule('CF-12', {
      cause:
        'two certificate sources are written: CloudFrontDefaultCertificate: false next to AcmCertificateArn (copied from get-distribution-config output; CloudFormation counts the false too), or AcmCertificateArn and IamCertificateId together',
      check:
        'ViewerCertificate in the template: keep AcmCertificateArn (or IamCertificateId) and remove CloudFrontDefaultCertificate, or keep CloudFrontDefaultCertificate: true alone',
      command: gateCheck(e, false),
    }),
  sourceMissing: (e: Extracted) => ({
    id: 'source-missing',
    cause:
      'no certificate source is written: ViewerCertificate holds only MinimumProtocolVersion/SslSupportMethod, the ARN came out as AWS::NoValue or empty under the condition or parameter deployed, or the fields are spelt for the other interface (the API takes ACMCertificateArn and SSLSupportMethod, CloudFormation AcmCertificateArn and SslSupportMethod: a wrongly spelt field never arrives)',
    check:
      'the ViewerCertificate that was sent: it needs the ARN (with sni-only) for your aliases, or CloudFrontDefaultCertificate true for the *.cloudfront.net name only',
    code: 'CF_CERTIFICATE_SOURCE_MISSING',
    command: gateCheck(e, false),
  }),
  legacyFields: (e: Extracted) =>
    rule('CF-13', {
      cause:
        'the config was edited from get-distribution-config output and still carries the deprecated Certificate/CertificateSource echo of the old certificate',
      check:
        'ViewerCertificate must not keep Certificate and CertificateSource, or they must name the same certificate and source (acm, iam, cloudfront)',
      command: `${distributionConfig(e)} && jq '.DistributionConfig.ViewerCertificate' dist.json`,
    }),
} satisfies Record<string, (e: Extracted) => CauseText>;

/** The name of a CF cause. */
export type CfCauseName = keyof typeof CF_CAUSES;

/** Builds the causes of a diagnosis in the order given. */
export function cfCauses(e: Extracted, names: readonly CfCauseName[]): CauseText[] {
  return names.map((name) => CF_CAUSES[name](e));
}
