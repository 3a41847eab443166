/**
 * Signs of a TLS-inspection proxy between the client and the server: a product named in the
 * paste, or the paste saying the network is a corporate one, or a proxy is set.
 */

import { PROXY_PRODUCTS } from '../context.js';
import { type EvidenceRule, inText } from './rule.js';

/** Errors a re-signing proxy causes: the diagnosis lists `proxy` among its causes. */
const PROXY_FAMILY = ['proxy'];

export const PROXY_RULES: readonly EvidenceRule[] = [
  {
    id: 'proxy.named-product',
    when: PROXY_FAMILY,
    raises: ['proxy'],
    weight: 3,
    shows: 'the paste names a TLS-inspection product, which re-signs every connection with its own root CA',
    find: inText(PROXY_PRODUCTS),
  },
  {
    id: 'proxy.said',
    when: PROXY_FAMILY,
    raises: ['proxy'],
    weight: 3,
    shows:
      "the paste says the traffic goes through a proxy or a company network: an inspecting proxy's root CA must be added to this client",
    find: inText(
      /\b(?:corporate|company(?:'s)?|enterprise|office|work|school|university)\s(?:proxy|network|firewall|vpn)\b|\bbehind\s(?:a\s|the\s|our\s|my\s)?(?:corporate\s|company\s)?(?:proxy|firewall)\b|\b(?:TLS|SSL|HTTPS)[- ](?:inspection|interception|decryption)\b|\bMITM\b|\bman[- ]in[- ]the[- ]middle\b|\bintercepting proxy\b|\bHTTPS?_PROXY=|\bsecurity (?:product|software|appliance)\b|\bantivirus\b/i,
    ),
  },
  {
    id: 'proxy.some-networks',
    when: PROXY_FAMILY,
    raises: ['proxy'],
    weight: 2,
    shows:
      'the same request fails on some machines or networks and not others: something in the path of those (a firewall or proxy that inspects TLS) re-signs the traffic',
    find: inText(
      /\b(?:on|from) some (?:of (?:our|the|my) )?(?:machines|computers|servers|networks|hosts)\b|\bonly (?:on|from|at) (?:my |our |the )?(?:work|office|company|corporate|school) (?:network|laptop|machine|computer|wifi)\b|\b(?:at|from) (?:the )?office\b/i,
    ),
  },
];
