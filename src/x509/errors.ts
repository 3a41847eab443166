/**
 * The one error the X.509 decoding layer throws for bad input. Anything else escaping from
 * `decodeCertificate`, `readCertificates` or `readPemBlocks` is a bug.
 */

/**
 * X509DecodeError reports input that is not a well-formed certificate, PEM file or PKCS#7 bundle.
 *
 * `reason` is a lower-case phrase without trailing period (`non-minimal length encoding`);
 * `offset` is the absolute byte offset in the DER being decoded, when the problem has one;
 * `context` names where in the input the DER came from (`block 2 (line 31)`), when known; and
 * `source` the input itself (a path), when the caller gave one. The message leaves `source` out
 * so that callers which already print it (`chain.pem: ...`) do not repeat it.
 *
 * @example
 * ```ts
 * try { decodeCertificate(der); } catch (e) {
 *   if (e instanceof X509DecodeError) console.error(e.message); // "at byte 4: non-minimal length encoding"
 * }
 * ```
 */
export class X509DecodeError extends Error {
  /** What is wrong, lower-case, without trailing period. */
  readonly reason: string;
  /** Absolute byte offset in the DER being decoded, if the problem has a position. */
  readonly offset?: number;
  /** Where in the input the DER came from (a PEM block), if known. */
  readonly context?: string;
  /** The input's name (a path, `-`), if the caller gave one. Not part of `message`. */
  readonly source?: string;

  constructor(reason: string, offset?: number, context?: string, source?: string) {
    super(formatMessage(reason, offset, context));
    this.name = 'X509DecodeError';
    this.reason = reason;
    if (offset !== undefined) this.offset = offset;
    if (context !== undefined) this.context = context;
    if (source !== undefined) this.source = source;
  }

  /** Returns a copy whose context is `prefix`, joined before any context already present. */
  withContext(prefix: string): X509DecodeError {
    const context = this.context === undefined ? prefix : `${prefix}: ${this.context}`;
    return new X509DecodeError(this.reason, this.offset, context, this.source);
  }

  /** Returns a copy whose reason starts with `prefix` (e.g. the extension it happened in). */
  withReasonPrefix(prefix: string): X509DecodeError {
    return new X509DecodeError(`${prefix}: ${this.reason}`, this.offset, this.context, this.source);
  }
}

/** Throws an X509DecodeError at `offset` (an absolute byte offset in the DER). */
export function fail(offset: number, reason: string): never {
  throw new X509DecodeError(reason, offset);
}

function formatMessage(reason: string, offset?: number, context?: string): string {
  const at = offset === undefined ? reason : `at byte ${offset}: ${reason}`;
  return context === undefined ? at : `${context}: ${at}`;
}

/**
 * Converts anything thrown while decoding into an X509DecodeError, so that no RangeError or
 * TypeError escapes the decoder. Used at the public entry points only.
 */
export function toDecodeError(e: unknown): X509DecodeError {
  if (e instanceof X509DecodeError) return e;
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return new X509DecodeError('input nests too deeply');
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new X509DecodeError(`internal error while decoding: ${detail}`);
}
