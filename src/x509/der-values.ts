/**
 * The element the DER reader hands out (a window into one buffer), and decoders for the contents
 * of primitive DER values (X.690 §8 and §11): BOOLEAN, INTEGER, NULL, BIT STRING, OBJECT
 * IDENTIFIER. Each checks the DER rules for its type.
 */

import { fail } from './errors.js';
import { hashOctets, InternTable } from './intern.js';

/**
 * One TLV element. `tag` is the identifier octet for low tag numbers; high-tag-number form
 * (X.690 §8.1.2.4) is folded into a value above 0xff so it never equals a low tag.
 */
export interface DerElement {
  readonly tag: number;
  /** Offset of the identifier octet. */
  readonly offset: number;
  /** Offset of the first content octet. */
  readonly start: number;
  /** Offset just past the last content octet. */
  readonly end: number;
}

// X.690 §11.1: DER BOOLEAN TRUE is 0xff
/** Decodes a BOOLEAN: one octet, 0x00 or 0xff. */
export function decodeBoolean(buf: Uint8Array, el: DerElement): boolean {
  if (el.end - el.start !== 1) fail(el.offset, 'BOOLEAN must be one octet');
  const v = buf[el.start];
  if (v === 0) return false;
  if (v === 0xff) return true;
  return fail(el.start, 'BOOLEAN must be 0x00 or 0xff');
}

// X.690 §8.3.2: INTEGER contents are at least one octet and minimal
/** Checks that an INTEGER is minimally encoded; returns true when it is negative. */
export function checkInteger(buf: Uint8Array, el: DerElement): boolean {
  const len = el.end - el.start;
  if (len === 0) fail(el.offset, 'empty INTEGER');
  const b0 = buf[el.start]!;
  if (len > 1) {
    const b1 = buf[el.start + 1]!;
    if ((b0 === 0 && b1 < 0x80) || (b0 === 0xff && b1 >= 0x80)) {
      fail(el.start, 'non-minimal INTEGER encoding');
    }
  }
  return b0 >= 0x80;
}

/** Decodes a non-negative INTEGER up to 2^53-1. */
export function decodeSmallUint(buf: Uint8Array, el: DerElement, what: string): number {
  if (checkInteger(buf, el)) fail(el.start, `${what} must not be negative`);
  let v = 0;
  for (let i = el.start; i < el.end; i++) v = v * 256 + buf[i]!;
  if (v > Number.MAX_SAFE_INTEGER) fail(el.start, `${what} is too large`);
  return v;
}

/** Decodes a NULL (empty contents). */
export function decodeNull(el: DerElement): null {
  if (el.end !== el.start) fail(el.offset, 'NULL must be empty');
  return null;
}

/** A BIT STRING's data octets (unused-bits octet removed) and its count of unused bits. */
interface BitString {
  readonly bytes: Uint8Array;
  readonly unusedBits: number;
}

// X.690 §8.6.2 and §11.2.1: unused bits 0..7, none for an empty string, and set to zero
/** Decodes a primitive BIT STRING. */
export function decodeBitString(buf: Uint8Array, el: DerElement): BitString {
  const len = el.end - el.start;
  if (len === 0) fail(el.offset, 'BIT STRING has no unused-bits octet');
  const unusedBits = buf[el.start]!;
  if (unusedBits > 7) fail(el.start, 'BIT STRING unused-bits octet above 7');
  if (len === 1 && unusedBits !== 0) fail(el.start, 'empty BIT STRING with unused bits');
  if (unusedBits !== 0 && (buf[el.end - 1]! & ((1 << unusedBits) - 1)) !== 0) {
    fail(el.end - 1, 'BIT STRING unused bits are not zero');
  }
  return { bytes: buf.subarray(el.start + 1, el.end), unusedBits };
}

