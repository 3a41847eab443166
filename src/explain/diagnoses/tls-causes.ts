/**
 * The causes behind TLS client errors, one per id, each with the check that tells it apart
 * from the others and the command that runs it (filled with the host found in the paste). The
 * diagnoses list them in the order that fits each error; the evidence rules
 * (`../evidence/`) move them up, or add one a diagnosis did not list, from what the rest of
 * the paste shows. The ids are the vocabulary of `test/explain/real/README.md`.
 */

import { servedChain, targetName } from '../commands.js';
import type { Extracted } from '../types.js';
import type { CauseText } from './cloudfront-causes.js';

const ADD_ROOT =
  '(Node.js: NODE_EXTRA_CA_CERTS=corp-root.pem; curl: --cacert; Python: REQUESTS_CA_BUNDLE or SSL_CERT_FILE; PHP: curl.cainfo and openssl.cafile in php.ini; Java: keytool -importcert into cacerts; Docker: /etc/docker/certs.d/<registry>/ca.crt; git: http.sslCAInfo; Go and OpenSSL: SSL_CERT_FILE)';

/** The probe with and without SNI: the two answers differ when SNI decides. */
function sniProbe(e: Extracted): string {
  const target = `${targetName(e)}${e.port && e.port !== 443 ? `:${e.port}` : ''}`;
  return `certgate probe ${target}; certgate probe ${target} --no-sni`;
}

/** A probe of the host: a handshake that works and a chain that verifies rule the certificate out. */
function probeOf(e: Extracted): string {
  return `certgate probe ${targetName(e)}${e.port && e.port !== 443 ? `:${e.port}` : ''}`;
}

