/** AlgorithmIdentifier (RFC 5280 §4.1.1.2): an OID and optional parameters, kept as DER. */

import { type DerReader, Tag } from './der.js';
import { decodeNull } from './der-values.js';
import { hashOctets, InternTable } from './intern.js';
import type { AlgorithmIdentifier } from './model.js';
import { algorithmName } from './oids.js';

/** A handful of identifiers cover nearly every certificate; RSA-PSS parameters are the longest. */
const internedAlgorithms = new InternTable<AlgorithmIdentifier>(1024, 96);

/** Reads an AlgorithmIdentifier SEQUENCE. */
export function readAlgorithm(r: DerReader, what: string): AlgorithmIdentifier {
  const el = r.expect(Tag.SEQUENCE, what);
  const s = r.enter(el);
  const buf = r.buf;
  const small = el.end - el.offset <= internedAlgorithms.maxOctets;
  const hash = small ? hashOctets(buf, el.offset, el.end) : 0;
  const known = small ? internedAlgorithms.find(hash, buf, el.offset, el.end) : undefined;
  if (known !== undefined) return known;
  const oid = s.readOid(`${what} algorithm`);
  const name = algorithmName(oid) ?? oid;
  let algorithm: AlgorithmIdentifier;
  if (!s.hasMore) algorithm = Object.freeze({ oid, name });
  else {
    const params = s.next(`${what} parameters`);
    if (params.tag === Tag.NULL) decodeNull(params);
    s.finish(what);
    // the kept value must not hold on to this certificate's buffer: its parameters view a copy
    const own = buf.slice(el.offset, el.end);
    const parameters = own.subarray(params.offset - el.offset, params.end - el.offset);
    algorithm = Object.freeze({ oid, name, parameters });
  }
  if (small) internedAlgorithms.keep(hash, buf, el.offset, el.end, algorithm);
  return algorithm;
}
