import { describe, expect, test } from 'vitest';
import {
  formatIpAddress,
  ipAddressFromBytes,
  ipEquals,
  type NameErrorKind,
  parseIpAddress,
} from '../../src/names/index.js';

// [input, canonical text or the error kind]
const IP_ADDRESSES: readonly (readonly [string, string | { error: NameErrorKind }])[] = [
  // IPv4 dotted quads
  ['192.0.2.1', '192.0.2.1'],
  ['0.0.0.0', '0.0.0.0'],
  ['255.255.255.255', '255.255.255.255'],
  ['10.0.0.0', '10.0.0.0'],
  // IPv4 that parsers disagree on
  ['010.0.0.1', { error: 'Ipv4LeadingZero' }],
  ['1.2.3.04', { error: 'Ipv4LeadingZero' }],
  ['00.0.0.0', { error: 'Ipv4LeadingZero' }],
  ['127.1', { error: 'Ipv4Shorthand' }],
  ['127.0.1', { error: 'Ipv4Shorthand' }],
  ['2130706433', { error: 'Ipv4Shorthand' }],
  ['0x7f.0.0.1', { error: 'Ipv4Shorthand' }],
  ['0x7f000001', { error: 'Ipv4Shorthand' }],
  // malformed IPv4
  ['', { error: 'InvalidIpAddress' }],
  ['1.2.3.256', { error: 'InvalidIpAddress' }],
  ['1.2.3.4.5', { error: 'InvalidIpAddress' }],
  ['1.2.3.4.', { error: 'InvalidIpAddress' }],
  ['1..2.3', { error: 'InvalidIpAddress' }],
  [' 1.2.3.4', { error: 'InvalidIpAddress' }],
  ['+1.2.3.4', { error: 'InvalidIpAddress' }],
  ['１.２.３.４', { error: 'InvalidIpAddress' }],
  ['[192.0.2.1]', { error: 'InvalidIpAddress' }],
  ['example.com', { error: 'InvalidIpAddress' }],
  // IPv6, RFC 4291 §2.2 form 1 (full, leading zeros optional) → RFC 5952 text
  ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
  ['2001:db8:0:0:0:0:2:1', '2001:db8::2:1'],
  ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
  ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
  ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
  ['0:0:0:0:0:0:0:0', '::'],
  ['1:0:0:0:0:0:0:0', '1::'],
  ['0:0:0:0:0:0:0:1', '::1'],
  // case
  ['2001:DB8::ABCD', '2001:db8::abcd'],
  ['2001:Db8::aBcD', '2001:db8::abcd'],
  // form 2: '::' compression, once only, for one or more groups
  ['::', '::'],
  ['::1', '::1'],
  ['1::', '1::'],
  ['2001:db8::0001', '2001:db8::1'],
  ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
  ['::2:3:4:5:6:7:8', '0:2:3:4:5:6:7:8'],
  ['1:2:3::5:6:7:8', '1:2:3:0:5:6:7:8'],
  // form 3: mixed notation; IPv4-mapped prints mixed (RFC 5952 §5)
  ['::ffff:192.0.2.1', '::ffff:192.0.2.1'],
  ['::FFFF:c000:0201', '::ffff:192.0.2.1'],
  ['0:0:0:0:0:ffff:192.0.2.1', '::ffff:192.0.2.1'],
  ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
  ['::192.0.2.1', '::c000:201'],
  ['1:2:3:4:5:6:192.0.2.1', '1:2:3:4:5:6:c000:201'],
  // brackets (RFC 3986 §3.2.2)
  ['[2001:db8::1]', '2001:db8::1'],
  ['[::1]', '::1'],
  ['[2001:db8::1', { error: 'InvalidIpAddress' }],
  ['2001:db8::1]', { error: 'InvalidIpAddress' }],
  ['[]', { error: 'InvalidIpAddress' }],
  // zone ids (RFC 6874) have no place in a certificate
  ['fe80::1%eth0', { error: 'Ipv6ZoneId' }],
  ['fe80::1%25eth0', { error: 'Ipv6ZoneId' }],
  ['[fe80::1%eth0]', { error: 'Ipv6ZoneId' }],
  // malformed IPv6
  ['1::2::3', { error: 'InvalidIpAddress' }],
  [':::', { error: 'InvalidIpAddress' }],
  ['1:2:3:4:5:6:7', { error: 'InvalidIpAddress' }],
  ['1:2:3:4:5:6:7:8:9', { error: 'InvalidIpAddress' }],
  ['1:2:3:4:5:6:7:8::', { error: 'InvalidIpAddress' }],
  ['::1:2:3:4:5:6:7:8', { error: 'InvalidIpAddress' }],
  ['12345::1', { error: 'InvalidIpAddress' }],
  [':1::', { error: 'InvalidIpAddress' }],
  ['1:', { error: 'InvalidIpAddress' }],
  [':1', { error: 'InvalidIpAddress' }],
  ['g::1', { error: 'InvalidIpAddress' }],
  ['1:2:3:4:5:6:7:1.2.3.4', { error: 'InvalidIpAddress' }],
  ['::192.0.2.1:1', { error: 'InvalidIpAddress' }],
  ['1.2.3.4::', { error: 'InvalidIpAddress' }],
  ['::ffff:192.0.2.256', { error: 'InvalidIpAddress' }],
  ['::ffff:192.0.02.1', { error: 'Ipv4LeadingZero' }],
  ['::ffff:1.2.3', { error: 'Ipv4Shorthand' }],
];

