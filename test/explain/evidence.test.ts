import { describe, expect, test } from 'vitest';
import { EVIDENCE_RULES, explain, formatExplanationText } from '../../src/explain/index.js';

/**
 * One row per evidence rule: a paste whose evidence line moves a cause first (`input`), and the
 * same error without that line, where the rule must not fire (`without`). Wordings are as the
 * real pastes of test/explain/real/ show them.
 */
interface EvidenceVector {
  readonly rule: string;
  readonly input: string;
  /** The cause id that must come first because of the rule. */
  readonly first: string;
  readonly without: string;
}

const ISSUER = 'curl: (60) SSL certificate problem: unable to get local issuer certificate';
const NODE_ISSUER =
  "Error: unable to get local issuer certificate\n  code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'";
const EXPIRED = 'Get "https://registry.example.com/v2/": x509: certificate has expired or is not yet valid';
const HANDSHAKE = 'routines:ssl3_read_bytes:sslv3 alert handshake failure:SSL alert number 40';
const UNUSABLE =
  "Error: creating CloudFront Distribution: InvalidViewerCertificate: The specified SSL certificate doesn't exist, isn't in us-east-1 region, isn't valid, or doesn't include a valid certificate chain.";

// biome-ignore format: table rows stay one line each
const VECTORS: readonly EvidenceVector[] = [
  { rule: 'client.php', input: `[GuzzleHttp\\Exception\\RequestException]\n  cURL error 60: SSL certificate problem: unable to get local issuer certificate`, first: 'client-trust-store', without: ISSUER },
  { rule: 'client.python-stdlib', input: '<urlopen error [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1056)>', first: 'client-trust-store', without: "requests.exceptions.SSLError: HTTPSConnectionPool(host='api.example.com', port=443): Max retries exceeded (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1129)')))" },
  { rule: 'client.container-image', input: `FROM alpine:3.19\nCOPY app /app\n\nGet https://api.example.com/v1: x509: certificate signed by unknown authority`, first: 'client-trust-store', without: 'Get https://api.example.com/v1: x509: certificate signed by unknown authority' },
  { rule: 'client.apt', input: 'W: Failed to fetch https://deb.example.com/debian/dists/bookworm/InRelease  Certificate verification failed: The certificate is NOT trusted. The certificate issuer is unknown.', first: 'client-trust-store', without: 'Certificate verification failed: The certificate is NOT trusted. The certificate issuer is unknown.' },
  { rule: 'client.no-ca-file', input: "fatal: unable to access 'https://git.example.com/r.git/': server certificate verification failed. CAfile: none CRLfile: none", first: 'client-trust-store', without: "fatal: unable to access 'https://git.example.com/r.git/': server certificate verification failed. CAfile: /etc/ssl/certs/ca-certificates.crt CRLfile: none" },
  { rule: 'client.same-client-other-https-works', input: 'Hit:4 https://deb.example.net/node_10.x buster InRelease\nErr:5 https://www.example.com/repo stable Release\n  Certificate verification failed: The certificate is NOT trusted. The certificate issuer is unknown.', first: 'missing-intermediate', without: 'Err:5 https://www.example.com/repo stable Release\n  Certificate verification failed: The certificate is NOT trusted. The certificate issuer is unknown.' },
  { rule: 'client.rubygems', input: 'Gem::RemoteFetcher::FetchError: certificate verify failed (https://gems.example.net/gems/rack-1.6.0.gem)', first: 'client-trust-store', without: "/usr/lib/ruby/2.2.0/net/http.rb:923:in `connect': SSL_connect returned=1 errno=0 state=error: certificate verify failed (OpenSSL::SSL::SSLError)" },
  { rule: 'client.wine', input: '0024:err:wininet:open_http_connection create_netconn failed: 12029\n0024:fixme:wininet:WININET_InvalidCertificateDialog No message for error 12057', first: 'client-trust-store', without: 'InternetErrorDlg: No message for error 12057' },
  { rule: 'client.self-built', input: `I built the app with Qt 5.15 against OpenSSL 1.1.1 from source.\nThe issuer certificate of a locally looked up certificate could not be found`, first: 'client-trust-store', without: 'The issuer certificate of a locally looked up certificate could not be found' },
  { rule: 'client.public-service', input: "npm ERR! request to https://registry.npmjs.org/express failed, reason: unable to get local issuer certificate", first: 'proxy', without: "npm ERR! request to https://api.example.com/express failed, reason: unable to get local issuer certificate" },
  { rule: 'client.rustls-roots', input: 'error sending request for url (https://backup.example.com/config): error trying to connect: invalid peer certificate: UnknownIssuer', first: 'private-ca', without: 'Get https://backup.example.com/config: x509: certificate signed by unknown authority' },
  { rule: 'path.browsers-work', input: `${NODE_ISSUER}\nChrome allows it, only this script fails.`, first: 'missing-intermediate', without: NODE_ISSUER },
  { rule: 'path.other-tools-work', input: `${NODE_ISSUER}\nIt works with curl on the same machine.`, first: 'client-trust-store', without: NODE_ISSUER },
  { rule: 'path.browser-fails-too', input: `${NODE_ISSUER}\nThe browser shows NET::ERR_CERT_AUTHORITY_INVALID as well.`, first: 'proxy', without: NODE_ISSUER },
  { rule: 'proxy.named-product', input: `${ISSUER}\nissuer: O=Netskope Inc, CN=caadmin.netskope.com`, first: 'proxy', without: ISSUER },
  { rule: 'proxy.some-networks', input: `${NODE_ISSUER}\nThis doesn't work on some of our machines.`, first: 'proxy', without: NODE_ISSUER },
  { rule: 'proxy.said', input: `${ISSUER}\nWe are behind a corporate proxy.`, first: 'proxy', without: ISSUER },
  { rule: 'private.server-default-certificate', input: "$ curl https://x.example.com\ncurl: (60) SSL certificate problem: Invalid certificate chain\n        ssl_certificate /etc/nginx-ssl/system-snake-oil-certificate.pem;", first: 'default-certificate', without: '$ curl https://x.example.com\ncurl: (60) SSL certificate problem: Invalid certificate chain' },
  { rule: 'private.own-certificate', input: 'request to https://dev.example.com:8443/ failed, reason: unable to verify the first certificate\nThe certificate was generated with mkcert.', first: 'private-ca', without: 'request to https://dev.example.com:8443/ failed, reason: unable to verify the first certificate' },
  { rule: 'private.local-target', input: 'Error: self-signed certificate in certificate chain\n    at https://nas.local/api', first: 'private-ca', without: 'Error: self-signed certificate in certificate chain\n    at https://nas.example.com/api' },
  { rule: 'dates.expired-cross-sign', input: `Yesterday Let's Encrypt's DST Root CA X3 expired.\n${EXPIRED}`, first: 'intermediate-expired', without: EXPIRED },
  { rule: 'dates.old-log-clock', input: `time="2014-08-11T22:42:25Z" level=debug msg="${EXPIRED}"`, first: 'client-clock', without: `time="2026-08-11T22:42:25Z" level=debug msg="${EXPIRED}"` },
  { rule: 'names.envoy-san-check', input: '  typed_config:\n    "@type": type.googleapis.com/envoy.extensions.clusters.dynamic_forward_proxy.v3.ClusterConfig\nupstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS error: 268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED', first: 'name-not-listed', without: 'upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS error: 268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED' },
  { rule: 'names.platform-wildcard-depth', input: "ERROR: The certificate's owner does not match hostname 'assets.example.com.s3.amazonaws.com'", first: 'wildcard-depth', without: "ERROR: The certificate's owner does not match hostname 'assets.s3.amazonaws.com'" },
  { rule: 'names.deep-subdomain', input: `$ openssl s_client -connect test.sub.example.com:443 -servername test.sub.example.com\n${HANDSHAKE}`, first: 'wildcard-depth', without: `$ openssl s_client -connect test.example.com:443 -servername test.example.com\n${HANDSHAKE}` },
  { rule: 'names.malformed-url', input: "Error: Hostname/IP does not match certificate's altnames: Host: https. is not in the cert's altnames: DNS:*.example.com, DNS:example.com", first: 'malformed-url', without: "Error: Hostname/IP does not match certificate's altnames: Host: www.example.org. is not in the cert's altnames: DNS:*.example.com, DNS:example.com" },
  { rule: 'connection.browser-sends-sni', input: 'This site can’t provide a secure connection\nwww.example.com uses an unsupported protocol.\nERR_SSL_VERSION_OR_CIPHER_MISMATCH', first: 'name-not-listed', without: 'This site can’t provide a secure connection\nERR_SSL_VERSION_OR_CIPHER_MISMATCH' },
  { rule: 'connection.by-address', input: `$ openssl s_client -connect 192.0.2.10:443\n${HANDSHAKE}`, first: 'no-sni', without: `$ openssl s_client -connect www.example.com:443\n${HANDSHAKE}` },
  { rule: 'connection.old-client-without-sni', input: "Python 2.7.8\nWARNING: Certificate did not match expected hostname: files.example.com. Certificate: {'subjectAltName': (('DNS', 'r.ssl.example.net'), ('DNS', '*.example.org'))}", first: 'no-sni', without: "Python 3.12\nWARNING: Certificate did not match expected hostname: files.example.com. Certificate: {'subjectAltName': (('DNS', 'r.ssl.example.net'), ('DNS', '*.example.org'))}" },
  { rule: 'connection.failed-after-server-verified', input: 'depth=0 CN = *.example.com\nverify return:1\n140735326879824:error:140790E5:SSL routines:ssl23_write:ssl handshake failure:s23_lib.c:177:', first: 'client-certificate', without: 'depth=0 CN = *.example.com\n140735326879824:error:140790E5:SSL routines:ssl23_write:ssl handshake failure:s23_lib.c:177:' },
  { rule: 'connection.s-client-without-servername', input: 'openssl s_client -showcerts -connect www.example.com:443 </dev/null\nsubject=/O=Acme Co/CN=Kubernetes Ingress Controller Fake Certificate', first: 'no-sni', without: 'openssl s_client -showcerts -connect www.example.com:443 -servername www.example.com </dev/null\nsubject=/O=Acme Co/CN=Kubernetes Ingress Controller Fake Certificate' },
  { rule: 'connection.other-clients-work', input: 'Firefox shows ssl_error_no_cypher_overlap. All other browsers work fine.', first: 'protocol-mismatch', without: 'Firefox shows ssl_error_no_cypher_overlap.' },
  { rule: 'connection.dotnet-framework', input: `PS> (New-Object System.Net.WebClient).DownloadString('https://www.example.com/')\nException calling "DownloadString" with "1" argument(s): "The request was aborted: Could not create SSL/TLS secure channel."`, first: 'protocol-mismatch', without: 'The request was aborted: Could not create SSL/TLS secure channel.' },
  { rule: 'connection.https-to-http-port', input: `$ curl https://www.example.com:8080/\n${HANDSHAKE}`, first: 'not-tls', without: `$ curl https://www.example.com:8443/\n${HANDSHAKE}` },
  { rule: 'cloudfront.certificate-just-created', input: `aws_acm_certificate.site: Creation complete after 3s\naws_cloudfront_distribution.site: Creating...\n${UNUSABLE}`, first: 'just-issued', without: UNUSABLE },
  { rule: 'cloudfront.iam-certificate', input: `${UNUSABLE}\nIAMCertificateId: ASCAEXAMPLE1234567890`, first: 'CF-14', without: UNUSABLE },
];

