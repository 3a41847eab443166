/**
 * The two sides of a name check: what a certificate presents, and what a client connects to.
 * Shared by the matcher (`hostname.ts`) and its near-miss hints (`hostname-hints.ts`).
 */

import type { ReferenceName } from './dns-name.js';
import type { IpAddress } from './ip-address.js';

/**
 * The identities a certificate presents: its dNSName SAN values as written and its iPAddress
 * SAN octets. `commonNames` (the subject CN values) is optional and used only to explain a
 * failure on a certificate without SANs; it never makes a name match.
 */
export interface CertificateIdentities {
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly Uint8Array[];
  readonly commonNames?: readonly string[];
}

/** What a client connects to: a parsed DNS name or a parsed IP address. */
export type Reference = ReferenceName | IpAddress;
