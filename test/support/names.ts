/**
 * Spec strings → DER for tests: distinguished names (`CN=leaf,O=Example`), GeneralNames
 * (`dns:example.com`, `ip:10.0.0.0/8`) and IP addresses.
 */

import { concat, explicit, hex, ia5, implicit, oid, printable, seq, set, tlv, utf8 } from './der-writer.js';

const ATTRIBUTE_OIDS: Record<string, string> = {
  CN: '2.5.4.3',
  SN: '2.5.4.4',
  serialNumber: '2.5.4.5',
  C: '2.5.4.6',
  L: '2.5.4.7',
  ST: '2.5.4.8',
  STREET: '2.5.4.9',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  title: '2.5.4.12',
  GN: '2.5.4.42',
  UID: '0.9.2342.19200300.100.1.1',
  DC: '0.9.2342.19200300.100.1.25',
  emailAddress: '1.2.840.113549.1.9.1',
};

/** Splits on `sep` where it is not escaped with a backslash. */
function splitUnescaped(text: string, sep: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      cur += c + text[++i];
    } else if (c === sep) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

function unescapeValue(value: string): string {
  return value.replace(/\\([0-9a-fA-F]{2}|.)/g, (_, e: string) =>
    e.length === 2 ? String.fromCharCode(Number.parseInt(e, 16)) : e,
  );
}

function attribute(text: string): Uint8Array {
  const eq = text.indexOf('=');
  if (eq < 0) throw new Error(`bad attribute: ${text}`);
  const type = text.slice(0, eq).trim();
  const value = unescapeValue(text.slice(eq + 1));
  const typeOid = ATTRIBUTE_OIDS[type] ?? (/^\d+(\.\d+)+$/.test(type) ? type : undefined);
  if (typeOid === undefined) throw new Error(`unknown attribute type: ${type}`);
  // RFC 5280 §4.1.2.4 and Appendix A: C and serialNumber are PrintableString, DC and emailAddress IA5String
  const encoded =
    type === 'C' || type === 'serialNumber'
      ? printable(value)
      : type === 'DC' || type === 'emailAddress'
        ? ia5(value)
        : utf8(value);
  return seq(oid(typeOid), encoded);
}

/**
 * Encodes an RFC 4514-style name (`CN=leaf,O=Example,C=US`: least significant first; `+` joins a
 * multi-valued RDN; `\,` escapes) as a DER Name. The empty string is the empty Name.
 */
export function encodeName(text: string): Uint8Array {
  if (text.trim() === '') return seq();
  const rdns = splitUnescaped(text, ',').reverse();
  return seq(...rdns.map((rdn) => set(...splitUnescaped(rdn, '+').map(attribute))));
}

function parseIPv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.map(Number);
}

function parseIPv6(text: string): number[] | undefined {
  let tail: number[] = [];
  let body = text;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    tail = parseIPv4(v4[1]!) ?? [];
    body = `${text.slice(0, -v4[1]!.length)}0:0`;
  }
  const [head = '', rest] = body.split('::');
  const groups = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const left = groups(head);
  const right = rest === undefined ? [] : groups(rest);
  const fill = rest === undefined ? 0 : 8 - left.length - right.length;
  const all = [...left, ...Array(fill).fill('0'), ...right];
  if (all.length !== 8 || all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const bytes = all.flatMap((g) => [Number.parseInt(g, 16) >> 8, Number.parseInt(g, 16) & 0xff]);
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** Parses an IPv4 or IPv6 address to 4 or 16 bytes. */
export function parseIp(text: string): Uint8Array {
  const bytes = text.includes(':') ? parseIPv6(text) : parseIPv4(text);
  if (bytes === undefined) throw new Error(`bad IP address: ${text}`);
  return Uint8Array.from(bytes);
}

/** Address and mask for `10.0.0.0/8` or `10.0.0.0/255.0.255.0` (8 or 32 bytes, RFC 5280 §4.2.1.10). */
export function parseIpRange(text: string): Uint8Array {
  const [address = '', mask = ''] = text.split('/');
  const addr = parseIp(address);
  if (/^\d+$/.test(mask)) {
    const prefix = Number(mask);
    const m = addr.map((_, i) => {
      const ones = Math.max(0, Math.min(8, prefix - 8 * i));
      return (0xff00 >> ones) & 0xff;
    });
    return concat([addr, m]);
  }
  return concat([addr, parseIp(mask)]);
}

/**
 * Encodes a GeneralName from a spec string: `dns:`, `email:`, `uri:`, `ip:` (an address, or
 * `addr/prefix` and `addr/mask` in constraints), `dn:CN=x,O=y`, `rid:1.2.3`,
 * `other:1.3.6.1.4.1.311.20.2.3=value` (UTF8String value), `x400:hex`, `edi:hex`, `raw:hex`.
 */
export function encodeGeneralName(spec: string): Uint8Array {
  const colon = spec.indexOf(':');
  const kind = spec.slice(0, colon);
  const value = spec.slice(colon + 1);
  const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
  switch (kind) {
    case 'email':
      return implicit(1, latin1(value));
    case 'dns':
      return implicit(2, latin1(value));
    case 'uri':
      return implicit(6, latin1(value));
    case 'ip':
      return implicit(7, value.includes('/') ? parseIpRange(value) : parseIp(value));
    case 'dn':
      return explicit(4, encodeName(value));
    case 'rid':
      return implicit(8, oid(value).subarray(2));
    case 'other': {
      const eq = value.indexOf('=');
      return tlv(0xa0, [oid(value.slice(0, eq)), explicit(0, utf8(value.slice(eq + 1)))]);
    }
    case 'x400':
      return tlv(0xa3, hex(value));
    case 'edi':
      return tlv(0xa5, hex(value));
    case 'raw':
      return hex(value);
    default:
      throw new Error(`unknown GeneralName spec: ${spec}`);
  }
}

/** GeneralNames SEQUENCE from spec strings. */
export const encodeGeneralNames = (specs: readonly string[]): Uint8Array =>
  seq(...specs.map(encodeGeneralName));
