/**
 * signedCertificateTimestampList (RFC 6962 §3.3): an OCTET STRING wrapping a TLS-encoded
 * (RFC 8446 §3) SignedCertificateTimestampList. Only the count and log ids are kept.
 */

import { Tag } from '../der.js';
import { fail } from '../errors.js';
import type { ExtensionDecoder } from './types.js';

const LOG_ID_BYTES = 32;

/** Reads a big-endian u16 at `p`, checking it is within `end`. */
function u16(buf: Uint8Array, p: number, end: number, what: string): number {
  if (p + 2 > end) fail(p, `truncated SCT list: missing ${what}`);
  return (buf[p]! << 8) | buf[p + 1]!;
}

// RFC 6962 §3.2: struct { Version sct_version; LogID id; uint64 timestamp;
//   CtExtensions extensions<0..2^16-1>; digitally-signed struct { ... } } (RFC 5246 §4.7:
//   hash algorithm, signature algorithm, opaque signature<0..2^16-1>)
function checkV1Sct(buf: Uint8Array, start: number, end: number): void {
  const skip = (p: number, n: number): number => {
    if (p + n > end) fail(start, 'truncated SCT');
    return p + n;
  };
  let p = skip(start, 1 + LOG_ID_BYTES + 8 + 2);
  p = skip(p, (buf[p - 2]! << 8) | buf[p - 1]!); // extensions
  p = skip(p, 2 + 2); // hash and signature algorithms, signature length
  p = skip(p, (buf[p - 2]! << 8) | buf[p - 1]!); // signature
  if (p !== end) fail(start, 'unexpected data after the end of an SCT');
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

// RFC 6962 §3.3: SerializedSCT sct_list <1..2^16-1>, each SerializedSCT <1..2^16-1>
/** Decodes a signedCertificateTimestampList extnValue into the SCT count and base64 log ids. */
export const decodeSctList: ExtensionDecoder<'signedCertificateTimestampList'> = (r) => {
  const el = r.expect(Tag.OCTET_STRING, 'SignedCertificateTimestampList');
  const buf = r.buf;
  const listLen = u16(buf, el.start, el.end, 'list length');
  if (listLen !== el.end - el.start - 2) fail(el.start, 'SCT list length does not match its contents');
  if (listLen === 0) fail(el.start, 'empty SCT list');
  const logIds: string[] = [];
  for (let p = el.start + 2; p < el.end; ) {
    const len = u16(buf, p, el.end, 'SCT length');
    const start = p + 2;
    const end = start + len;
    if (end > el.end) fail(p, 'SCT runs past the end of the list');
    if (len < 1 + LOG_ID_BYTES) fail(p, `SCT of ${len} bytes is too short for a version and log id`);
    // RFC 6962 §3.2: version v1(0); later versions' layout is unknown beyond the log id
    if (buf[start] === 0) checkV1Sct(buf, start, end);
    logIds.push(toBase64(buf.subarray(start + 1, start + 1 + LOG_ID_BYTES)));
    p = end;
  }
  return { kind: 'signedCertificateTimestampList', count: logIds.length, logIds: Object.freeze(logIds) };
};
