/** policyMappings (RFC 5280 §4.2.1.5). */

import { fail } from '../errors.js';
import type { ExtensionDecoder } from './types.js';

// RFC 5280 §4.2.1.5: PolicyMappings ::= SEQUENCE SIZE (1..MAX) OF SEQUENCE {
//   issuerDomainPolicy CertPolicyId, subjectDomainPolicy CertPolicyId }
/** Decodes a policyMappings extnValue. */
export const decodePolicyMappings: ExtensionDecoder<'policyMappings'> = (r) => {
  const at = r.pos;
  const s = r.sequence('policyMappings');
  if (!s.hasMore) fail(at, 'empty policyMappings');
  const mappings: { issuerDomainPolicy: string; subjectDomainPolicy: string }[] = [];
  while (s.hasMore) {
    const m = s.sequence('policy mapping');
    const issuerDomainPolicy = m.readOid('issuerDomainPolicy');
    const subjectDomainPolicy = m.readOid('subjectDomainPolicy');
    m.finish('policy mapping');
    mappings.push(Object.freeze({ issuerDomainPolicy, subjectDomainPolicy }));
  }
  return { kind: 'policyMappings', mappings: Object.freeze(mappings) };
};
