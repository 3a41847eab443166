/**
 * The one error type of the names layer. A name that fails to parse is data, not an exception:
 * every parser returns `Outcome<T, NameError>` and never throws on bad input.
 */

/** What was wrong with a name or address, as a stable PascalCase id for the report layer. */
export type NameErrorKind =
  | 'Empty'
  | 'TooLong'
  | 'LabelTooLong'
  | 'EmptyLabel'
  | 'InvalidCharacter'
  | 'HyphenAtLabelEdge'
  | 'NumericTopLevelLabel'
  | 'InvalidALabel'
  | 'InvalidIdn'
  | 'NonAscii'
  | 'TrailingDot'
  | 'IpAddressLiteral'
  | 'WildcardInReference'
  | 'PartialWildcard'
  | 'WildcardNotLeftmost'
  | 'WildcardTooBroad'
  | 'InvalidIpAddress'
  | 'Ipv4LeadingZero'
  | 'Ipv4Shorthand'
  | 'Ipv6ZoneId';

/**
 * Describes why a DNS name, wildcard pattern or IP address was rejected: a `kind` for code, a
 * lower-case `reason` sentence for people, and the `input` exactly as it was given.
 */
export interface NameError {
  readonly kind: NameErrorKind;
  readonly reason: string;
  readonly input: string;
}

/** Creates a frozen {@link NameError}. */
export function nameError(kind: NameErrorKind, input: string, reason: string): NameError {
  return Object.freeze({ kind, reason, input });
}
