/** basicConstraints (RFC 5280 §4.2.1.9). */

import { Tag } from '../der.js';
import type { ExtensionDecoder } from './types.js';

// RFC 5280 §4.2.1.9: BasicConstraints ::= SEQUENCE {
//   cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL }
/** Decodes a basicConstraints extnValue. */
export const decodeBasicConstraints: ExtensionDecoder<'basicConstraints'> = (r) => {
  const s = r.sequence('basicConstraints');
  // NOTE: DER (X.690 §11.5) forbids encoding the DEFAULT value, so an explicit cA FALSE is not
  // DER. Real CAs have issued many such certificates and OpenSSL, Go and rustls-webpki accept them, so
  // it is decoded as cA FALSE rather than rejected.
  const ca = s.peek() === Tag.BOOLEAN ? s.readBoolean('cA') : false;
  const pathLen = s.hasMore ? s.readSmallUint('pathLenConstraint') : undefined;
  s.finish('basicConstraints');
  return pathLen === undefined
    ? { kind: 'basicConstraints', ca }
    : { kind: 'basicConstraints', ca, pathLenConstraint: pathLen };
};
