/**
 * CloudFront's viewer-certificate policy as data: the enums, which security policies each
 * certificate mode allows, the quotas, the key types, and the order in which CloudFront checks a
 * certificate. Rules read these tables and never hard-code a CloudFront value, so one table change updates every rule.
 *
 * Every table cites its source key from the rulebook (`shared/spec/cloudfront-rules.md` §0).
 */

/**
 * MinimumProtocolVersion values, oldest to newest (BOTO-CF enum; CFN-VC; rulebook §3.2). Note the
 * underscore in `TLSv1_2016` and the dots elsewhere; `TLSv1.2` and `TLSv1.0` are not values (CF-19).
 */
export const MINIMUM_PROTOCOL_VERSIONS = [
  'SSLv3',
  'TLSv1',
  'TLSv1_2016',
  'TLSv1.1_2016',
  'TLSv1.2_2018',
  'TLSv1.2_2019',
  'TLSv1.2_2021',
  'TLSv1.2_2025',
  'TLSv1.3_2025',
] as const;

/** A MinimumProtocolVersion enum value. */
export type MinimumProtocolVersion = (typeof MINIMUM_PROTOCOL_VERSIONS)[number];

/** SSLSupportMethod values (BOTO-CF enum). */
export const SSL_SUPPORT_METHODS = ['sni-only', 'vip', 'static-ip'] as const;

/** Whether a string is a MinimumProtocolVersion enum value (exact spelling). */
export function isMinimumProtocolVersion(value: string): value is MinimumProtocolVersion {
  return (MINIMUM_PROTOCOL_VERSIONS as readonly string[]).includes(value);
}

/** Position of a policy in {@link MINIMUM_PROTOCOL_VERSIONS} (higher is newer); -1 when unknown. */
export function policyRank(value: string): number {
  return (MINIMUM_PROTOCOL_VERSIONS as readonly string[]).indexOf(value);
}

/**
 * Policies each certificate mode accepts without a Support case (D-GEN; rulebook §3.3). The
 * default certificate takes only TLSv1 (anything else is silently overridden, MS-01); vip takes
 * TLSv1 and SSLv3 (CF-18); sni-only takes everything but SSLv3 (CF-17). static-ip is
 * UNCONFIRMED, so it has no entry and no combination rule fires for it.
 */
export const POLICIES_BY_MODE: Readonly<Record<string, readonly MinimumProtocolVersion[]>> = {
  default: ['TLSv1'],
  'sni-only': MINIMUM_PROTOCOL_VERSIONS.filter((p) => p !== 'SSLv3'),
  vip: ['SSLv3', 'TLSv1'],
};

/** The policy CloudFront forces with the default certificate (BOTO-CF MinimumProtocolVersion doc; MS-01). */
export const DEFAULT_CERTIFICATE_POLICY: MinimumProtocolVersion = 'TLSv1';

/** The one policy that offers TLS 1.3 only (D-CIPH 2026 table; MS-11). */
export const TLS13_ONLY_POLICIES: readonly MinimumProtocolVersion[] = ['TLSv1.3_2025'];

/**
 * The oldest policy the security baselines accept (W-03): Security Hub CloudFront.15 and trivy
 * AWS-0013 want TLSv1.2_2021 or newer; Config's security-policy-check stops at TLSv1.2_2018.
 * certgate follows the stricter pair.
 */
export const RECOMMENDED_MINIMUM_POLICY: MinimumProtocolVersion = 'TLSv1.2_2021';

/**
 * Policies that still accept TLS 1.0 (D-CIPH protocol table): keeping them is a sign that
 * legacy clients matter, and legacy clients are the ones without SNI (MS-08).
 */
export const LEGACY_CLIENT_POLICIES: readonly MinimumProtocolVersion[] = ['SSLv3', 'TLSv1', 'TLSv1_2016'];

/** HttpVersion values that make viewers negotiate HTTP/2 or HTTP/3, which need SNI (D-GEN; MS-12). */
export const SNI_HTTP_VERSIONS: readonly string[] = ['http2', 'http3', 'http2and3'];

/** ACM certificates for CloudFront live in this region (BOTO-CF ACMCertificateArn doc; D-REQ; CF-02). */
export const ACM_CLOUDFRONT_REGION = 'us-east-1';

/** The ARN partition whose rules the rulebook describes; China and GovCloud are not researched (§8.9). */
export const ACM_PARTITION = 'aws';

/** The most certificates a chain may hold (D-TS; KC). Whether the leaf counts is UNCONFIRMED (CF-06, §8.3). */
export const MAX_CHAIN_CERTIFICATES = 5;

/** Default quota of aliases per distribution, adjustable (D-QUOTA; CF-25). */
export const MAX_ALIASES_PER_DISTRIBUTION = 100;

/** Default quota of dedicated-IP (vip) certificates per account; SNI has none (D-QUOTA; CF-22). */
export const MAX_DEDICATED_IP_CERTIFICATES = 2;

/** IAMCertificateId is at most 32 characters (BOTO-CF ServerCertificateId); IAM ids are word characters (BOTO-IAM idType). */
export const IAM_CERTIFICATE_ID_MAX = 32;
/** The shortest IAM id (ServerCertificateMetadata.ServerCertificateId: 16 to 128 word characters). */
export const IAM_CERTIFICATE_ID_MIN = 16;
export const IAM_CERTIFICATE_ID_PATTERN = /^[\w]{16,128}$/;

/** IAM server certificates for CloudFront are uploaded under this path prefix (BOTO-IAM; D-PROC-2023; CF-14). */
export const IAM_CLOUDFRONT_PATH_PREFIX = '/cloudfront/';