describe('parseIpAddress', () => {
  test.each(IP_ADDRESSES)('%j → %j', (input, expected) => {
    const parsed = parseIpAddress(input);
    const label = `parseIpAddress(${JSON.stringify(input)})`;
    if (typeof expected === 'string') {
      expect(parsed.ok ? parsed.value.text : parsed.error, label).toBe(expected);
    } else {
      expect(parsed.ok ? parsed.value.text : parsed.error.kind, label).toBe(expected.error);
      if (!parsed.ok) expect(parsed.error.input, label).toBe(input);
    }
  });

  test('an IPv4 address has 4 octets, an IPv6 address 16', () => {
    expect(parseIpAddress('192.0.2.1')).toMatchObject({
      ok: true,
      value: { kind: 'ip', version: 4, bytes: new Uint8Array([192, 0, 2, 1]) },
    });
    const mapped = parseIpAddress('::ffff:192.0.2.1');
    expect(mapped.ok && mapped.value.version).toBe(6);
    expect(mapped.ok && Array.from(mapped.value.bytes)).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 192, 0, 2, 1,
    ]);
  });
});

describe('ipEquals', () => {
  const ip = (text: string) => {
    const parsed = parseIpAddress(text);
    if (!parsed.ok) throw new Error(parsed.error.reason);
    return parsed.value;
  };

  // [a, b, equal]
  const PAIRS: readonly (readonly [string, string, boolean])[] = [
    ['192.0.2.1', '192.0.2.1', true],
    ['192.0.2.1', '192.0.2.2', false],
    ['2001:db8::1', '2001:DB8:0:0:0:0:0:1', true],
    ['::ffff:192.0.2.1', '::ffff:c000:201', true],
    // RFC 5280 §4.2.1.6: 4 and 16 octets are different identities
    ['192.0.2.1', '::ffff:192.0.2.1', false],
    ['0.0.0.0', '::', false],
  ];
  test.each(PAIRS)('ipEquals(%j, %j) is %j', (a, b, equal) => {
    expect(ipEquals(ip(a), ip(b)), `ipEquals(${a}, ${b})`).toBe(equal);
    expect(ipEquals(ip(a).bytes, ip(b)), `ipEquals(bytes ${a}, ${b})`).toBe(equal);
  });
});

describe('ipAddressFromBytes and formatIpAddress', () => {
  test('SAN octets of length 4 or 16 become addresses', () => {
    const v4 = ipAddressFromBytes(new Uint8Array([10, 0, 0, 1]));
    expect(v4.ok && v4.value.text).toBe('10.0.0.1');
    const v6 = ipAddressFromBytes(new Uint8Array(16));
    expect(v6.ok && v6.value.text).toBe('::');
  });

  test('other lengths are rejected but still printable', () => {
    const bytes = new Uint8Array([10, 0, 0, 0, 255, 0, 0, 0]);
    expect(ipAddressFromBytes(bytes)).toMatchObject({ ok: false, error: { kind: 'InvalidIpAddress' } });
    expect(formatIpAddress(bytes)).toBe('<invalid ip address: 0a000000ff000000>');
    expect(formatIpAddress(new Uint8Array())).toBe('<invalid ip address: >');
  });

  test('the parsed value does not alias the caller’s array', () => {
    const bytes = new Uint8Array([10, 0, 0, 1]);
    const parsed = ipAddressFromBytes(bytes);
    bytes[0] = 99;
    expect(parsed.ok && parsed.value.text).toBe('10.0.0.1');
    expect(parsed.ok && parsed.value.bytes[0]).toBe(10);
  });
});
