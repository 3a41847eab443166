/**
 * Words for the live-edge findings (`PROBE_*`, `certgate probe`): each message names the
 * endpoint (`host:port`) and the address reached, says what the client saw, and each fix says
 * where to look, with the CloudFront cause first where there is one.
 */

import type { FindingCode } from '../findings/catalog.js';
import type { FindingArgs } from '../findings/types.js';
import { list, str } from './wording.js';

type Wording = (args: FindingArgs) => { readonly message: string; readonly fix?: string };

/** `www.example.com:443 (192.0.2.10)`, or the endpoint alone when no address is known. */
const at = (a: FindingArgs): string =>
  a.address ? `${str(a.endpoint)} (${str(a.address)})` : str(a.endpoint);

/** `with SNI www.example.com` or `without SNI`. */
const sniText = (a: FindingArgs): string => (a.sni ? `with SNI ${str(a.sni)}` : 'without SNI');

/** Fix hints for the alerts a server sends most often, by RFC 8446 name. */
const ALERT_FIXES: Readonly<Record<string, string>> = {
  unrecognized_name:
    'the server has no certificate or virtual host for this name: add the name to the server (on CloudFront, to the Aliases of the distribution the DNS record points at, with a certificate that covers it), or check --sni/--resolve',
  handshake_failure:
    'the two sides share no protocol version, cipher suite or signature algorithm, or the server has no certificate for this name; compare the server configuration with what modern clients offer',
  protocol_version:
    'the server refuses every protocol version offered; modern clients offer TLS 1.2 and 1.3 only, so the server must accept at least one of them',
  internal_error: 'the server failed while handling the handshake; check its error log for this time',
  access_denied: 'the server refuses this client; check allow lists, WAF or geo restrictions in front of it',
  no_application_protocol:
    'the server supports neither h2 nor http/1.1 by ALPN; check its ALPN configuration',
  certificate_required: 'the server requires a client certificate (mutual TLS); the probe does not send one',
};

/** A failed handshake's OpenSSL detail as a clause. */
const detail = (a: FindingArgs): string => (a.detail ? ` (${str(a.detail)})` : '');

/** What a non-TLS server is, by its first bytes (probe/classify.ts); HTTP only for an HTTP status line. */
const NOT_TLS_PEERS: Readonly<Record<string, string>> = {
  http: 'an HTTP server without TLS listens on the port',
  ssh: 'an SSH server listens on the port',
  'greeting-220': 'a mail (SMTP) or FTP server listens on the port',
  pop3: 'a POP3 server listens on the port',
  imap: 'an IMAP server listens on the port',
  unknown: 'not a TLS ServerHello; another protocol, or no server that speaks TLS, listens on the port',
};

/** `: it sent "HTTP/1.1 400 Bad Request...": an HTTP server ...`, or nothing when no bytes were seen. */
const notTlsPeer = (a: FindingArgs): string =>
  a.firstBytes === undefined
    ? ''
    : `: it sent "${str(a.firstBytes)}${a.firstBytesTruncated ? '...' : ''}": ${NOT_TLS_PEERS[str(a.peer)] ?? NOT_TLS_PEERS.unknown}`;

