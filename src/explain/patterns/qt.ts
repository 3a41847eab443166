/** Qt's QSslError texts (QNetworkAccessManager, Qt examples), each to the diagnosis it reports. */

import { diagnoseNameMismatch } from '../diagnoses/name.js';
import { diagnoseClientErrorKeys, diagnoseUnknownIssuer } from '../diagnoses/path.js';
import { phrase } from '../input.js';
import { clientPattern, type Pattern } from '../pattern.js';

/** Qt's patterns. */
export const QT_PATTERNS: readonly Pattern[] = [
  clientPattern(
    'qt',
    'qt.issuer-not-found',
    'Qt: the issuer certificate could not be found',
    'path:UnknownIssuer',
    `${phrase('The issuer certificate of a locally looked up certificate could not be found')}|${phrase('The issuer certificate could not be found')}|${phrase('No certificates could be verified')}`,
    diagnoseUnknownIssuer,
  ),
  clientPattern(
    'qt',
    'qt.self-signed',
    'Qt: a self-signed certificate is not trusted',
    'path:UntrustedRoot',
    `${phrase('The root certificate of the certificate chain is self-signed, and untrusted')}|(${phrase('The certificate is self-signed, and untrusted')})`,
    (e) => diagnoseClientErrorKeys(['UntrustedRoot'], e),
    (m) => (m[1] ? { opensslCode: 18 } : { opensslCode: 19 }),
  ),
  clientPattern(
    'qt',
    'qt.host-name-mismatch',
    'Qt: the host name did not match any of the valid hosts',
    'name',
    phrase('The host name did not match any of the valid hosts for this certificate'),
    diagnoseNameMismatch,
  ),
];
