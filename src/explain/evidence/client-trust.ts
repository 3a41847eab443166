/**
 * Signs that the client's own CA bundle is the problem: the client is one known to ship or
 * find none (PHP's curl, Python's standard library, a self-built OpenSSL), or it runs where
 * none is installed (a minimal container image, apt before ca-certificates).
 */

import type { ExplainMatch } from '../types.js';
import { type EvidenceHit, type EvidenceRule, hitOf, inText } from './rule.js';

/**
 * Public services that serve complete chains from public CAs: an unknown issuer talking to
 * them is this client's trust store or a proxy in between, never their chain.
 */
const PUBLIC_SERVICES =
  /(?:^|\.)(?:github\.com|githubusercontent\.com|gitlab\.com|bitbucket\.org|npmjs\.org|yarnpkg\.com|pypi\.org|pythonhosted\.org|crates\.io|rubygems\.org|maven\.org|maven\.apache\.org|gradle\.org|golang\.org|go\.dev|docker\.io|docker\.com|ghcr\.io|quay\.io|gcr\.io|nuget\.org|chocolatey\.org|packagist\.org|debian\.org|ubuntu\.com|alpinelinux\.org|nodejs\.org|google\.com|googleapis\.com|microsoft\.com|amazonaws\.com|cloudflare\.com)$/i;

function publicService(text: string, match: ExplainMatch): EvidenceHit | undefined {
  const host = match.extracted.host?.replace(/\.$/, '');
  return host && PUBLIC_SERVICES.test(host) ? hitOf(text, host) : undefined;
}

/** Errors of an unknown issuer: the client found no root for the chain. */
export const UNKNOWN_ISSUER = ['missing-intermediate', 'client-trust-store'];

