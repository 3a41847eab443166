/** extKeyUsage (RFC 5280 §4.2.1.12). */

import { fail } from '../errors.js';
import type { ExtensionDecoder } from './types.js';

// RFC 5280 §4.2.1.12: ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId
/** Decodes an extKeyUsage extnValue into dotted purpose OIDs. */
export const decodeExtKeyUsage: ExtensionDecoder<'extKeyUsage'> = (r) => {
  const at = r.pos;
  const s = r.sequence('extKeyUsage');
  if (!s.hasMore) fail(at, 'empty extKeyUsage');
  const purposes: string[] = [];
  while (s.hasMore) purposes.push(s.readOid('KeyPurposeId'));
  return { kind: 'extKeyUsage', purposes: Object.freeze(purposes) };
};
