/**
 * The CloudFront model the gate checks: the viewer-certificate and alias part of a distribution
 * config, and the certificate evidence it is checked against. Every source (AWS CLI JSON,
 * CloudFormation, Terraform plan, CDK) produces these; every rule reads only these.
 *
 * Values that a template computes at deploy time may be unknown here: such a value is an
 * `Unresolved` with the reason, so a rule can say what it could not check instead of passing.
 */

import type { Finding } from '../findings/finding.js';
import type { Locator } from '../findings/types.js';
import type { Certificate } from '../x509/model.js';

/** A value the source could not resolve offline (`!GetAtt`, `!ImportValue`, a Terraform "known after apply"). */
export interface Unresolved {
  readonly unresolved: true;
  /** Lower-case reason, e.g. `!ImportValue SharedCertArn is resolved at deploy time`. */
  readonly reason: string;
  /**
   * Set when the value is certainly a string, only not known offline: its pieces in order
   * (`!Sub arn:aws:acm:${AWS::Region}:${AWS::AccountId}:...` in eu-west-1 is
   * `['arn:aws:acm:eu-west-1:', {computed: '${AWS::AccountId}'}, ...]`). Absent when not even that
   * is known: an `Fn::If` that may be `AWS::NoValue`, a value that may be a list.
   */
  readonly text?: readonly TextPiece[];
  /**
   * Set when the value is certainly a list, only not known offline, of at least this many items:
   * `Fn::Split` always gives one, whatever it splits. Absent when the list may be empty.
   */
  readonly minItems?: number;
}

/** A piece of a partly known string: text as it will be, or a piece computed at deploy time, as written. */
export type TextPiece = string | { readonly computed: string };

/** Whether a value is a string, known or not (an Unresolved whose `text` says it is one). */
export function isSomeString(value: unknown): boolean {
  return typeof value === 'string' || (isUnresolved(value) && value.text !== undefined);
}

/** The text a partly known string certainly starts with: its pieces up to the first computed one. */
export function knownStart(text: readonly TextPiece[]): string {
  let out = '';
  for (const piece of text) {
    if (typeof piece !== 'string') break;
    out += piece;
  }
  return out;
}

/** A partly known string for messages: the known text, each computed piece as written. */
export function shownText(text: readonly TextPiece[]): string {
  return text.map((piece) => (typeof piece === 'string' ? piece : piece.computed)).join('');
}

/** A field as read from the input: its value (or why it is unknown) and where it is. */
export interface Field<T> {
  readonly value: T | Unresolved;
  readonly location: Locator;
}

/** Type guard for an unresolved value. */
export function isUnresolved(value: unknown): value is Unresolved {
  return typeof value === 'object' && value !== null && (value as Unresolved).unresolved === true;
}

/**
 * ViewerCertificate (rulebook §3.1), with API field names. Absent fields are undefined; a field
 * present in the input is a Field even when its value could not be resolved.
 */
export interface ViewerCertificate {
  /** Where the ViewerCertificate block is (or the distribution, when the block is absent). */
  readonly location: Locator;
  readonly cloudFrontDefaultCertificate?: Field<boolean>;
  readonly acmCertificateArn?: Field<string>;
  readonly iamCertificateId?: Field<string>;
  /** `sni-only`, `vip`, `static-ip` (or anything else the input says). */
  readonly sslSupportMethod?: Field<string>;
  /** As written, e.g. `TLSv1.2_2021` (validity is a rule's business, CF-19). */
  readonly minimumProtocolVersion?: Field<string>;
  /** Deprecated echo fields of GetDistributionConfig output (CF-13). */
  readonly certificate?: Field<string>;
  readonly certificateSource?: Field<string>;
}

/** Which kind of input a distribution came from. */
export type SourceFormat = 'aws-cli' | 'cloudformation' | 'terraform' | 'cdk';