const ruleIds = (input: string) =>
  explain(input).matches[0]?.causes.flatMap((c) => (c.evidence ?? []).map((e) => e.rule)) ?? [];

describe('evidence rules', () => {
  test('every rule has a vector, and every vector names a rule', () => {
    const ids = EVIDENCE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(VECTORS.map((v) => v.rule))).toEqual(new Set(ids));
  });

  test.each(VECTORS.map((v) => [v.rule, v] as const))(
    '%s moves its cause, and only with its evidence',
    (_, v) => {
      const m = explain(v.input).matches[0];
      expect(m, v.rule).toBeDefined();
      const first = m!.causes[0]!;
      expect(first.id, v.rule).toBe(v.first);
      expect(m!.causes.map((c) => c.rank)).toEqual(m!.causes.map((_c, i) => i + 1));
      expect(ruleIds(v.input), v.rule).toContain(v.rule);
      expect(ruleIds(v.without), `${v.rule} without its evidence`).not.toContain(v.rule);
    },
  );

  test("evidence that is the match itself quotes the match's own line", () => {
    const m = explain('first line\nerror trying to connect: invalid peer certificate: UnknownIssuer')
      .matches[0]!;
    const ev = m.causes.flatMap((c) => c.evidence ?? []).find((e) => e.rule === 'client.rustls-roots')!;
    expect(ev.line).toBe(2);
    expect(ev.excerpt).toContain('UnknownIssuer');
  });

  test('the text output says which line moved a cause up', () => {
    const text = formatExplanationText(explain(`${ISSUER}\nWe are behind a corporate proxy.`));
    expect(text).toContain('moved up by line 2: We are behind a corporate proxy.');
  });

  test('a rule that lowers a cause moves it below the causes without evidence', () => {
    const m = explain(
      'This site can’t provide a secure connection\nwww.example.com uses an unsupported protocol.\nERR_SSL_VERSION_OR_CIPHER_MISMATCH',
    ).matches[0]!;
    expect(m.causes.at(-1)!.id).toBe('no-sni');
    expect(
      formatExplanationText(
        explain('www.example.com uses an unsupported protocol.\nERR_SSL_VERSION_OR_CIPHER_MISMATCH'),
      ),
    ).toContain('moved down by line 1: www.example.com uses an unsupported protocol.');
  });

  test('with no evidence, a match says what to paste or run next; with evidence it does not', () => {
    const bare = explain(ISSUER).matches[0]!;
    expect(bare.next).toContain('-showcerts');
    expect(formatExplanationText(explain(ISSUER))).toContain('Not settled by this paste:');
    expect(explain(`${ISSUER}\nWe are behind a corporate proxy.`).matches[0]!.next).toBeUndefined();
    // The names in the message settle a name mismatch: nothing to ask for.
    expect(
      explain('x509: certificate is valid for www.example.com, not api.example.com').matches[0]!.next,
    ).toBeUndefined();
    expect(
      explain(
        "curl: (60) SSL: no alternative certificate subject name matches target host name 'api.example.com'",
      ).matches[0]!.next,
    ).toContain('certgate probe api.example.com');
    expect(explain('ERR_SSL_VERSION_OR_CIPHER_MISMATCH').matches[0]!.next).toContain('certgate probe');
  });
});
