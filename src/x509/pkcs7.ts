/**
 * Certificates out of a PKCS#7 / CMS SignedData (RFC 5652 §5), as `.p7b` / `.p7c` files carry
 * chains. Only the `certificates` field is read; signatures and CRLs are ignored.
 */

import { readCertificate } from './certificate.js';
import { DerReader, Tag } from './der.js';
import { fail, toDecodeError, X509DecodeError } from './errors.js';
import type { Certificate } from './model.js';
import { OID } from './oids.js';

const BER_ADVICE =
  'BER indefinite-length encoding is not DER; convert with openssl pkcs7 -inform DER -in bundle.p7b -print_certs -out certs.pem';

/**
 * Extracts the certificates of a DER PKCS#7 / CMS SignedData ContentInfo, in encoded order.
 *
 * @throws X509DecodeError for anything else, including BER (indefinite-length) encodings
 */
export function decodePkcs7(der: Uint8Array): Certificate[] {
  try {
    const r = new DerReader(der);
    const certificates = readSignedDataCertificates(r);
    r.finish('PKCS#7 ContentInfo');
    return certificates;
  } catch (e) {
    const err = toDecodeError(e);
    if (err.reason.startsWith('indefinite length'))
      throw new X509DecodeError(BER_ADVICE, err.offset, err.context);
    throw err;
  }
}

// RFC 5652 §3: ContentInfo ::= SEQUENCE { contentType OID, content [0] EXPLICIT ANY }
function readSignedDataCertificates(r: DerReader): Certificate[] {
  const info = r.sequence('PKCS#7 ContentInfo');
  const at = info.pos;
  const contentType = info.readOid('contentType');
  if (contentType !== OID.pkcs7SignedData) fail(at, `PKCS#7 content type ${contentType} is not signedData`);
  const content = info.enter(info.expect(0xa0, 'content'));
  info.finish('PKCS#7 ContentInfo');
  // RFC 5652 §5.1: SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo,
  //   certificates [0] IMPLICIT CertificateSet OPTIONAL, crls [1] IMPLICIT OPTIONAL, signerInfos SET }
  const sd = content.sequence('SignedData');
  content.finish('content');
  sd.expect(Tag.INTEGER, 'SignedData version');
  sd.expect(Tag.SET, 'digestAlgorithms');
  sd.expect(Tag.SEQUENCE, 'encapContentInfo');
  const certs = sd.optional(0xa0, 'certificates');
  sd.optional(0xa1, 'crls');
  sd.expect(Tag.SET, 'signerInfos');
  sd.finish('SignedData');
  return certs === undefined ? [] : readCertificateSet(sd.enter(certs));
}

// RFC 5652 §10.2.2: CertificateChoices ::= CHOICE { certificate Certificate, extendedCertificate [0],
//   v1AttrCert [1], v2AttrCert [2], other [3] }; only plain certificates are returned.
// NOTE: DER sorts SET OF members, but the order in the file is what users expect to see and
// `openssl crl2pkcs7` keeps it; the set's order is not checked.
function readCertificateSet(r: DerReader): Certificate[] {
  const out: Certificate[] = [];
  while (r.hasMore) {
    if (r.peek() === Tag.SEQUENCE) out.push(readCertificate(r));
    else r.next('CertificateChoices');
  }
  return out;
}
