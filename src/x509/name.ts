/**
 * Distinguished names (RFC 5280 §4.1.2.4): decoded attribute by attribute, with the exact DER, a
 * comparison key (RFC 5280 §7.1, `name-match.ts`) and an RFC 4514 string for people.
 */

import { type DerElement, DerReader, Tag } from './der.js';
import { fail } from './errors.js';
import { hex } from './hex.js';
import { hashOctets, InternTable } from './intern.js';
import type { DistinguishedName, NameAttribute } from './model.js';
import { nameKey } from './name-match.js';
import { attributeShortName } from './oids.js';
import { decodeString, stringTypeOf } from './strings.js';

/** Reads one AttributeTypeAndValue (RFC 5280 §4.1.2.4). */
function readAttribute(r: DerReader): NameAttribute {
  const s = r.sequence('AttributeTypeAndValue');
  const oid = s.readOid('attribute type');
  const el = s.next('attribute value');
  s.finish('AttributeTypeAndValue');
  const shortName = attributeShortName(oid) ?? oid;
  const stringType = stringTypeOf(el.tag);
  if (stringType === undefined) {
    return Object.freeze({ oid, shortName, value: `#${hex(r.buf, el.offset, el.end)}`, stringType: 'other' });
  }
  return Object.freeze({ oid, shortName, value: decodeString(r.buf, el, stringType), stringType });
}

/**
 * Reads a RelativeDistinguishedName: a SET of one or more attributes (multi-valued when several).
 * `tag` replaces SET where the RDN is implicitly tagged (nameRelativeToCRLIssuer [1]).
 */
export function readRdn(r: DerReader, what: string, tag: number = Tag.SET): readonly NameAttribute[] {
  const el = r.expect(tag, what);
  // RFC 5280 §4.1.2.4: RelativeDistinguishedName ::= SET SIZE (1..MAX) OF AttributeTypeAndValue
  if (el.start === el.end) fail(el.offset, `empty ${what}`);
  const s = r.enter(el);
  const attributes: NameAttribute[] = [];
  // NOTE: DER sorts SET OF members; multi-valued RDNs from real CAs are often unsorted and the
  // order carries no meaning for matching (which compares DER bytes), so it is not enforced.
  while (s.hasMore) attributes.push(readAttribute(s));
  return Object.freeze(attributes);
}

/** Reads a Name (RDNSequence). An empty sequence is valid (subject carried by subjectAltName). */
export function readName(r: DerReader, what: string): DistinguishedName {
  const el = r.expect(Tag.SEQUENCE, what);
  return decodeNameElement(r, el);
}

/** Decodes a Name from an element already read (the SEQUENCE itself). */
export function decodeNameElement(r: DerReader, el: DerElement): DistinguishedName {
  const s = r.enter(el);
  const buf = r.buf;
  const small = el.end - el.offset <= internedNames.maxOctets;
  const hash = small ? hashOctets(buf, el.offset, el.end) : 0;
  const known = small ? internedNames.find(hash, buf, el.offset, el.end) : undefined;
  if (known !== undefined) return known;
  const rdns: (readonly NameAttribute[])[] = [];
  while (s.hasMore) rdns.push(readRdn(s, 'RelativeDistinguishedName'));
  if (!small) return new Name(Object.freeze(rdns), buf.subarray(el.offset, el.end));
  // the kept name must not hold on to this certificate's buffer: its DER is a copy
  const name = new Name(Object.freeze(rdns), buf.slice(el.offset, el.end));
  internedNames.keep(hash, buf, el.offset, el.end, name);
  return name;
}

/**
 * Names by their DER: every leaf of a CA names the same issuer, so its comparison key and text
 * are computed once. Real names are under 300 octets.
 */
const internedNames = new InternTable<Name>(4096, 512);

/**
 * A decoded Name. `text` (RFC 4514) and `key` (for comparison) are computed on first use and
 * cached: most names are compared or shown, few both.
 */
class Name implements DistinguishedName {
  readonly rdns: readonly (readonly NameAttribute[])[];
  readonly der: Uint8Array;
  #text: string | undefined;
  #key: string | undefined;

  constructor(rdns: readonly (readonly NameAttribute[])[], der: Uint8Array) {
    this.rdns = rdns;
    this.der = der;
    Object.freeze(this);
  }

  get text(): string {
    if (this.#text === undefined) this.#text = formatName(this);
    return this.#text;
  }

  get key(): string {
    if (this.#key === undefined) this.#key = nameKey(this.rdns);
    return this.#key;
  }

  /** Plain-data form for JSON output: the text and the attributes (DER omitted). */
  toJSON(): { text: string; rdns: readonly (readonly NameAttribute[])[] } {
    return { text: this.text, rdns: this.rdns };
  }
}

// RFC 4514 §2.1: RDNs last-to-first, separated by ','; §2.2: multi-valued RDNs joined with '+'
/** Formats a decoded Name as an RFC 4514 string, least significant RDN first. */
export function formatName(name: Pick<DistinguishedName, 'rdns' | 'der'>): string {
  const rdns = name.rdns;
  const raw = rdns.some((rdn) => rdn.some((a) => a.shortName === a.oid)) ? rawValues(name.der) : undefined;
  let out = '';
  for (let i = rdns.length - 1; i >= 0; i--) {
    const rdn = rdns[i]!;
    for (let j = 0; j < rdn.length; j++) {
      const a = rdn[j]!;
      if (j > 0) out += '+';
      // RFC 4514 §2.4: a dotted-decimal type's value is written as '#' + hex of its BER
      const value = raw !== undefined && a.shortName === a.oid ? `#${raw[i]![j]}` : formatValue(a);
      out += `${a.shortName}=${value}`;
    }
    if (i > 0) out += ',';
  }
  return out;
}

const NEEDS_ESCAPE = /[,+"\\<>;\0]|^[ #]| $/;

function formatValue(a: NameAttribute): string {
  if (a.stringType === 'other') return a.value;
  return NEEDS_ESCAPE.test(a.value) ? escapeValue(a.value) : a.value;
}

/** Hex of every attribute value's DER, by RDN then attribute (the Name was validated already). */
function rawValues(der: Uint8Array): string[][] {
  const out: string[][] = [];
  const s = new DerReader(der).sequence('Name');
  while (s.hasMore) {
    const rdn = s.enter(s.next('RelativeDistinguishedName'));
    const values: string[] = [];
    while (rdn.hasMore) {
      const atv = rdn.sequence('AttributeTypeAndValue');
      atv.next('attribute type');
      const v = atv.next('attribute value');
      values.push(hex(der, v.offset, v.end));
    }
    out.push(values);
  }
  return out;
}

// RFC 4514 §2.4: escape special characters, a leading space or '#', a trailing space, and NUL
function escapeValue(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\0') out += '\\00';
    else if (',+"\\<>;'.includes(c)) out += `\\${c}`;
    else if ((i === 0 && (c === ' ' || c === '#')) || (i === value.length - 1 && c === ' ')) out += `\\${c}`;
    else out += c;
  }
  return out;
}
