/**
 * Handshake-level failures: the connection ends before any certificate is checked, so the
 * message names no certificate. In front of a CDN or shared host the usual cause is a name the
 * server has no certificate for, or a client that sends no SNI; elsewhere it is a TLS version
 * or cipher the two sides do not share, or a port that does not speak TLS at all.
 */

import { tlsCauses } from '../diagnoses/tls-causes.js';
import type { Pattern } from '../pattern.js';
import type { Diagnosis, ExplainClient, Extracted } from '../types.js';

const MEANING_FAILURE =
  'The server ended the TLS handshake before a certificate was exchanged or checked (a fatal alert such as handshake_failure, alert 40): it found nothing it could answer with for the name asked for, or no version and cipher both sides support.';

/** A handshake failure: no SNI and an unknown name come before versions and ciphers. */
function diagnoseHandshakeFailure(e: Extracted): Diagnosis {
  return {
    meaning: MEANING_FAILURE,
    causes: tlsCauses(e, ['no-sni', 'name-not-listed', 'protocol-mismatch', 'client-certificate']),
  };
}

/** No shared version or cipher: the client (or server) is too old or too strict. */
function diagnoseProtocolMismatch(e: Extracted): Diagnosis {
  return {
    meaning:
      'Client and server found no TLS version or cipher suite they both support, so no certificate was checked.',
    causes: tlsCauses(e, ['protocol-mismatch', 'no-sni', 'name-not-listed']),
  };
}

/** The answer was not TLS at all. */
function diagnoseNotTls(e: Extracted): Diagnosis {
  return {
    meaning:
      'What came back was not a TLS record: the port answered in plain text (usually HTTP), so the client never saw a certificate.',
    causes: tlsCauses(e, ['not-tls', 'protocol-mismatch']),
  };
}

function handshake(
  id: string,
  title: string,
  source: string,
  diagnose: (e: Extracted) => Diagnosis,
  client?: ExplainClient,
): Pattern {
  return {
    id,
    title,
    source: 'tls-client',
    ...(client ? { client } : {}),
    key: `handshake:${diagnose.name}`,
    regex: new RegExp(source, 'gi'),
    diagnose,
  };
}

/** The handshake-level patterns. */
export const HANDSHAKE_PATTERNS: readonly Pattern[] = [
  handshake(
    'handshake.alert-handshake-failure',
    'TLS alert handshake_failure (40): the server ended the handshake',
    '(?:sslv3|tlsv1) alert handshake failure|SSL alert number 40|Received fatal alert: handshake_failure|remote error: tls: handshake failure',
    diagnoseHandshakeFailure,
  ),
  handshake(
    'handshake.unrecognized-name',
    'TLS alert unrecognized_name (112): the server has no site for the SNI name',
    'tlsv1 unrecognized name|SSL alert number 112|unrecognized_name',
    diagnoseHandshakeFailure,
  ),
  handshake(
    'browser.ERR_SSL_VERSION_OR_CIPHER_MISMATCH',
    'browser: ERR_SSL_VERSION_OR_CIPHER_MISMATCH (no shared version or cipher, or no certificate for the name)',
    '\\bERR_SSL_VERSION_OR_CIPHER_MISMATCH\\b|\\bSSL_ERROR_NO_CYPHER_OVERLAP\\b|unsupported protocol',
    diagnoseHandshakeFailure,
    'browser',
  ),
  handshake(
    'handshake.protocol-version',
    'TLS protocol version not supported by one side',
    'tlsv1 alert protocol version|SSL alert number 70|No appropriate protocol|Could not create SSL/TLS secure channel|unsupported protocol version',
    diagnoseProtocolMismatch,
  ),
  handshake(
    'handshake.wrong-version-number',
    'OpenSSL: wrong version number (the port did not answer in TLS)',
    'wrong version number|WRONG_VERSION_NUMBER|\\bERR_SSL_PROTOCOL_ERROR\\b|SSL_ERROR_RX_RECORD_TOO_LONG|http request on https port',
    diagnoseNotTls,
  ),
];
