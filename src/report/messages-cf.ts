/**
 * Words for the CloudFront gate's findings (`CF_*`): each message names the distribution, the
 * alias and the certificate, and the error CloudFront returns; each fix says exactly what to
 * change. Where the rulebook marks the error code UNCONFIRMED, INFERRED or OBSERVED, the message
 * says so (the finding's `certainty` arg). The words are ASCII (`...`, not an ellipsis): one
 * character outside Latin-1 makes V8 hold the whole JSON report of a large run as two-byte text,
 * which then costs several times as much to write out.
 */

import type { FindingCode } from '../findings/catalog.js';
import type { FindingArgs } from '../findings/types.js';
import { andList, days, list, named, str } from './wording.js';

type Wording = (args: FindingArgs) => { readonly message: string; readonly fix?: string };

const dist = (a: FindingArgs): string =>
  a.tenantOf === undefined
    ? `distribution ${str(a.distribution) || '(unnamed)'}`
    : `tenant ${str(a.distribution) || '(unnamed)'} (of distribution ${str(a.tenantOf)})`;
const cert = (a: FindingArgs): string => named(a.certificate, 'its certificate');

/** What a value given as IAMCertificateId most likely is (CF-15's looksLike). */
const IAM_ID_LOOKS_LIKE: Readonly<Record<string, string>> = {
  arn: 'that is an ARN',
  short: 'too short for one, an id cut off when copied?',
  long: 'too long for CloudFront, which takes at most 32',
  name: 'probably the certificate name',
};

/** How sure the predicted error code is, as a clause ('' when documented). */
function certainty(a: FindingArgs, what = 'the error code'): string {
  switch (a.certainty) {
    case 'unconfirmed':
      return ` (${what} is UNCONFIRMED: AWS documents the rule, not the error)`;
    case 'inferred':
      return ` (${what} is INFERRED from documented facts)`;
    case 'observed':
      return ` (${what} is OBSERVED in public reports, not documented by AWS)`;
    default:
      return '';
  }
}

const rejects = (a: FindingArgs, error: string): string =>
  `CloudFront rejects the create/update with ${error}${certainty(a)}`;

/** `a, b, c` or `a, b, c and 3 more` (lists from `nameList` already end with "N more"). */
const names = (v: FindingArgs[string]): string => list(v).join(', ');

const IVC = 'InvalidViewerCertificate';

/** CloudFormation's resource handler, when a ViewerCertificate names other than one certificate source. */
const EXACTLY_ONE =
  '"Exactly one of [AcmCertificateArn,CloudFrontDefaultCertificate,IamCertificateId] needs to be specified"';

/** The reason a SAN list misses an alias, from the coverage miss kind. */
function missText(a: FindingArgs): string {
  switch (a.miss) {
    case 'WildcardDoesNotCoverApex':
      return `${str(a.wildcard)} does not cover the apex ${str(a.alias)}; the apex must be listed itself`;
    case 'WildcardCoversOneLabel':
      return `${str(a.wildcard)} covers exactly one label, and ${str(a.alias)} has ${str(a.labels)} in its place`;
    case 'NoSubjectAltName':
      return a.commonNameWouldCover === true
        ? 'the certificate has no subjectAltName; only its subject CN names the alias, and CloudFront checks the SANs (its CN fallback is UNCONFIRMED)'
        : 'the certificate has no subjectAltName at all';
    default:
      return 'no SAN names it or a wildcard one level up';
  }
}

const sansText = (a: FindingArgs): string => {
  const shown = list(a.sans);
  const total = Number(a.sanCount ?? shown.length);
  if (shown.length === 0) return '';
  return ` (SANs: ${shown.join(', ')}${total > shown.length ? ` and ${total - shown.length} more` : ''})`;
};

/** CF-04 for a certificate whose status is known (ACM evidence). */
function notIssued(a: FindingArgs): ReturnType<Wording> {
  return {
    message: `${dist(a)} uses ACM certificate ${cert(a)} whose status is ${str(a.status) || 'not ISSUED'}; CloudFront needs an ISSUED certificate, so ${rejects(a, IVC).replace(/^CloudFront /, 'it ')} (per-status behaviour is UNCONFIRMED)`,
    fix:
      a.status === 'PENDING_VALIDATION'
        ? 'finish validation: create the DNS validation CNAMEs (aws acm describe-certificate shows them) and wait for ISSUED before deploying'
        : 'request a new certificate (failed, timed-out, revoked and expired requests do not recover) and wait for ISSUED before deploying',
  };
}

