/**
 * Node's connection and TLS errors → a small closed set of failure kinds, each of which becomes
 * one PROBE_* finding. Pure functions of the error's `code` and message, so they are tested
 * without a network.
 *
 * What each fault looks like from Node 20 / OpenSSL 3 (observed against the loopback servers of
 * `test/probe/faults.test.ts`):
 * - nothing listening: `ECONNREFUSED` (connect);
 * - reset after the ClientHello: `ECONNRESET` "read ECONNRESET";
 * - closed after the ClientHello, or a Node TLS server whose SNICallback fails (it closes without
 *   an alert): `ECONNRESET` "Client network socket disconnected before secure TLS connection was
 *   established";
 * - a plain HTTP server, an SSH banner, garbage: `ERR_SSL_WRONG_VERSION_NUMBER` (the first record
 *   header is not TLS), or `ERR_SSL_PACKET_LENGTH_TOO_LONG` and friends; the error says nothing
 *   of what was sent, so {@link describeNonTls} looks at the first bytes themselves;
 * - a TLS alert from the server: the message ends `SSL alert number N` (RFC 8446 §6).
 */

import type { HandshakeFailureKind, NonTlsPeer } from './types.js';

/** TLS alert descriptions by number (RFC 8446 §6, RFC 5246 §7.2, RFC 7301 §3.2). */
export const TLS_ALERTS: Readonly<Record<number, string>> = {
  0: 'close_notify',
  10: 'unexpected_message',
  20: 'bad_record_mac',
  21: 'decryption_failed',
  22: 'record_overflow',
  40: 'handshake_failure',
  41: 'no_certificate',
  42: 'bad_certificate',
  43: 'unsupported_certificate',
  44: 'certificate_revoked',
  45: 'certificate_expired',
  46: 'certificate_unknown',
  47: 'illegal_parameter',
  48: 'unknown_ca',
  49: 'access_denied',
  50: 'decode_error',
  51: 'decrypt_error',
  60: 'export_restriction',
  70: 'protocol_version',
  71: 'insufficient_security',
  80: 'internal_error',
  86: 'inappropriate_fallback',
  90: 'user_canceled',
  100: 'no_renegotiation',
  109: 'missing_extension',
  110: 'unsupported_extension',
  111: 'certificate_unobtainable',
  112: 'unrecognized_name',
  113: 'bad_certificate_status_response',
  114: 'bad_certificate_hash_value',
  115: 'unknown_psk_identity',
  116: 'certificate_required',
  120: 'no_application_protocol',
};

/** OpenSSL record-layer errors that mean the peer does not speak TLS at all. */
const NOT_TLS_CODES = new Set([
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_PACKET_LENGTH_TOO_LONG',
  'ERR_SSL_HTTP_REQUEST',
  'ERR_SSL_HTTPS_PROXY_REQUEST',
  'ERR_SSL_UNKNOWN_PROTOCOL',
  'ERR_SSL_RECORD_LENGTH_MISMATCH',
  'ERR_SSL_BAD_RECORD_TYPE',
  'ERR_SSL_UNEXPECTED_RECORD',
  'ERR_SSL_ENCRYPTED_LENGTH_TOO_LONG',
]);

/** OpenSSL errors about protocol versions or cipher suites the two sides do not share. */
const PROTOCOL_CODES = new Set([
  'ERR_SSL_UNSUPPORTED_PROTOCOL',
  'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
  'ERR_SSL_NO_CIPHERS_AVAILABLE',
  'ERR_SSL_NO_SUITABLE_SIGNATURE_ALGORITHM',
  'ERR_SSL_VERSION_TOO_LOW',
  'ERR_SSL_VERSION_TOO_HIGH',
  'ERR_SSL_WRONG_SSL_VERSION',
  'ERR_SSL_UNSUPPORTED_SSL_VERSION',
]);

/**
 * Errors raised before the ClientHello left the machine: this OpenSSL cannot offer what was
 * asked (a protocol disabled at build time or by its security level). A policy sub-probe that
 * ends this way tested nothing.
 */
export const LOCAL_PROTOCOL_CODES = new Set([
  'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
  'ERR_SSL_NO_CIPHERS_AVAILABLE',
]);

