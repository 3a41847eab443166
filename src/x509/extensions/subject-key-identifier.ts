/** subjectKeyIdentifier (RFC 5280 §4.2.1.2). */

import type { ExtensionDecoder } from './types.js';

// RFC 5280 §4.2.1.2: SubjectKeyIdentifier ::= KeyIdentifier ::= OCTET STRING
/** Decodes a subjectKeyIdentifier extnValue. */
export const decodeSubjectKeyIdentifier: ExtensionDecoder<'subjectKeyIdentifier'> = (r) => ({
  kind: 'subjectKeyIdentifier',
  keyIdentifier: r.readOctetString('subjectKeyIdentifier'),
});
