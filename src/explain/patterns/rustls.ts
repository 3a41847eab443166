/**
 * rustls / webpki (reqwest, cargo tools, Deno): `invalid peer certificate: <Error>` with the
 * webpki error name (`UnknownIssuer`, `NotValidForName`, ...) or rustls 0.23's sentence.
 */

import type { ClientErrorKey } from '../../clients/client-errors.js';
import { diagnoseHandshakeFailure, diagnoseRevocationUnknown } from '../diagnoses/handshake.js';
import { diagnoseNameMismatch } from '../diagnoses/name.js';
import {
  diagnoseClientErrorKeys,
  diagnoseExpired,
  diagnoseNotYetValid,
  diagnoseUnknownIssuer,
} from '../diagnoses/path.js';
import { clientPattern, type Pattern } from '../pattern.js';
import type { Diagnosis, Extracted } from '../types.js';
import { parseNameList, targetFields } from './names.js';

const PEER = 'invalid peer certificate(?: contents)?:\\s*(?:invalid peer certificate:\\s*)?';

function byError(e: Extracted): Diagnosis {
  const code = (e.clientCode ?? '').toLowerCase();
  if (code.includes('name')) return diagnoseNameMismatch(e);
  if (code.includes('expired')) return diagnoseExpired(e);
  if (code.includes('validyet')) return diagnoseNotYetValid(e);
  const kind = BY_CERTIFICATE_ERROR[code];
  if (kind === 'RevocationUnknown') return diagnoseRevocationUnknown(e);
  return kind ? diagnoseClientErrorKeys([kind], e) : diagnoseUnknownIssuer(e);
}

/** rustls `CertificateError` variants that are not about names or dates → the failure they stand for. */
const BY_CERTIFICATE_ERROR: Readonly<Record<string, ClientErrorKey>> = {
  // a CA certificate served as the leaf: most often a self-signed CA of a test setup
  causedasendentity: 'UntrustedRoot',
  revoked: 'Revoked',
  unknownrevocationstatus: 'RevocationUnknown',
  badsignature: 'BadSignature',
  unsupportedsignaturealgorithm: 'UnsupportedSignatureAlgorithm',
  badencoding: 'InvalidCertificate',
};

/** rustls' patterns. */
export const RUSTLS_PATTERNS: readonly Pattern[] = [
  clientPattern(
    'rustls',
    'rustls.not-valid-for-name',
    'rustls: certificate not valid for name',
    'name',
    `${PEER}certificate not valid for name (?:DnsName\\()?"([^"\\n]{1,253})"\\)?(?:; certificate is only valid for ([^\\n]{1,2000}))?`,
    diagnoseNameMismatch,
    (m) => ({
      ...targetFields(m[1]),
      ...(m[2]
        ? parseNameList(
            m[2]
              .replace(/DnsName\("([^"]{0,253})"\)|IpAddress\(([^)]{0,64})\)/g, '$1$2,')
              .replace(/ or /g, ','),
          )
        : {}),
    }),
  ),
  clientPattern(
    'rustls',
    'rustls.invalid-peer-certificate',
    'rustls: invalid peer certificate',
    'rustls',
    `${PEER}(UnknownIssuer|NotValidForName|CertNotValidForName|CertExpired|Expired|CertNotValidYet|NotValidYet|BadSignature|UnsupportedSignatureAlgorithm|CaUsedAsEndEntity|UnknownRevocationStatus|Revoked|BadEncoding|Other\\([^)\\n]{0,80}\\))`,
    byError,
    (m) => ({ clientCode: m[1] ?? '' }),
  ),
  clientPattern(
    'rustls',
    'rustls.certificate-expired',
    'rustls: certificate expired',
    'path:CertExpired',
    `${PEER}certificate expired`,
    diagnoseExpired,
  ),
  clientPattern(
    'rustls',
    'webpki.unknown-issuer',
    'webpki: UnknownIssuer',
    'path:UnknownIssuer',
    '\\bwebpki(?:::Error::|\\s+error:\\s*)UnknownIssuer\\b',
    diagnoseUnknownIssuer,
  ),
  clientPattern(
    'rustls',
    'rustls.alert-handshake-failure',
    'rustls: received fatal alert HandshakeFailure',
    'handshake:diagnoseHandshakeFailure',
    'received fatal alert: HandshakeFailure',
    diagnoseHandshakeFailure,
  ),
];
