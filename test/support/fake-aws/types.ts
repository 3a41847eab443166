/**
 * The shapes a test writes to describe a fake AWS account. Field names follow the AWS CLI's JSON
 * output (`aws acm describe-certificate`, `aws cloudfront get-distribution-config`), so a fixture
 * reads like what a user pastes, and the fake turns them into each protocol's wire format.
 */

/** ACM `CertificateDetail` as the AWS CLI prints it; timestamps are ISO strings here. */
export interface FakeCertificate {
  CertificateArn: string;
  DomainName: string;
  SubjectAlternativeNames?: string[];
  Status: string;
  Type?: 'AMAZON_ISSUED' | 'IMPORTED' | 'PRIVATE';
  /** As ACM writes it in DescribeCertificate: `RSA-2048`, `EC-prime256v1`, ... */
  KeyAlgorithm?: string;
  Issuer?: string;
  Subject?: string;
  Serial?: string;
  NotBefore?: string;
  NotAfter?: string;
  IssuedAt?: string;
  CreatedAt?: string;
  ImportedAt?: string;
  InUseBy?: string[];
  RenewalEligibility?: 'ELIGIBLE' | 'INELIGIBLE';
  RenewalSummary?: {
    RenewalStatus: string;
    DomainValidationOptions?: FakeDomainValidation[];
    RenewalStatusReason?: string;
    UpdatedAt?: string;
  };
  DomainValidationOptions?: FakeDomainValidation[];
  ManagedBy?: 'CLOUDFRONT';
  /** Served by GetCertificate (not part of DescribeCertificate's answer). */
  CertificatePem?: string;
  CertificateChainPem?: string;
  /** Any other CertificateDetail field (Options, KeyUsages, ...), served as given. */
  [field: string]: unknown;
}

export interface FakeDomainValidation {
  DomainName: string;
  ValidationDomain?: string;
  ValidationStatus?: 'PENDING_VALIDATION' | 'SUCCESS' | 'FAILED';
  ValidationMethod?: 'DNS' | 'EMAIL' | 'HTTP';
  ResourceRecord?: { Name: string; Type: string; Value: string };
}

export interface FakeViewerCertificate {
  ACMCertificateArn?: string;
  IAMCertificateId?: string;
  CloudFrontDefaultCertificate?: boolean;
  SSLSupportMethod?: 'sni-only' | 'vip' | 'static-ip';
  MinimumProtocolVersion?: string;
}

export interface FakeOrigin {
  Id: string;
  DomainName: string;
  OriginPath?: string;
  /** Present for an S3 origin; otherwise the origin is a custom (HTTP) one. */
  S3OriginConfig?: { OriginAccessIdentity: string };
  CustomOriginConfig?: { HTTPPort?: number; HTTPSPort?: number; OriginProtocolPolicy?: string };
}

export interface FakeDistribution {
  Id: string;
  ARN?: string;
  /** `dxxxxxxxxxxxxx.cloudfront.net`; derived from the Id when absent. */
  DomainName?: string;
  Status?: 'Deployed' | 'InProgress';
  Enabled?: boolean;
  Aliases: string[];
  ViewerCertificate: FakeViewerCertificate;
  HttpVersion?: string;
  IsIPV6Enabled?: boolean;
  ConnectionMode?: 'direct' | 'tenant-only';
  /** The version tag GetDistribution(Config) answer in the ETag header; derived when absent. */
  ETag?: string;
  Comment?: string;
  PriceClass?: string;
  WebACLId?: string;
  LastModifiedTime?: string;
  CallerReference?: string;
  Origins?: FakeOrigin[];
  DefaultCacheBehavior?: {
    TargetOriginId?: string;
    ViewerProtocolPolicy?: string;
    CachePolicyId?: string;
    Compress?: boolean;
  };
}

/** A holder of an alias in another account, as ListConflictingAliases / ListDomainConflicts show it. */
export interface FakeConflict {
  alias: string;
  /** Masked as AWS masks other accounts' ids, e.g. "*******EXAMPLE". */
  distributionId: string;
  /** Masked, e.g. "******111122". */
  accountId: string;
  resourceType?: 'distribution' | 'distribution-tenant';
}

/**
 * An IAM server certificate (ListServerCertificates / GetServerCertificate), as `aws iam
 * get-server-certificate` prints its metadata; timestamps are ISO strings.
 */
