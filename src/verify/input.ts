/**
 * Certificate input for `verify()`: PEM text, DER or PKCS#7 bytes, or decoded certificates,
 * alone or in a list, all turned into `Certificate[]`; and putting a chain leaf first.
 */

import type { Finding } from '../findings/finding.js';
import { createFinding } from '../findings/finding.js';
import { orderLeafFirst } from '../x509/chain-order.js';
import type { Certificate } from '../x509/model.js';
import { readCertificates } from '../x509/read.js';

/** One certificate input: PEM text (any number of blocks), DER or PKCS#7 bytes, or a decoded certificate. */
export type CertificateInput = string | Uint8Array | Certificate;

/** One input or a list of them. */
export type CertificateInputs = CertificateInput | readonly CertificateInput[];

function isCertificate(input: CertificateInput): input is Certificate {
  return typeof input === 'object' && !(input instanceof Uint8Array) && 'tbs' in input && 'der' in input;
}

/**
 * Decodes inputs into certificates, in order (a PEM text with several blocks gives several).
 *
 * @throws X509DecodeError for input that is not PEM, DER or PKCS#7
 */
export function toCertificates(inputs: CertificateInputs | undefined): Certificate[] {
  if (inputs === undefined) return [];
  const list: readonly CertificateInput[] = Array.isArray(inputs) ? inputs : [inputs as CertificateInput];
  return list.flatMap((input) =>
    isCertificate(input) ? [input] : [...readCertificates(input).certificates],
  );
}

/**
 * Puts a chain leaf first when it is one chain listed out of order, with an
 * INPUT_CHAIN_OUT_OF_ORDER warning: a server must send the leaf first (RFC 8446 §4.4.2), so the
 * file would break when deployed as it is, even though the chain itself is fine.
 */
export function inspectReorder(
  certificates: readonly Certificate[],
  source: string,
): { chain: readonly Certificate[]; findings: Finding[] } {
  const ordered = orderLeafFirst(certificates);
  if (!ordered.reordered) return { chain: certificates, findings: [] };
  const fileOrder = ordered.fileIndex.map((i) => String(i + 1));
  return {
    chain: ordered.certificates,
    findings: [createFinding('INPUT_CHAIN_OUT_OF_ORDER', { source }, { source, fileOrder })],
  };
}
