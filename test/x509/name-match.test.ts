import { describe, expect, test } from 'vitest';
import type { NameAttribute } from '../../src/x509/model.js';
import { nameKey, prepareValue, rdnKey } from '../../src/x509/name-match.js';

const cn = (value: string, stringType: NameAttribute['stringType'] = 'utf8String'): NameAttribute => ({
  oid: '2.5.4.3',
  shortName: 'CN',
  value,
  stringType,
});
const o = (value: string): NameAttribute => ({
  oid: '2.5.4.10',
  shortName: 'O',
  value,
  stringType: 'utf8String',
});

describe('prepareValue (RFC 4518, as RFC 5280 §7.1 asks)', () => {
  // [issuer as written, subject as written, same name?]
  const rows: [string, string, boolean][] = [
    // case (caseIgnoreMatch)
    ['Good CA', 'GOOD CA', true],
    ['utf8string case insensitive', 'UTF8String Case Insensitive', true],
    // NOTE: no full case folding (RFC 3454 B.2 maps ß to ss); Chrome and OpenSSL fold ASCII only
    ['Straße CA', 'STRASSE CA', false],
    // insignificant spaces: leading, trailing, inner runs
    ['Good CA', '  Good     CA  ', true],
    ['Good CA', 'Good\u00a0CA', true],
    ['Good CA', 'GoodCA', false],
    // code points mapped to nothing, compatibility forms
    ['Good CA', 'Go\u00adod CA', true],
    ['ｇｏｏｄ ca', 'good ca', true],
    // different names stay different
    ['Good CA', 'Good CA2', false],
    ['', ' ', true],
  ];
  test.each(rows)('%j vs %j → %s', (a, b, same) => {
    expect(prepareValue(a) === prepareValue(b)).toBe(same);
  });
});

describe('rdnKey and nameKey', () => {
  test('string types compare by their text: PrintableString and UTF8String are one name', () => {
    expect(rdnKey([cn('Rollover CA', 'printableString')])).toBe(rdnKey([cn('Rollover CA', 'utf8String')]));
  });
  test('a multi-valued RDN is a set: the order of its attributes does not matter', () => {
    expect(rdnKey([cn('A'), o('B')])).toBe(rdnKey([o('b'), cn('a')]));
  });
  test('a value that is not a string compares as its DER', () => {
    const other = (hex: string): NameAttribute => ({
      oid: '2.5.4.3',
      shortName: 'CN',
      value: hex,
      stringType: 'other',
    });
    expect(rdnKey([other('#0c01'), cn('x')])).not.toBe(rdnKey([other('#0C01'), cn('x')]));
  });
  test('RDN order matters; RDNs do not merge', () => {
    expect(nameKey([[cn('A')], [o('B')]])).not.toBe(nameKey([[o('B')], [cn('A')]]));
    expect(nameKey([[cn('A'), o('B')]])).not.toBe(nameKey([[cn('A')], [o('B')]]));
  });
});