const PLACEMENT: Partial<Record<FindingCode, Wording>> = {
  CF_ALIASES_WITHOUT_CERTIFICATE: (a) => ({
    message: `${dist(a)} has aliases (${names(a.aliases)}) but ${a.defaultFlag === true ? 'CloudFrontDefaultCertificate=true' : 'no ACM or IAM certificate'}: to add a CNAME you must attach a trusted certificate that covers it; ${rejects(a, IVC)}`,
    fix: 'set ViewerCertificate.ACMCertificateArn to a us-east-1 ACM certificate that covers every alias, with SSLSupportMethod sni-only and CloudFrontDefaultCertificate false (or removed); or remove the aliases',
  }),
  CF_CERTIFICATE_NOT_IN_US_EAST_1: (a) => ({
    message:
      a.malformed === true
        ? `${dist(a)} names ${cert(a)} as its ACM certificate, which is not an ACM certificate ARN (arn:aws:acm:us-east-1:ACCOUNT:certificate/ID); ${rejects(a, IVC)}`
        : `${dist(a)} uses ACM certificate ${cert(a)} in ${str(a.region) || 'a region other than us-east-1'}${a.fromStack === true ? ` (the ${str(a.regionOf) || 'stack'} region)` : ''}; CloudFront only uses ACM certificates from us-east-1, so ${rejects(a, IVC).replace(/^CloudFront /, 'it ')}`,
    fix: 'request or import the certificate in us-east-1 and use that ARN (aws acm request-certificate --region us-east-1 ...); in CDK, create it in a stack deployed to us-east-1',
  }),
  CF_CERTIFICATE_NOT_AN_ARN: (a) => ({
    message: `${dist(a)} sets ACMCertificateArn to ${str(a.certificate) === '' ? 'an empty string' : `"${str(a.certificate)}"`}, which is not an ARN at all (a name, a tag or a placeholder?): CloudFront looks certificates up by ARN only, so it finds none and rejects the create/update with ${IVC} ("the specified SSL certificate doesn't exist...")${certainty(a)}; the API model has no ARN pattern, so nothing refuses it earlier`,
    fix: 'use the certificate ARN, arn:aws:acm:us-east-1:ACCOUNT:certificate/ID (aws acm list-certificates --region us-east-1 shows it); in a template, !Ref the certificate resource or pass the ARN as a parameter',
  }),
  CF_CERTIFICATE_OTHER_ACCOUNT: (a) => ({
    message: `${dist(a)} (account ${str(a.account)}) uses ACM certificate ${cert(a)} from account ${str(a.certificateAccount)}; ACM certificates cannot be used across accounts, so ${rejects(a, IVC).replace(/^CloudFront /, 'CloudFront ')}`,
    fix: 'use an ACM certificate owned by the distribution account (in us-east-1); for a third-party certificate, import it once into each account',
  }),
  CF_CERTIFICATE_VALIDATION_OTHER_REGION: (a) => ({
    message: `${dist(a)} waits for ${str(a.validation) || 'an aws_acm_certificate_validation'} before it takes the certificate of ${cert(a)}, but that validation runs under an aws provider for ${str(a.region) || 'another region'} while the certificate is requested in ${str(a.certificateRegion) || 'its own region'}: it looks the certificate up in the wrong region and never finds it, so terraform apply fails at the validation and the distribution is not created`,
    fix: `give ${str(a.validation) || 'the validation resource'} the provider ${cert(a)} has${a.provider !== undefined ? ` (provider = ${str(a.provider)})` : ''}, so it looks in ${str(a.certificateRegion) || "the certificate's region"}`,
  }),
  CF_CERTIFICATE_SOURCE_CONFLICT: (a) =>
    a.refusedBy === 'cloudformation'
      ? {
          message: `${dist(a)} writes more than one certificate source (${names(a.fields)}); CloudFormation counts every one of AcmCertificateArn, IamCertificateId and CloudFrontDefaultCertificate that is written, false included, and refuses the resource with ${EXACTLY_ONE}${certainty(a, 'the refusal')}; CloudFront is never asked`,
          fix: 'write one: AcmCertificateArn (recommended) or IamCertificateId, and remove CloudFrontDefaultCertificate (false is what it means when a certificate is set); or CloudFrontDefaultCertificate: true alone',
        }
      : {
          message: `${dist(a)} sets more than one certificate source (${names(a.fields)}); the API takes exactly one, so ${rejects(a, IVC)}`,
          fix: 'keep one: ACMCertificateArn (recommended) or IAMCertificateId with CloudFrontDefaultCertificate false, or CloudFrontDefaultCertificate true alone',
        },
  CF_CERTIFICATE_SOURCE_MISSING: (a) => ({
    message:
      a.refusedBy === 'cloudformation'
        ? `${dist(a)} has a ViewerCertificate with none of AcmCertificateArn, IamCertificateId and CloudFrontDefaultCertificate; CloudFormation refuses the resource with ${EXACTLY_ONE}${certainty(a, 'the refusal')}`
        : `${dist(a)} has a ViewerCertificate with none of ACMCertificateArn, IAMCertificateId and CloudFrontDefaultCertificate (only the protocol settings); CloudFront refuses it, saying "Your ViewerCertificate is missing one of ACMCertificateArn, IAMCertificateId, or CloudFrontDefaultCertificate." (seen in public reports) with ${IVC}${certainty(a)}`,
    fix: 'name the certificate: the ACM ARN from us-east-1 (with SSLSupportMethod sni-only) for your aliases, or CloudFrontDefaultCertificate true for the *.cloudfront.net name only; check the field names too (the API spells ACMCertificateArn and SSLSupportMethod, CloudFormation AcmCertificateArn and SslSupportMethod), and in a template the condition or parameter that should have given the ARN',
  }),
  CF_LEGACY_CERTIFICATE_FIELDS_MISMATCH: (a) => ({
    message: `${dist(a)} still has the deprecated ViewerCertificate.${str(a.field) || 'Certificate'} "${str(a.value)}" from get-distribution-config output, but the certificate now set expects "${str(a.expected)}"; ${rejects(a, IVC)}`,
    fix: 'delete Certificate and CertificateSource from ViewerCertificate before update-distribution, or set them to match (CertificateSource acm/iam/cloudfront)',
  }),
  CF_IAM_CERTIFICATE_PATH: (a) => ({
    message: `${dist(a)} uses IAM server certificate ${cert(a)}, uploaded with path ${str(a.iamPath) || '(unknown)'}; CloudFront only uses IAM certificates under /cloudfront/, so ${rejects(a, IVC)}`,
    fix: 'upload the certificate again with aws iam upload-server-certificate --path /cloudfront/NAME/ ... and use its new ServerCertificateId; or import it into ACM in us-east-1',
  }),
  CF_IAM_CERTIFICATE_ID_INVALID: (a) => ({
    message:
      a.looksLike === 'empty'
        ? `${dist(a)} sets an empty IAMCertificateId (a parameter or variable left at ''?), which names no certificate; the request fails validation${certainty(a)}`
        : `${dist(a)} sets IAMCertificateId "${cert(a)}" (${str(a.length)} characters), which is not an IAM ServerCertificateId (16 to ${str(a.max) || '32'} word characters, like ASCA...): ${IAM_ID_LOOKS_LIKE[str(a.looksLike)] ?? IAM_ID_LOOKS_LIKE.name}; the request fails validation${certainty(a)}`,
    fix: 'use the ServerCertificateId from aws iam get-server-certificate --server-certificate-name NAME (ServerCertificateMetadata.ServerCertificateId)',
  }),
  CF_TENANT_ONLY_CERTIFICATE_FIELDS: (a) => ({
    message: `${dist(a)} is a multi-tenant distribution (ConnectionMode tenant-only) but sets ${names(a.fields) || 'IAMCertificateId or Aliases'}, which standard distributions only take; CloudFront rejects it${certainty(a)}`,
    fix: 'give tenants their domains and certificates through distribution tenants and connection groups; remove IAMCertificateId and Aliases from the multi-tenant distribution',
  }),
};