const REFUSED_CODES = new Set(['ECONNREFUSED']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT']);
const UNREACHABLE_CODES = new Set([
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'EAFNOSUPPORT',
  'EPROTONOSUPPORT',
]);

/** The failure kind of an error from `tls.connect`, and the alert it carries, if any. */
export function classifyError(
  code: string | undefined,
  message: string,
): {
  readonly kind: HandshakeFailureKind;
  readonly alert?: string;
  readonly alertNumber?: number;
} {
  const alert = /SSL alert number (\d+)/.exec(message);
  if (alert) {
    const n = Number(alert[1]);
    return { kind: 'alert', alert: TLS_ALERTS[n] ?? `alert ${n}`, alertNumber: n };
  }
  if (code === undefined) return { kind: 'error' };
  if (REFUSED_CODES.has(code)) return { kind: 'refused' };
  if (RESET_CODES.has(code)) return { kind: 'reset' };
  if (TIMEOUT_CODES.has(code)) return { kind: 'timeout' };
  if (UNREACHABLE_CODES.has(code)) return { kind: 'unreachable' };
  if (NOT_TLS_CODES.has(code)) return { kind: 'not-tls' };
  if (PROTOCOL_CODES.has(code)) return { kind: 'protocol' };
  const named = /^ERR_SSL_(?:SSLV3|TLSV1|TLSV13)_ALERT_([A-Z_]+)$/.exec(code);
  if (named) return { kind: 'alert', alert: named[1]!.toLowerCase() };
  // OpenSSL 3 names the unrecognized_name alert without _ALERT_.
  if (code === 'ERR_SSL_TLSV1_UNRECOGNIZED_NAME')
    return { kind: 'alert', alert: 'unrecognized_name', alertNumber: 112 };
  return { kind: 'error' };
}

/**
 * A Node/OpenSSL error message as one short line: OpenSSL's
 * `8010...:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../ssl/record/...`
 * becomes `wrong version number`.
 */
export function shortMessage(message: string): string {
  const first = message.split('\n')[0]!.trim();
  const openssl = /:error:[0-9A-F]+:[^:]*:[^:]*:([^:]+):/.exec(first);
  if (openssl) {
    const alert = /SSL alert number (\d+)/.exec(first);
    return alert ? `${openssl[1]} (alert ${alert[1]})` : openssl[1]!;
  }
  return first.length > 200 ? `${first.slice(0, 197)}...` : first;
}

/**
 * Bytes of a non-TLS answer kept and shown: enough for an HTTP status line or a server banner,
 * and bounded because the server chooses them (a hostile one may send megabytes).
 */
export const MAX_SHOWN_BYTES = 32;

/**
 * Signatures of the protocols that answer a ClientHello (or greet before it) in plain text, on
 * the first bytes only. Anything else is `unknown`: never guess HTTP from a failed handshake.
 */
const PEER_SIGNATURES: readonly (readonly [NonTlsPeer, RegExp])[] = [
  // RFC 9112 §4: a status line starts `HTTP/1.x ` (an HTTP/1 server answers the ClientHello with 400).
  ['http', /^HTTP\/1\.\d /],
  // RFC 4253 §4.2: the identification string `SSH-protoversion-softwareversion`, sent on connect.
  ['ssh', /^SSH-\d\.\d+-/],
  // RFC 5321 §4.2 (SMTP) and RFC 959 §4.2 (FTP): the service-ready greeting `220 ` or `220-`.
  ['greeting-220', /^220[ -]/],
  // RFC 1939 §4 (POP3) `+OK`, RFC 9051 §7.1 (IMAP) `* OK`.
  ['pop3', /^\+OK/],
  ['imap', /^\* (?:OK|PREAUTH)/],
];

/**
 * Bytes as text that is safe anywhere: printable ASCII as is, every other byte (controls, bytes
 * above 0x7e, and the backslash and quote that would make the text ambiguous) as `\xNN`.
 */
export function escapeBytes(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) {
    text +=
      b >= 0x20 && b <= 0x7e && b !== 0x5c && b !== 0x22
        ? String.fromCharCode(b)
        : `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return text;
}

/**
 * What the first bytes of a non-TLS answer say about the server: a known plain-text protocol or
 * `unknown`, and at most {@link MAX_SHOWN_BYTES} of them escaped. Undefined when nothing was sent.
 */
export function describeNonTls(
  bytes: Uint8Array,
): { readonly peer: NonTlsPeer; readonly firstBytes: string; readonly truncated: boolean } | undefined {
  if (bytes.length === 0) return undefined;
  const shown = bytes.subarray(0, MAX_SHOWN_BYTES);
  // latin1 maps each byte to one character, so the patterns see the bytes themselves.
  const head = Buffer.from(shown.buffer, shown.byteOffset, shown.byteLength).toString('latin1');
  const peer = PEER_SIGNATURES.find(([, pattern]) => pattern.test(head))?.[0] ?? 'unknown';
  return { peer, firstBytes: escapeBytes(shown), truncated: bytes.length > MAX_SHOWN_BYTES };
}
