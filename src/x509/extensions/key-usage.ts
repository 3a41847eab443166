/** keyUsage (RFC 5280 §4.2.1.3). */

import { Tag } from '../der.js';
import { decodeBitString, namedBits } from '../der-values.js';
import type { KeyUsageName } from '../model.js';
import type { ExtensionDecoder } from './types.js';

/** Bit names in RFC 5280 §4.2.1.3 order: bit 0 is digitalSignature. */
const KEY_USAGE_BITS: readonly KeyUsageName[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

// RFC 5280 §4.2.1.3: KeyUsage ::= BIT STRING { digitalSignature (0), ... decipherOnly (8) }
/**
 * Decodes a keyUsage extnValue into the names of the bits set. An all-zero value decodes as an
 * empty list: RFC 5280 requires at least one bit, and judging that is the verifier's job.
 */
export const decodeKeyUsage: ExtensionDecoder<'keyUsage'> = (r) => {
  const el = r.expect(Tag.BIT_STRING, 'keyUsage');
  // NOTE: X.690 §11.2.2 also wants trailing zero bits of a named bit list removed; encoders
  // disagree in practice and the meaning is unchanged, so only the general BIT STRING rules apply.
  const { bytes } = decodeBitString(r.buf, el);
  return { kind: 'keyUsage', usages: namedBits(bytes, KEY_USAGE_BITS) };
};
