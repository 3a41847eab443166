/**
 * Decoders for the ASN.1 character string types that appear in certificates (X.680 §41), each
 * checking its character set: a string that breaks its type's rules is a decode error.
 */

import { type DerElement, Tag } from './der.js';
import { fail } from './errors.js';
import type { DirectoryStringType } from './model.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// X.680 §41.4 Table 8: PrintableString is A-Z a-z 0-9 space ' ( ) + , - . / : = ?
// NOTE: '*' and '&' are accepted too. Wildcard CNs (`*.example.com`) and company names
// (`AT&T`) were issued as PrintableString by real CAs; Go's crypto/x509 accepts both for this reason.
const PRINTABLE = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 '()+,-./:=?*&") {
  PRINTABLE[c.charCodeAt(0)] = 1;
}

/** Builds a string from octets that are each one code point (ASCII or latin1). */
function byteText(buf: Uint8Array, start: number, end: number): string {
  if (end - start <= 48) {
    let s = '';
    for (let i = start; i < end; i++) s += String.fromCharCode(buf[i]!);
    return s;
  }
  let s = '';
  for (let i = start; i < end; i += 4096) {
    s += String.fromCharCode.apply(null, buf.subarray(i, Math.min(end, i + 4096)) as unknown as number[]);
  }
  return s;
}

/** Decodes an IA5String (ASCII, X.680 §41.4). */
export function decodeIa5String(buf: Uint8Array, el: DerElement): string {
  for (let i = el.start; i < el.end; i++) {
    if (buf[i]! >= 0x80) fail(i, 'IA5String contains a non-ASCII byte');
  }
  return byteText(buf, el.start, el.end);
}

function decodeUtf8String(buf: Uint8Array, el: DerElement): string {
  for (let i = el.start; i < el.end; i++) {
    if (buf[i]! >= 0x80) {
      try {
        return utf8.decode(buf.subarray(el.start, el.end));
      } catch {
        return fail(el.offset, 'UTF8String is not valid UTF-8');
      }
    }
  }
  return byteText(buf, el.start, el.end);
}

function decodeCheckedAscii(
  buf: Uint8Array,
  el: DerElement,
  type: string,
  ok: (b: number) => boolean,
): string {
  for (let i = el.start; i < el.end; i++) {
    const b = buf[i]!;
    if (!ok(b)) fail(i, `${type} contains a forbidden character 0x${b.toString(16).padStart(2, '0')}`);
  }
  return byteText(buf, el.start, el.end);
}

const isPrintable = (b: number): boolean => b < 128 && PRINTABLE[b] === 1;
const isNumeric = (b: number): boolean => (b >= 0x30 && b <= 0x39) || b === 0x20;
const isVisible = (b: number): boolean => b >= 0x20 && b <= 0x7e;

// X.680 §41.16: BMPString is UCS-2, two octets per character, big-endian
function decodeBmpString(buf: Uint8Array, el: DerElement): string {
  if ((el.end - el.start) % 2 !== 0) fail(el.offset, 'BMPString has an odd length');
  let s = '';
  for (let i = el.start; i < el.end; i += 2) s += String.fromCharCode((buf[i]! << 8) | buf[i + 1]!);
  return s;
}

// X.680 §41.16: UniversalString is UCS-4, four octets per character, big-endian
function decodeUniversalString(buf: Uint8Array, el: DerElement): string {
  if ((el.end - el.start) % 4 !== 0) fail(el.offset, 'UniversalString length is not a multiple of 4');
  let s = '';
  for (let i = el.start; i < el.end; i += 4) {
    const cp = ((buf[i]! << 24) | (buf[i + 1]! << 16) | (buf[i + 2]! << 8) | buf[i + 3]!) >>> 0;
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) fail(i, 'UniversalString has an invalid code point');
    s += String.fromCodePoint(cp);
  }
  return s;
}

/** The string type for a universal tag, or undefined when the tag is not a string type. */
export function stringTypeOf(tag: number): DirectoryStringType | undefined {
  switch (tag) {
    case Tag.UTF8String:
      return 'utf8String';
    case Tag.PrintableString:
      return 'printableString';
    case Tag.TeletexString:
      return 'teletexString';
    case Tag.UniversalString:
      return 'universalString';
    case Tag.BMPString:
      return 'bmpString';
    case Tag.IA5String:
      return 'ia5String';
    case Tag.NumericString:
      return 'numericString';
    case Tag.VisibleString:
      return 'visibleString';
    default:
      return undefined;
  }
}

/**
 * Decodes any supported string type, checking its character set. TeletexString is read as
 * latin1 (what real certificates mean by it; full T.61 is never used).
 */
export function decodeString(buf: Uint8Array, el: DerElement, type: DirectoryStringType): string {
  switch (type) {
    case 'utf8String':
      return decodeUtf8String(buf, el);
    case 'printableString':
      return decodeCheckedAscii(buf, el, 'PrintableString', isPrintable);
    case 'ia5String':
      return decodeIa5String(buf, el);
    case 'teletexString':
      return byteText(buf, el.start, el.end);
    case 'bmpString':
      return decodeBmpString(buf, el);
    case 'universalString':
      return decodeUniversalString(buf, el);
    case 'numericString':
      return decodeCheckedAscii(buf, el, 'NumericString', isNumeric);
    case 'visibleString':
      return decodeCheckedAscii(buf, el, 'VisibleString', isVisible);
  }
}
