/**
 * Reading Node's `crypto.X509Certificate` (OpenSSL) output into comparable values, so decoder
 * tests can use it as an oracle. Formats differ (multi-line names, `IP Address:` prefixes,
 * upper-case hex), so everything is normalised to plain values first.
 */

import type { X509Certificate } from 'node:crypto';
import { parseIp } from './names.js';

// RFC 2253 §2.4 escapes as OpenSSL prints them (ASN1_STRFLGS_ESC_2253 | ESC_CTRL)
function unescape2253(value: string): string {
  return value.replace(/\\([0-9A-Fa-f]{2}|.)/g, (_, e: string) =>
    e.length === 2 ? String.fromCharCode(Number.parseInt(e, 16)) : e,
  );
}

/** Node's multi-line name (`C=US\nO=Example\nCN=x`) as RDNs of `[type, value]`, DER order. */
export function oracleName(text: string | undefined): [string, string][][] {
  if (text === undefined || text === '') return [];
  return text.split('\n').map((rdn) =>
    rdn.split(' + ').map((atv): [string, string] => {
      const eq = atv.indexOf('=');
      return [atv.slice(0, eq), unescape2253(atv.slice(eq + 1))];
    }),
  );
}

/**
 * Node's subjectAltName string as `[type, value]` pairs, or undefined when it cannot be split
 * unambiguously (values with quotes or separators inside).
 */
export function oracleSans(text: string | undefined): [string, string][] | undefined {
  if (text === undefined) return [];
  const out: [string, string][] = [];
  const re = /(DNS|IP Address|email|URI|DirName|othername|Registered ID):("(?:[^"\\]|\\.)*"|[^,]*)(?:, |$)/y;
  let m: RegExpExecArray | null;
  // biome-ignore lint/suspicious/noAssignInExpressions: regex scan loop
  while ((m = re.exec(text)) !== null) {
    const raw = m[2]!;
    out.push([m[1]!, raw.startsWith('"') ? (JSON.parse(raw) as string) : raw]);
    if (re.lastIndex >= text.length) return out;
  }
  return undefined;
}

/** An IP address as Node prints it (`192.0.2.1`, `2001:DB8:0:0:0:0:0:1`) normalised to hex bytes. */
export function ipHex(text: string): string {
  return Buffer.from(parseIp(text)).toString('hex');
}

/** The serial number Node prints (upper-case hex, `-` for negative) as a BigInt. */
export function oracleSerial(x: X509Certificate): bigint {
  const s = x.serialNumber;
  return s.startsWith('-') ? -BigInt(`0x${s.slice(1)}`) : BigInt(`0x${s}`);
}

/** Our serial (hex of the INTEGER content octets, two's complement) as a BigInt. */
export function serialValue(hexContent: string): bigint {
  const v = BigInt(`0x${hexContent}`);
  const negative = Number.parseInt(hexContent.slice(0, 2), 16) >= 0x80;
  return negative ? v - (1n << BigInt(hexContent.length * 4)) : v;
}

/** OpenSSL curve names → the names certgate uses. */
export const CURVE_NAMES: Record<string, string> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
  secp256k1: 'secp256k1',
};
