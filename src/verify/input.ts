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

/** The common case, checked first: each certificate is issued by the next, none self-issued. */
function isLeafFirst(certificates: readonly Certificate[]): boolean {
  for (let i = 0; i + 1 < certificates.length; i++) {
    const cert = certificates[i]!;
    if (cert.issuer.key === cert.subject.key || cert.issuer.key !== certificates[i + 1]!.subject.key)
      return false;
  }
  return true;
}

/**
 * Trust stores given as text, by content: a script or Lambda that passes the same roots PEM on
 * every call gets the same certificates (the same array) back without parsing it again, so the
 * anchor index and the signature caches keyed on those objects hit as well. Chains are not kept
 * here: they differ per call and would push the roots out. Bounded, cleared when full.
 */
const rootsByText = new Map<string, readonly Certificate[]>();
const ROOTS_LIMIT = 32;

/** `toCertificates` for trust inputs (`roots`, `addRoots`): PEM text is parsed once per content. */
export function toTrustCertificates(inputs: CertificateInputs | undefined): readonly Certificate[] {
  if (typeof inputs !== 'string') return toCertificates(inputs);
  const known = rootsByText.get(inputs);
  if (known) return known;
  const certificates = Object.freeze(toCertificates(inputs));
  if (rootsByText.size >= ROOTS_LIMIT) rootsByText.clear();
  rootsByText.set(inputs, certificates);
  return certificates;
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
  if (isLeafFirst(certificates)) return { chain: certificates, findings: [] };
  const ordered = orderLeafFirst(certificates);
  if (!ordered.reordered) return { chain: certificates, findings: [] };
  const fileOrder = ordered.fileIndex.map((i) => String(i + 1));
  return {
    chain: ordered.certificates,
    findings: [createFinding('INPUT_CHAIN_OUT_OF_ORDER', { source }, { source, fileOrder })],
  };
}
