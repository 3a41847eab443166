/**
 * Signs that the certificate comes from the user's own CA or is self-signed on purpose: a
 * local development tool, a certificate the user says they made, a host only a private network
 * has.
 */

import { parseIpAddress } from '../../names/ip-address.js';
import { DEFAULT_CERTIFICATE_SUBJECTS } from '../patterns/servers.js';
import type { ExplainMatch } from '../types.js';
import { type EvidenceHit, type EvidenceRule, hitOf, inText } from './rule.js';

/** Untrusted-chain errors: an unknown issuer, or a self-signed certificate. */
const UNTRUSTED = ['private-ca', 'self-signed', 'default-certificate'];

/** Names and addresses no public CA issues for: only the user's own CA can have signed them. */
function privateTarget(text: string, match: ExplainMatch): EvidenceHit | undefined {
  const { host, ip } = match.extracted;
  if (
    host &&
    /^localhost$|\.(?:local|localhost|lan|internal|intranet|corp|home|home\.arpa|test)$/i.test(host)
  )
    return hitOf(text, host);
  if (host && !host.includes('.')) return hitOf(text, host);
  if (ip) {
    const parsed = parseIpAddress(ip);
    if (!parsed.ok) return undefined;
    const b = parsed.value.bytes;
    const isPrivate =
      b.length === 4
        ? b[0] === 10 ||
          b[0] === 127 ||
          (b[0] === 172 && (b[1]! & 0xf0) === 16) ||
          (b[0] === 192 && b[1] === 168)
        : b[0] === 0xfd || b[0] === 0xfc || b.every((x, i) => x === (i === 15 ? 1 : 0));
    if (isPrivate) return hitOf(text, ip);
  }
  return undefined;
}

export const PRIVATE_CA_RULES: readonly EvidenceRule[] = [
  {
    id: 'private.server-default-certificate',
    when: UNTRUSTED,
    raises: ['default-certificate'],
    weight: 3,
    shows:
      "the certificate served is a server's built-in default (ingress-nginx's Fake Certificate, snake-oil, Traefik's default): no configured site matched the name asked for, so fix the host / TLS section (or SNI), not the client",
    // Not for the match that is this very transcript: it says nothing beyond itself.
    find: (text, match) =>
      match.id === 'server.default-certificate-served'
        ? undefined
        : inText(DEFAULT_CERTIFICATE_SUBJECTS)(text),
  },
  {
    id: 'private.own-certificate',
    when: UNTRUSTED,
    raises: ['private-ca', 'self-signed'],
    weight: 2,
    shows:
      'the certificate is one the user made (mkcert, step-ca, openssl req -x509, "my certificate"): trust its root on this client, or use a publicly trusted certificate',
    find: inText(
      /\bmkcert\b|\bstep-ca\b|\bopenssl req\b[^\n]{0,120}-x509\b|\b(?:my|our) (?:own )?(?:self[- ]signed |private |internal |local )?(?:CA|root CA|certificate|cert)\b|\b(?:internal|private|local|in-house|home-made|self-made) (?:root )?CA\b|\bself[- ]signed (?:CA|root)\b/i,
    ),
  },
  {
    id: 'private.local-target',
    when: UNTRUSTED,
    raises: ['private-ca', 'self-signed'],
    weight: 1,
    shows:
      'the host is one only a private network has (localhost, .local, .internal, a one-label name, a private address): no public CA issues for it, so its certificate is from your own CA or self-signed',
    find: privateTarget,
  },
];
