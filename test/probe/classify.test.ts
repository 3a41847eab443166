/** Node/OpenSSL errors → failure kinds (the texts are the ones Node 20 / OpenSSL 3 print). */

import { describe, expect, test } from 'vitest';
import { classifyError, describeNonTls, MAX_SHOWN_BYTES, shortMessage } from '../../src/probe/classify.js';

const OPENSSL = (reason: string, tail = '') =>
  `801C07B22D7F0000:error:0A00010B:SSL routines:ssl3_get_record:${reason}:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:${tail}\n`;

describe('classifyError', () => {
  const rows: [string | undefined, string, string, string?][] = [
    // connection
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1', 'refused'],
    ['ECONNRESET', 'read ECONNRESET', 'reset'],
    [
      'ECONNRESET',
      'Client network socket disconnected before secure TLS connection was established',
      'reset',
    ],
    ['EPIPE', 'write EPIPE', 'reset'],
    ['ETIMEDOUT', 'connect ETIMEDOUT 192.0.2.1:443', 'timeout'],
    ['EHOSTUNREACH', 'connect EHOSTUNREACH', 'unreachable'],
    ['ENETUNREACH', 'connect ENETUNREACH 2001:db8::1:443', 'unreachable'],
    // not TLS
    ['ERR_SSL_WRONG_VERSION_NUMBER', OPENSSL('wrong version number'), 'not-tls'],
    ['ERR_SSL_PACKET_LENGTH_TOO_LONG', OPENSSL('packet length too long'), 'not-tls'],
    // alerts: by number in the message, or by code
    [
      'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
      OPENSSL('tlsv1 alert protocol version', 'SSL alert number 70'),
      'alert',
      'protocol_version',
    ],
    [
      'ERR_SSL_TLSV1_UNRECOGNIZED_NAME',
      OPENSSL('tlsv1 unrecognized name', 'SSL alert number 112'),
      'alert',
      'unrecognized_name',
    ],
    ['ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 'no number here', 'alert', 'handshake_failure'],
    ['ERR_SSL_TLSV1_UNRECOGNIZED_NAME', 'no number here', 'alert', 'unrecognized_name'],
    // protocol / other
    ['ERR_SSL_UNSUPPORTED_PROTOCOL', OPENSSL('unsupported protocol'), 'protocol'],
    ['ERR_SSL_NO_PROTOCOLS_AVAILABLE', OPENSSL('no protocols available'), 'protocol'],
    ['ERR_SSL_SOMETHING_NEW', OPENSSL('something new'), 'error'],
    [undefined, 'weird', 'error'],
  ];
  test.each(rows)('%s: %s → %s', (code, message, kind, alert) => {
    const r = classifyError(code, message);
    expect(r.kind).toBe(kind);
    if (alert) expect(r.alert).toBe(alert);
  });
});

describe('shortMessage', () => {
  test('OpenSSL error lines shrink to the reason, with the alert number', () => {
    expect(shortMessage(OPENSSL('wrong version number'))).toBe('wrong version number');
    expect(shortMessage(OPENSSL('tlsv1 alert protocol version', 'SSL alert number 70'))).toBe(
      'tlsv1 alert protocol version (alert 70)',
    );
    expect(shortMessage('read ECONNRESET')).toBe('read ECONNRESET');
  });
});

describe('describeNonTls: what a server that does not speak TLS sent first', () => {
  const ascii = (text: string) => Buffer.from(text, 'latin1');
  const rows: [string, Uint8Array, string, string][] = [
    // only an HTTP/1 status line is HTTP
    ['HTTP status line', ascii('HTTP/1.1 400 Bad Request\r\n'), 'http', 'HTTP/1.1 400 Bad Request\\x0d\\x0a'],
    ['HTTP/1.0', ascii('HTTP/1.0 200 OK\r\n'), 'http', 'HTTP/1.0 200 OK\\x0d\\x0a'],
    ['"HTTP" alone is not a status line', ascii('HTTPS please'), 'unknown', 'HTTPS please'],
    ['a request is not a status line', ascii('GET / HTTP/1.1\r\n'), 'unknown', 'GET / HTTP/1.1\\x0d\\x0a'],
    // banners and greetings
    ['SSH banner', ascii('SSH-2.0-OpenSSH_9.2\r\n'), 'ssh', 'SSH-2.0-OpenSSH_9.2\\x0d\\x0a'],
    [
      'SMTP greeting',
      ascii('220 mx.example.com ESMTP\r\n'),
      'greeting-220',
      '220 mx.example.com ESMTP\\x0d\\x0a',
    ],
    ['FTP multi-line greeting', ascii('220-welcome\r\n'), 'greeting-220', '220-welcome\\x0d\\x0a'],
    ['POP3', ascii('+OK ready\r\n'), 'pop3', '+OK ready\\x0d\\x0a'],
    ['IMAP', ascii('* OK IMAP4rev1\r\n'), 'imap', '* OK IMAP4rev1\\x0d\\x0a'],
    // anything else: escaped bytes, never HTTP
    ['random bytes', new Uint8Array([0x8a, 0x00, 0xff, 0x41]), 'unknown', '\\x8a\\x00\\xffA'],
    ['terminal escapes', ascii('\x1b[2J\x1b]0;x\x07PASS'), 'unknown', '\\x1b[2J\\x1b]0;x\\x07PASS'],
    ['backslash and quote', ascii('a\\b"c'), 'unknown', 'a\\x5cb\\x22c'],
  ];
  test.each(rows)('%s', (_, bytes, peer, firstBytes) => {
    expect(describeNonTls(bytes)).toEqual({ peer, firstBytes, truncated: false });
  });

  test('at most MAX_SHOWN_BYTES are shown, and the cut is said', () => {
    const d = describeNonTls(new Uint8Array(1 << 20).fill(0xee))!;
    expect(d.firstBytes).toBe('\\xee'.repeat(MAX_SHOWN_BYTES));
    expect(d.truncated).toBe(true);
    expect(d.peer).toBe('unknown');
  });

  test('nothing sent: nothing to describe', () => {
    expect(describeNonTls(new Uint8Array(0))).toBeUndefined();
  });
});
