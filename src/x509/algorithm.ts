/** AlgorithmIdentifier (RFC 5280 §4.1.1.2): an OID and optional parameters, kept as DER. */

import { type DerReader, Tag } from './der.js';
import { decodeNull } from './der-values.js';
import type { AlgorithmIdentifier } from './model.js';
import { algorithmName } from './oids.js';

/** Reads an AlgorithmIdentifier SEQUENCE. */
export function readAlgorithm(r: DerReader, what: string): AlgorithmIdentifier {
  const s = r.sequence(what);
  const oid = s.readOid(`${what} algorithm`);
  const name = algorithmName(oid) ?? oid;
  if (!s.hasMore) return Object.freeze({ oid, name });
  const el = s.next(`${what} parameters`);
  if (el.tag === Tag.NULL) decodeNull(el);
  s.finish(what);
  return Object.freeze({ oid, name, parameters: r.buf.subarray(el.offset, el.end) });
}
