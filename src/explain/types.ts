/**
 * The data `certgate explain` returns: for each error recognised in a pasted text, what it
 * means, the names and ids found in it, and the likely causes in order, each with the check
 * that tells it apart and the command that runs that check. Plain data, so the JSON output is
 * this structure as is; wording for a terminal lives in `text.ts`.
 */

import type { FindingCode } from '../findings/catalog.js';

/** Where an error comes from: CloudFront's API, a TLS client, or certgate itself (a finding code). */
export type ExplainSource = 'cloudfront' | 'tls-client' | 'certgate';

/** The TLS client whose wording matched. */
export type ExplainClient =
  | 'node'
  | 'openssl'
  | 'curl'
  | 'browser'
  | 'java'
  | 'go'
  | 'python'
  | 'dotnet'
  | 'windows'
  | 'gnutls'
  | 'rustls'
  | 'qt'
  | 'nginx'
  | 'envoy'
  | 'ruby';

/** The tool that wrapped a CloudFront error (it decides which `certgate check` input to suggest). */
export type ExplainWrapper = 'cloudformation' | 'cdk' | 'terraform' | 'aws-cli';

/**
 * What the pasted text says, as far as a pattern could read it. Every field is optional: only
 * what was found is set. Names are as the message spells them.
 */
export interface Extracted {
  /** The host name the client connected to (a trailing sentence dot removed). */
  readonly host?: string;
  /** The IP address the client connected to. */
  readonly ip?: string;
  readonly port?: number;
  /** DNS names the certificate presented (Node's `DNS:` altnames, Go's "valid for" list, ...). */
  readonly dnsNames?: readonly string[];
  /** IP addresses the certificate presented. */
  readonly ipAddresses?: readonly string[];
  /** The subject CN, for a certificate without SANs. */
  readonly commonName?: string;
  /** The code the client printed: Node's `err.code`, a browser code, an OpenSSL verify number. */
  readonly clientCode?: string;
  /** The OpenSSL verify error number (`X509_V_ERR_*`), printed or implied by the text. */
  readonly opensslCode?: number;
  /** OpenSSL's depth of the certificate that failed (0 = leaf). */
  readonly depth?: number;
  /** How many certificates the server sent (`openssl s_client -showcerts` output). */
  readonly servedCertificates?: number;
  /** Where that printed chain breaks: certificate `index` is issued by `issuer`, the next one sent is `next`. */
  readonly chainBreak?: { readonly index: number; readonly issuer: string; readonly next: string };
  /** Times printed by the client (Go, Java), as printed. */
  readonly time?: string;
  readonly notAfter?: string;
  readonly notBefore?: string;
  /** An issuer printed near the error (`i:` lines of `openssl s_client -showcerts`). */
  readonly issuer?: string;
  /** Why the trusted certificate the client tried as the issuer did not verify (Go's "possibly because of"). */
  readonly issuerRejected?: string;
  /** A TLS-inspection product named in the issuer (Zscaler, Netskope, ...). */
  readonly proxy?: string;
  /** The CloudFront error code (`InvalidViewerCertificate`). */
  readonly awsError?: string;
  readonly wrapper?: ExplainWrapper;
  /** The API operation (`UpdateDistribution`). */
  readonly operation?: string;
  readonly distributionId?: string;
  readonly certificateArn?: string;
  /** The region of `certificateArn`. */
  readonly region?: string;
  /** The CloudFormation logical id or Terraform address of the distribution. */
  readonly resource?: string;
  readonly requestId?: string;
  /** ViewerCertificate settings seen next to the error. */
  readonly sslSupportMethod?: string;
  readonly minimumProtocolVersion?: string;
  /** A rejected value and the field it was given for (MalformedXML). */
  readonly value?: string;
  readonly field?: string;
  readonly allowedValues?: readonly string[];
  /** The certgate finding code given as input. */
  readonly findingCode?: string;
}

/** One likely cause, with the check that confirms or rules it out. */
export interface Cause {
  /**
   * Stable id of the cause (`missing-intermediate`, `client-trust-store`, `no-sni`, ...; a
   * CloudFront rule's id, `CF-09`, for rulebook causes). See docs/explain.md for the list.
   */
  readonly id: string;
  /** 1 = most likely. */
  readonly rank: number;
  readonly cause: string;
  /** What to look at, concretely, and what each outcome means. */
  readonly check: string;
  /** The command that runs the check, filled with the names found (`<host>` where none was). */
  readonly command?: string;
  /** The rulebook id (`CF-09`) when the cause is a CloudFront rule. */
  readonly rule?: string;
  /** The certgate finding code that reports this cause. */
  readonly code?: FindingCode;
  /** What in the paste moved this cause up or down (the rules of `src/explain/evidence/`). */
  readonly evidence?: readonly CauseEvidence[];
}

/** One piece of evidence for a cause: which rule saw what, where. */
export interface CauseEvidence {
  /** The evidence rule's id, e.g. `client.php`, `proxy.named-product`. */
  readonly rule: string;
  /** Whether the evidence speaks for the cause (`up`) or against it (`down`). */
  readonly moved: 'up' | 'down';
  /** 1-based line of the paste that shows it. */
  readonly line: number;
  /** That line, shortened. */
  readonly excerpt: string;
  /** What it shows, in one sentence. */
  readonly shows: string;
}

/** One recognised error. */
export interface ExplainMatch {
  /** The pattern's stable id, e.g. `cloudfront.ivc.not-covered`, `node.altnames`. */
  readonly id: string;
  readonly title: string;
  readonly source: ExplainSource;
  readonly client?: ExplainClient;
  /** 1-based line of the first occurrence in the (normalised) input. */
  readonly line: number;
  /** The matched text, shortened to at most 240 characters. */
  readonly excerpt: string;
  /** How often the same error (same id and same extracted values) appears. */
  readonly occurrences: number;
  readonly extracted: Extracted;
  /** What the error means, in one or two sentences. */
  readonly meaning: string;
  /** What the extracted names say directly, when they are enough to point at one cause. */
  readonly diagnosis?: string;
  /** Likely causes, most likely first. */
  readonly causes: readonly Cause[];
  /** What to paste or run next when the paste does not settle the cause (no evidence applied). */
  readonly next?: string;
  /** Docs pages (relative to the package root) that explain the matching finding codes. */
  readonly docs: readonly string[];
}

/** The result of {@link explain}. */
export interface Explanation {
  readonly recognised: boolean;
  /** Every error recognised, in the order they first appear. */
  readonly matches: readonly ExplainMatch[];
  /** The input was longer than the cap and only its beginning was read. */
  readonly truncated: boolean;
  /** Matches left out once the match cap was reached. */
  readonly omitted: number;
}

/** What a diagnosis builder returns for one match. */
export interface Diagnosis {
  readonly meaning: string;
  readonly diagnosis?: string;
  /** Causes in order; ranks are assigned from the order. */
  readonly causes: readonly Omit<Cause, 'rank'>[];
  readonly docs?: readonly string[];
}
