/** policyConstraints (RFC 5280 §4.2.1.11). */

import { decodeSmallUint } from '../der-values.js';
import type { ExtensionDecoder } from './types.js';

// RFC 5280 §4.2.1.11: PolicyConstraints ::= SEQUENCE {
//   requireExplicitPolicy [0] SkipCerts OPTIONAL, inhibitPolicyMapping [1] SkipCerts OPTIONAL }
// (implicit tags: SkipCerts ::= INTEGER (0..MAX) re-tagged as primitive [0] and [1])
/** Decodes a policyConstraints extnValue. */
export const decodePolicyConstraints: ExtensionDecoder<'policyConstraints'> = (r) => {
  const s = r.sequence('policyConstraints');
  const require = s.optional(0x80, 'requireExplicitPolicy');
  const inhibit = s.optional(0x81, 'inhibitPolicyMapping');
  s.finish('policyConstraints');
  const out: { kind: 'policyConstraints'; requireExplicitPolicy?: number; inhibitPolicyMapping?: number } = {
    kind: 'policyConstraints',
  };
  if (require) out.requireExplicitPolicy = decodeSmallUint(r.buf, require, 'requireExplicitPolicy');
  if (inhibit) out.inhibitPolicyMapping = decodeSmallUint(r.buf, inhibit, 'inhibitPolicyMapping');
  return out;
};
