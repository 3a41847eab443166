/** inhibitAnyPolicy (RFC 5280 §4.2.1.14). */

import type { ExtensionDecoder } from './types.js';

// RFC 5280 §4.2.1.14: InhibitAnyPolicy ::= SkipCerts ::= INTEGER (0..MAX)
/** Decodes an inhibitAnyPolicy extnValue. */
export const decodeInhibitAnyPolicy: ExtensionDecoder<'inhibitAnyPolicy'> = (r) => ({
  kind: 'inhibitAnyPolicy',
  skipCerts: r.readSmallUint('inhibitAnyPolicy SkipCerts'),
});