const STATE: Partial<Record<FindingCode, Wording>> = {
  CF_CERTIFICATE_NOT_ISSUED: (a) =>
    a.unvalidatedRequest !== undefined
      ? {
          message: `${dist(a)} takes the certificate of ${str(a.unvalidatedRequest)}, requested in the same plan, with nothing that waits for its validation: Terraform creates the distribution as soon as ACM accepts the request, while the certificate is still PENDING_VALIDATION, so ${rejects(a, IVC)}`,
          fix: `take the ARN from an aws_acm_certificate_validation of ${str(a.unvalidatedRequest)} (its certificate_arn, which is known once the certificate is ISSUED), with the DNS validation records it waits for; or list that validation resource in the distribution's depends_on`,
        }
      : notIssued(a),
  CF_CERTIFICATE_DATE_INVALID: (a) => ({
    message: `${dist(a)}: ${Number(a.certIndex ?? 0) === 0 ? 'the certificate' : `chain certificate ${str(a.certIndex)}`} ${str(a.subject) || cert(a)} of ${cert(a)} is ${str(a.state) || 'outside its validity'} at ${str(a.at)} (valid ${str(a.notBefore) || '?'} to ${str(a.notAfter) || '?'}); the chain has a certificate that isn't valid for the current date, so ${rejects(a, IVC).replace(/^CloudFront /, 'CloudFront ')}`,
    fix: 'renew or reissue the certificate, then reimport it (aws acm import-certificate --certificate-arn ARN ...) with a current chain',
  }),
  CF_ACME_CERTIFICATE: (a) => ({
    message: `${dist(a)} uses ACM certificate ${cert(a)} issued through ACME (CertificateKeyPairOrigin ${str(a.keyPairOrigin) || 'ACME'}); integrated services such as CloudFront cannot use ACME certificates, so CloudFront refuses it${certainty(a)}`,
    fix: 'use an ACM-issued (AWS_MANAGED) or imported (CUSTOMER_PROVIDED) certificate in us-east-1',
  }),
  CF_CLOUDFRONT_MANAGED_CERTIFICATE: (a) => ({
    message: `${dist(a)} is a standard distribution using ${cert(a)}, a certificate managed by CloudFront (ManagedBy ${str(a.managedBy) || 'CLOUDFRONT'}) for distribution tenants; whether a standard distribution accepts it is UNCONFIRMED`,
    fix: 'use a DNS-validated ACM certificate in us-east-1 for standard distributions; keep CloudFront-managed certificates for tenants',
  }),
  CF_IMPORTED_CERTIFICATE_EXPIRING: (a) => ({
    message: `${dist(a)} uses ${str(a.store) || 'an imported'} certificate ${cert(a)}, which expires on ${str(a.notAfter)} (in ${days(a.daysLeft)}, window ${days(a.warnDays)}) and never renews by itself${a.insideReimportLead === true ? '; less than 24 hours remain, and CloudFront can take up to 24 hours to pick up a reimport' : ''}`,
    fix: 'reimport the renewed certificate into the same ARN (aws acm import-certificate --certificate-arn ARN ...) at least 24 hours before it expires, or move to an ACM-issued certificate that renews itself',
  }),
  CF_RENEWAL_NOT_READY: (a) => ({
    message: `${dist(a)} uses ACM certificate ${cert(a)} whose managed renewal will fail as things are (${str(a.reason) || 'renewal needs action'}); at expiry viewers get an expired certificate`,
    fix: `restore the DNS validation CNAMEs${list(a.records).length ? ` (${names(a.records)})` : ' (one per unique SAN; aws acm describe-certificate lists them)'} and keep the certificate attached; check with aws acm describe-certificate (RenewalSummary)`,
  }),
  CF_EMAIL_VALIDATION_RENEWAL: (a) => ({
    message: `${dist(a)} uses ACM certificate ${cert(a)}, validated by email: it renews only when someone approves the renewal emails ACM sends from 45 days before expiry`,
    fix: 'request a DNS-validated replacement (aws acm request-certificate --validation-method DNS), create its CNAMEs, and switch the distribution to it',
  }),
};