/** One distribution's config, as far as the gate is concerned. */
export interface Distribution {
  /**
   * A stable name for reports: the distribution Id (`E1ABC...`) for AWS CLI output, the logical
   * id for CloudFormation/CDK (`Stack/LogicalId` for CDK), the resource address for Terraform.
   */
  readonly id: string;
  readonly format: SourceFormat;
  /**
   * Set when the entry is a distribution (or tenant) as deployed, read from AWS CLI output of an
   * existing one (get-distribution, list-distributions, get-/list-distribution-tenant(s)): it is
   * not being changed. Unset for what is being deployed: a template, a plan, a config prepared
   * for create/update-distribution (get-distribution-config output, a bare DistributionConfig).
   */
  readonly deployed?: true;
  /** The input file. */
  readonly source: string;
  /** Where the distribution is defined in the input. */
  readonly location: Locator;
  /** Aliases (CNAMEs), each with its own location; empty when there are none. */
  readonly aliases: readonly Field<string>[];
  /** When the whole alias list is computed at deploy time, why (`aliases` is then empty). */
  readonly aliasesUnresolved?: Unresolved & { readonly location: Locator };
  /** `Aliases.Quantity` in the API form (CF-26); undefined for other formats. */
  readonly aliasesQuantity?: Field<number>;
  /** Absent when the config has no ViewerCertificate block (CloudFront then uses its default certificate). */
  readonly viewerCertificate?: ViewerCertificate;
  /** `http1.1`, `http2`, `http3`, `http2and3` (MS-09, MS-12). */
  readonly httpVersion?: Field<string>;
  /** `direct` or `tenant-only` (CF-16). */
  readonly connectionMode?: Field<string>;
  /** The ETag of get-distribution-config output (CF-28 reminder); undefined elsewhere. */
  readonly etag?: string;
  /** The distribution's account, when the input says (a distribution ARN); CF-03. */
  readonly accountId?: string;
  /**
   * The CloudFront id of the deployed distribution this entry is a new version of, when the input
   * says (a Terraform plan's in-place update knows it): the account's copy with this id is the
   * same distribution, never a conflict.
   */
  readonly deployedId?: string;
  /**
   * CloudFront's own domain name of a deployed distribution (`d111111abcdef8.cloudfront.net`),
   * from list-/get-distribution output: where `probe --from-aws` connects, whatever DNS says.
   */
  readonly domainName?: string;
  /**
   * When the certificate is a resource of the same template or plan (`!Ref Cert`,
   * `aws_acm_certificate.cert.arn`), the evidence key of that resource (see CertificateEvidence.key).
   */
  readonly certificateResource?: string;
  /** Set when this entry is a distribution tenant (CloudFront SaaS Manager), not a distribution. */
  readonly tenant?: TenantOf;
  /**
   * When the checked fields depend on conditions unknown offline (CloudFormation `Fn::If`), the
   * distribution read under each combination of their values; the gate checks each and reports
   * a finding once, with the condition values that lead to it. This object then holds the
   * fields as far as they are known without assuming anything.
   */
  readonly variants?: readonly DistributionVariant[];
}

/** One reading of a distribution under an assumed value of each unknown condition. */
export interface DistributionVariant {
  /** Condition name → the value assumed (`{IsProd: false}`). */
  readonly assumes: Readonly<Record<string, boolean>>;
  readonly distribution: Distribution;
  /** The source's findings for this reading (unresolved fields, refused values). */
  readonly findings: readonly Finding[];
}

/**
 * What makes an entry a distribution tenant: its domains are the entry's `aliases`, its own
 * certificate (`Customizations.Certificate.Arn`) its `viewerCertificate`. Tenants serve over SNI
 * through a connection group; the rest of their TLS settings are their parent's.
 */
