/**
 * The AWS SDK, loaded on first use only: the packages cost 100-300 ms each to import, and
 * offline commands and `--version` never pay for them (the CLI bundle keeps packages external, and
 * these are dynamic imports, so even the live-mode chunk does not load them until a call is made).
 * What live mode uses of the SDK is typed here structurally (the assignment in loadSdk checks it
 * against the SDK's own types), so the emitted declarations carry no SDK or Node types. The IAM
 * client is loaded apart (loadIam), only when a distribution names an IAM server certificate.
 */

/** A client: sends a command, and closes its sockets. */
export interface SdkClient {
  send(command: object): Promise<unknown>;
  destroy(): void;
}

/** The SDK's logger interface; live mode gives a silent one. */
export interface SdkLogger {
  debug(...content: unknown[]): void;
  info(...content: unknown[]): void;
  warn(...content: unknown[]): void;
  error(...content: unknown[]): void;
}

/** A credentials provider, as the SDK's clients take it. */
export type SdkCredentials = () => Promise<{ accessKeyId: string; secretAccessKey: string }>;

/** What every client is made with. */
export interface SdkClientConfig {
  region: string;
  credentials: SdkCredentials;
  requestHandler: { connectionTimeout: number; requestTimeout: number; throwOnRequestTimeout: boolean };
  logger: SdkLogger;
}

/** ACM's key algorithms, every one (ListCertificates hides all but RSA unless asked, spec §1.3). */
export type AcmKeyAlgorithm =
  | 'EC_prime256v1'
  | 'EC_secp384r1'
  | 'EC_secp521r1'
  | 'RSA_1024'
  | 'RSA_2048'
  | 'RSA_3072'
  | 'RSA_4096';

type ClientClass = new (config: SdkClientConfig) => SdkClient;
type CommandClass<I> = new (input: I) => object;

/** The SDK modules live mode uses, the members it uses. */
export interface Sdk {
  readonly acm: {
    ACMClient: ClientClass;
    DescribeCertificateCommand: CommandClass<{ CertificateArn: string }>;
    ListCertificatesCommand: CommandClass<{
      Includes?: { keyTypes?: AcmKeyAlgorithm[] };
      CertificateKeyPairOrigins?: ('ACME' | 'AWS_MANAGED' | 'CUSTOMER_PROVIDED')[];
      NextToken?: string;
      MaxItems?: number;
    }>;
    GetCertificateCommand: CommandClass<{ CertificateArn: string }>;
  };
  readonly cloudfront: {
    CloudFrontClient: ClientClass;
    ListDistributionsCommand: CommandClass<{ Marker?: string; MaxItems?: number }>;
    GetDistributionCommand: CommandClass<{ Id: string }>;
    ListDistributionTenantsCommand: CommandClass<{ Marker?: string; MaxItems?: number }>;
    ListConflictingAliasesCommand: CommandClass<{
      DistributionId: string;
      Alias: string;
      Marker?: string;
      MaxItems?: number;
    }>;
    ListDomainConflictsCommand: CommandClass<{
      Domain: string;
      DomainControlValidationResource: { DistributionId?: string; DistributionTenantId?: string };
      Marker?: string;
      MaxItems?: number;
    }>;
  };
  readonly credentials: {
    fromIni(init: { profile: string; logger: SdkLogger }): SdkCredentials;
    fromNodeProviderChain(init: { logger: SdkLogger }): SdkCredentials;
  };
}

/** The IAM module (server certificates), loaded apart from the rest. */
export interface IamSdk {
  IAMClient: ClientClass;
  ListServerCertificatesCommand: CommandClass<{ PathPrefix?: string; Marker?: string; MaxItems?: number }>;
  GetServerCertificateCommand: CommandClass<{ ServerCertificateName: string }>;
}

let loading: Promise<Sdk> | undefined;
let loadingIam: Promise<IamSdk> | undefined;

/** Imports the IAM client once, after loadSdk (which set the Node-version warning off). */
export function loadIam(): Promise<IamSdk> {
  loadingIam ??= import('@aws-sdk/client-iam').then((iam) => {
    const sdk: IamSdk = iam;
    return sdk;
  });
  return loadingIam;
}

/**
 * Imports the SDK once. On Node 20 the pinned SDK prints a multi-line NodeVersionSupportWarning to
 * stderr; it is turned off (unless the user set the variable) so one-line errors stay one line.
 */
export function loadSdk(): Promise<Sdk> {
  if (!loading) {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    loading = Promise.all([
      import('@aws-sdk/client-acm'),
      import('@aws-sdk/client-cloudfront'),
      import('@aws-sdk/credential-providers'),
    ]).then(([acm, cloudfront, credentials]) => {
      const sdk: Sdk = { acm, cloudfront, credentials };
      return sdk;
    });
  }
  return loading;
}