const COVERAGE: Partial<Record<FindingCode, Wording>> = {
  CF_ALIAS_NOT_COVERED: (a) => ({
    message: `alias ${named(a.alias, '(unknown)')} of ${dist(a)} is not covered by certificate ${cert(a)}${sansText(a)}: ${missText(a)}; ${a.miss === 'NoSubjectAltName' ? `CloudFront may reject the update with ${IVC}` : rejects(a, IVC)} ("the certificate ... doesn't cover the alternate domain name (CNAME)")`,
    fix:
      a.miss === 'WildcardCoversOneLabel' || a.miss === 'WildcardDoesNotCoverApex'
        ? `add ${str(a.alias)} itself (or a wildcard one label above it) to the certificate's SANs and reissue, or remove the alias`
        : `add ${str(a.alias) || 'the alias'} (or a same-level wildcard) to the certificate's SANs and reissue, or remove the alias from the distribution`,
  }),
  CF_WILDCARD_ALIAS_NOT_COVERED: (a) => ({
    message: `wildcard alias ${named(a.alias, '(unknown)')} of ${dist(a)} needs the identical wildcard SAN, which certificate ${cert(a)} lacks${sansText(a)}; specific names never cover a wildcard alias, so ${rejects(a, IVC).replace(/^CloudFront /, 'CloudFront ')}`,
    fix: `put ${str(a.alias) || 'the wildcard'} in the certificate's SANs (request a new ACM certificate with it), or replace the wildcard alias with the specific names the certificate covers`,
  }),
  CF_WILDCARD_ALIAS_DEEPER_HOSTS: (a) => ({
    message: `wildcard alias ${str(a.alias)} of ${dist(a)} routes names at any depth (${str(a.example) || 'a.b.example.com'}) to this distribution, but a wildcard certificate covers one label only, so TLS fails for deeper names (INFERRED)`,
    fix: `if viewers use deeper names, add a wildcard for that level (*.b.${str(a.base) || 'example.com'}) or the names themselves to the certificate and as aliases`,
  }),
};