export const CLIENT_TRUST_RULES: readonly EvidenceRule[] = [
  {
    id: 'path.browsers-work',
    when: UNKNOWN_ISSUER,
    raises: ['missing-intermediate'],
    weight: 2,
    shows:
      'desktop browsers (Chrome, Edge, Safari) open the same site: they fetch or cache a missing intermediate, the failing client does not, which is the usual sign the server omits it',
    find: inText(
      /\b(?:Chrome|Edge|Safari|(?:the |a |normal |my |other )?browsers?)\s(?:allows? it|works?|opens? it|is fine|loads? it|(?:has|have) no (?:problem|issue))\b|\bworks? (?:fine |well )?(?:in|with|from) (?:Chrome|Edge|Safari|(?:the |a )?browsers?)\b/i,
    ),
  },
  {
    id: 'path.browser-fails-too',
    when: UNKNOWN_ISSUER,
    raises: ['proxy'],
    lowers: ['missing-intermediate', 'client-trust-store'],
    weight: 2,
    shows:
      'a browser on the same machine rejects the site too, and browsers fetch missing intermediates and use the system store: a proxy re-signing the traffic (or a private CA) is left',
    find: (text, match) =>
      match.client === 'browser'
        ? undefined
        : inText(/\bDLG_FLAGS_INVALID_CA\b|\bERR_CERT_AUTHORITY_INVALID\b|\bSEC_ERROR_UNKNOWN_ISSUER\b/i)(
            text,
          ),
  },
  {
    id: 'path.other-tools-work',
    when: UNKNOWN_ISSUER,
    raises: ['client-trust-store'],
    lowers: ['missing-intermediate'],
    weight: 2,
    shows:
      "curl or wget (which fetch no intermediates) verify the same site on the same machine: the chain is complete, and this client's own trust store lacks a CA the system has (a proxy's, your own): give this client the system bundle",
    find: inText(
      /\bworks? (?:fine |well )?(?:with|in|from|using) `?(?:curl|wget|openssl)\b|\b(?:curl|wget) (?:works?|is fine|has no (?:problem|issue))\b|\bcurl\b[^\n.]{0,60}\bit works\b/i,
    ),
  },
  {
    id: 'client.public-service',
    when: UNKNOWN_ISSUER,
    raises: ['proxy'],
    lowers: ['missing-intermediate', 'private-ca'],
    weight: 2,
    shows:
      "the host is a large public service, which serves a complete chain from a public CA: an issuer unknown to this client is most often a proxy re-signing the traffic (else the client's own trust store)",
    find: publicService,
  },
  {
    id: 'client.rustls-roots',
    when: UNKNOWN_ISSUER,
    raises: ['private-ca', 'proxy'],
    weight: 1,
    shows:
      "the client is rustls, which is often built with webpki-roots (Mozilla's list compiled in) instead of the OS store: a CA only the OS trusts (your own, a proxy's) is unknown to it; build with native roots or add the CA",
    find: (_text, match) =>
      match.client === 'rustls' ? { index: 0, text: match.excerpt, line: match.line } : undefined,
  },
  {
    id: 'client.php',
    when: UNKNOWN_ISSUER,
    raises: ['client-trust-store'],
    weight: 2,
    shows:
      "the client is PHP (Guzzle, Composer, PHP's curl extension): PHP's curl has no CA bundle unless curl.cainfo / openssl.cafile in php.ini name one",
    // "cURL error 60" is how PHP's curl extension words it; curl itself says "curl: (60)".
    find: inText(
      /\bGuzzleHttp\b|\bGuzzle\b|\bcURL error \d{1,3}\b|\bphp\.ini\b|\bcurl\.cainfo\b|\bopenssl\.cafile\b|\bcomposer (?:install|update|require)\b/,
    ),
  },
  {
    id: 'client.python-stdlib',
    when: UNKNOWN_ISSUER,
    raises: ['client-trust-store'],
    weight: 1,
    shows:
      "Python's standard library (urllib, ssl) verified the chain without certifi: it reads OpenSSL's default CA paths, which python.org's macOS build leaves empty until 'Install Certificates.command' runs",
    find: (text) => {
      if (/\brequests\.exceptions\b|HTTPSConnectionPool|\bcertifi\b|\bpip\b/.test(text)) return undefined;
      return inText(
        /<urlopen error \[SSL: CERTIFICATE_VERIFY_FAILED\]|\bssl\.SSLCertVerificationError\b|\bInstall Certificates\.command\b|\/Python\.framework\//,
      )(text);
    },
  },
  {
    id: 'client.container-image',
    when: UNKNOWN_ISSUER,
    raises: ['client-trust-store'],
    weight: 2,
    shows:
      'the client runs in a container image: minimal images (alpine, scratch, distroless, slim) have no CA bundle until ca-certificates is installed or copied in',
    find: inText(
      /\bdocker run\b[^\n]{0,200}\b(?:bash|sh)\b|^[ \t]{0,8}FROM[ \t]{1,8}[\w./-]{1,100}(?::[\w.-]{1,64})?(?:[ \t]{1,8}AS[ \t]{1,8}\w{1,64})?[ \t]{0,8}$|\bDockerfile\b|\bapk add\b|\bdistroless\b|\bFROM scratch\b/im,
    ),
  },
  {
    id: 'client.apt',
    when: UNKNOWN_ISSUER,
    raises: ['client-trust-store'],
    weight: 2,
    shows:
      'apt fetched over https before the system has a CA bundle (a fresh or minimal image): install ca-certificates first (over http), then switch the source to https',
    // Not when another https source of the same run was fetched: then the bundle is there.
    find: (text) =>
      /^Hit:\d{1,4} https:\/\//m.test(text)
        ? undefined
        : inText(
            /\bFailed to fetch https:\/\/[^\s]{1,300}(?:InRelease|Release|Packages(?:\.\w{1,4})?)\b|\bapt(?:-get)? (?:update|install)\b/,
          )(text),
  },
  {
    id: 'client.same-client-other-https-works',
    when: UNKNOWN_ISSUER,
    raises: ['missing-intermediate'],
    lowers: ['client-trust-store'],
    weight: 2,
    shows:
      "the same client fetched another https source in the same run (apt's Hit: https://...): its CA bundle works, so the failing server's own chain is the suspect",
    find: inText(/^Hit:\d{1,4} https:\/\/[^\s]{1,300}/m),
  },
  {
    id: 'client.no-ca-file',
    when: UNKNOWN_ISSUER,
    raises: ['client-trust-store'],
    weight: 1,
    shows:
      'git / libcurl on GnuTLS names no CA file (CAfile: none): it was built or configured without a CA bundle path, or the bundle file is missing',
    // curl -v's "CAfile: none" next to a CApath is a normal build; git's GnuTLS line is not.
    find: inText(/\bCAfile:\s{0,4}none\s{1,4}CRLfile:/),
  },
  {
    id: 'client.rubygems',
    when: UNKNOWN_ISSUER,
    raises: ['client-trust-store'],
    weight: 1,
    shows:
      'RubyGems and Bundler ship their own CA certificates for the gem servers: an old gem or bundle lacks the current roots; update RubyGems / Bundler',
    find: inText(
      /\bGem::RemoteFetcher::FetchError\b|\bBundler::Fetcher::CertificateFailureError\b|\bBundler version 1\.\d{1,2}\.\d{1,3}\b/,
    ),
  },
  {
    id: 'client.wine',
    when: UNKNOWN_ISSUER,
    raises: ['client-trust-store'],
    weight: 2,
    shows:
      "the program runs under Wine (its debug channels: 0024:err:wininet:...): the prefix's own certificate store lacks the root, so import it into the prefix's Trusted Root Certification Authorities",
    find: inText(
      /^[0-9a-f]{4}:(?:err|fixme|warn|trace):(?:wininet|winhttp|crypt|secur32|schannel|bcrypt)\b/m,
    ),
  },
  {
    id: 'client.self-built',
    when: UNKNOWN_ISSUER,
    raises: ['client-trust-store'],
    weight: 1,
    shows:
      'the client was built by hand against its own OpenSSL: such a build looks for CA certificates under its own prefix, not the system bundle',
    find: inText(
      /\b(?:built|compiled|build)\b[^\n]{0,80}\b(?:with|against)\b[^\n]{0,40}\bOpenSSL\b|--with-openssl\b|\.\/configure\b/i,
    ),
  },
];