/**
 * Longest OBJECT IDENTIFIER arc accepted, in octets. The largest arcs in use are the 128-bit UUIDs
 * under 2.25 (X.667), 19 octets; 32 (224 bits) leaves room and keeps the big-number work of one
 * arc constant, so decoding stays linear in the OID's length. A longer arc names nothing that
 * exists and is malformed, like a non-minimal one (Go's encoding/asn1 stops at 64 bits).
 */
export const MAX_OID_ARC_BYTES = 32;

/**
 * Decoded OIDs by their content octets (real ones are 3 to 12 octets; 2.25 UUIDs about 20): the
 * dotted text is built once, and every later Map lookup on it reuses one string whose hash V8
 * has already computed.
 */
const internedOids = new InternTable<string>(4096, 24);

// X.690 §8.19: base-128 arcs, each minimal; the first octet packs the first two arcs
/** Decodes an OBJECT IDENTIFIER to dotted text (`1.2.840.113549.1.1.11`). */
export function decodeOid(buf: Uint8Array, el: DerElement): string {
  if (el.end - el.start > internedOids.maxOctets) return decodeOidText(buf, el);
  const hash = hashOctets(buf, el.start, el.end);
  const known = internedOids.find(hash, buf, el.start, el.end);
  if (known !== undefined) return known;
  const text = decodeOidText(buf, el);
  internedOids.keep(hash, buf, el.start, el.end, text);
  return text;
}

function decodeOidText(buf: Uint8Array, el: DerElement): string {
  const end = el.end;
  if (end === el.start) fail(el.offset, 'empty OBJECT IDENTIFIER');
  if (buf[end - 1]! & 0x80) fail(end - 1, 'truncated OBJECT IDENTIFIER arc');
  let text = '';
  let p = el.start;
  while (p < end) {
    if (buf[p] === 0x80) fail(p, 'non-minimal OBJECT IDENTIFIER arc');
    let v = 0;
    let b: number;
    do {
      b = buf[p++]!;
      v = v * 128 + (b & 0x7f);
    } while (b & 0x80 && v < 0x1000000000000);
    if (b & 0x80) return decodeOidBig(buf, el);
    if (text === '') text = v < 80 ? `${(v / 40) | 0}.${v % 40}` : `2.${v - 80}`;
    else text += `.${v}`;
  }
  return text;
}

// Arcs above 2^48 (2.25 UUID OIDs) take the BigInt path, each arc at most MAX_OID_ARC_BYTES long.
function decodeOidBig(buf: Uint8Array, el: DerElement): string {
  const arcs: bigint[] = [];
  let arcStart = el.start;
  for (let p = el.start; p < el.end; p++) {
    if (p === arcStart && buf[p] === 0x80) fail(p, 'non-minimal OBJECT IDENTIFIER arc');
    if (p - arcStart >= MAX_OID_ARC_BYTES)
      fail(arcStart, `OBJECT IDENTIFIER arc longer than ${MAX_OID_ARC_BYTES} bytes`);
    if ((buf[p]! & 0x80) === 0) {
      arcs.push(arcValue(buf, arcStart, p + 1));
      arcStart = p + 1;
    }
  }
  const first = arcs[0]!;
  const head = first < 80n ? `${first / 40n}.${first % 40n}` : `2.${first - 80n}`;
  return [head, ...arcs.slice(1)].join('.');
}

/** One base-128 arc as a BigInt (short: at most MAX_OID_ARC_BYTES octets). */
function arcValue(buf: Uint8Array, start: number, end: number): bigint {
  let v = 0n;
  for (let p = start; p < end; p++) v = (v << 7n) | BigInt(buf[p]! & 0x7f);
  return v;
}

/** Names of the bits set in a named-bit-list BIT STRING (bit 0 is the high bit of the first octet). */
export function namedBits<T extends string>(bytes: Uint8Array, names: readonly T[]): readonly T[] {
  const set: T[] = [];
  for (let bit = 0; bit < names.length; bit++) {
    const byte = bytes[bit >> 3];
    if (byte !== undefined && byte & (0x80 >> (bit & 7))) set.push(names[bit]!);
  }
  return Object.freeze(set);
}