export interface TenantOf {
  /**
   * The multi-tenant distribution (`DistributionId`), as the input names it: the `id` of a
   * Distribution of the same inputs (a template's logical id, a plan's address) or a CloudFront id.
   */
  readonly parent: Field<string>;
  /**
   * Which certificate the tenant's domains are served with: its own (Customizations), one it asks
   * CloudFront to issue (ManagedCertificateRequest), else its parent distribution's.
   */
  readonly certificate: 'own' | 'managed' | 'parent';
  /**
   * The tenant's Name (and, for AWS CLI output, its Id), when the input says: unique in an
   * account, so the account's tenant of that name is this one (`--aws`), not a conflict.
   */
  readonly names?: readonly string[];
  /** Where the ManagedCertificateRequest is, when there is one. */
  readonly managedCertificateRequest?: Locator;
  /** Set by the gate when the parent is among the inputs (src/check/tenants.ts). */
  readonly parentDistribution?: Distribution;
}

/** Where a certificate's evidence came from. */
export type EvidenceKind =
  | 'acm-describe' // aws acm describe-certificate output
  | 'acm-live' // DescribeCertificate fetched with --aws (a file's evidence wins over it)
  | 'acm-list' // aws acm list-certificates summary (fewer fields)
  | 'cfn-resource' // AWS::CertificateManager::Certificate in a template
  | 'tf-resource' // aws_acm_certificate in a plan
  | 'pem'; // a PEM/DER chain bound to an ARN or IAM certificate id

/** A DNS validation record of an ACM certificate (DomainValidationOptions[].ResourceRecord). */
export interface ValidationOption {
  readonly domainName: string;
  readonly validationStatus?: string;
  readonly validationMethod?: string;
  readonly resourceRecord?: { readonly name: string; readonly type: string; readonly value: string };
}

/**
 * What is known about one certificate. Fields are undefined when the evidence does not say;
 * rules needing an absent field report that they could not check, once per distribution.
 */
export interface CertificateEvidence {
  /**
   * The lookup key: an ACM ARN, an IAM server certificate id, or for template resources
   * `cfn:<source>#<LogicalId>` / `tf:<address>` (matching Distribution.certificateResource).
   */
  readonly key: string;
  readonly kind: EvidenceKind;
  readonly source: string;
  readonly location: Locator;
  readonly arn?: string;
  /** From the ARN, or the stack/provider region for template resources. */
  readonly region?: string;
  readonly accountId?: string;
  /** ACM Status: ISSUED, PENDING_VALIDATION, INACTIVE, EXPIRED, VALIDATION_TIMED_OUT, REVOKED, FAILED. */
  readonly status?: string;
  /** ACM Type: AMAZON_ISSUED, IMPORTED, PRIVATE. */
  readonly type?: string;
  /** ACM's Issuer (`Amazon`, or the CA of an imported certificate). */
  readonly issuer?: string;
  readonly domainName?: string;
  /** SANs as the certificate lists them (ACM copies the domain name in); Unresolved for computed template values. */
  readonly subjectAlternativeNames?: readonly string[] | Unresolved;
  /** Normalised ACM spelling: `RSA_1024`, `RSA_2048`, `RSA_3072`, `RSA_4096`, `EC_prime256v1`, `EC_secp384r1`, `EC_secp521r1`. */
  readonly keyAlgorithm?: string;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  readonly inUseBy?: readonly string[];
  /** ELIGIBLE / INELIGIBLE. */
  readonly renewalEligibility?: string;
  /** RenewalSummary.RenewalStatus: PENDING_AUTO_RENEWAL, PENDING_VALIDATION, SUCCESS, FAILED. */
  readonly renewalStatus?: string;
  /** DNS, EMAIL, HTTP (from the first DomainValidationOption or the template). */
  readonly validationMethod?: string;
  readonly validationOptions?: readonly ValidationOption[];
  /** ManagedBy (CLOUDFRONT for tenant certificates, CF-30). */
  readonly managedBy?: string;
  /** CertificateKeyPairOrigin (ACME, AWS_MANAGED, CUSTOMER_PROVIDED; CF-29). */
  readonly keyPairOrigin?: string;
  /** For IAM server certificates: the IAM Path (`ServerCertificateMetadata.Path`); CF-14. */
  readonly iamPath?: string;
  /** For `pem` evidence: the decoded chain, leaf first, as given. */
  readonly chain?: readonly Certificate[];
}
