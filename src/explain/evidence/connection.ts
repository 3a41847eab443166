/**
 * Signs about the connection: who sends SNI (every current browser does; nothing does for an
 * IP address), a client that works where this one fails, https:// sent to a plain-HTTP port.
 */

import { parseIpAddress } from '../../names/ip-address.js';
import type { ExplainMatch } from '../types.js';
import { type EvidenceHit, type EvidenceRule, hitOf, inText } from './rule.js';

const HANDSHAKE_FAMILY = ['no-sni'];

function browserWithName(text: string, match: ExplainMatch): EvidenceHit | undefined {
  // Only when the paste shows the name: a browser sent SNI for it. Without one it may have been an address.
  const host = match.extracted.host;
  if (match.client !== 'browser' || match.extracted.ip || !host) return undefined;
  return parseIpAddress(host).ok ? undefined : hitOf(text, host);
}

function byAddress(text: string, match: ExplainMatch): EvidenceHit | undefined {
  const ip = match.extracted.ip;
  return ip ? hitOf(text, ip) : undefined;
}

export const CONNECTION_RULES: readonly EvidenceRule[] = [
  {
    id: 'connection.browser-sends-sni',
    when: HANDSHAKE_FAMILY,
    raises: [],
    lowers: ['no-sni'],
    weight: 2,
    shows: 'a current browser always sends SNI for a host name, so a missing SNI is not the cause here',
    find: browserWithName,
  },
  {
    id: 'connection.by-address',
    when: HANDSHAKE_FAMILY,
    // Only where the failure reads as "no certificate for the name" (alert 40), not a version error.
    leading: ['no-sni'],
    raises: ['no-sni'],
    weight: 2,
    shows:
      'the client connected to an IP address, for which no client sends SNI: a CDN or shared host then has no name to pick a certificate by',
    find: byAddress,
  },
  {
    id: 'connection.old-client-without-sni',
    when: [...HANDSHAKE_FAMILY, 'name-not-listed', 'wrong-endpoint'],
    raises: ['no-sni'],
    weight: 3,
    shows:
      'the client is one that sends no SNI (Python 2 before 2.7.9, Java 6, Android 2, Windows XP, OpenSSL 0.9.8): a CDN or shared host answers it with its default certificate or ends the handshake',
    find: inText(
      /\bPython[ :]?2\.(?:[0-6](?:\.\d{1,2})?|7\.[0-8])(?!\d)|\bpython:2\.7\.[0-8]\b|\bJava (?:SE )?(?:1\.)?6\b|\bjdk1\.6|\bAndroid 2\.\d\b|\bWindows XP\b|\bOpenSSL 0\.9\.8/i,
    ),
  },
  {
    id: 'connection.failed-after-server-verified',
    when: HANDSHAKE_FAMILY,
    raises: ['client-certificate'],
    lowers: ['no-sni', 'name-not-listed'],
    weight: 3,
    shows:
      "openssl verified the server's certificate (depth=0 ... verify return:1) before the handshake failed: the server sent its certificate, and what failed came after it, most often the client certificate it asks for",
    find: inText(/^depth=0 [^\n]{0,600}\n[ \t]{0,4}verify return:1\b/m),
  },
  {
    id: 'connection.s-client-without-servername',
    when: [...HANDSHAKE_FAMILY, 'default-certificate'],
    raises: ['no-sni'],
    weight: 2,
    shows:
      'openssl s_client was run without -servername: OpenSSL before 1.1.1 (and any -connect to an address) sends no SNI then, so the server answers with its default certificate or ends the handshake; run it again with -servername',
    find: inText(/\bopenssl s_client\b(?![^\n]{0,300}-servername)[^\n]{0,300}-connect\b[^\n]{0,300}$/m),
  },
  {
    id: 'connection.other-clients-work',
    when: HANDSHAKE_FAMILY,
    raises: ['protocol-mismatch'],
    weight: 2,
    shows:
      'other browsers or clients connect to the same server: the failing one lacks a version or cipher the server insists on (or the reverse)',
    find: inText(
      /\b(?:all |every )?other (?:browsers?|clients?) (?:work|works|are fine|connect)\b|\bworks? (?:fine |well )?(?:in|with|on|from) (?:Chrome|Safari|Edge|Firefox|curl|other browsers?)\b/i,
    ),
  },
  {
    id: 'connection.dotnet-framework',
    when: ['protocol-mismatch'],
    raises: ['protocol-mismatch'],
    weight: 2,
    shows:
      '.NET Framework (PowerShell 5, WebClient, ServicePointManager) offers TLS 1.0 only unless told otherwise: set [Net.ServicePointManager]::SecurityProtocol to include Tls12, or target .NET 4.7+',
    find: inText(
      /\bSystem\.Net\.WebClient\b|\bnew-object\s{1,4}system\.net\.webclient\b|\bServicePointManager\b|\bInvoke-(?:WebRequest|RestMethod)\b|\.NET Framework\b/i,
    ),
  },
  {
    id: 'connection.https-to-http-port',
    when: ['not-tls', 'no-sni'],
    raises: ['not-tls'],
    weight: 3,
    shows: 'https:// was sent to port 80 or 8080, which speak plain HTTP',
    find: inText(/\bhttps:\/\/[A-Za-z0-9.-]{1,253}:(?:80|8080)\b(?!\d)/),
  },
];
