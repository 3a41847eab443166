/** Node/OpenSSL errors → failure kinds (the texts are the ones Node 20 / OpenSSL 3 print). */

import { describe, expect, test } from 'vitest';
import { classifyError, shortMessage } from '../../src/probe/classify.js';

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
