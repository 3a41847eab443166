/** Strict DER reader vectors (X.690 §8, §10, §11): each row is one element, as hex. */

import { describe, expect, test } from 'vitest';
import { DerReader, MAX_DEPTH } from '../../src/x509/der.js';
import {
  decodeBitString,
  decodeBoolean,
  decodeOid,
  decodeSmallUint,
  namedBits,
} from '../../src/x509/der-values.js';
import { X509DecodeError } from '../../src/x509/errors.js';
import { decodeString, stringTypeOf } from '../../src/x509/strings.js';
import { hex } from '../support/der-writer.js';

type Kind = 'tlv' | 'boolean' | 'uint' | 'oid' | 'bits' | 'string';

/** Reads one element of `input` as `kind`; the input must hold exactly that element. */
function decode(kind: Kind, input: string): unknown {
  const buf = hex(input);
  const r = new DerReader(buf);
  const el = r.next('element');
  r.finish('input');
  switch (kind) {
    case 'tlv':
      return { tag: el.tag, length: el.end - el.start };
    case 'boolean':
      return decodeBoolean(buf, el);
    case 'uint':
      return decodeSmallUint(buf, el, 'integer');
    case 'oid':
      return decodeOid(buf, el);
    case 'bits': {
      const b = decodeBitString(buf, el);
      return { bytes: Buffer.from(b.bytes).toString('hex'), unusedBits: b.unusedBits };
    }
    case 'string':
      return decodeString(buf, el, stringTypeOf(el.tag)!);
  }
}

/** Runs `fn` and returns the X509DecodeError it throws as `{ reason, offset }`. */
function thrown(fn: () => unknown): { reason: string; offset: number | undefined } {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof X509DecodeError)) throw e;
    return { reason: e.reason, offset: e.offset };
  }
  throw new Error('did not throw');
}

interface Row {
  name: string;
  kind: Kind;
  input: string;
  want?: unknown;
  wantError?: string;
  wantOffset?: number;
}

// biome-ignore format: table rows stay one line each

