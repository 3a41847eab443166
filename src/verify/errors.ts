/**
 * The one error `verify()` throws for bad usage (as opposed to a bad certificate, which is a
 * finding, or an undecodable one, which is an `X509DecodeError`).
 */

/** Which option was wrong. */
export type VerifyUsageOption = 'host' | 'ip' | 'chain';

/**
 * VerifyUsageError reports an option that cannot be used: a `host` that is not a valid DNS name
 * (or is an IP address), an `ip` that is not an address, both `host` and `ip`, or a `chain`
 * without a certificate. The CLI maps it to exit code 2.
 *
 * A bad reference identity is a usage error rather than a finding on purpose: it says nothing
 * about the certificate, and a run that cannot check the name must not look like a verdict.
 */
export class VerifyUsageError extends Error {
  readonly option: VerifyUsageOption;
  /** The value as given (empty when the problem is a missing value). */
  readonly value: string;
  /** Lower-case reason without trailing period. */
  readonly reason: string;

  constructor(option: VerifyUsageOption, value: string, reason: string) {
    super(`invalid ${option} ${JSON.stringify(value)}: ${reason}`);
    this.name = 'VerifyUsageError';
    this.option = option;
    this.value = value;
    this.reason = reason;
  }
}
