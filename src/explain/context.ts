/**
 * What the text around an error says: the host a TLS client connected to (from a URL, an
 * `openssl s_client -connect`, Node's error object), the issuer it saw, a TLS-inspection proxy;
 * for CloudFront, the tool that wrapped the error, the distribution, the certificate ARN. A
 * pattern's own extraction always wins over the context.
 */

import { parseNameList } from './patterns/names.js';
import type { ExplainClient, ExplainWrapper, Extracted } from './types.js';

/** A value found in the text and where. */
interface Hit {
  /** The whole match. */
  readonly match: string;
  /** The first capture group, or the whole match. */
  readonly value: string;
  readonly index: number;
  readonly groups: readonly (string | undefined)[];
}

const MAX_HITS = 64;

function hits(text: string, regex: RegExp): Hit[] {
  const out: Hit[] = [];
  const re = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`);
  for (let m = re.exec(text); m !== null && out.length < MAX_HITS; m = re.exec(text)) {
    out.push({ match: m[0], value: m[1] ?? m[0], index: m.index, groups: m.slice(1) });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** The hit nearest to `at`, preferring those before it (a message follows its context). */
function nearest(list: readonly Hit[], at: number): Hit | undefined {
  let best: Hit | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const h of list) {
    const distance = h.index <= at ? at - h.index : (h.index - at) * 2;
    if (distance < bestDistance) [best, bestDistance] = [h, distance];
  }
  return best;
}

/** A window of text around a match. */
function around(text: string, start: number, end: number, before = 800, after = 400): string {
  return text.slice(Math.max(0, start - before), Math.min(text.length, end + after));
}

// ---- TLS clients --------------------------------------------------------------------------

const HOST_SOURCES: readonly RegExp[] = [
  /https?:\/\/([A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::(\d{1,5}))?/,
  /-connect\s+([A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\]):(\d{1,5})/,
  /-(?:servername|verify_hostname|verify_ip)\s+([A-Za-z0-9.:-]{1,253})/,
  /\b(?:host|hostname|servername):\s*'([A-Za-z0-9.:-]{1,253})'/,
  /Connected to ([A-Za-z0-9.-]{1,253}) \([^)\n]{0,64}\) port (\d{1,5})/,
  // Python's ssl module: "Hostname mismatch, certificate is not valid for 'api.example.com'".
  /certificate is not valid for '([A-Za-z0-9.:-]{1,253})'/,
  // Browser error pages: Chrome "example.com uses an unsupported protocol", "… sent an invalid
  // response", Firefox "An error occurred during a connection to example.com.", "example.com
  // uses an invalid security certificate".
  /\b([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10}) (?:uses an unsupported protocol|sent an invalid response|uses an invalid security certificate|normally uses encryption)/,
  /An error occurred during a connection to ([A-Za-z0-9.-]{1,253}?)\.?(?:\s|$)/,
  // `openssl s_client -showcerts`: the leaf's subject CN, when the command line was not pasted.
  /^[ \t]*0 s:[^\n]{0,200}?\bCN\s?=\s?([A-Za-z0-9.-]{1,253})/m,
];

/**
 * Help pages tools print next to an error (curl's "More details here: https://curl.se/docs/…",
 * AWS's "For more details, see: https://docs.aws.amazon.com/…"): never the host that failed.
 */
const HELP_HOSTS =
  /^(?:curl\.se|curl\.haxx\.se|everything\.curl\.dev|docs\.aws\.amazon\.com|aws\.amazon\.com|aka\.ms|learn\.microsoft\.com|docs\.microsoft\.com|developer\.hashicorp\.com|www\.terraform\.io|registry\.terraform\.io|docs\.python\.org|nodejs\.org|docs\.npmjs\.com|www\.openssl\.org|letsencrypt\.org|support\.mozilla\.org|support\.google\.com|docs\.docker\.com|urllib3\.readthedocs\.io|requests\.readthedocs\.io)$/i;
const HELP_BEFORE =
  /(?:More details here|more details|details, see|see|See|Learn more|documentation|docs at|help)[:\s]{0,4}$/;

/** A URL's host that is a help page the tool pointed at, not a host it connected to. */
function isHelpLink(text: string, hit: Hit): boolean {
  if (HELP_HOSTS.test(hit.value)) return true;
  return HELP_BEFORE.test(text.slice(Math.max(0, hit.index - 24), hit.index));
}

/** Names of TLS-inspection products seen as issuers of re-signed certificates. */
export const PROXY_PRODUCTS =
  /\b(Zscaler|Netskope|Forcepoint|Blue ?Coat|Palo Alto Networks|Fortinet|FortiGate|Sophos|Cisco Umbrella|Kaspersky|Avast|ESET|Bitdefender|McAfee Web Gateway|Menlo Security|iboss|Check Point|Barracuda|Smoothwall|Lightspeed|WatchGuard|SonicWall|Cloudflare Gateway|Cato Networks|mitmproxy|Charles Proxy|Fiddler|Burp Suite|Reqable|Proxyman|HTTP Toolkit)\b/i;

const ISSUER_SOURCES: readonly RegExp[] = [
  // `openssl s_client -showcerts`: the issuer of each certificate served, the last one on top.
  /^[ \t]*i:\s?([^\n]{1,300})/m,
  // Go: `(possibly because of ... while trying to verify candidate authority certificate "X")`.
  /candidate authority certificate "([^"\n]{1,200})"/,
  /^issuer=\s?([^\n]{1,300})/m,
];

/** Signs that a Node.js program (or Postman, npm) printed the error. */
const NODE_SIGNS =
  /\bat TLSSocket\b|\bnode:_tls_wrap\b|\bnode:internal\b|\bnpm ERR!|\bPostman\b|\bcode: '[A-Z_]+'/;

const ARN = /arn:aws[a-z-]{0,10}:acm:([a-z]{2}(?:-[a-z]{1,12}){1,3}-\d):\d{12}:certificate\/[0-9a-f-]{36}/;
// Only where the text says it is a distribution id: `E` + 13 characters is too common a shape.
const DISTRIBUTION_ID =
  /(?:Distribution \(|--id[ =]|distribution\/|"(?:Id|DistributionId)":\s*"|DistributionId[=: ]{1,3})(E[0-9A-Z]{9,15})\b/;

/**
 * The certificate's names printed elsewhere in the paste: an `openssl x509 -text` SAN block, or
 * the subject CN of `curl -v`'s "Server certificate:" (a name the certificate surely has).
 */
const SAN_SOURCES: readonly RegExp[] = [
  /X509v3 Subject Alternative Name:[ \t]{0,8}(?:critical)?[ \t]{0,8}\n?[ \t]{0,16}((?:DNS|IP Address):[^\n]{1,4000})/,
  /^\*[ \t]{1,16}subject:[^\n]{0,300}?\bCN\s?=\s?([^,/\s]{1,253})/m,
];

/** Facts about the whole text, computed once per `explain` call and shared by every match. */
export interface TextFacts {
  readonly text: string;
  /** Certificate names printed in the paste (see {@link SAN_SOURCES}), nearest first per match. */
  readonly sanBlocks: readonly Hit[];
  readonly hosts: readonly Hit[];
  readonly issuer?: string;
  readonly proxy?: string;
  readonly servedCertificates: number;
  /** The first broken link of a printed chain (see chainBreakOf). */
  readonly chainBreak?: { readonly index: number; readonly issuer: string; readonly next: string };
  readonly printedByNode: boolean;
  readonly arns: readonly Hit[];
  readonly distributionIds: readonly Hit[];
  /** The wrapper the whole text suggests, for matches whose surroundings do not say. */
  readonly wrapper?: ExplainWrapper;
}

/** `openssl s_client -showcerts`' chain: each certificate's `N s:subject` and the `i:issuer` under it. */
const CHAIN_ENTRY = /^[ \t]*(\d{1,2}) s:\s?([^\n]{1,300})\n[ \t]*i:\s?([^\n]{1,300})/m;

const sameName = (a: string, b: string): boolean =>
  a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The first link of a printed chain that does not hold: certificate `index` is issued by
 * `issuer`, but the one served after it is `next`. A server that sends the wrong intermediate
 * (another CA's, an old one) shows here, whatever the error line says about the last issuer.
 */
function chainBreakOf(text: string): TextFacts['chainBreak'] {
  const entries = hits(text, CHAIN_ENTRY).map((h) => ({
    n: Number(h.groups[0]),
    subject: h.groups[1] ?? '',
    issuer: h.groups[2] ?? '',
  }));
  for (let k = 0; k + 1 < entries.length; k++) {
    const [here, next] = [entries[k]!, entries[k + 1]!];
    if (next.n !== here.n + 1) continue; // two transcripts in one paste
    if (!sameName(here.issuer, next.subject))
      return { index: here.n, issuer: here.issuer.trim(), next: next.subject.trim() };
  }
  return undefined;
}

/** Scans the whole text once for the facts every match may use. */
export function scanFacts(text: string): TextFacts {
  const issuers = ISSUER_SOURCES.flatMap((re) => hits(text, re)).sort((a, b) => a.index - b.index);
  const proxy = PROXY_PRODUCTS.exec(text)?.[1];
  const lastIssuer = issuers.at(-1)?.value.trim();
  const wrapper = wrapperOf(text);
  const chainBreak = chainBreakOf(text);
  return {
    text,
    hosts: HOST_SOURCES.flatMap((re) => hits(text, re)).filter((h) => !isHelpLink(text, h)),
    sanBlocks: SAN_SOURCES.flatMap((re) => hits(text, re)),
    ...(lastIssuer ? { issuer: lastIssuer } : {}),
    ...(proxy ? { proxy } : {}),
    servedCertificates: hits(text, /^[ \t]*\d{1,2} s:/m).length,
    ...(chainBreak ? { chainBreak } : {}),
    printedByNode: NODE_SIGNS.test(text),
    arns: hits(text, ARN),
    distributionIds: hits(text, DISTRIBUTION_ID),
    ...(wrapper ? { wrapper } : {}),
  };
}

/**
 * The depth of the certificate that failed, when the log says it next to the error: on the same
 * line ("verification error at depth 3: …", Envoy) or on the line before (`s_client`'s
 * "depth=1 …" before "verify error:num=10:…").
 */
function depthOf(text: string, start: number): number | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const sameLine = /\b(?:error|failed) at depth (\d{1,2})\b/.exec(text.slice(lineStart, start));
  if (sameLine) return Number(sameLine[1]);
  if (lineStart === 0) return undefined;
  const previous = text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart);
  const before = /^depth=(\d{1,2})\b/.exec(previous);
  return before ? Number(before[1]) : undefined;
}

/** What the text around a TLS client error says. */
export function tlsContext(
  facts: TextFacts,
  start: number,
  end: number,
): Extracted & { client?: ExplainClient } {
  const out: { -readonly [K in keyof Extracted]: Extracted[K] } & { client?: ExplainClient } = {};
  const host = nearest(facts.hosts, start);
  if (host) {
    const name = host.value.replace(/^\[|\]$/g, '');
    if (/^[0-9.]+$|:/.test(name)) out.ip = name;
    else out.host = name;
    const port = Number(host.groups[1]);
    if (host.groups[1] && port > 0 && port < 65536 && port !== 443) out.port = port;
  }
  const san = nearest(facts.sanBlocks, start);
  if (san) {
    const names = parseNameList(san.value);
    if (names.dnsNames.length > 0) out.dnsNames = names.dnsNames;
    if (names.ipAddresses.length > 0) out.ipAddresses = names.ipAddresses;
  }
  // where the printed chain breaks, that certificate's issuer is the one the client could not find
  if (facts.chainBreak) {
    out.issuer = facts.chainBreak.issuer;
    out.chainBreak = facts.chainBreak;
  } else if (facts.issuer) out.issuer = facts.issuer;
  if (facts.proxy) out.proxy = facts.proxy;
  if (facts.servedCertificates > 0) out.servedCertificates = facts.servedCertificates;
  const depth = depthOf(facts.text, start);
  if (depth !== undefined) out.depth = depth;
  const notAfter = /\bnotAfter=([^\n]{1,40})/.exec(around(facts.text, start, end));
  if (notAfter?.[1]) out.notAfter = notAfter[1].trim();
  if (facts.printedByNode) out.client = 'node';
  return out;
}

// ---- CloudFront -----------------------------------------------------------------------------

const WRAPPERS: readonly [ExplainWrapper, RegExp][] = [
  [
    'terraform',
    /Error: (?:creating|updating|deleting|reading) CloudFront Distribution|aws_cloudfront_distribution|\bterraform\b/i,
  ],
  ['cdk', /❌|\bcdk(?:\.out)?\b|\|\s*AWS::CloudFront::Distribution\s*\||failed to deploy:/i],
  [
    'cloudformation',
    /AWS::CloudFront::Distribution|Resource handler returned message|ResourceStatusReason|HandlerErrorCode|(?:CREATE|UPDATE)_FAILED/,
  ],
  ['aws-cli', /An error occurred \(\w{1,64}\) when calling the \w{1,64} operation/],
];

const OPERATION =
  /when calling the (\w{1,64}) operation|operation error CloudFront: (\w{1,64})|Error: (creating|updating) CloudFront Distribution/;
const REQUEST_ID = /Request ?ID: ?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;
const RESOURCE =
  /\bwith (aws_cloudfront_distribution\.[\w-]{1,128})|AWS::CloudFront::Distribution\s*\|\s*([\w-]{1,128})|"LogicalResourceId":\s*"([\w-]{1,128})"/;
const SSL_METHOD =
  /(?:SslSupportMethod|SSLSupportMethod|ssl_support_method|sslSupportMethod)["'\s:=]{1,6}(sni-only|vip|static-ip)/;
const MIN_PROTOCOL =
  /(?:MinimumProtocolVersion|minimum_protocol_version|minimumProtocolVersion)["'\s:=]{1,6}(SSLv3|TLSv1[\w.]{0,12})/;

function firstGroup(m: RegExpExecArray | null): string | undefined {
  return m?.slice(1).find((g) => g !== undefined);
}

/** Which tool wrapped an error, judged from a piece of text. */
function wrapperOf(text: string): ExplainWrapper | undefined {
  for (const [wrapper, re] of WRAPPERS) if (re.test(text)) return wrapper;
  return undefined;
}

/** A value nearest to the match, or the only distinct value in the whole text. */
function pick(all: readonly Hit[], start: number, window: number): Hit | undefined {
  const near = nearest(
    all.filter((h) => Math.abs(h.index - start) <= window),
    start,
  );
  if (near) return near;
  return new Set(all.map((h) => h.match)).size === 1 ? all[0] : undefined;
}

/** What the text around a CloudFront error says. */
export function cloudfrontContext(facts: TextFacts, start: number, end: number): Extracted {
  const out: { -readonly [K in keyof Extracted]: Extracted[K] } = {};
  const { text } = facts;
  const window = around(text, start, end);
  const wrapper = wrapperOf(window) ?? facts.wrapper;
  if (wrapper) out.wrapper = wrapper;
  const arn = pick(facts.arns, start, 1500);
  if (arn) {
    out.certificateArn = arn.match;
    out.region = arn.value;
  }
  const id = pick(facts.distributionIds, start, 1500);
  if (id) out.distributionId = id.value;
  const operation = firstGroup(OPERATION.exec(window));
  if (operation) {
    out.operation =
      operation === 'creating'
        ? 'CreateDistribution'
        : operation === 'updating'
          ? 'UpdateDistribution'
          : operation;
  }
  const requestId = REQUEST_ID.exec(window)?.[1];
  if (requestId) out.requestId = requestId;
  const resource = firstGroup(RESOURCE.exec(window));
  if (resource) out.resource = resource;
  const ssl = SSL_METHOD.exec(window)?.[1];
  if (ssl) out.sslSupportMethod = ssl;
  const minimum = MIN_PROTOCOL.exec(window)?.[1];
  if (minimum) out.minimumProtocolVersion = minimum;
  return out;
}
