/**
 * Words for NAME_MISMATCH, one explanation per near miss (`MatchHint` kind from `names/`):
 * a wildcard at the apex, a wildcard one label short, a CN-only certificate, an IP given where
 * the certificate has DNS names (or the IP written as a dNSName), IPv4 vs IPv4-mapped IPv6,
 * and a malformed SAN. The "clients say" clause is appended by `describeFinding`.
 */

import type { FindingArgs } from '../findings/types.js';
import { list, str } from './wording.js';

type Text = { readonly message: string; readonly fix: string };

const covered = (a: FindingArgs): string => {
  const names = list(a.presented);
  return names.length ? names.join(', ') : 'none';
};

/** The parent domain of a name: `a.b.example.com` → `b.example.com`. */
const parentOf = (name: string): string => name.slice(name.indexOf('.') + 1);

function commonNameText(a: FindingArgs): Text {
  const cn = str(a.commonName) || str(list(a.commonNames)[0]);
  const ref = str(a.reference);
  const fix = `reissue the certificate with ${ref} as a DNS subjectAltName (ACM always adds one)`;
  if (a.commonNameWouldMatch === true) {
    return {
      message: `the certificate has no subjectAltName; its subject CN "${cn}" would have matched in old clients (OpenSSL, Node.js, curl and Java still fall back to the CN), but browsers and Go ignore the CN (RFC 9525 §6.3; Chrome 58, Go 1.15), so ${ref} is not covered`,
      fix,
    };
  }
  return {
    message: `the certificate has no subjectAltName and its subject CN "${cn}" does not match ${ref} either`,
    fix,
  };
}

/** The message and fix of a NAME_MISMATCH finding, by hint. */
export function describeNameMismatch(a: FindingArgs): Text {
  const ref = str(a.reference);
  const near = str(a.near);
  switch (a.hint) {
    case 'WildcardDoesNotCoverApex':
      return {
        message: `${str(a.wildcard)} covers the names one label below ${ref}, not ${ref} itself: a wildcard stands for exactly one label (RFC 6125 §6.4.3)`,
        fix: `add ${ref} as a SAN of its own, next to ${str(a.wildcard)}`,
      };
    case 'WildcardCoversOneLabel':
      return {
        message: `${str(a.wildcard)} stands for exactly one label, and ${ref} puts ${str(a.labels)} labels in its place (RFC 6125 §6.4.3)`,
        fix: `add ${ref} or *.${parentOf(ref)} as a SAN; a wildcard never covers deeper names`,
      };
    case 'NoSubjectAltName':
      return commonNameText(a);
    case 'NoIpAddressSan':
      return {
        message: `${ref} is an IP address, but the certificate has no iPAddress SAN (only ${covered(a)}); an address is compared with iPAddress SANs only (RFC 5280 §4.2.1.6, RFC 9525 §6.2)`,
        fix: `connect by a host name the certificate lists (--host), or reissue with ${ref} as an iPAddress SAN`,
      };
    case 'IpAddressInDnsName':
      return {
        message: `the certificate lists ${near} as a DNS name (DNS:${near}), which never matches an IP address; it must be an iPAddress SAN (IP Address:${near}, RFC 5280 §4.2.1.6)`,
        fix: `reissue with ${near} as an iPAddress SAN`,
      };
    case 'IpVersionMismatch':
      return {
        message: `the certificate lists ${near}, and ${ref} is a different identity: an IPv4 address (4 octets) and its IPv4-mapped IPv6 form (16 octets) never match (RFC 5280 §4.2.1.6)`,
        fix: 'connect with the address form the certificate lists, or reissue with both forms',
      };
    case 'MalformedSan':
      return {
        message: `the SAN "${near}" would cover ${ref}, but it is malformed (${str(a.malformedReason)}), so clients ignore it`,
        fix: 'reissue with a well-formed SAN: a wildcard only as the whole leftmost label, A-labels for IDNs, no trailing dot',
      };
    case 'NoDnsNameSan':
      return {
        message: `${ref} is a host name, but the certificate has no DNS name (only ${covered(a)})`,
        fix: `reissue with ${ref} as a DNS subjectAltName, or check the address with --ip`,
      };
    default:
      return {
        message: `${ref} is not covered by the certificate's names: ${covered(a)}`,
        fix: `reissue (or request in ACM) a certificate that lists ${ref} as a SAN, or serve ${ref} from a server whose certificate does`,
      };
  }
}