/** The ACM status a certificate must have (BOTO-ACM CertificateStatus; KC; CF-04). */
export const ACM_STATUS_ISSUED = 'ISSUED';

/**
 * Key algorithms CloudFront serves (D-REQ; D-KEYSIZE; ACM-IMP; CF-11), in ACM's spelling. The
 * model enum also has EC_secp384r1 and EC_secp521r1, which CloudFront does not take.
 */
export const SUPPORTED_KEY_ALGORITHMS: readonly string[] = [
  'RSA_1024',
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'EC_prime256v1',
];

/** Supported, but below the baselines' 2048-bit floor (Config acm-certificate-rsa-check; Security Hub ACM.2; W-04). */
export const WEAK_KEY_ALGORITHMS: readonly string[] = ['RSA_1024'];

/** ACM key algorithm name of an X.509 curve name (BOTO-ACM KeyAlgorithm). */
export const EC_CURVE_ALGORITHMS: Readonly<Record<string, string>> = {
  'P-256': 'EC_prime256v1',
  'P-384': 'EC_secp384r1',
  'P-521': 'EC_secp521r1',
};

/** CloudFront may take up to 24 hours to pick up a reimported certificate (D-REQ; MS-05). */
export const REIMPORT_LEAD_HOURS = 24;

/** ACM renewal states that need someone to act (ACM-CRS; MS-06). */
export const RENEWAL_STATUSES_NEEDING_ACTION: readonly string[] = ['PENDING_VALIDATION', 'FAILED'];

/** CertificateKeyPairOrigin of ACME certificates, which integrated services cannot use (ACM-SVC; CF-29). */
export const ACME_KEY_PAIR_ORIGIN = 'ACME';

/** ManagedBy of tenant certificates (ACM-CHAR; CF-30). */
export const CLOUDFRONT_MANAGED_BY = 'CLOUDFRONT';

/** ConnectionMode of multi-tenant distributions (BOTO-CF; CF-16). */
export const TENANT_ONLY_CONNECTION_MODE = 'tenant-only';

/**
 * The order CloudFront checks a certificate in before it accepts an alias, each step's rank
 * (rulebook §1.1, from D-TS; the KC article's generic first message puts "doesn't exist / not in
 * us-east-1" right after "no certificate"). The gate reports InvalidViewerCertificate rejections in
 * this order, so the first one listed is the one CloudFront returns. Rules not named by D-TS sit
 * with the step whose message they share: a source/placement problem with "doesn't exist", ACM
 * state with "isn't valid", key type with "isn't formatted correctly".
 */
export const INVALID_VIEWER_CERTIFICATE_ORDER: Readonly<Record<string, number>> = {
  'CF-01': 1, // no certificate attached
  'CF-12': 2, // which certificate: conflicting sources
  'CF-13': 2,
  'CF-02': 2, // doesn't exist / not in us-east-1 (KC)
  'CF-03': 2,
  'CF-14': 2,
  'CF-04': 3, // isn't valid (KC; ACM status)
  'CF-06': 4, // more than 5 certificates in the chain
  'CF-05': 5, // a certificate outside its validity dates
  'CF-07': 6, // not signed by a trusted CA
  'CF-08': 7, // badly formatted
  'CF-11': 7,
  'CF-10': 8, // doesn't cover the alias (last)
  'CF-09': 8,
};

/**
 * Path-validation failures (`verify()` codes) that CloudFront's messages call "isn't formatted
 * correctly" (CF-08) rather than "isn't signed by a trusted CA" (CF-07). The split is INFERRED
 * from D-TS's two messages; validity dates belong to CF-05 and are not listed.
 */
export const FORMAT_PATH_CODES: readonly string[] = [
  'PATH_INVALID_CERTIFICATE',
  'PATH_INVALID_EXTENSION',
  'PATH_UNKNOWN_CRITICAL_EXTENSION',
  'PATH_UNSUPPORTED_SIGNATURE_ALGORITHM',
];

/** Path-validation codes about dates, which CF-05 reports from the chain itself. */
export const DATE_PATH_CODES: readonly string[] = ['CERT_EXPIRED', 'CERT_NOT_YET_VALID'];

/** The TLS protocol versions of the security-policy table, newest first (D-CIPH; rulebook §3.5). */
const POLICY_PROTOCOLS = ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1', 'SSLv3'] as const;

/** A protocol version of the security-policy table. */
export type PolicyProtocol = (typeof POLICY_PROTOCOLS)[number];

/**
 * The protocols each security policy lets viewers negotiate (D-CIPH 2026 protocol table;
 * rulebook §3.5). Every policy offers TLS 1.3; TLSv1.3_2025 offers nothing else; SSLv3 only
 * with the SSLv3 policy. `certgate probe --policy` checks a live endpoint against this row.
 */
export const POLICY_PROTOCOL_SUPPORT: Readonly<Record<MinimumProtocolVersion, readonly PolicyProtocol[]>> = {
  SSLv3: ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1', 'SSLv3'],
  TLSv1: ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1'],
  TLSv1_2016: ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1'],
  'TLSv1.1_2016': ['TLSv1.3', 'TLSv1.2', 'TLSv1.1'],
  'TLSv1.2_2018': ['TLSv1.3', 'TLSv1.2'],
  'TLSv1.2_2019': ['TLSv1.3', 'TLSv1.2'],
  'TLSv1.2_2021': ['TLSv1.3', 'TLSv1.2'],
  'TLSv1.2_2025': ['TLSv1.3', 'TLSv1.2'],
  'TLSv1.3_2025': ['TLSv1.3'],
};
