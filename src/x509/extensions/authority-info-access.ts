/** authorityInfoAccess (RFC 5280 §4.2.2.1). */

import { fail } from '../errors.js';
import { readGeneralName } from '../general-name.js';
import type { GeneralName } from '../model.js';
import type { ExtensionDecoder } from './types.js';

// RFC 5280 §4.2.2.1: AuthorityInfoAccessSyntax ::= SEQUENCE SIZE (1..MAX) OF AccessDescription
//   AccessDescription ::= SEQUENCE { accessMethod OID, accessLocation GeneralName }
/** Decodes an authorityInfoAccess extnValue (methods such as ocsp and caIssuers, as OIDs). */
export const decodeAuthorityInfoAccess: ExtensionDecoder<'authorityInfoAccess'> = (r) => {
  const at = r.pos;
  const s = r.sequence('authorityInfoAccess');
  if (!s.hasMore) fail(at, 'empty authorityInfoAccess');
  const accessDescriptions: { method: string; location: GeneralName }[] = [];
  while (s.hasMore) {
    const d = s.sequence('AccessDescription');
    const method = d.readOid('accessMethod');
    const location = readGeneralName(d);
    d.finish('AccessDescription');
    accessDescriptions.push(Object.freeze({ method, location }));
  }
  return { kind: 'authorityInfoAccess', accessDescriptions: Object.freeze(accessDescriptions) };
};
