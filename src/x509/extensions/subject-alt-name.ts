/** subjectAltName (RFC 5280 §4.2.1.6). */

import { readGeneralNames } from '../general-name.js';
import type { ExtensionDecoder } from './types.js';

// RFC 5280 §4.2.1.6: SubjectAltName ::= GeneralNames
/** Decodes a subjectAltName extnValue. */
export const decodeSubjectAltName: ExtensionDecoder<'subjectAltName'> = (r) => ({
  kind: 'subjectAltName',
  names: readGeneralNames(r, 'subjectAltName'),
});
