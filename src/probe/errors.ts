/**
 * The usage error `probe()` throws for an option it cannot use (`--resolve`, `--expect`, `--sni`,
 * ...). A bad target is not one: it is a result with a PROBE_BAD_TARGET finding (`target` stays
 * in {@link ProbeUsageOption} for callers that still match on it).
 */

/** An option of {@link probe} whose value was refused. */
export type ProbeUsageOption = 'target' | 'resolve' | 'expect' | 'sni' | 'policy' | 'timeout' | 'concurrency';

/** A value {@link probe} cannot use: which option, the value, and why (lower case, no period). */
export class ProbeUsageError extends Error {
  readonly option: ProbeUsageOption;
  readonly value: string;
  readonly reason: string;

  constructor(option: ProbeUsageOption, value: string, reason: string) {
    super(`${option} ${JSON.stringify(value)}: ${reason}`);
    this.name = 'ProbeUsageError';
    this.option = option;
    this.value = value;
    this.reason = reason;
  }
}