/** Every TLS cause by id. */
export const TLS_CAUSES = {
  'missing-intermediate': (e: Extracted): CauseText => ({
    id: 'missing-intermediate',
    cause:
      "the server sends its certificate without the intermediate CA certificate(s): browsers often hide this by fetching or caching the intermediate, Node.js, curl, Java and Go don't",
    check:
      'count the certificates the server sends: one (the leaf alone) means the intermediate is missing; serve the full chain (fullchain.pem, or import the chain into ACM with --certificate-chain)',
    command: servedChain(e, 'inspect'),
    code: 'PATH_UNKNOWN_ISSUER',
  }),
  'private-ca': (e: Extracted): CauseText => ({
    id: 'private-ca',
    cause: "the certificate comes from a private or internal CA that is not in the client's trust store",
    check: `the chain ends at your organisation's CA: verify with that root added; if it passes, add the root to the client ${ADD_ROOT}`,
    command: servedChain(e, 'verify', ' --add-roots corp-root.pem'),
    code: 'PATH_UNKNOWN_ISSUER',
  }),
  proxy: (e: Extracted): CauseText => ({
    id: 'proxy',
    cause:
      'a TLS-inspection proxy (Zscaler, Netskope, a corporate firewall, antivirus) re-signs the traffic with its own CA, which the client does not trust',
    check: `the issuer of the certificate the client sees names the proxy, and differs from what a machine outside the network sees; add the proxy's root CA to the client ${ADD_ROOT}`,
    command: servedChain(e, 'inspect'),
  }),
  'client-trust-store': (e: Extracted): CauseText => ({
    id: 'client-trust-store',
    cause:
      "the client's own CA bundle is missing, not configured or out of date: PHP without curl.cainfo, python.org's Python on macOS before 'Install Certificates.command', a container image without ca-certificates, an old certifi, Java cacerts or OS store",
    check: `the same URL works from a browser or another tool on the same network, and the served chain verifies against current Mozilla roots: then fix the client's bundle ${ADD_ROOT}`,
    command: servedChain(e, 'verify'),
  }),
  'default-certificate': (e: Extracted): CauseText => ({
    id: 'default-certificate',
    cause:
      "the server sends a self-signed placeholder: an appliance's or ingress controller's default certificate, served because no configured site matches the name (SNI) asked for",
    check:
      'read the subject of the certificate served: a default or "fake" certificate means the host name, SNI or TLS configuration does not reach your site',
    command: servedChain(e, 'inspect'),
    code: 'PATH_UNTRUSTED_ROOT',
  }),
  'self-signed': (e: Extracted): CauseText => ({
    id: 'self-signed',
    cause: 'a self-signed certificate is deployed on purpose (development, internal service)',
    check: `replace it with a CA-issued certificate, or trust exactly that certificate on the client ${ADD_ROOT}`,
    command: servedChain(e, 'verify', ' --add-roots server.pem'),
    code: 'PATH_UNTRUSTED_ROOT',
  }),
  'leaf-expired': (e: Extracted): CauseText => ({
    id: 'leaf-expired',
    cause:
      'the leaf certificate expired: renewal failed, or the renewed certificate is not deployed (imported ACM certificates never renew; CloudFront takes up to 24 hours to pick up a reimport)',
    check: 'the notAfter and days left of the leaf the server sends (certificate #0)',
    command: servedChain(e, 'inspect'),
    code: 'CERT_EXPIRED',
  }),
  'intermediate-expired': (e: Extracted): CauseText => ({
    id: 'intermediate-expired',
    cause:
      "an intermediate or cross-signed certificate in the served chain expired, or the client only knows the expired path (Let's Encrypt's DST Root CA X3 cross-sign, 30 September 2021)",
    check:
      'the notAfter of every certificate after #0; serve the chain that came with the current leaf, and update the client CA bundle if it lacks the new root',
    command: servedChain(e, 'inspect'),
    code: 'CERT_EXPIRED',
  }),
  'client-clock': (e: Extracted): CauseText => ({
    id: 'client-clock',
    cause:
      "the client's clock is wrong (a VM or container after suspend, a device without a real-time clock)",
    check:
      "compare 'date -u' on the client with the certificate's notBefore/notAfter; verify with --at to see the verdict at another time",
    command: servedChain(e, 'verify'),
  }),
  'not-yet-valid': (e: Extracted): CauseText => ({
    id: 'not-yet-valid',
    cause:
      "a certificate was deployed before its notBefore (issued for a future date, or the issuing CA's clock ran ahead)",
    check: 'the notBefore of each certificate the server sends, against the current UTC time',
    command: servedChain(e, 'inspect'),
    code: 'CERT_NOT_YET_VALID',
  }),
  'name-not-listed': (e: Extracted): CauseText => ({
    id: 'name-not-listed',
    cause: `the name is not in the certificate's subjectAltNames (added later as an alias or host without reissuing the certificate, or a typo)`,
    check: `compare the host with the DNS SANs the server sends; the verify step prints them and the nearest miss. For a CloudFront alias, 'certgate check template.yaml --cert acm.json' finds this before the deploy`,
    command: servedChain(e, 'verify'),
    code: 'NAME_MISMATCH',
  }),
  'wildcard-apex': (e: Extracted): CauseText => ({
    id: 'wildcard-apex',
    cause: 'a wildcard SAN is expected to cover the apex: *.example.com does not cover example.com',
    check: 'is the host the apex of a wildcard SAN? then list the apex as a SAN of its own',
    command: servedChain(e, 'verify'),
    code: 'NAME_MISMATCH',
  }),
  'wildcard-depth': (e: Extracted): CauseText => ({
    id: 'wildcard-depth',
    cause: 'a wildcard SAN is one label short: *.example.com covers www.example.com, not a.b.example.com',
    check:
      'does the host have more labels in place of the * than one? then add *.b.example.com or the name itself',
    command: servedChain(e, 'verify'),
    code: 'NAME_MISMATCH',
  }),
  'wrong-endpoint': (e: Extracted): CauseText => ({
    id: 'wrong-endpoint',
    cause:
      "DNS (or the SNI name) leads to another server, distribution or load balancer than the one with your certificate, so the certificate served is another site's (CloudFront serves *.cloudfront.net for a host that is not an alias of the distribution DNS points at)",
    check: `resolve the host ('dig +short ${targetName(e)}') and compare with the endpoint you configured; the subject and issuer of the certificate served tell whose it is`,
    command: servedChain(e, 'inspect'),
  }),
  'cn-only': (e: Extracted): CauseText => ({
    id: 'cn-only',
    cause:
      'the certificate has no subjectAltName, only a subject CN, which browsers (Chrome 58+) and Go (1.15+) ignore',
    check:
      'the certificate served has no subjectAltName extension (CERT_NO_SUBJECT_ALT_NAME); reissue it with the names as SANs',
    command: servedChain(e, 'inspect'),
    code: 'CERT_NO_SUBJECT_ALT_NAME',
  }),
  'ip-san': (e: Extracted): CauseText => ({
    id: 'ip-san',
    cause:
      'the client connects to an IP address, and the certificate has no matching IP Address SAN (an address written as a DNS name does not count)',
    check: 'connect by host name instead, or reissue the certificate with the address as an IP Address SAN',
    command: servedChain(e, 'verify'),
    code: 'NAME_MISMATCH',
  }),
  'no-sni': (e: Extracted): CauseText => ({
    id: 'no-sni',
    cause:
      'the client sends no SNI (server name): an old client or library (Java 6, Python 2.7.8 and older, Android 2, Windows XP), a connection by IP address, or an option that turns it off; a CDN or shared host then answers with its default certificate or ends the handshake (alert 40, handshake_failure)',
    check:
      'connect with and without the server name: a good certificate with it and a failure or another certificate without it means this cause; upgrade the client or set the server name',
    command: sniProbe(e),
  }),
  'malformed-url': (e: Extracted): CauseText => ({
    id: 'malformed-url',
    cause:
      "the URL the client was given is malformed, so the host it checks is not your host (https://https://…, 'https//', a stray character, a path or port glued to the name)",
    check: `print the URL exactly as the program builds it: the host in the error (${targetName(e)}) must be your site's name; probe the name you meant: if it passes, the certificate is fine and the URL is what is wrong`,
    command: 'certgate probe <the-host-you-meant>',
  }),
  'protocol-mismatch': (e: Extracted): CauseText => ({
    id: 'protocol-mismatch',
    cause:
      'client and server share no TLS version or cipher suite: an old client (TLS 1.0/1.1 only, .NET Framework before 4.6, Java 7, old OpenSSL) against a server that requires TLS 1.2+, or a server whose security policy allows only ciphers the client lacks',
    check:
      "probe the server version by version: 'openssl s_client -tls1_2' and '-tls1_3' say which it accepts; compare with what the client offers (for CloudFront, the distribution's MinimumProtocolVersion)",
    command: probeOf(e),
  }),
  'not-tls': (e: Extracted): CauseText => ({
    id: 'not-tls',
    cause:
      "the client speaks TLS to a port that does not: https:// to an HTTP port (80, 8080), a plain-HTTP proxy given as https://, or a service that expects STARTTLS; OpenSSL reads the plain-text answer as a record with a 'wrong version number'",
    check: `request the same host and port with http:// ('curl -v http://${targetName(e)}:${e.port ?? 443}/'): a plain HTTP answer means the port does not speak TLS; use the TLS port or http://`,
  }),
  'client-certificate': (e: Extracted): CauseText => ({
    id: 'client-certificate',
    cause:
      'the server requires a client certificate (mutual TLS) and the client sent none, or one the server does not trust',
    check:
      "'openssl s_client -connect host:443' prints 'Acceptable client certificate CA names' when the server asks for one; give the client its certificate and key",
    command: `openssl s_client -connect ${targetName(e)}:${e.port ?? 443} -servername ${targetName(e)} </dev/null 2>&1 | grep -A5 'Acceptable client certificate CA names'`,
  }),
  'strict-profile': (e: Extracted): CauseText => ({
    id: 'strict-profile',
    cause:
      "a certificate of the chain lacks an extension the client's strict mode requires (Python 3.13's VERIFY_X509_STRICT: an Authority Key Identifier, critical basicConstraints on a CA, keyUsage): typical of a home-made or old private CA",
    check:
      'inspect the CA certificates: reissue the CA (and the leaf) with the RFC 5280 extensions, or clear the strict flag for that private CA only',
    command: servedChain(e, 'inspect'),
  }),
  'not-certificate': (e: Extracted): CauseText => ({
    id: 'not-certificate',
    cause:
      'not a certificate problem: the TLS connection worked (or never started) and the failure is elsewhere: the origin, permissions, DNS or the network',
    check:
      "look at the HTTP status and the service's own message: a 502/504 is the origin, AccessDenied is a bucket policy or origin access setting, NXDOMAIN or ECONNREFUSED is DNS or the network; a probe whose handshake works and whose chain verifies rules the certificate out",
    command: probeOf(e),
  }),
} satisfies Record<string, (e: Extracted) => CauseText>;

/** The id of a TLS cause. */
export type TlsCauseId = keyof typeof TLS_CAUSES;

/** Builds the TLS causes in the order given. */
export function tlsCauses(e: Extracted, ids: readonly TlsCauseId[]): CauseText[] {
  return ids.map((id) => TLS_CAUSES[id](e));
}
