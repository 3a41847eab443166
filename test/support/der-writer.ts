/**
 * A small DER encoder for tests: builds certificates, extensions and deliberately broken
 * encodings (`tlv` with forced long-form lengths, raw hex) byte by byte.
 */

/** Concatenates byte arrays. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Parses hex, ignoring spaces and colons: `hex('30 03 02 01 05')`. */
export function hex(text: string): Uint8Array {
  const clean = text.replace(/[\s:]/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw new Error(`bad hex: ${text}`);
  return Uint8Array.from(clean.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
}

/** Encodes a length; `octets` forces the long form with that many length octets (non-DER when not needed). */
export function encodeLength(n: number, octets?: number): Uint8Array {
  if (octets === undefined && n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  while (octets !== undefined && bytes.length < octets) bytes.unshift(0);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** One TLV element. Content may be several parts, concatenated. */
export function tlv(
  tag: number,
  content: Uint8Array | readonly Uint8Array[] = [],
  lengthOctets?: number,
): Uint8Array {
  const body = content instanceof Uint8Array ? content : concat(content);
  return concat([Uint8Array.of(tag), encodeLength(body.length, lengthOctets), body]);
}

/** SEQUENCE of the given elements. */
export const seq = (...items: Uint8Array[]): Uint8Array => tlv(0x30, items);
/** SET of the given elements, in the given order. */
export const set = (...items: Uint8Array[]): Uint8Array => tlv(0x31, items);
/** `[n] EXPLICIT` around one element. */
export const explicit = (n: number, inner: Uint8Array): Uint8Array => tlv(0xa0 | n, inner);
/** `[n] IMPLICIT` with the given content; constructed when the replaced type was. */
export const implicit = (
  n: number,
  content: Uint8Array | readonly Uint8Array[],
  constructed = false,
): Uint8Array => tlv((constructed ? 0xa0 : 0x80) | n, content);

/** NULL. */
export const nul = (): Uint8Array => Uint8Array.of(0x05, 0x00);
/** BOOLEAN (DER: 0xff for true). */
export const bool = (v: boolean): Uint8Array => Uint8Array.of(0x01, 0x01, v ? 0xff : 0x00);
/** OCTET STRING. */
export const octets = (bytes: Uint8Array): Uint8Array => tlv(0x04, bytes);
/** BIT STRING with the given unused-bit count. */
export const bits = (bytes: Uint8Array, unused = 0): Uint8Array => tlv(0x03, [Uint8Array.of(unused), bytes]);

/** INTEGER from a number or bigint (two's complement, minimal), or raw content octets. */
export function int(v: number | bigint | Uint8Array): Uint8Array {
  if (v instanceof Uint8Array) return tlv(0x02, v);
  let n = BigInt(v);
  const bytes: number[] = [];
  for (;;) {
    bytes.unshift(Number(n & 0xffn));
    const rest = n >> 8n;
    const signDone = (rest === 0n && (bytes[0]! & 0x80) === 0) || (rest === -1n && (bytes[0]! & 0x80) !== 0);
    if (signDone) break;
    n = rest;
  }
  return tlv(0x02, Uint8Array.from(bytes));
}

/** OBJECT IDENTIFIER from dotted text. */
export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map((a) => BigInt(a));
  const [a0 = 0n, a1 = 0n, ...rest] = arcs;
  const out: number[] = [];
  for (const arc of [a0 * 40n + a1, ...rest]) {
    const chunk: number[] = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) chunk.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(out));
}

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** UTF8String. */
export const utf8 = (s: string): Uint8Array => tlv(0x0c, new TextEncoder().encode(s));
/** PrintableString (not checked: tests use this to build bad ones too). */
export const printable = (s: string): Uint8Array => tlv(0x13, latin1(s));
/** IA5String. */
export const ia5 = (s: string): Uint8Array => tlv(0x16, latin1(s));
/** TeletexString, latin1 octets. */
export const teletex = (s: string): Uint8Array => tlv(0x14, latin1(s));
/** NumericString. */
export const numeric = (s: string): Uint8Array => tlv(0x12, latin1(s));
/** VisibleString. */
export const visible = (s: string): Uint8Array => tlv(0x1a, latin1(s));
/** BMPString (UTF-16BE code units). */
export const bmp = (s: string): Uint8Array =>
  tlv(0x1e, Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])));
/** UniversalString (UCS-4BE). */
export const universal = (s: string): Uint8Array =>
  tlv(
    0x1c,
    Uint8Array.from(
      [...s].flatMap((c) => {
        const cp = c.codePointAt(0)!;
        return [cp >>> 24, (cp >> 16) & 0xff, (cp >> 8) & 0xff, cp & 0xff];
      }),
    ),
  );

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
function timeDigits(d: Date): string {
  return `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** UTCTime `YYMMDDHHMMSSZ` from a Date, or verbatim text (to build invalid ones). */
export const utcTime = (t: Date | string): Uint8Array =>
  tlv(0x17, latin1(typeof t === 'string' ? t : `${pad(t.getUTCFullYear() % 100)}${timeDigits(t)}`));
/** GeneralizedTime `YYYYMMDDHHMMSSZ` from a Date, or verbatim text. */
export const generalizedTime = (t: Date | string): Uint8Array =>
  tlv(0x18, latin1(typeof t === 'string' ? t : `${pad(t.getUTCFullYear(), 4)}${timeDigits(t)}`));

/** RFC 5280 §4.1.2.5: UTCTime for 1950..2049, GeneralizedTime otherwise. */
export const time = (d: Date): Uint8Array =>
  d.getUTCFullYear() >= 1950 && d.getUTCFullYear() < 2050 ? utcTime(d) : generalizedTime(d);

/** PEM-encodes DER with the given label (64-character lines, LF endings). */
export function pem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}