/** The wording of each PROBE_ code (a missing code fails the type check). */
export const PROBE_WORDINGS: Record<Extract<FindingCode, `PROBE_${string}`>, Wording> = {
  PROBE_DNS_FAILURE: (a) => ({
    message: `${str(a.host)} does not resolve: ${str(a.errorCode)}${detail(a)}; clients cannot reach ${str(a.endpoint)} at all`,
    fix:
      a.errorCode === 'ENOTFOUND'
        ? 'create the DNS record (for CloudFront, an alias A/AAAA or CNAME record to the distribution domain), or test the edge before DNS with --resolve HOST:PORT:ADDR'
        : "check this machine's resolver (resolv.conf, VPN, split-horizon DNS), or test the edge directly with --resolve HOST:PORT:ADDR",
  }),
  PROBE_CONNECTION_REFUSED: (a) => ({
    message: `${at(a)} refused the connection: nothing listens on port ${str(a.port)} at that address`,
    fix: 'check the port, that the service (or load balancer listener) is up on that address, and that --resolve points at the edge',
  }),
  PROBE_UNREACHABLE: (a) => ({
    message: `${at(a)} is unreachable from this machine: ${str(a.errorCode)}${detail(a)}`,
    fix: 'check routing from here to that address (an IPv6 address without IPv6 connectivity, a VPN, a private range); --all-addresses shows each address of a name',
  }),
  PROBE_TIMEOUT: (a) => ({
    message:
      a.phase === 'connect'
        ? `${at(a)} did not accept a connection within ${str(a.timeoutMs)} ms (packets dropped: a firewall, a security group, or a dead address)`
        : `${at(a)} accepted the connection but did not complete the TLS handshake within ${str(a.timeoutMs)} ms ${sniText(a)}`,
    fix:
      a.phase === 'connect'
        ? 'check firewalls and security groups for the port, and that the address is the edge; raise --timeout for slow links'
        : 'the server may not speak TLS on this port, or may wait for data; check the port and the listener protocol, or raise --timeout',
  }),
  PROBE_RESET: (a) => ({
    message:
      a.how === 'closed'
        ? `${at(a)} closed the connection during the TLS handshake ${sniText(a)}, without an alert`
        : `${at(a)} reset the connection during the TLS handshake ${sniText(a)}`,
    fix: 'servers drop the handshake when they have no certificate for the SNI name (Node.js, some load balancers), when the port expects another protocol, or a middlebox cuts it; probe the same address with a name it serves, or with --no-sni, to tell these apart',
  }),
  PROBE_NOT_TLS: (a) => ({
    message: `${at(a)} answered with something that is not TLS${detail(a)}${notTlsPeer(a)}`,
    fix:
      a.peer === 'http'
        ? 'point the probe at the TLS port (443), or configure TLS on this listener; for plain HTTP use http:// clients, not https://'
        : 'point the probe at the TLS port (443), or configure TLS on this listener',
  }),
  PROBE_TLS_ALERT: (a) => ({
    message: `${at(a)} ended the handshake ${sniText(a)} with the TLS alert ${str(a.alert)}${a.alertNumber !== undefined ? ` (${str(a.alertNumber)})` : ''}`,
    fix:
      ALERT_FIXES[str(a.alert)] ??
      'look up the alert in RFC 8446 §6 and check the server configuration for this name',
  }),
  PROBE_HANDSHAKE_FAILED: (a) => ({
    message:
      a.reason === 'protocol'
        ? `${at(a)}: no TLS protocol version or cipher suite in common${detail(a)}; modern clients (TLS 1.2 and 1.3) cannot connect`
        : `${at(a)}: the TLS handshake failed${detail(a)}`,
    fix:
      a.reason === 'protocol'
        ? 'enable TLS 1.2 and TLS 1.3 with current cipher suites on the server (on CloudFront, a TLSv1.2_2021 or newer security policy)'
        : 'check the server configuration and its error log for this time',
  }),
  PROBE_NO_CERTIFICATE: (a) => ({
    message: `${at(a)} completed a handshake without presenting a certificate`,
    fix: 'configure a certificate on the listener; anonymous cipher suites are refused by every browser',
  }),
  PROBE_CHAIN_TRUNCATED: (a) => ({
    message: `${at(a)} sent ${str(a.sent)} certificates; certgate examined the first ${str(a.kept)} (real chains have 2 to 4), so the chain and the name were judged on those alone`,
    fix: 'configure the server to send only the leaf and its intermediates, leaf first: every extra certificate costs each client bandwidth and handshake time',
  }),
  PROBE_CHAIN_UNDECODABLE: (a) => ({
    message: `certificate #${str(a.certIndex)} served by ${at(a)} cannot be decoded: ${str(a.reason)}`,
    fix: 'check the certificate files configured on the server; certgate inspect shows what each file holds',
  }),
  PROBE_CHAIN_OUT_OF_ORDER: (a) => ({
    message: `${at(a)} sends its chain out of order (leaf first, then each issuer, is the order ${list(a.sentOrder).join(', ')} of what it sends); TLS 1.2 requires the leaf first and then each issuer, and strict clients fail`,
    fix: 'reorder the configured chain file: the leaf first, then the intermediate that signed it, up to (not necessarily including) the root',
  }),
  PROBE_EXPECTATION_MISMATCH: (a) => {
    const expected = str(a.expected);
    switch (a.aspect) {
      case 'sans':
        return {
          message: `${at(a)} serves a certificate whose names differ from ${expected}${list(a.missing).length ? `: missing ${list(a.missing).join(', ')}` : ''}${list(a.extra).length ? `${list(a.missing).length ? ';' : ':'} not expected ${list(a.extra).join(', ')}` : ''}`,
          fix: 'the edge still serves another certificate: check which certificate the distribution (or listener) uses, that the deploy finished, and that --resolve points at the new edge',
        };
      case 'validity':
        return {
          message: `${at(a)} serves a certificate valid ${str(a.servedValue)}, not ${str(a.expectedValue)} as ${expected} is`,
          fix: 'the edge serves an older or newer issue of the certificate: check that the renewed or reimported certificate is the one attached (CloudFront can take up to 24 hours to pick up a reimported one)',
        };
      default:
        return {
          message: `${at(a)} serves certificate ${str(a.servedValue)}${a.servedSubject ? ` (${str(a.servedSubject)})` : ''}, not ${expected}${a.expectedValue && a.expectedValue !== a.expected ? ` (${str(a.expectedValue)})` : ''}`,
          fix: 'check which certificate the edge uses for this name, that the deploy finished, and that --resolve points at the new edge',
        };
    }
  },
  PROBE_PROTOCOL_BELOW_POLICY: (a) => ({
    message: `${at(a)} completes a ${str(a.protocol)} handshake, which security policy ${str(a.policy)} refuses (it allows ${list(a.allowed).join(', ')})`,
    fix: 'set the minimum protocol version on the edge to the policy (CloudFront: ViewerCertificate.MinimumProtocolVersion), or check that --resolve reaches the edge that has the policy',
  }),
  PROBE_POLICY_PROTOCOL_REFUSED: (a) => ({
    message: `${at(a)} refuses ${str(a.protocol)}${detail(a)}, which security policy ${str(a.policy)} offers`,
    fix: 'if the endpoint is meant to follow the policy, enable the protocol; clients that only speak it cannot connect',
  }),
  PROBE_POLICY_UNTESTED: (a) => ({
    message: `${at(a)}: ${list(a.protocols).join(', ')} could not be tested against policy ${str(a.policy)} (${str(a.reason)})`,
    fix: 'test those protocols from a client that still offers them (e.g. an OpenSSL build with SSLv3 and security level 0); the rest of the policy was checked',
  }),
  PROBE_ALIAS_SKIPPED: (a) =>
    a.reason === 'wildcard'
      ? {
          message: `alias ${str(a.alias)}${a.distribution ? ` of ${str(a.distribution)}` : ''} is a wildcard and was not probed: no single name stands for it`,
          fix: 'probe a representative name with --wildcard-label LABEL (LABEL.example.com for *.example.com), or list real names in a --targets file',
        }
      : {
          message: `alias ${str(a.alias)}${a.distribution ? ` of ${str(a.distribution)}` : ''} cannot be resolved before deploy (${str(a.detail)}) and was not probed`,
          fix: 'give the value with --parameter KEY=VALUE, or probe the deployed names directly',
        },
  PROBE_BAD_TARGET: (a) => ({
    message: `${a.line !== undefined ? `--targets ${str(a.source)}:${str(a.line)}` : 'target'} "${str(a.target)}" was not probed: ${str(a.reason)}`,
    fix: 'give each target as host[:port] (port 1-65535; IPv6 as [2001:db8::1]:443), one a line in a --targets file, with # for comments',
  }),
  PROBE_INTERRUPTED: (a) => ({
    message: `${str(a.endpoint)} was not probed: the run was interrupted${a.cause && a.cause !== 'aborted' ? ` by ${str(a.cause)}` : ''} ${a.inFlight ? 'during its handshake' : 'before it started'}`,
    fix: 'run the probe again and let it finish; this report covers only the targets probed before the interruption',
  }),
};
