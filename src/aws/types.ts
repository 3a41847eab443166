/**
 * What the AWS layer hands back: data in the AWS CLI's JSON shape (so the existing readers turn it
 * into the model), or a failure as a value. Nothing here throws for an AWS problem.
 */

/** Why an AWS call failed, as the gate reports it (one AWS_* finding code per kind). */
export type AwsFailureKind =
  | 'no-credentials'
  | 'expired-credentials'
  | 'access-denied'
  | 'throttled'
  | 'region-disabled'
  | 'not-found'
  | 'network'
  | 'other';

/** One failed call: the operation, the IAM action it needs, and a one-line message without secrets. */
export interface AwsFailure {
  readonly operation: string;
  readonly iamAction: string;
  readonly kind: AwsFailureKind;
  readonly message: string;
  /** The region the call went to (ACM is regional; CloudFront is global, us-east-1). */
  readonly region?: string;
}

/** A call's result: the value, or why there is none. */
export type AwsResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly failure: AwsFailure };

/** How the live session is set up (`--profile`, timeouts); everything else comes from the SDK's own env and config. */
export interface AwsOptions {
  /** `--profile NAME`: a profile of the shared config/credentials files (fromIni). */
  readonly profile?: string;
  /** Connection and request timeout of each HTTP call, in ms (default 5000). */
  readonly timeoutMs?: number;
  /** `--aws-preflight`: ListDomainConflicts (else ListConflictingAliases) for aliases the account cannot see. */
  readonly preflight?: boolean;
  /** `--distribution-id ID`: deployed distributions to check, read with GetDistribution. */
  readonly distributionIds?: readonly string[];
  /** `--all-distributions`: every distribution of the account is checked (an audit). */
  readonly allDistributions?: boolean;
}
