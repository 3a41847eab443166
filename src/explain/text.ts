/**
 * The text output of `certgate explain`: per error, what was recognised and where, what it
 * means, what the message itself settles, then the causes in order with their checks and
 * commands. Colour comes from the caller; the formatter never looks at the environment.
 */

import { type Colors, createColors } from '../report/colors.js';
import { forTerminal, terminalSafe } from '../report/terminal.js';
import { MAX_EXPLAIN_INPUT } from './input.js';
import type { ExplainMatch, Explanation, Extracted } from './types.js';

/** Options for {@link formatExplanationText}. */
export interface ExplainTextOptions {
  readonly colors?: Colors;
}

const CLIENT_NAMES: Readonly<Record<string, string>> = {
  node: 'Node.js',
  openssl: 'OpenSSL',
  curl: 'curl',
  browser: 'a browser',
  java: 'Java',
  go: 'Go',
  python: 'Python',
  dotnet: '.NET',
  windows: 'Windows (Schannel / WinINet)',
  gnutls: 'GnuTLS (wget, git, apt)',
  rustls: 'rustls',
  qt: 'Qt',
  nginx: 'nginx',
  envoy: 'Envoy',
  ruby: 'Ruby',
};

const WRAPPER_NAMES: Readonly<Record<string, string>> = {
  cloudformation: 'CloudFormation',
  cdk: 'CDK',
  terraform: 'Terraform',
  'aws-cli': 'the AWS CLI',
};

function origin(m: ExplainMatch): string {
  const e = m.extracted;
  if (m.source === 'cloudfront') return `CloudFront${e.wrapper ? ` via ${WRAPPER_NAMES[e.wrapper]}` : ''}`;
  if (m.source === 'certgate') return 'certgate finding code';
  return m.client ? `printed by ${CLIENT_NAMES[m.client]}` : "OpenSSL's wording";
}

/** The extracted values worth showing, as `label value` pairs. */
function facts(e: Extracted): string[] {
  const list = (v: readonly string[] | undefined) => (v && v.length > 0 ? v.join(', ') : undefined);
  const rows: [string, string | number | undefined][] = [
    ['host', e.host],
    ['ip', e.ip],
    ['port', e.port],
    ['certificate names', list([...(e.dnsNames ?? []), ...(e.ipAddresses ?? [])])],
    ['certificate CN', e.commonName],
    ['client code', e.clientCode],
    ['depth', e.depth],
    ['issuer', e.issuer],
    ['trusted issuer rejected', e.issuerRejected],
    ['notAfter', e.notAfter],
    ['notBefore', e.notBefore],
    ["client's time", e.time],
    ['error code', e.awsError],
    ['operation', e.operation],
    ['distribution', e.distributionId],
    ['resource', e.resource],
    ['certificate', e.certificateArn],
    ['SSLSupportMethod', e.sslSupportMethod],
    ['MinimumProtocolVersion', e.minimumProtocolVersion],
    ['value', e.value],
    ['field', e.field],
    ['request id', e.requestId],
  ];
  return rows.flatMap(([label, value]) =>
    value === undefined ? [] : [`${label} ${forTerminal(String(value))}`],
  );
}

function formatMatch(m: ExplainMatch, index: number, total: number, c: Colors): string {
  const lines: string[] = [];
  const seen = m.occurrences > 1 ? `, seen ${m.occurrences} times` : '';
  const number = total > 1 ? `${index + 1}/${total} ` : '';
  lines.push(c.bold(`${number}${m.title}`));
  // the excerpt and every value quoted below come from the pasted text
  lines.push(c.dim(`  line ${m.line}, ${origin(m)}${seen}: ${forTerminal(m.excerpt)}`));
  lines.push('', `  What it means: ${m.meaning}`);
  const found = facts(m.extracted);
  if (found.length > 0) lines.push(`  Found: ${found.join('; ')}`);
  if (m.diagnosis) lines.push('', `  ${c.bold('Diagnosis:')} ${forTerminal(m.diagnosis, 4096)}`);
  lines.push('', '  Likely causes, most likely first:');
  for (const cause of m.causes) {
    const tags = [cause.rule, cause.code].filter((t) => t !== undefined).join(', ');
    lines.push(`  ${cause.rank}. ${forTerminal(cause.cause, 4096)}${tags ? c.dim(` (${tags})`) : ''}`);
    lines.push(`     check: ${forTerminal(cause.check, 4096)}`);
    if (cause.command) lines.push(`     run:   ${c.cyan(forTerminal(cause.command, 4096))}`);
    for (const ev of cause.evidence ?? [])
      lines.push(
        c.dim(
          `     moved ${ev.moved} by line ${ev.line}: ${forTerminal(ev.excerpt)} (${forTerminal(ev.shows, 4096)})`,
        ),
      );
  }
  if (m.next) lines.push('', `  ${c.bold('Not settled by this paste:')} ${forTerminal(m.next, 4096)}`);
  if (m.docs.length > 0) lines.push('', `  Docs: ${m.docs.join(', ')}`);
  return lines.join('\n');
}