export interface FakeServerCertificate {
  ServerCertificateName: string;
  /** `ASCA...`: what CloudFront's ViewerCertificate.IAMCertificateId names. */
  ServerCertificateId: string;
  /** Default `/`; CloudFront uses only certificates under `/cloudfront/`. */
  Path?: string;
  /** Derived from the account, Path and name when absent. */
  Arn?: string;
  UploadDate?: string;
  Expiration?: string;
  /** PEM. */
  CertificateBody: string;
  /** PEM, the intermediates. */
  CertificateChain?: string;
}

/** A CloudFront SaaS Manager distribution tenant (ListDistributionTenants item). */
export interface FakeTenant {
  Id: string;
  DistributionId: string;
  Name?: string;
  Arn?: string;
  Domains: { Domain: string; Status?: 'active' | 'inactive' }[];
  ConnectionGroupId?: string;
  /** Certificate override for the tenant's domains. */
  CertificateArn?: string;
  Enabled?: boolean;
  Status?: string;
  ETag?: string;
  CreatedTime?: string;
  LastModifiedTime?: string;
}

/**
 * An error answer: `code` becomes ACM's `__type` or CloudFront's `<Code>`. A status below 400
 * answers no error: the call waits `delayMs` (or drops) and is otherwise served as usual.
 */
export interface Fault {
  status: number;
  code: string;
  message: string;
  /** CloudFront's `<Type>`; default Sender. */
  type?: 'Sender' | 'Receiver';
  /** Destroy the connection instead of answering (the SDK sees a network error). */
  dropConnection?: boolean;
  /** Wait this long before answering (or dropping), to exercise timeouts. */
  delayMs?: number;
}

export type QueuedFault = Fault & { always?: boolean };

export interface FakeAccountSpec {
  accountId: string;
  distributions: FakeDistribution[];
  /** By region: 'us-east-1', 'eu-west-1', ... */
  certificates: Record<string, FakeCertificate[]>;
  /** What ListConflictingAliases / ListDomainConflicts answer per alias (other accounts' holders). */
  conflicts?: FakeConflict[];
  /** IAM server certificates (IAM is global: one list for the account). */
  serverCertificates?: FakeServerCertificate[];
  /** Largest page of ListServerCertificates, to force pagination; default 100. */
  iamPageSize?: number;
  /** Distribution tenants (ListDistributionTenants). */
  tenants?: FakeTenant[];
  /**
   * Item element of a tenant's `Domains` list: `member`, what the pinned SDK parses (default), or
   * `DomainResult`, what the API reference documents (the SDK then reads an empty list, spec §2.7).
   */
  tenantDomainItem?: 'member' | 'DomainResult';
  /** Largest page of ListConflictingAliases / ListDomainConflicts, to force pagination; default 100. */
  conflictPageSize?: number;
  /** Largest page the fake answers, to force pagination; default 2 (ListDistributions, ListCertificates). */
  pageSize?: number;
  /**
   * Faults queued per operation name ('ListDistributions', 'DescribeCertificate', ...): each call
   * takes the next one; when the queue is empty the call succeeds. `always: true` is never used up.
   */
  faults?: Record<string, QueuedFault[]>;
  /** Opt-in regions not enabled: every ACM call signed for them answers UnrecognizedClientException. */
  disabledRegions?: string[];
  /** Access key ids whose session has expired: ExpiredToken(Exception). */
  expiredAccessKeyIds?: string[];
  /**
   * Access key ids accepted besides the fake's own (FAKE_ACCESS_KEY_ID); any other id is refused
   * as AWS refuses an unknown key (InvalidClientTokenId / UnrecognizedClientException).
   */
  extraAccessKeyIds?: string[];
}

export interface RecordedRequest {
  service: 'acm' | 'cloudfront' | 'iam';
  operation: string;
  /** From the SigV4 credential scope; '' when unsigned. */
  region: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  /** What the fake answered (absent while in flight, or when the connection was dropped). */
  status?: number;
  responseBody?: string;
}

export interface FakeAws {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Environment for the SDK (endpoints, fake credentials, no machine config files). */
  env: Record<string, string>;
  requests: RecordedRequest[];
  /** Queue one more fault for an operation while the fake runs. */
  queueFault(operation: string, fault: QueuedFault): void;
  close(): Promise<void>;
}

/** What a protocol handler answers; the server writes it. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}
