/** issuerAltName (RFC 5280 §4.2.1.7). */

import { readGeneralNames } from '../general-name.js';
import type { ExtensionDecoder } from './types.js';

// RFC 5280 §4.2.1.7: IssuerAltName ::= GeneralNames
/** Decodes an issuerAltName extnValue. */
export const decodeIssuerAltName: ExtensionDecoder<'issuerAltName'> = (r) => ({
  kind: 'issuerAltName',
  names: readGeneralNames(r, 'issuerAltName'),
});
