/** nameConstraints (RFC 5280 §4.2.1.10). */

import type { DerReader } from '../der.js';
import { decodeSmallUint } from '../der-values.js';
import { fail } from '../errors.js';
import { readGeneralName } from '../general-name.js';
import type { GeneralSubtree } from '../model.js';
import type { ExtensionDecoder } from './types.js';

// RFC 5280 §4.2.1.10: GeneralSubtree ::= SEQUENCE { base GeneralName,
//   minimum [0] BaseDistance DEFAULT 0, maximum [1] BaseDistance OPTIONAL }
function readSubtree(r: DerReader): GeneralSubtree {
  const s = r.sequence('GeneralSubtree');
  const base = readGeneralName(s, 'constraint');
  const min = s.optional(0x80, 'minimum');
  const max = s.optional(0x81, 'maximum');
  s.finish('GeneralSubtree');
  const minimum = min ? decodeSmallUint(r.buf, min, 'minimum') : 0;
  if (max === undefined) return Object.freeze({ base, minimum });
  return Object.freeze({ base, minimum, maximum: decodeSmallUint(r.buf, max, 'maximum') });
}

// RFC 5280 §4.2.1.10: GeneralSubtrees ::= SEQUENCE SIZE (1..MAX) OF GeneralSubtree
function readSubtrees(r: DerReader, tag: number, what: string): readonly GeneralSubtree[] | undefined {
  const el = r.optional(tag, what);
  if (el === undefined) return undefined;
  if (el.start === el.end) fail(el.offset, `empty ${what}`);
  const s = r.enter(el);
  const subtrees: GeneralSubtree[] = [];
  while (s.hasMore) subtrees.push(readSubtree(s));
  return Object.freeze(subtrees);
}

// RFC 5280 §4.2.1.10: NameConstraints ::= SEQUENCE {
//   permittedSubtrees [0] GeneralSubtrees OPTIONAL, excludedSubtrees [1] GeneralSubtrees OPTIONAL }
/**
 * Decodes a nameConstraints extnValue. An empty NameConstraints decodes with neither list; RFC
 * 5280 forbids issuing it, and that is for the verifier to report.
 */
export const decodeNameConstraints: ExtensionDecoder<'nameConstraints'> = (r) => {
  const s = r.sequence('nameConstraints');
  const permitted = readSubtrees(s, 0xa0, 'permittedSubtrees');
  const excluded = readSubtrees(s, 0xa1, 'excludedSubtrees');
  s.finish('nameConstraints');
  const out: {
    kind: 'nameConstraints';
    permittedSubtrees?: readonly GeneralSubtree[];
    excludedSubtrees?: readonly GeneralSubtree[];
  } = { kind: 'nameConstraints' };
  if (permitted) out.permittedSubtrees = permitted;
  if (excluded) out.excludedSubtrees = excluded;
  return out;
};
