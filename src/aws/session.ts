/**
 * One live session: the credentials (the SDK default chain, or `--profile` through fromIni),
 * the global CloudFront client (signed for us-east-1), one ACM client per region, and the global
 * IAM client (us-east-1; its package loaded only when asked for). Endpoints come from the SDK's
 * own AWS_ENDPOINT_URL_ACM / AWS_ENDPOINT_URL_CLOUDFRONT / AWS_ENDPOINT_URL_IAM; retries are the
 * SDK's standard mode (3 attempts, back-off on throttling).
 */

import { toFailure } from './errors.js';
import { type IamSdk, loadIam, loadSdk, type Sdk, type SdkClient, type SdkCredentials } from './sdk.js';
import type { AwsOptions, AwsResult } from './types.js';

const DEFAULT_TIMEOUT_MS = 5000;

/**
 * The SDK's log goes nowhere: the credential chain falls back to console.warn for a multi-line
 * notice (AWS_PROFILE and env keys both set) unless it is given a logger, and certgate's stderr
 * keeps one line per problem. What matters reaches the report as findings.
 */
const SILENT = { debug() {}, info() {}, warn() {}, error() {} };

/** An open session: its clients, made on first use. */
export class AwsSession {
  private cloudfrontClient?: SdkClient;
  private iamClient?: Promise<{ client: SdkClient; iam: IamSdk }>;
  private readonly acmClients = new Map<string, SdkClient>();
  private readonly credentials: SdkCredentials;
  private readonly handler: {
    connectionTimeout: number;
    requestTimeout: number;
    throwOnRequestTimeout: true;
  };

  private constructor(
    readonly sdk: Sdk,
    options: AwsOptions,
  ) {
    const { fromIni, fromNodeProviderChain } = sdk.credentials;
    // resolved once and shared by every client, so a chain that fails fails once
    const base =
      options.profile !== undefined
        ? fromIni({ profile: options.profile, logger: SILENT })
        : fromNodeProviderChain({ logger: SILENT });
    let cached: ReturnType<SdkCredentials> | undefined;
    this.credentials = () => {
      cached ??= base();
      return cached;
    };
    const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // a request past its timeout is an error (by default the handler only logs a warning and waits)
    this.handler = { connectionTimeout: timeout, requestTimeout: timeout, throwOnRequestTimeout: true };
  }

  /** Loads the SDK and opens a session (no call is made yet). */
  static async open(options: AwsOptions = {}): Promise<AwsSession> {
    return new AwsSession(await loadSdk(), options);
  }

  /** CloudFront is global: one client, signed for us-east-1. */
  cloudfront(): SdkClient {
    this.cloudfrontClient ??= new this.sdk.cloudfront.CloudFrontClient({
      region: 'us-east-1',
      credentials: this.credentials,
      requestHandler: this.handler,
      logger: SILENT,
    });
    return this.cloudfrontClient;
  }

  /** IAM is global (signed for us-east-1): its module is imported on the first call, the client made once. */
  iam(): Promise<{ client: SdkClient; iam: IamSdk }> {
    this.iamClient ??= loadIam().then((iam) => ({
      iam,
      client: new iam.IAMClient({
        region: 'us-east-1',
        credentials: this.credentials,
        requestHandler: this.handler,
        logger: SILENT,
      }),
    }));
    return this.iamClient;
  }

  /** ACM is regional: a client for the region of the certificate's ARN. */
  acm(region: string): SdkClient {
    let client = this.acmClients.get(region);
    if (!client) {
      client = new this.sdk.acm.ACMClient({
        region,
        credentials: this.credentials,
        requestHandler: this.handler,
        logger: SILENT,
      });
      this.acmClients.set(region, client);
    }
    return client;
  }

  /** Runs one call; any SDK error becomes a failure value naming the operation and IAM action. */
  async call<T>(
    what: { operation: string; iamAction: string; region?: string },
    run: () => Promise<T>,
  ): Promise<AwsResult<T>> {
    try {
      return { ok: true, value: await run() };
    } catch (e) {
      return { ok: false, failure: toFailure(e, what, this.secrets()) };
    }
  }

  /** Values no message may carry: the secrets of the environment's credentials, when set there. */
  private secrets(): string[] {
    const env = process.env;
    return [env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN].filter((s): s is string => s !== undefined);
  }

  /** Closes the clients' sockets so the process can exit at once. */
  close(): void {
    this.cloudfrontClient?.destroy();
    // a client still being made is closed when it is ready; a failed import has none
    this.iamClient?.then(
      ({ client }) => client.destroy(),
      () => {},
    );
    for (const c of this.acmClients.values()) c.destroy();
  }
}