const TLS: Partial<Record<FindingCode, Wording>> = {
  CF_KEY_TYPE_UNSUPPORTED: (a) => ({
    message: `${dist(a)} uses certificate ${cert(a)} with key type ${str(a.keyAlgorithm)}; CloudFront serves RSA 1024–4096 and ECDSA P-256 only, so it rejects the certificate; the error code is UNCONFIRMED (likely ${IVC}): CloudFront documents the limit, not the error`,
    fix: 'reissue the certificate with an RSA 2048 or ECDSA P-256 (EC_prime256v1) key',
  }),
  CF_SNI_WITH_SSLV3: (a) => ({
    message: `${dist(a)} combines SSLSupportMethod sni-only with MinimumProtocolVersion ${str(a.policy) || 'SSLv3'}; SNI and SSLv3 cannot both be specified: CloudFront rejects it with InvalidProtocolSettings on create (on update the error code is UNCONFIRMED)`,
    fix: 'set MinimumProtocolVersion to TLSv1.2_2021 (or at least TLSv1) with sni-only',
  }),
  CF_VIP_POLICY_NOT_ALLOWED: (a) => ({
    message: `${dist(a)} combines SSLSupportMethod vip with MinimumProtocolVersion ${str(a.policy)}; without a Support case vip offers only ${names(a.allowed) || 'SSLv3, TLSv1'}: "The specified MinimumProtocolVersion cannot be used with the specified SSLSupportMethod" (HTTP 400; the error code is UNCONFIRMED, likely InvalidMinimumProtocolVersion)`,
    fix: 'switch SSLSupportMethod to sni-only (keeps the policy), or set MinimumProtocolVersion TLSv1 on vip',
  }),
  CF_INVALID_ENUM_VALUE: (a) => ({
    message: `${dist(a)} sets ${str(a.field) || 'a field'} to "${str(a.value)}", which is not a value of the API enum (${names(a.allowed)}); the request fails with MalformedXML ("Member must satisfy enum value set")`,
    fix: `use an exact enum value${a.suggestion ? `: ${str(a.suggestion)}` : ''}; if the value is right, upgrade the SDK, CLI or Terraform provider whose model lacks it`,
  }),
  CF_SSL_SUPPORT_METHOD_MISSING: (a) => ({
    message: `${dist(a)} uses custom certificate ${cert(a)} without SSLSupportMethod, which must be set with an ACM or IAM certificate; the deploy fails${certainty(a)}`,
    fix: 'set ViewerCertificate.SSLSupportMethod to sni-only',
  }),
  CF_STATIC_IP_NOT_ENABLED: (a) => ({
    message: `${dist(a)} sets SSLSupportMethod static-ip, which works only on distributions the CloudFront team enabled for it; that cannot be seen offline, and without it CloudFront rejects the update${certainty(a)}`,
    fix: 'use sni-only (or vip for legacy non-SNI clients) unless AWS enabled static-ip for this distribution; ask AWS Support to confirm',
  }),
  CF_DEFAULT_CERT_POLICY_IGNORED: (a) => ({
    message: `${dist(a)} serves the default *.cloudfront.net certificate with MinimumProtocolVersion ${str(a.policy)}; CloudFront silently uses ${str(a.effective) || 'TLSv1'} instead, so TLS 1.0 and 1.1 stay enabled (and Terraform shows a perpetual diff)`,
    fix: 'attach a custom certificate (ACM, us-east-1) with sni-only to enforce the policy, or set MinimumProtocolVersion TLSv1 to say what CloudFront does',
  }),
  CF_NON_SNI_CLIENTS: (a) => ({
    message: `${dist(a)} keeps MinimumProtocolVersion ${str(a.policy)} (TLS 1.0) as if legacy clients matter, but with sni-only the clients that send no SNI, the same legacy ones, cannot connect at all`,
    fix: 'if legacy clients matter, they need vip (dedicated IP, paid); otherwise raise the policy to TLSv1.2_2021',
  }),
  CF_SHARED_CERTIFICATE_HTTP_VERSION: (a) => ({
    message: `${dist(a)} uses HttpVersion ${str(a.httpVersion)} with certificate ${cert(a)}, which ${names(a.others)} share with a different HttpVersion; distributions sharing a certificate must use the same supported HTTP versions (the outcome, rejection or mis-serving, is UNCONFIRMED)`,
    fix: 'set the same HttpVersion on every distribution that shares the certificate, or give this distribution its own certificate',
  }),
  CF_VIP_POLICY_ACCOUNT_WIDE: (a) => ({
    message: `${dist(a)} uses vip with ${str(a.policy)}, which vip offers only through a Support case; where the account has it, the policy applies to all non-SNI requests of every vip distribution in the account${list(a.others).length ? ` (also ${names(a.others)})` : ''}`,
    fix: 'set the same MinimumProtocolVersion on every vip distribution of the account, or move them to sni-only',
  }),
  CF_TLS13_ONLY_POLICY: (a) => ({
    message: `${dist(a)} uses ${str(a.policy) || 'TLSv1.3_2025'}, which allows TLS 1.3 only: clients limited to TLS 1.2 cannot connect`,
    fix: `use ${names(a.alternatives) || 'TLSv1.2_2025 or TLSv1.2_2021'} if TLS 1.2 clients matter`,
  }),
  CF_HTTP_VERSION_NEEDS_SNI: (a) => ({
    message: `${dist(a)} sets HttpVersion ${str(a.httpVersion)} with vip: HTTP/2 and HTTP/3 need SNI (HTTP/3 also TLS 1.3), so viewers that send no SNI fall back to HTTP/1.1`,
    fix: 'nothing to change if HTTP/1.1 is fine for legacy clients; sni-only serves HTTP/2 and HTTP/3 to every modern client',
  }),
};

