/**
 * A pattern: one way an error is printed, as data. Each has a stable id, a bounded regex, an
 * extractor for the names in the message and a diagnosis builder; `patterns/index.ts` lists
 * them in priority order.
 */

import type { Diagnosis, ExplainClient, ExplainSource, Extracted } from './types.js';

/** What a pattern reads from a match: the extracted values, and the client when the match tells. */
export type Extraction = Extracted & { readonly client?: ExplainClient };

/** One recognisable message. */
export interface Pattern {
  /** Stable id: `<family>.<message>`, e.g. `cloudfront.ivc.not-covered`, `node.altnames`. */
  readonly id: string;
  readonly title: string;
  readonly source: ExplainSource;
  readonly client?: ExplainClient;
  /**
   * A global regex. It must run in linear time on hostile input: fixed phrases (see `phrase`),
   * bounded repetitions (`{0,253}`), no nested quantifiers.
   */
  readonly regex: RegExp;
  /**
   * Matches with the same key describe the same failure (`InvalidViewerCertificate`,
   * `name`, `openssl:20`): a bare code joins the nearest message match with its key.
   */
  readonly key: string;
  /** A code printed without its message (`ERR_TLS_CERT_ALTNAME_INVALID`, `InvalidViewerCertificate`). */
  readonly bareCode?: boolean;
  /** Reads names and values out of a match (and the client, when the wording tells); `text` is the whole input. */
  readonly extract?: (match: RegExpExecArray, text: string) => Extraction;
  /** Words the match: what it means, the causes in order, the checks and commands. */
  readonly diagnose: (extracted: Extracted) => Diagnosis;
  /**
   * The error is about the connection, not a certificate (connection refused, DNS, an HTTP
   * status): listed after the certificate errors of the same text, which are the likelier cause.
   */
  readonly secondary?: boolean;
  /**
   * A generic failure ("certificate verify failed", BoringSSL's CERTIFICATE_VERIFY_FAILED)
   * whose reason a log often prints on another line: a specific error of the same text comes
   * before it.
   */
  readonly generic?: boolean;
  /**
   * Not an error message but a transcript that shows a failure (an `s_client` chain of one
   * certificate): used only when the text holds no error message at all.
   */
  readonly fallback?: boolean;
  /**
   * A short text people also write in prose ("a self signed certificate"): a match with no sign
   * of an error before it on its line counts only when the text holds no other error.
   */
  readonly prose?: boolean;
}

/** A message of one client: case-insensitive, the regex source as given (bounded). */
export function clientPattern(
  client: ExplainClient | undefined,
  id: string,
  title: string,
  key: string,
  source: string,
  diagnose: (extracted: Extracted) => Diagnosis,
  extract?: Pattern['extract'],
): Pattern {
  return {
    id,
    title,
    source: 'tls-client',
    ...(client ? { client } : {}),
    key,
    regex: new RegExp(source, 'gi'),
    ...(extract ? { extract } : {}),
    diagnose,
  };
}

/** A pattern for a bare code: `\bCODE\b`, case-sensitive. */
export function codePattern(
  fields: Omit<Pattern, 'regex' | 'bareCode' | 'extract'> & { readonly code: string },
  extracted: Extracted,
): Pattern {
  const { code, ...rest } = fields;
  return {
    ...rest,
    regex: new RegExp(`\\b${code}\\b`, 'g'),
    bareCode: true,
    extract: () => extracted,
  };
}
