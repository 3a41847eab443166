/** Hex rendering helpers shared by the decoder (serial numbers, `#hex` values, fingerprints). */

const BYTE_HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lower-case hex of `buf[start..end)`. */
export function hex(buf: Uint8Array, start = 0, end = buf.length): string {
  let s = '';
  for (let i = start; i < end; i++) s += BYTE_HEX[buf[i]!]!;
  return s;
}

/** Upper-case hex with a colon between bytes, as `openssl x509 -fingerprint` prints a digest. */
export function colonHex(buf: Uint8Array): string {
  const parts: string[] = [];
  for (const b of buf) parts.push(BYTE_HEX[b]!.toUpperCase());
  return parts.join(':');
}
