/**
 * Signs about the name the client asked for, when the message lists no certificate names to
 * match it against: a host two labels below a platform's wildcard zone, a host deep below its
 * domain in front of a CDN, a URL mangled on its way to the client.
 */

import { parse } from 'tldts';
import type { ExplainMatch } from '../types.js';
import { type EvidenceHit, type EvidenceRule, hitOf, inText } from './rule.js';

/**
 * Zones whose endpoints are served with one wildcard certificate (`*.s3.amazonaws.com`,
 * `*.herokuapp.com`, ...): a name two labels below (a bucket with dots in its name) is not
 * covered.
 */
const PLATFORM_WILDCARD_ZONES =
  /\.((?:s3|s3-website|s3-accelerate)(?:[.-][a-z]{2}(?:-[a-z]{2,12}){1,3}-\d)?\.amazonaws\.com|cloudfront\.net|herokuapp\.com|azurewebsites\.net|blob\.core\.windows\.net|github\.io|netlify\.app|vercel\.app|appspot\.com|firebaseapp\.com|web\.app|pages\.dev|workers\.dev|fly\.dev|onrender\.com|elasticbeanstalk\.com)$/i;

/** Name errors and handshake failures: the host may be the problem. */
const NAME_FAMILY = ['name-not-listed', 'wildcard-depth'];
const HANDSHAKE_FAMILY = ['no-sni'];

/** The host, when the message did not list the certificate's names (they would settle it). */
function unlistedHost(match: ExplainMatch): string | undefined {
  const e = match.extracted;
  if (e.dnsNames !== undefined && e.dnsNames.length > 0) return undefined;
  return e.host?.replace(/\.$/, '').toLowerCase();
}

function platformDepth(text: string, match: ExplainMatch): EvidenceHit | undefined {
  const host = unlistedHost(match);
  const zone = host ? PLATFORM_WILDCARD_ZONES.exec(host) : null;
  if (!host || !zone) return undefined;
  const below = host.slice(0, zone.index);
  return below.includes('.') ? hitOf(text, match.extracted.host ?? host) : undefined;
}

function deepSubdomain(text: string, match: ExplainMatch): EvidenceHit | undefined {
  const host = unlistedHost(match);
  if (!host) return undefined;
  const sub = parse(host).subdomain;
  return sub?.includes('.') ? hitOf(text, match.extracted.host ?? host) : undefined;
}

export const NAME_RULES: readonly EvidenceRule[] = [
  {
    id: 'names.envoy-san-check',
    when: ['name-not-listed'],
    raises: ['name-not-listed'],
    weight: 2,
    shows:
      "Envoy checks the upstream's subjectAltNames here (match_subject_alt_names, or the dynamic forward proxy's auto_san_validation against the request's authority): a certificate without that name, or without any SAN, fails as CERTIFICATE_VERIFY_FAILED",
    find: inText(/\b(?:match_subject_alt_names|auto_san_validation|dynamic_forward_proxy)\b/),
  },
  {
    id: 'names.platform-wildcard-depth',
    when: NAME_FAMILY,
    raises: ['wildcard-depth'],
    weight: 3,
    shows:
      'the host is two or more labels below a platform zone served with one wildcard certificate (a bucket name with dots under *.s3.amazonaws.com): the wildcard covers one label only; use a name without dots, or the path-style or custom-domain endpoint',
    find: platformDepth,
  },
  {
    id: 'names.deep-subdomain',
    when: HANDSHAKE_FAMILY,
    raises: ['wildcard-depth'],
    weight: 1,
    shows:
      "the host is two labels below its domain: an edge certificate for *.example.com (a CDN's universal certificate) covers one level only, and without a certificate for the name the edge ends the handshake",
    find: deepSubdomain,
  },
  {
    id: 'names.malformed-url',
    when: [...NAME_FAMILY, 'no-sni'],
    raises: ['malformed-url'],
    weight: 3,
    shows:
      'the URL is malformed (a doubled scheme, a scheme without its colon, the scheme taken as the host)',
    find: inText(
      /\bhttps?:\/\/https?:?\/\/|\bhttps?\/\/[a-z0-9]|\bHost: https?\.(?:\s|$)|\bhostname '?https?'?(?:\s|$)|target host ?name 'https?'/im,
    ),
  },
];
