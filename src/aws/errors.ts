/**
 * An SDK error → an AwsFailure. The message is one line, bounded, and scrubbed: SDK errors can
 * quote a request (headers, the credential scope of a signature), never a secret we print.
 */

import type { AwsFailure, AwsFailureKind } from './types.js';

const NO_CREDENTIALS = new Set([
  'CredentialsProviderError',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
]);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
const DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedException',
]);
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'LimitExceededException',
  'RequestLimitExceeded',
]);
const NOT_FOUND = new Set([
  'ResourceNotFoundException',
  'NoSuchDistribution',
  'NoSuchResource',
  // IAM's NoSuchEntity, as the SDK names it
  'NoSuchEntityException',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ECONNABORTED',
]);

interface SdkError {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly cause?: unknown;
}

const asError = (e: unknown): SdkError => (typeof e === 'object' && e !== null ? (e as SdkError) : {});

/** The system error code of a network failure, looked for in the error and its causes. */
function networkCode(e: SdkError): string | undefined {
  for (let cur: SdkError | undefined = e, depth = 0; cur && depth < 4; depth++) {
    if (typeof cur.code === 'string' && NETWORK_CODES.has(cur.code)) return cur.code;
    cur = cur.cause === undefined ? undefined : asError(cur.cause);
  }
  return undefined;
}

/** Which kind of failure an SDK error is. */
export function failureKind(error: unknown, region?: string): AwsFailureKind {
  const e = asError(error);
  const name = typeof e.name === 'string' ? e.name : '';
  const status = e.$metadata?.httpStatusCode;
  // an opt-in region that is not enabled refuses every token (spec §2.1); us-east-1 cannot be
  // disabled, so there it means credentials the service does not know
  if (name === 'UnrecognizedClientException')
    return region !== undefined && region !== 'us-east-1' ? 'region-disabled' : 'no-credentials';
  if (NO_CREDENTIALS.has(name)) return 'no-credentials';
  if (EXPIRED.has(name)) return 'expired-credentials';
  if (DENIED.has(name) || status === 403) return 'access-denied';
  if (THROTTLED.has(name) || status === 429) return 'throttled';
  if (NOT_FOUND.has(name) || status === 404) return 'not-found';
  if (networkCode(e) !== undefined || name === 'TimeoutError' || name === 'RequestTimeout') return 'network';
  return 'other';
}

// what a message must never carry: access key ids, anything after a secret-looking key, signatures
const SCRUB: readonly [RegExp, string][] = [
  [/\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g, '[access key id]'],
  [/(secret|token|signature|credential|authorization)(["':= ]+)[^\s"',;]+/gi, '$1$2[redacted]'],
  [/AWS4-HMAC-SHA256[^\n]*/g, '[signed header]'],
];

const MAX_MESSAGE = 300;

/** A message safe to print: one line, bounded, scrubbed of anything that looks like a credential. */
export function safeMessage(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(/\s+/g, ' ').trim();
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('[redacted]');
  for (const [re, to] of SCRUB) out = out.replace(re, to);
  return out.length > MAX_MESSAGE ? `${out.slice(0, MAX_MESSAGE - 1)}…` : out;
}

/** What the SDK said, as a short phrase: its error name and message, or the network code. */
function describe(e: SdkError, kind: AwsFailureKind): string {
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const message = typeof e.message === 'string' ? e.message : '';
  const code = networkCode(e);
  if (kind === 'network')
    return code ? `${code}${message && !message.includes(code) ? `: ${message}` : ''}` : message || name;
  if (kind === 'no-credentials' && name === 'CredentialsProviderError')
    return 'no credentials in the SDK default chain';
  return message && message !== name ? `${name}: ${message}` : name;
}

/**
 * The failure of one call. `secrets` are values that must not appear even if an error quotes
 * them (the session's own keys, when known).
 */
export function toFailure(
  error: unknown,
  call: { operation: string; iamAction: string; region?: string },
  secrets: readonly string[] = [],
): AwsFailure {
  const kind = failureKind(error, call.region);
  const message = safeMessage(describe(asError(error), kind), secrets);
  return { ...call, kind, message };
}