/**
 * Formats an explanation for a terminal: one block per recognised error, then a closing line.
 * An unrecognised explanation gives an empty string (the CLI says so on stderr).
 */
export function formatExplanationText(explanation: Explanation, options: ExplainTextOptions = {}): string {
  const c = options.colors ?? createColors(false);
  const { matches } = explanation;
  if (matches.length === 0) return '';
  const blocks = matches.map((m, i) => formatMatch(m, i, matches.length, c));
  const notes: string[] = [];
  if (explanation.omitted > 0) notes.push(`${explanation.omitted} more errors not shown.`);
  if (explanation.truncated)
    notes.push(`Only the first ${MAX_EXPLAIN_INPUT / 1024} KiB of the input were read.`);
  const count = matches.length + explanation.omitted;
  notes.push(
    `${count} error${count === 1 ? '' : 's'} recognised. Start with cause 1 of the first: run its check, then the next cause if it rules that one out.`,
  );
  return terminalSafe(`${blocks.join('\n\n')}\n\n${notes.join('\n')}\n`);
}

/** The kinds of messages explain knows, for the "not recognised" message and `--list`. */
export const KNOWN_MESSAGES: readonly string[] = [
  'CloudFront API errors, bare or as the AWS CLI, CloudFormation, CDK and Terraform print them:',
  '  InvalidViewerCertificate (each of its messages), CNAMEAlreadyExists, InvalidProtocolSettings,',
  '  InvalidMinimumProtocolVersion, MalformedXML (enum values), TooManyDistributionCNAMEs,',
  '  TooManyCertificates, InconsistentQuantities, PreconditionFailed, InvalidIfMatchVersion',
  'TLS client errors:',
  "  Node.js / Postman: Hostname/IP does not match certificate's altnames, ERR_TLS_CERT_ALTNAME_INVALID,",
  '    UNABLE_TO_GET_ISSUER_CERT_LOCALLY, SELF_SIGNED_CERT_IN_CHAIN, CERT_HAS_EXPIRED, ...',
  '  OpenSSL: unable to get local issuer certificate, verify error:num=N, Verify return code: N (...)',
  "  curl: SSL: no alternative certificate subject name matches target host name 'X', SSL certificate problem: ...",
  '  browsers: NET::ERR_CERT_COMMON_NAME_INVALID, ERR_CERT_DATE_INVALID, ERR_CERT_AUTHORITY_INVALID, SSL_ERROR_BAD_CERT_DOMAIN, SEC_ERROR_*',
  '  Java: No subject alternative DNS name matching X found, PKIX path building failed, ...',
  '  Go: x509: certificate is valid for A, not B; x509: certificate signed by unknown authority, ...',
  "  Python: [SSL: CERTIFICATE_VERIFY_FAILED], Missing Authority Key Identifier (3.13 strict), hostname 'X' doesn't match, pip's Certificate did not match",
  '  .NET / Windows: The remote certificate is invalid ..., Could not establish trust relationship, SEC_E_UNTRUSTED_ROOT, DLG_FLAGS_*',
  '  GnuTLS / wget / apt: The certificate is NOT trusted. The certificate issuer is unknown, ...',
  '  rustls: invalid peer certificate: UnknownIssuer; Qt: The issuer certificate ... could not be found',
  '  nginx: no "ssl_certificate" is defined; Envoy: TLS error: ...:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED',
  '  handshake: alert handshake failure (40), wrong version number, ERR_SSL_VERSION_OR_CIPHER_MISMATCH',
  'Not certificate errors, said so: ERR_CONNECTION_REFUSED, ENOTFOUND, 502 Bad Gateway, S3 AccessDenied',
  'Terraform plan-time validation (expected X to be one of [...]), IllegalUpdate, AWS CLI parameter validation',
  'certgate finding codes: NAME_MISMATCH, PATH_UNKNOWN_ISSUER, CERT_EXPIRED, ...',
];
