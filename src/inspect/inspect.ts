/**
 * `inspect`: decode every certificate of one input, put a chain leaf first, and run the
 * certificate rules on each. One result per certificate; input-level findings (a private key in
 * the file, a chain out of order) go on the first result.
 */

import type { Finding, Result } from '../findings/finding.js';
import { createFinding } from '../findings/finding.js';
import { checkCertificate } from '../rules/cert/index.js';
import { orderLeafFirst } from '../x509/chain-order.js';
import { readCertificates } from '../x509/read.js';
import { type CertificateView, viewCertificate } from './view.js';

export interface InspectOptions {
  /** The name of the input in findings and messages (a path, or `-` for stdin). */
  readonly source: string;
  /** Validation time for validity and days left. Default: now. */
  readonly at?: Date;
  /** Expiry warning window in days. Default: 30. */
  readonly warnDays?: number;
}

/**
 * Decodes and checks every certificate in `input` (PEM, DER or PKCS#7). Throws `X509DecodeError`
 * when the input holds no certificate or a malformed one.
 */
export function inspectCertificates(
  input: Uint8Array | string,
  options: InspectOptions,
): Result<CertificateView>[] {
  const { source } = options;
  const at = options.at ?? new Date();
  const warnDays = options.warnDays ?? 30;
  const bundle = readCertificates(input, { source });
  const ordered = orderLeafFirst(bundle.certificates);

  const fileFindings: Finding[] = [];
  if (bundle.privateKeysSkipped > 0) {
    fileFindings.push(
      createFinding('INPUT_PRIVATE_KEY_SKIPPED', { source }, { source, count: bundle.privateKeysSkipped }),
    );
  }
  if (ordered.reordered) {
    const fileOrder = ordered.fileIndex.map((i) => String(i + 1));
    fileFindings.push(createFinding('INPUT_CHAIN_OUT_OF_ORDER', { source }, { source, fileOrder }));
  }

  return ordered.certificates.map((cert, index) => {
    const fileIndex = ordered.fileIndex[index]!;
    const role = ordered.roles[index]!;
    const location = { source, certIndex: index };
    const findings = checkCertificate({ cert, role, location, at, warnDays });
    return {
      subject: { kind: 'certificate', id: cert.subject.text || cert.sha256Fingerprint, source },
      findings: index === 0 ? [...fileFindings, ...findings] : findings,
      details: viewCertificate(cert, { index, fileIndex, role }, at),
    };
  });
}
