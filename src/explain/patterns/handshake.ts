/**
 * Handshake-level failures: the connection ends before any certificate is checked, so the
 * message names no certificate. In front of a CDN or shared host the usual cause is a name the
 * server has no certificate for, or a client that sends no SNI; elsewhere it is a TLS version
 * or cipher the two sides do not share, or a port that does not speak TLS at all.
 */

import {
  diagnoseClientCertificate,
  diagnoseHandshakeFailure,
  diagnoseNotTls,
  diagnoseProtocolMismatch,
} from '../diagnoses/handshake.js';
import { clientPattern, type Pattern } from '../pattern.js';
import type { Diagnosis, ExplainClient, Extracted } from '../types.js';

/** A handshake pattern: the diagnosis names its key, so the same failure joins across wordings. */
const handshake = (
  id: string,
  title: string,
  source: string,
  diagnose: (e: Extracted) => Diagnosis,
  client?: ExplainClient,
): Pattern => clientPattern(client, id, title, `handshake:${diagnose.name}`, source, diagnose);

/** The handshake-level patterns (`\s+` where a message is often wrapped). */
export const HANDSHAKE_PATTERNS: readonly Pattern[] = [
  handshake(
    'handshake.alert-handshake-failure',
    'TLS alert handshake_failure (40): the server ended the handshake',
    '(?:sslv3|tlsv1)[ _]alert[ _]handshake[ _]failure|SSL alert number 40|Received fatal alert: handshake_failure|remote error: tls: handshake failure|received fatal alert: HandshakeFailure|gnutls_handshake\\(\\) failed: Handshake failed|SSL routines:[\\w]{1,40}:ssl handshake failure',
    diagnoseHandshakeFailure,
  ),
  handshake(
    'handshake.unrecognized-name',
    'TLS alert unrecognized_name (112): the server has no site for the SNI name',
    'tlsv1[ _]unrecognized[ _]name|SSL alert number 112|unrecognized_name',
    diagnoseHandshakeFailure,
  ),
  handshake(
    'browser.ERR_SSL_VERSION_OR_CIPHER_MISMATCH',
    'browser: ERR_SSL_VERSION_OR_CIPHER_MISMATCH (no shared version or cipher, or no certificate for the name)',
    '\\bERR_SSL_VERSION_OR_CIPHER_MISMATCH\\b|\\bSSL_ERROR_NO_CYPHER_OVERLAP\\b',
    diagnoseHandshakeFailure,
    'browser',
  ),
  // Chrome's page sentence for the code above: next to the code it joins that match.
  {
    ...handshake(
      'browser.unsupported-protocol-page',
      "browser: '<host> uses an unsupported protocol' (Chrome's page for ERR_SSL_VERSION_OR_CIPHER_MISMATCH)",
      'uses an unsupported protocol',
      diagnoseHandshakeFailure,
      'browser',
    ),
    bareCode: true,
  },
  handshake(
    'handshake.protocol-version',
    'TLS protocol version not supported by one side',
    'tlsv1[ _]alert[ _]protocol[ _]version|SSL alert number 70|No appropriate protocol|Could\\s+not\\s+create\\s+SSL/TLS\\s+secure\\s+channel|unsupported protocol(?: version)?|An\\s+unexpected\\s+error\\s+occurred\\s+on\\s+a\\s+send|Authentication\\s+failed\\s+because\\s+the\\s+remote\\s+party\\s+has\\s+closed\\s+the\\s+transport\\s+stream|NoCipherSuitesInCommon|SEC_E_ALGORITHM_MISMATCH',
    diagnoseProtocolMismatch,
  ),
  handshake(
    'handshake.wrong-version-number',
    'OpenSSL: wrong version number (the port did not answer in TLS)',
    'wrong version number|WRONG_VERSION_NUMBER|\\bERR_SSL_PROTOCOL_ERROR\\b|SSL_ERROR_RX_RECORD_TOO_LONG|http request on https port|An unexpected TLS packet was received|received corrupt message of type InvalidContentType|packet length too long',
    diagnoseNotTls,
  ),
  handshake(
    'handshake.client-certificate-alert',
    'TLS alert about the client certificate: the server wants one, or rejected the one sent',
    '(?:sslv3|tlsv1|tlsv13)[ _]alert[ _](?:bad[ _]certificate|unknown[ _]ca|certificate[ _]required)|SSL alert number (?:42|48|116)|Received fatal alert: bad_certificate|remote error: tls: (?:bad certificate|unknown certificate authority|certificate required)',
    diagnoseClientCertificate,
  ),
];