const rows: Row[] = [
  // lengths (X.690 §8.1.3, §10.1)
  { name: 'short form length', kind: 'tlv', input: '04 02 aa bb', want: { tag: 4, length: 2 } },
  { name: 'long form for 128', kind: 'tlv', input: `04 81 80 ${'00'.repeat(128)}`, want: { tag: 4, length: 128 } },
  { name: 'long form for < 128', kind: 'tlv', input: '04 81 02 aa bb', wantError: 'non-minimal length encoding', wantOffset: 1 },
  { name: 'leading zero length octet', kind: 'tlv', input: `04 82 00 80 ${'00'.repeat(128)}`, wantError: 'non-minimal length encoding', wantOffset: 1 },
  { name: 'indefinite length', kind: 'tlv', input: '30 80 00 00', wantError: 'indefinite length (BER) is not allowed in DER', wantOffset: 1 },
  { name: 'five length octets', kind: 'tlv', input: '04 85 00 00 00 00 01 00', wantError: 'length of 5 octets is too large' },
  { name: 'length past the end', kind: 'tlv', input: '04 05 aa bb', wantError: 'truncated: element needs 5 bytes, 2 left', wantOffset: 0 },
  { name: 'length octets past the end', kind: 'tlv', input: '04 82 01', wantError: 'truncated: length of element runs past the end' },
  { name: 'missing length', kind: 'tlv', input: '04', wantError: 'truncated: missing length of element' },
  { name: 'trailing data', kind: 'tlv', input: '05 00 00', wantError: 'unexpected data after the end of input', wantOffset: 2 },
  // high-tag-number form (X.690 §8.1.2.4)
  { name: 'high tag number 31', kind: 'tlv', input: '9f 1f 00', want: { tag: (31 << 8) | 0x9f, length: 0 } },
  { name: 'high tag number 200', kind: 'tlv', input: 'bf 81 48 00', want: { tag: (200 << 8) | 0xbf, length: 0 } },
  { name: 'high tag form for tag 5', kind: 'tlv', input: '9f 05 00', wantError: 'high tag number form used for a tag below 31' },
  { name: 'high tag with leading 0x80', kind: 'tlv', input: '9f 80 20 00', wantError: 'non-minimal high tag number encoding' },
  { name: 'high tag truncated', kind: 'tlv', input: '9f 81', wantError: 'truncated: high tag number runs past the end' },
  { name: 'high tag too large', kind: 'tlv', input: '9f ff ff ff 7f 00', wantError: 'tag number too large' },
  // BOOLEAN (X.690 §11.1)
  { name: 'TRUE', kind: 'boolean', input: '01 01 ff', want: true },
  { name: 'FALSE', kind: 'boolean', input: '01 01 00', want: false },
  { name: 'TRUE as 0x01', kind: 'boolean', input: '01 01 01', wantError: 'BOOLEAN must be 0x00 or 0xff', wantOffset: 2 },
  { name: 'two octets', kind: 'boolean', input: '01 02 ff ff', wantError: 'BOOLEAN must be one octet' },
  { name: 'empty', kind: 'boolean', input: '01 00', wantError: 'BOOLEAN must be one octet' },
  // INTEGER (X.690 §8.3.2)
  { name: 'zero', kind: 'uint', input: '02 01 00', want: 0 },
  { name: '127', kind: 'uint', input: '02 01 7f', want: 127 },
  { name: '128 with sign octet', kind: 'uint', input: '02 02 00 80', want: 128 },
  { name: 'redundant leading 00', kind: 'uint', input: '02 02 00 7f', wantError: 'non-minimal INTEGER encoding', wantOffset: 2 },
  { name: 'redundant leading ff', kind: 'uint', input: '02 02 ff 80', wantError: 'non-minimal INTEGER encoding' },
  { name: 'empty INTEGER', kind: 'uint', input: '02 00', wantError: 'empty INTEGER' },
  { name: 'negative', kind: 'uint', input: '02 01 ff', wantError: 'integer must not be negative' },
  { name: 'above 2^53', kind: 'uint', input: '02 08 7f ff ff ff ff ff ff ff', wantError: 'integer is too large' },
  // OBJECT IDENTIFIER (X.690 §8.19)
  { name: 'sha256WithRSAEncryption', kind: 'oid', input: '06 09 2a 86 48 86 f7 0d 01 01 0b', want: '1.2.840.113549.1.1.11' },
  { name: 'first arc 2, large second arc', kind: 'oid', input: '06 03 88 37 01', want: '2.999.1' },
  { name: 'first arc 0', kind: 'oid', input: '06 03 09 92 26', want: '0.9.2342' },
  { name: 'UUID arc beyond 2^53', kind: 'oid', input: `06 14 69 83 ${'ff '.repeat(17)}7f`, want: '2.25.340282366920938463463374607431768211455' },
  { name: 'non-minimal arc', kind: 'oid', input: '06 03 2a 80 01', wantError: 'non-minimal OBJECT IDENTIFIER arc', wantOffset: 3 },
  { name: 'truncated arc', kind: 'oid', input: '06 02 2a 86', wantError: 'truncated OBJECT IDENTIFIER arc' },
  { name: 'empty OID', kind: 'oid', input: '06 00', wantError: 'empty OBJECT IDENTIFIER' },
  { name: 'arc of 32 bytes, the longest accepted', kind: 'oid', input: `06 21 2a ${'81 '.repeat(31)}01`, want: '1.2.212283044623233384209976496748186068296355467894020255756721340545' },
  { name: 'arc longer than 32 bytes', kind: 'oid', input: `06 22 2a ${'81 '.repeat(32)}01`, wantError: 'OBJECT IDENTIFIER arc longer than 32 bytes', wantOffset: 3 },
  { name: 'long arc after a big one', kind: 'oid', input: `06 35 69 83 ${'ff '.repeat(17)}7f ${'81 '.repeat(32)}01`, wantError: 'OBJECT IDENTIFIER arc longer than 32 bytes', wantOffset: 22 },
  // BIT STRING (X.690 §8.6, §11.2)
  { name: 'no unused bits', kind: 'bits', input: '03 02 00 ff', want: { bytes: 'ff', unusedBits: 0 } },
  { name: 'five unused bits, zero', kind: 'bits', input: '03 02 05 a0', want: { bytes: 'a0', unusedBits: 5 } },
  { name: 'empty bit string', kind: 'bits', input: '03 01 00', want: { bytes: '', unusedBits: 0 } },
  { name: 'unused bits set', kind: 'bits', input: '03 02 05 a1', wantError: 'BIT STRING unused bits are not zero' },
  { name: 'unused bits above 7', kind: 'bits', input: '03 02 08 00', wantError: 'BIT STRING unused-bits octet above 7' },
  { name: 'empty with unused bits', kind: 'bits', input: '03 01 03', wantError: 'empty BIT STRING with unused bits' },
  { name: 'no unused-bits octet', kind: 'bits', input: '03 00', wantError: 'BIT STRING has no unused-bits octet' },
  // character strings (X.680 §41)
  { name: 'UTF8String multibyte', kind: 'string', input: '0c 06 c3 a9 e2 82 ac 21', want: 'é€!' },
  { name: 'UTF8String invalid', kind: 'string', input: '0c 02 c3 28', wantError: 'UTF8String is not valid UTF-8' },
  { name: 'UTF8String overlong', kind: 'string', input: '0c 02 c0 af', wantError: 'UTF8String is not valid UTF-8' },
  { name: 'PrintableString', kind: 'string', input: "13 07 41 2d 7a 20 28 3f 29", want: 'A-z (?)' },
  { name: 'PrintableString wildcard (NOTE: accepted)', kind: 'string', input: '13 03 2a 2e 61', want: '*.a' },
  { name: 'PrintableString with @', kind: 'string', input: '13 03 61 40 62', wantError: 'PrintableString contains a forbidden character 0x40' },
  { name: 'IA5String', kind: 'string', input: '16 03 61 40 62', want: 'a@b' },
  { name: 'IA5String non-ASCII', kind: 'string', input: '16 02 61 e9', wantError: 'IA5String contains a non-ASCII byte' },
  { name: 'TeletexString as latin1', kind: 'string', input: '14 02 e9 61', want: 'éa' },
  { name: 'BMPString', kind: 'string', input: '1e 04 00 e9 20 ac', want: 'é€' },
  { name: 'BMPString odd length', kind: 'string', input: '1e 03 00 e9 20', wantError: 'BMPString has an odd length' },
  { name: 'UniversalString', kind: 'string', input: '1c 08 00 00 00 41 00 01 f6 00', want: 'A😀' },
  { name: 'UniversalString bad length', kind: 'string', input: '1c 03 00 00 41', wantError: 'UniversalString length is not a multiple of 4' },
  { name: 'UniversalString surrogate', kind: 'string', input: '1c 04 00 00 d8 00', wantError: 'UniversalString has an invalid code point' },
  { name: 'NumericString', kind: 'string', input: '12 03 31 20 32', want: '1 2' },
  { name: 'NumericString letter', kind: 'string', input: '12 02 31 61', wantError: 'NumericString contains a forbidden character 0x61' },
  { name: 'VisibleString', kind: 'string', input: '1a 02 7e 20', want: '~ ' },
  { name: 'VisibleString control', kind: 'string', input: '1a 01 0a', wantError: 'VisibleString contains a forbidden character 0x0a' },
];

