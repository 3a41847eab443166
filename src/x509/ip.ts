/**
 * Text forms of iPAddress GeneralNames: an address in a subjectAltName (RFC 5280 §4.2.1.6), or an
 * address and mask in a name constraint (RFC 5280 §4.2.1.10). IPv6 follows RFC 5952.
 */

function formatIPv4(b: Uint8Array, at: number): string {
  return `${b[at]}.${b[at + 1]}.${b[at + 2]}.${b[at + 3]}`;
}

// RFC 5952 §4: lower case, no leading zeros, '::' for the first longest run of two or more zero
// groups; §5: IPv4-mapped addresses end in dotted quad
function formatIPv6(b: Uint8Array, at: number): string {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++) groups.push((b[at + 2 * i]! << 8) | b[at + 2 * i + 1]!);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${formatIPv4(b, at + 12)}`;
  }
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  const hexes = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hexes.join(':');
  const head = hexes.slice(0, bestStart).join(':');
  const tail = hexes.slice(bestStart + bestLen).join(':');
  return `${head}::${tail}`;
}

/** Formats a bare address of 4 or 16 bytes starting at `at`. */
function formatAddress(b: Uint8Array, at: number, size: 4 | 16): string {
  return size === 4 ? formatIPv4(b, at) : formatIPv6(b, at);
}

/** The prefix length of a contiguous mask (ones then zeros), or undefined if it is not contiguous. */
export function maskPrefixLength(mask: Uint8Array): number | undefined {
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
export function formatIpAddress(bytes: Uint8Array): string {
  if (bytes.length === 4 || bytes.length === 16) return formatAddress(bytes, 0, bytes.length);
  const size = bytes.length === 8 ? 4 : 16;
  const address = formatAddress(bytes, 0, size);
  const prefix = maskPrefixLength(bytes.subarray(size));
  return `${address}/${prefix ?? formatAddress(bytes, size, size)}`;
}
