/**
 * DSA parameter inheritance (RFC 3279 §2.3.2, RFC 5280 §6.1.4 (d)-(f)): a DSA key whose
 * subjectPublicKeyInfo has no Dss-Parms uses the working parameters of the path above it. Only
 * `rfc5280` accepts DSA at all; PKITS 4.1.5 tests this.
 */

import type { Certificate } from '../x509/model.js';

/** A DSA key without Dss-Parms: it takes its issuer's. */
export function inheritsParameters(cert: Certificate): boolean {
  return cert.publicKey.type === 'dsa' && cert.publicKey.algorithm.parameters === undefined;
}

/**
 * The working_public_key_parameters at `path[index]` (leaf first, anchor last): set by the last
 * DSA key with parameters from the anchor down, cleared by a key of another algorithm.
 */
export function workingParameters(path: readonly Certificate[], index: number): Uint8Array | undefined {
  let parameters: Uint8Array | undefined;
  for (let k = path.length - 1; k >= index; k--) {
    const key = path[k]!.publicKey;
    if (key.type !== 'dsa') parameters = undefined;
    else if (key.algorithm.parameters) parameters = key.algorithm.parameters;
  }
  return parameters;
}