const ALIASES: Partial<Record<FindingCode, Wording>> = {
  CF_DEDICATED_IP_CERTIFICATE_QUOTA: (a) =>
    a.overQuota === true
      ? {
          message: `${dist(a)} serves ${cert(a)} on dedicated IPs; the inputs alone use ${str(a.count)} vip certificates (${names(a.certificates)}), above the default quota of ${str(a.quota)} per account: CloudFront rejects the next one with TooManyCertificates (INFERRED from the quota)`,
          fix: 'move distributions to sni-only (SNI has no certificate quota), or request a quota increase for dedicated-IP certificates',
        }
      : {
          message: `${dist(a)} serves ${cert(a)} on dedicated IPs (vip); the account allows ${str(a.quota) || '2'} vip certificates by default, and how many the account already uses cannot be seen offline (a third fails with TooManyCertificates)`,
          fix: 'count vip certificates with aws cloudfront list-distributions (ViewerCertificate.SSLSupportMethod=vip) before adding one, or use sni-only',
        },
  CF_ALIAS_ALREADY_EXISTS: (a) => ({
    message:
      a.maybeSelf === true
        ? `alias ${str(a.alias)} of ${dist(a)} is held by ${str(a.accountHolder)} in the account: if ${str(a.accountHolder)} is this distribution, deployed before (a stack update), nothing conflicts; if it is another one, CloudFront rejects this one with CNAMEAlreadyExists (409)`
        : `alias ${str(a.alias)} of ${dist(a)} is also an alias of ${names(a.others) || 'another distribution'} ${holderPlaces(a)}; an alias belongs to one distribution only, in one account as across accounts: CloudFront rejects the second with CNAMEAlreadyExists (409)`,
    fix: 'remove the alias from one of them; to move it, use aws cloudfront list-conflicting-aliases, then associate-alias (or update-domain-association) to the target distribution',
  }),
  CF_ALIAS_DNS_POINTS_ELSEWHERE: (a) => ({
    message: `alias ${str(a.alias)} of ${dist(a)} falls under wildcard alias ${str(a.wildcard)} of ${names(a.others)}; if DNS for ${str(a.alias)} still resolves to that distribution, CloudFront refuses to add it ("an incorrectly configured DNS record that points to another CloudFront distribution"); DNS cannot be seen offline${certainty(a)}`,
    fix: `check with dig +short ${str(a.alias).replace(/^\*\./, 'test.') || 'NAME'} CNAME: point the name at this distribution's dXXXX.cloudfront.net domain first, then add the alias`,
  }),
  CF_TOO_MANY_ALIASES: (a) => ({
    message: `${dist(a)} has ${str(a.count)} aliases, above the quota of ${str(a.quota) || '100'} per distribution: CloudFront rejects it with TooManyDistributionCNAMEs`,
    fix: 'split the aliases across distributions, use a wildcard alias, or request a quota increase (Service Quotas, CloudFront "Alternate domain names per distribution")',
  }),
  CF_ALIAS_QUANTITY_MISMATCH: (a) => ({
    message: `${dist(a)} says Aliases.Quantity ${str(a.quantity)} but lists ${str(a.items)} items: CloudFront rejects it with InconsistentQuantities`,
    fix: `set Aliases.Quantity to ${str(a.items) || 'the number of Items'}`,
  }),
  CF_ALIAS_SYNTAX_INVALID: (a) => ({
    message: `alias ${named(a.alias, '(unknown)')} of ${dist(a)} is not valid as CloudFront takes aliases: ${str(a.reason) || 'bad syntax'}; CloudFront rejects it${certainty(a, 'the error code (likely InvalidArgument)')}${a.problem === 'UpperCase' ? '; whether it lower-cases instead of rejecting is UNCONFIRMED' : ''}`,
    fix:
      a.problem === 'UpperCase'
        ? `write the alias in lower case: ${str(a.suggestion)}`
        : 'write the alias in lower case, as punycode A-labels for IDNs, with a wildcard only as a leading *., no trailing dot, labels of at most 63 and names of at most 253 characters',
  }),
  CF_WILDCARD_ALIAS_OVERLAP: (a) => ({
    message: `wildcard alias ${str(a.alias)} of ${dist(a)} overlaps ${str(a.count)} more specific alias${Number(a.count) === 1 ? '' : 'es'} of other distributions (${names(a.overlaps)}); CloudFront allows this and routes those names to the more specific match by Host header, whatever DNS points at`,
    fix: 'make sure those names are meant to go to the other distributions; audit with aws cloudfront list-conflicting-aliases --distribution-id ID --alias ALIAS',
  }),
  CF_DOMAIN_FRONTING_RISK: (a) => ({
    message: `certificate ${cert(a)} of ${dist(a)} (account ${str(a.account)}) also covers aliases of distributions in other accounts (${names(a.names)}); a client that reuses one connection for both names (HTTP/2 coalescing) sends SNI for one account and Host for the other, and CloudFront answers 421 Misdirected Request`,
    fix: 'give each account its own certificate covering only its own names, so clients do not reuse connections across them',
  }),
  CF_UPDATE_NEEDS_ETAG: (a) => ({
    message: `${dist(a)} comes from get-distribution-config output with ETag ${str(a.etag)}; update-distribution needs it as If-Match (a stale ETag fails with PreconditionFailed, a missing one with InvalidIfMatchVersion), and whether it is still current cannot be seen offline`,
    fix: `send only the DistributionConfig object: aws cloudfront update-distribution --id ${str(a.id) || 'ID'} --if-match ${str(a.etag) || 'ETAG'} --distribution-config file://config.json; on PreconditionFailed, get the config again`,
  }),
};

