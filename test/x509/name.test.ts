/** Distinguished names (RFC 4514 text), GeneralName choices and IP address text (RFC 5952). */

import { describe, expect, test } from 'vitest';
import { DerReader } from '../../src/x509/der.js';
import { X509DecodeError } from '../../src/x509/errors.js';
import { readGeneralName } from '../../src/x509/general-name.js';
import { formatIpGeneralName as formatIpAddress } from '../../src/x509/ip.js';
import { readName } from '../../src/x509/name.js';
import { bmp, hex, ia5, int, oid, printable, seq, set, teletex, tlv, utf8 } from '../support/der-writer.js';
import { encodeGeneralName, parseIp, parseIpRange } from '../support/names.js';

const atv = (type: string, value: Uint8Array): Uint8Array => seq(oid(type), value);
const CN = '2.5.4.3';
const O = '2.5.4.10';
const C = '2.5.4.6';

const decodeName = (der: Uint8Array) => readName(new DerReader(der), 'name');

describe('RFC 4514 text', () => {
  // biome-ignore format: table rows stay one line each
  test.each([
    // order and multi-valued RDNs (RFC 4514 §2.1, §2.2)
    { name: 'least significant first', input: seq(set(atv(C, printable('US'))), set(atv(O, utf8('Acme'))), set(atv(CN, utf8('x')))), want: 'CN=x,O=Acme,C=US' },
    { name: 'multi-valued RDN', input: seq(set(atv(CN, utf8('a')), atv('0.9.2342.19200300.100.1.1', utf8('42')))), want: 'CN=a+UID=42' },
    { name: 'empty name', input: seq(), want: '' },
    // escaping (RFC 4514 §2.4)
    { name: 'comma and plus', input: seq(set(atv(O, utf8('Acme, Inc.+Co')))), want: 'O=Acme\\, Inc.\\+Co' },
    { name: 'quote, backslash, angle brackets, semicolon', input: seq(set(atv(CN, utf8('"a\\b<c>;')))), want: 'CN=\\"a\\\\b\\<c\\>\\;' },
    { name: 'leading and trailing space', input: seq(set(atv(CN, utf8(' x ')))), want: 'CN=\\ x\\ ' },
    { name: 'leading hash', input: seq(set(atv(CN, utf8('#1')))), want: 'CN=\\#1' },
    { name: 'hash inside is plain', input: seq(set(atv(CN, utf8('a#1')))), want: 'CN=a#1' },
    { name: 'NUL', input: seq(set(atv(CN, utf8('a\0b')))), want: 'CN=a\\00b' },
    { name: 'non-ASCII kept as is', input: seq(set(atv(CN, utf8('Zürich €')))), want: 'CN=Zürich €' },
    // string types
    { name: 'BMPString', input: seq(set(atv(CN, bmp('Ωmega')))), want: 'CN=Ωmega' },
    { name: 'TeletexString latin1', input: seq(set(atv(CN, teletex('caf\u00e9')))), want: 'CN=café' },
    { name: 'emailAddress IA5String', input: seq(set(atv('1.2.840.113549.1.9.1', ia5('a@b.example')))), want: 'emailAddress=a@b.example' },
    // non-string values and unknown types (RFC 4514 §2.4: '#' + hex of the BER)
    { name: 'INTEGER value', input: seq(set(atv(CN, int(5)))), want: 'CN=#020105' },
    { name: 'unknown attribute type', input: seq(set(atv('1.2.3.4', printable('Hi')))), want: '1.2.3.4=#13024869' },
  ])('$name', ({ input, want }) => {
    const name = decodeName(input);
    expect(name.text).toBe(want);
    expect(name.der).toEqual(input);
  });

  test('attributes keep type, short name and string type', () => {
    const name = decodeName(seq(set(atv(C, printable('US'))), set(atv('1.2.3.4', utf8('v')))));
    expect(name.rdns).toEqual([
      [{ oid: C, shortName: 'C', value: 'US', stringType: 'printableString' }],
      [{ oid: '1.2.3.4', shortName: '1.2.3.4', value: 'v', stringType: 'utf8String' }],
    ]);
  });

  // biome-ignore format: table rows stay one line each

  test.each([
    { name: 'empty RDN', input: seq(set()), wantError: 'empty RelativeDistinguishedName' },
    { name: 'RDN not a SET', input: seq(seq(atv(CN, utf8('x')))), wantError: 'expected RelativeDistinguishedName (tag 0x31), found tag 0x30' },
    { name: 'attribute without value', input: seq(set(seq(oid(CN)))), wantError: 'truncated: missing attribute value' },
    { name: 'attribute with two values', input: seq(set(seq(oid(CN), utf8('a'), utf8('b')))), wantError: 'unexpected data after the end of AttributeTypeAndValue' },
    { name: 'bad PrintableString', input: seq(set(atv(C, printable('U@')))), wantError: 'PrintableString contains a forbidden character 0x40' },
  ])('rejects $name', ({ input, wantError }) => {
    expect(() => decodeName(input)).toThrow(X509DecodeError);
    expect(() => decodeName(input)).toThrow(wantError);
  });
});