describe('DER elements', () => {
  test.each(rows)('$kind: $name', ({ kind, input, want, wantError, wantOffset }) => {
    if (wantError === undefined) {
      expect(decode(kind, input)).toEqual(want);
      return;
    }
    const err = thrown(() => decode(kind, input));
    expect(err.reason).toBe(wantError);
    if (wantOffset !== undefined) expect(err.offset).toBe(wantOffset);
  });
});

describe('DerReader', () => {
  test('expect names the wanted and found tags', () => {
    const r = new DerReader(hex('04 00'));
    expect(thrown(() => r.expect(0x30, 'thing')).reason).toBe('expected thing (tag 0x30), found tag 0x04');
  });

  test('expect at the end reports what is missing', () => {
    expect(thrown(() => new DerReader(new Uint8Array(0)).expect(0x30, 'thing')).reason).toBe(
      'truncated: missing thing',
    );
  });

  test(`nesting is bounded at ${MAX_DEPTH} levels`, () => {
    // 40 nested SEQUENCEs
    let der = hex('05 00');
    for (let i = 0; i < 40; i++) der = Uint8Array.of(0x30, der.length, ...der);
    let r = new DerReader(der);
    const err = thrown(() => {
      for (;;) r = r.sequence('level');
    });
    expect(err.reason).toBe(`nesting deeper than ${MAX_DEPTH} levels`);
  });

  test('offsets are absolute in the buffer', () => {
    const r = new DerReader(hex('30 05 04 03 01 02 03'));
    const inner = r.sequence('outer');
    const el = inner.next('inner');
    expect([el.offset, el.start, el.end]).toEqual([2, 4, 7]);
  });

  // biome-ignore format: table rows stay one line each

  test.each([
    { name: 'digitalSignature + keyCertSign', input: '84', want: ['a', 'f'] },
    { name: 'bit 8 in the second octet', input: '00 80', want: ['i'] },
    { name: 'no bits', input: '', want: [] },
  ])('named bits: $name', ({ input, want }) => {
    expect(namedBits(hex(input), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'])).toEqual(want);
  });
});
