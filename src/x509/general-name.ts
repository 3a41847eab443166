/**
 * GeneralName and GeneralNames (RFC 5280 §4.2.1.6), shared by subjectAltName, issuerAltName,
 * nameConstraints, authorityKeyIdentifier, authorityInfoAccess and cRLDistributionPoints.
 */

import { type DerElement, type DerReader, Tag } from './der.js';
import { decodeOid } from './der-values.js';
import { fail } from './errors.js';
import { formatIpGeneralName } from './ip.js';
import type { GeneralName } from './model.js';
import { decodeNameElement } from './name.js';
import { decodeIa5String } from './strings.js';

/** Where a GeneralName sits: iPAddress is an address in names, address + mask in constraints. */
type GeneralNameUse = 'name' | 'constraint';

/** Reads one GeneralName. */
export function readGeneralName(r: DerReader, use: GeneralNameUse = 'name'): GeneralName {
  const el = r.next('GeneralName');
  const buf = r.buf;
  switch (el.tag) {
    case 0xa0:
      return readOtherName(r, el);
    case 0x81:
      return Object.freeze({ type: 'rfc822Name', value: decodeIa5String(buf, el) });
    case 0x82:
      return Object.freeze({ type: 'dNSName', value: decodeIa5String(buf, el) });
    case 0xa3:
      return Object.freeze({ type: 'x400Address', raw: buf.subarray(el.offset, el.end) });
    case 0xa4:
      return readDirectoryName(r, el);
    case 0xa5:
      return Object.freeze({ type: 'ediPartyName', raw: buf.subarray(el.offset, el.end) });
    case 0x86:
      return Object.freeze({ type: 'uniformResourceIdentifier', value: decodeIa5String(buf, el) });
    case 0x87:
      return decodeIpAddress(buf, el, use);
    case 0x88:
      return Object.freeze({ type: 'registeredID', value: decodeOid(buf, el) });
    default:
      return fail(el.offset, `unknown GeneralName choice (tag 0x${el.tag.toString(16)})`);
  }
}

// RFC 5280 §4.2.1.6: OtherName ::= SEQUENCE { type-id OID, value [0] EXPLICIT ANY }
function readOtherName(r: DerReader, el: DerElement): GeneralName {
  const s = r.enter(el);
  const typeId = s.readOid('otherName type-id');
  const value = s.enter(s.expect(0xa0, 'otherName value'));
  value.next('otherName value');
  value.finish('otherName value');
  s.finish('otherName');
  return Object.freeze({ type: 'otherName', typeId, raw: r.buf.subarray(el.offset, el.end) });
}

// Name is a CHOICE, so directoryName [4] is an explicit tag around the RDNSequence
function readDirectoryName(r: DerReader, el: DerElement): GeneralName {
  const s = r.enter(el);
  const nameEl = s.expect(Tag.SEQUENCE, 'directoryName');
  const value = decodeNameElement(s, nameEl);
  s.finish('directoryName');
  return Object.freeze({ type: 'directoryName', value });
}

// RFC 5280 §4.2.1.6: 4 or 16 octets in a name; §4.2.1.10: 8 or 32 (address, mask) in a constraint
function decodeIpAddress(buf: Uint8Array, el: DerElement, use: GeneralNameUse): GeneralName {
  const len = el.end - el.start;
  const ok = use === 'name' ? len === 4 || len === 16 : len === 8 || len === 32;
  if (!ok) {
    const want = use === 'name' ? '4 or 16' : '8 or 32';
    fail(el.offset, `iPAddress of ${len} bytes (expected ${want})`);
  }
  const bytes = buf.subarray(el.start, el.end);
  return Object.freeze({ type: 'iPAddress', bytes, value: formatIpGeneralName(bytes) });
}

// RFC 5280 §4.2.1.6: GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName
/** Reads the contents of a GeneralNames element (already opened as `r`): one or more names. */
export function readGeneralNamesContent(r: DerReader, what: string, at: number): readonly GeneralName[] {
  if (!r.hasMore) fail(at, `empty ${what}`);
  const names: GeneralName[] = [];
  while (r.hasMore) names.push(readGeneralName(r));
  return Object.freeze(names);
}

/** Reads a GeneralNames SEQUENCE. */
export function readGeneralNames(r: DerReader, what: string): readonly GeneralName[] {
  const el = r.expect(Tag.SEQUENCE, what);
  return readGeneralNamesContent(r.enter(el), what, el.offset);
}