const CHAIN: Partial<Record<FindingCode, Wording>> = {
  CF_CHAIN_TOO_LONG: (a) => ({
    message: `${dist(a)} uses certificate ${cert(a)} with a chain of ${str(a.length)} certificates; CloudFront allows at most ${str(a.max) || '5'} ("too many certificates in the certificate chain")${a.leafCountUnconfirmed === true ? ', and whether the leaf counts is UNCONFIRMED, so this chain may pass' : `, so ${rejects(a, IVC).replace(/^CloudFront /, 'CloudFront ')}`}`,
    fix: 'import the chain without the root and without intermediates outside the path to the root, or use an ACM-issued certificate',
  }),
  CF_CERTIFICATE_UNTRUSTED: (a) => ({
    message:
      a.privateCa === true
        ? `${dist(a)} uses ${cert(a)}, an ACM private CA certificate (Type PRIVATE); it isn't signed by a publicly trusted CA, so CloudFront rejects it for new aliases with ${IVC} (INFERRED)`
        : `${dist(a)} uses certificate ${cert(a)} whose chain does not validate to the Mozilla trusted roots (${str(a.pathCode) || 'path validation failed'} at ${str(a.subject) || 'the chain'}); it isn't signed by a trusted CA, so CloudFront rejects it for new aliases with ${IVC}`,
    fix: 'use an ACM public certificate or one from a CA on the Mozilla Included CA list, imported with its intermediates; run certgate verify on the chain for the failing step',
  }),
  CF_CERTIFICATE_MALFORMED: (a) => ({
    message: `${dist(a)} uses certificate ${cert(a)} that isn't formatted correctly (${str(a.subject) || 'certificate'}: ${str(a.reason) || 'malformed'}); ${rejects(a, IVC)}`,
    fix: 'export the certificate again as a standard PEM X.509 v3 certificate with RSA or ECDSA P-256 key and well-formed DNS names, then reimport it',
  }),
};