describe('GeneralName', () => {
  const decode = (der: Uint8Array, use: 'name' | 'constraint' = 'name') =>
    readGeneralName(new DerReader(der), use);
  // biome-ignore format: table rows stay one line each
  test.each([
    { name: 'dNSName', input: 'dns:example.com', want: { type: 'dNSName', value: 'example.com' } },
    { name: 'rfc822Name', input: 'email:a@example.com', want: { type: 'rfc822Name', value: 'a@example.com' } },
    { name: 'URI', input: 'uri:https://example.com/x', want: { type: 'uniformResourceIdentifier', value: 'https://example.com/x' } },
    { name: 'registeredID', input: 'rid:1.2.3.4', want: { type: 'registeredID', value: '1.2.3.4' } },
    { name: 'iPAddress v4', input: 'ip:192.0.2.1', want: { type: 'iPAddress', bytes: hex('c0000201'), value: '192.0.2.1' } },
    { name: 'iPAddress v6', input: 'ip:2001:db8::1', want: { type: 'iPAddress', bytes: hex('20010db8000000000000000000000001'), value: '2001:db8::1' } },
  ])('$name', ({ input, want }) => {
    expect(decode(encodeGeneralName(input))).toEqual(want);
  });

  test('directoryName', () => {
    const gn = decode(encodeGeneralName('dn:CN=x,O=y'));
    expect(gn.type === 'directoryName' && gn.value.text).toBe('CN=x,O=y');
  });

  // biome-ignore format: table rows stay one line each

  test.each([
    { name: 'otherName', input: 'other:1.3.6.1.4.1.311.20.2.3=upn@example.com', want: { type: 'otherName', typeId: '1.3.6.1.4.1.311.20.2.3' } },
    { name: 'x400Address', input: 'x400:3000', want: { type: 'x400Address' } },
    { name: 'ediPartyName', input: 'edi:a1030c0161', want: { type: 'ediPartyName' } },
  ])('$name is kept raw', ({ input, want }) => {
    const der = encodeGeneralName(input);
    expect(decode(der)).toEqual({ ...want, raw: der });
  });

  // biome-ignore format: table rows stay one line each

  test.each([
    { name: 'IP of 5 bytes in a name', input: tlv(0x87, hex('0102030405')), wantError: 'iPAddress of 5 bytes (expected 4 or 16)' },
    { name: 'IP of 4 bytes in a constraint', input: tlv(0x87, hex('01020304')), use: 'constraint' as const, wantError: 'iPAddress of 4 bytes (expected 8 or 32)' },
    { name: 'non-ASCII dNSName', input: tlv(0x82, hex('e9')), wantError: 'IA5String contains a non-ASCII byte' },
    { name: 'unknown choice [9]', input: tlv(0x89, hex('00')), wantError: 'unknown GeneralName choice (tag 0x89)' },
    { name: 'otherName without value', input: tlv(0xa0, oid('1.2.3')), wantError: 'truncated: missing otherName value' },
    { name: 'dNSName constructed', input: tlv(0xa2, ia5('x')), wantError: 'unknown GeneralName choice (tag 0xa2)' },
  ])('rejects $name', ({ input, use, wantError }) => {
    expect(() => decode(input, use)).toThrow(wantError);
  });
});

describe('IP address text', () => {
  // biome-ignore format: table rows stay one line each
  test.each([
    // addresses (RFC 5952 §4)
    { name: 'IPv4', input: '192.0.2.1', want: '192.0.2.1' },
    { name: 'IPv6 compress longest run', input: '2001:db8:0:0:1:0:0:1', want: '2001:db8::1:0:0:1' },
    { name: 'IPv6 first of equal runs', input: '2001:0:0:1:0:0:0:1', want: '2001:0:0:1::1' },
    { name: 'IPv6 single zero group not compressed', input: '2001:db8:0:1:1:1:1:1', want: '2001:db8:0:1:1:1:1:1' },
    { name: 'IPv6 all zero', input: '::', want: '::' },
    { name: 'IPv6 loopback', input: '::1', want: '::1' },
    { name: 'IPv6 trailing zeros', input: '2001:db8::', want: '2001:db8::' },
    { name: 'IPv6 lower case, no leading zeros', input: '2001:0DB8:00AB::0001', want: '2001:db8:ab::1' },
    { name: 'IPv4-mapped (RFC 5952 §5)', input: '::ffff:192.0.2.1', want: '::ffff:192.0.2.1' },
    // address + mask in name constraints (RFC 5280 §4.2.1.10)
    { name: 'IPv4 /8', input: '10.0.0.0/8', want: '10.0.0.0/8' },
    { name: 'IPv4 /0', input: '0.0.0.0/0', want: '0.0.0.0/0' },
    { name: 'IPv4 /32', input: '192.0.2.1/32', want: '192.0.2.1/32' },
    { name: 'IPv4 /20', input: '10.1.0.0/20', want: '10.1.0.0/20' },
    { name: 'IPv4 non-contiguous mask', input: '10.0.0.0/255.0.255.0', want: '10.0.0.0/255.0.255.0' },
    { name: 'IPv6 /32', input: '2001:db8::/32', want: '2001:db8::/32' },
    { name: 'IPv6 /127', input: '2001:db8::/127', want: '2001:db8::/127' },
    { name: 'IPv6 non-contiguous mask', input: '2001:db8::/ffff::ffff', want: '2001:db8::/ffff::ffff' },
  ])('$name', ({ input, want }) => {
    expect(formatIpAddress(input.includes('/') ? parseIpRange(input) : parseIp(input))).toBe(want);
  });
});
