/**
 * Text forms of iPAddress GeneralNames: an address in a subjectAltName (RFC 5280 §4.2.1.6), or an
 * address and mask in a name constraint (RFC 5280 §4.2.1.10). IPv6 follows RFC 5952.
 */

import { formatIpAddress as formatBareAddress } from '../names/ip-address.js';

/** A bare address of 4 or 16 bytes, through the names layer's RFC 5952 formatter. */
function formatAddress(b: Uint8Array, at: number, size: 4 | 16): string {
  return formatBareAddress(b.subarray(at, at + size));
}

/** The prefix length of a contiguous mask (ones then zeros), or undefined if it is not contiguous. */
function maskPrefixLength(mask: Uint8Array): number | undefined {
  let bits = 0;
  let i = 0;
  while (i < mask.length && mask[i] === 0xff) {
    bits += 8;
    i++;
  }
  if (i < mask.length) {
    const b = mask[i]!;
    // a contiguous partial byte is ones then zeros: its complement plus one is a power of two
    const inv = ~b & 0xff;
    if ((inv & (inv + 1)) !== 0) return undefined;
    bits += 8 - Math.log2(inv + 1);
    for (i++; i < mask.length; i++) if (mask[i] !== 0) return undefined;
  }
  return bits;
}

/**
 * Text of an iPAddress: `192.0.2.1` and `2001:db8::1` for 4 or 16 bytes; for 8 or 32 bytes
 * (address then mask) `10.0.0.0/8`, or `10.0.0.0/255.0.255.0` when the mask is not contiguous.
 */
export function formatIpGeneralName(bytes: Uint8Array): string {
  if (bytes.length === 4 || bytes.length === 16) return formatAddress(bytes, 0, bytes.length);
  const size = bytes.length === 8 ? 4 : 16;
  const address = formatAddress(bytes, 0, size);
  const prefix = maskPrefixLength(bytes.subarray(size));
  return `${address}/${prefix ?? formatAddress(bytes, size, size)}`;
}