const WARN: Partial<Record<FindingCode, Wording>> = {
  CF_DEFAULT_CERTIFICATE: (a) => ({
    message: `${dist(a)} serves the default *.cloudfront.net certificate, which forces TLSv1${a.policy !== undefined ? `: the MinimumProtocolVersion ${str(a.policy)} it sets is silently replaced by ${str(a.effective) || 'TLSv1'}, so TLS 1.0 and 1.1 stay enabled (and Terraform shows a perpetual diff)` : ''} (flagged by AWS Config cloudfront-custom-ssl-certificate and Security Hub CloudFront.7)`,
    fix:
      a.policy !== undefined
        ? 'attach an ACM certificate from us-east-1 for your own domain, with sni-only, to enforce the policy; or set MinimumProtocolVersion TLSv1 to say what CloudFront does'
        : 'attach an ACM certificate from us-east-1 for your own domain, with sni-only and TLSv1.2_2021',
  }),
  CF_DEDICATED_IP: (a) => ({
    message: `${dist(a)} uses dedicated IPs (vip) instead of SNI: costly (a monthly charge per certificate) and flagged by AWS Config cloudfront-sni-enabled and Security Hub CloudFront.8`,
    fix: 'set SSLSupportMethod sni-only unless clients without SNI must be served',
  }),
  CF_WEAK_SECURITY_POLICY: (a) => ({
    message: `${dist(a)} uses MinimumProtocolVersion ${str(a.policy)}, older than ${str(a.recommended) || 'TLSv1.2_2021'} (Security Hub CloudFront.15, trivy AWS-0013)`,
    fix: `set MinimumProtocolVersion to ${str(a.recommended) || 'TLSv1.2_2021'} or newer`,
  }),
  CF_WEAK_RSA_KEY: (a) => ({
    message: `${dist(a)} uses certificate ${cert(a)} with key type ${str(a.keyAlgorithm) || 'RSA_1024'}; CloudFront accepts it, but 2048 bits is the floor (AWS Config acm-certificate-rsa-check, Security Hub ACM.2)`,
    fix: 'reissue with an RSA 2048+ or ECDSA P-256 key',
  }),
  CF_CERTIFICATE_EXPIRES_SOON: (a) => ({
    message: `${dist(a)} uses certificate ${cert(a)}, which expires on ${str(a.notAfter)} (in ${days(a.daysLeft)}, window ${days(a.warnDays)}); ACM starts renewing 45–60 days ahead, so this one has not renewed`,
    fix: 'check RenewalSummary with aws acm describe-certificate; restore the DNS validation records or replace the certificate now',
  }),
  CF_CERTIFICATE_EVIDENCE_MISSING: (a) => ({
    message: `no evidence for certificate ${cert(a)} of ${dist(a)}; not checked: ${names(a.checks) || 'status, expiry, coverage, key type, chain'}; every other rule ran`,
    fix: `give the evidence: --cert acm.json (aws acm describe-certificate --region us-east-1 --certificate-arn ARN > acm.json), or --cert ${str(a.certificate) || 'ARN'}=chain.pem for a PEM chain`,
  }),
  CF_CERTIFICATE_EVIDENCE_PARTIAL: (a) => ({
    message: `the evidence for certificate ${cert(a)} of ${dist(a)} (${names(a.kinds) || 'given'}) does not say enough for: ${names(a.checks) || 'some checks'}`,
    fix: list(a.checks).includes('chain')
      ? `add the chain: --cert ${str(a.certificate) || 'ARN'}=chain.pem (the imported certificate with its intermediates)`
      : list(a.checks).includes('region')
        ? 'give the stack region with --region so the certificate resource region is known'
        : 'give aws acm describe-certificate output for the certificate with --cert',
  }),
};

const TENANTS: Partial<Record<FindingCode, Wording>> = {
  CF_TENANT_PARENT_NOT_MULTI_TENANT: (a) => ({
    message: `${dist(a)} names ${str(a.parent)} as its distribution, which is a standard distribution (ConnectionMode ${str(a.connectionMode) || 'direct'}${a.explicit === true ? '' : ', the default'}): tenants belong to multi-tenant distributions only, so ${rejects(a, 'InvalidArgument')}`,
    fix: `point DistributionId at a multi-tenant distribution (ConnectionMode tenant-only); ConnectionMode cannot be changed on ${str(a.parent)}, so create a multi-tenant distribution for the tenants`,
  }),
  CF_TENANT_MANAGED_CERTIFICATE: (a) => ({
    message: `${dist(a)} asks CloudFront for its certificate (ManagedCertificateRequest) for ${names(a.domains) || 'its domains'}: CloudFront issues it only after validating each domain over HTTP, which needs the domain's DNS to point at CloudFront (validation token host cloudfront) or the token served by your own server (self-hosted); until then HTTPS on those domains fails, and offline nothing more can be checked`,
    fix: 'point each domain at the connection group (a CNAME to its routing endpoint) before or right after creating the tenant, then wait for the managed certificate to be issued',
  }),
};

/** The wording of each CF_ code. */
export const CF_WORDINGS = {
  ...PLACEMENT,
  ...STATE,
  ...COVERAGE,
  ...TLS,
  ...ALIASES,
  ...CHAIN,
  ...WARN,
  ...TENANTS,
} as Record<Extract<FindingCode, `CF_${string}`>, Wording>;

/** Where CF-23's other holders are: `in the inputs`, `in the account`, `in another account`, or several. */
function holderPlaces(a: FindingArgs): string {
  const account = a.accountHolder !== undefined ? 1 : 0;
  const elsewhere = a.elsewhereHolder !== undefined ? 1 : 0;
  const places = [
    ...(Number(a.otherCount) > account + elsewhere ? ['the inputs'] : []),
    ...(account ? ['the account'] : []),
    ...(elsewhere ? ['another account'] : []),
  ];
  return `in ${andList(places.length > 0 ? places : ['the inputs'])}`;
}
