/**
 * The X.509 decoding layer: DER, PEM and PKCS#7 input → frozen `Certificate` models. Decoding
 * never verifies anything; `src/pki/` and the rules judge what is decoded here.
 */

/** Decodes one DER certificate into a frozen model. */
export { decodeCertificate, MAX_CERTIFICATE_BYTES } from './certificate.js';
/** Certificate revocation lists (RFC 5280 §5): strict DER decoding into a frozen model. */
export {
  type CertificateRevocationList,
  CRL_OID,
  type CrlReason,
  decodeCrl,
  type IssuingDistributionPoint,
  type RevokedCertificate,
} from './crl.js';
/** The one error the decoder throws for bad input. */
export { X509DecodeError } from './errors.js';
/** The certificate model every other part of certgate codes against. */
export type * from './model.js';
/** Formats a decoded name as RFC 4514 text. */
export { formatName } from './name.js';
/** OID registry and friendly-name lookups (for `inspect`). */
export {
  algorithmName,
  attributeShortName,
  curveInfo,
  describeOid,
  isWeakSignatureAlgorithm,
  OID,
  oidName,
} from './oids.js';
/** PEM block reader. */
export { isPrivateKeyLabel, type PemBlock, readPemBlocks } from './pem.js';
/** Certificates out of PKCS#7 / CMS SignedData. */
export { decodePkcs7 } from './pkcs7.js';
/** Any input (DER, PKCS#7, PEM) → certificates. */
export { type CertificateBundle, MAX_INPUT_BYTES, type ReadOptions, readCertificates } from './read.js';
