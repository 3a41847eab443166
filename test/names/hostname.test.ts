import { describe, expect, test } from 'vitest';
import {
  type MatchHint,
  matchHostname,
  parseIpAddress,
  parsePresentedName,
  parseReference,
  parseReferenceName,
} from '../../src/names/index.js';
import { identities, reference } from './vectors.js';

/** The presented name is malformed: it parses as an error and never matches. */
const BAD_P = 'bad-presented';
/** The reference is malformed: it cannot be parsed, so there is nothing to match. */
const BAD_R = 'bad-reference';
type Expected = boolean | typeof BAD_P | typeof BAD_R;

const L63 = 'a'.repeat(63);
const L64 = 'a'.repeat(64);
// 4 × 63 + 3 dots = 255 characters; trim to 253 and 254.
const N253 = `${L63}.${L63}.${L63}.${'a'.repeat(61)}`;
const N254 = `${L63}.${L63}.${L63}.${'a'.repeat(62)}`;

// [presented, reference, expected]. Presented `ip:x` is an iPAddress SAN, anything else a
// dNSName; reference `ip:x` must be an IP, anything else is auto-detected (parseReference).
const PRESENTED_MATCHES_REFERENCE: readonly (readonly [string, string, Expected])[] = [
  // exact names
  ['example.com', 'example.com', true],
  ['a', 'a', true],
  ['b', 'a', false],
  ['a1', 'a1', true],
  ['www.example.com', 'example.com', false],
  ['example.com', 'www.example.com', false],
  ['ww.house.example', 'www.house.example', false],
  ['www.test.co.uk', 'www.test.co.jp', false],
  ['a-b.example.com', 'a-b.example.com', true],
  // case sensitivity
  ['abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', true],
  ['ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz', true],
  ['aBc.Example.COM', 'AbC.example.com', true],
  ['*.test.FR', 'wwW.tESt.fr', true],
  ['*.EXAMPLE.com', 'Foo.Example.COM', true],
  // trailing dot: one on the reference is dropped; a presented name may not have one
  ['example.com', 'example.com.', true],
  ['f', 'f.', true],
  ['example.com.', 'example.com', BAD_P],
  ['example.com.', 'example.com.', BAD_P],
  ['example.com..', 'example.com', BAD_P],
  ['example.com', 'example.com..', BAD_R],
  ['*.bar.foo.com', 'www-3.bar.foo.com.', true],
  ['*.bar.foo.com.', 'www-3.bar.foo.com', BAD_P],
  ['*.co.uk.', 'foo.co.uk', BAD_P],
  ['*.', 'foo', BAD_P],
  // empty names and labels
  ['', 'example.com', BAD_P],
  ['example..com', 'example.com', BAD_P],
  ['.example.com', 'example.com', BAD_P],
  ['example.com', 'example..com', BAD_R],
  ['example.com', '.example.com', BAD_R],
  ['example.com', '', BAD_R],
  ['example.com', '.', BAD_R],
  // label and name lengths (RFC 1035 §2.3.4)
  [`${L63}.com`, `${L63}.com`, true],
  [`${L64}.com`, 'a.com', BAD_P],
  ['a.com', `${L64}.com`, BAD_R],
  [N253, N253, true],
  [N254, 'a.com', BAD_P],
  ['a.com', N254, BAD_R],
  [`*.${L63}.com`, `x.${L63}.com`, true],
  // label syntax
  ['-a.example.com', 'a.example.com', BAD_P],
  ['a-.example.com', 'a.example.com', BAD_P],
  ['a.example.com', '-a.example.com', BAD_R],
  ['www.foo.com\0', 'www.foo.com', BAD_P],
  ['www.foo.com\0*.foo.com', 'www.foo.com', BAD_P],
  ['?.bar.foo.com', 'w.bar.foo.com', BAD_P],
  ['(www|ftp).foo.com', 'www.foo.com', BAD_P],
  ['ex ample.com', 'example.com', BAD_P],
  ['example.com', 'ex ample.com', BAD_R],
  ['example.com', 'example.com:443', BAD_R],
  ['host.123', 'a.com', BAD_P],
  // underscores: accepted like Go, NSS and rustls-webpki (CA/B BR forbids issuing them)
  ['_dmarc.example.com', '_dmarc.example.com', true],
  ['a_b.example.com', 'A_B.example.com', true],
  ['*.example.com', '_acme.example.com', true],
  // wildcards (RFC 6125 §6.4.3): whole leftmost label, exactly one label
  ['*.example.com', 'foo.example.com', true],
  ['*.example.com', 'bar.foo.example.com', false],
  ['*.example.com', 'example.com', false],
  ['*.b.a', 'c.b.a', true],
  ['*.b.a', 'b.a', false],
  ['*.b.a', 'b.a.', false],
  ['*.foo.com', 'www.bar.foo.com', false],
  ['*.test.de', 'www.test.co.jp', false],
  ['*.example.com', 'fooexample.com', false],
  // wildcard not in the leftmost label
  ['d.*.b.a', 'd.c.b.a', BAD_P],
  ['www.*.co.jp', 'www.test.co.jp', BAD_P],
  ['*.*.foo.com', 'www.bar.foo.com', BAD_P],
  ['*.bar.*.com', 'foo.bar.example.com', BAD_P],
  ['example.*', 'example.com', BAD_P],
  // partial-label wildcards are not honoured (RFC 9525 §6.3, CA/B BR)
  ['d.c*.b.a', 'd.c.b.a', BAD_P],
  ['c*.b.a', 'c.b.a', BAD_P],
  ['baz*.example.net', 'baz1.example.net', BAD_P],
  ['*baz.example.net', 'foobaz.example.net', BAD_P],
  ['b*z.example.net', 'buzz.example.net', BAD_P],
  ['w*.bar.foo.com', 'w.bar.foo.com', BAD_P],
  ['ww*ww.bar.foo.com', 'wwww.bar.foo.com', BAD_P],
  ['wa*.bar.foo.com', 'WALLY.bar.foo.com', BAD_P],
  ['*Ly.bar.foo.com', 'wally.bar.foo.com', BAD_P],
  ['**.example.com', 'a.example.com', BAD_P],
  // wildcards over too few labels (no Public Suffix List: two labels must follow `*`)
  ['*.com', 'foo.com', BAD_P],
  ['*.example', 'test.example', BAD_P],
  ['*', 'foo', BAD_P],
  ['*.co.uk', 'example.co.uk', true],
  ['*.appspot.com', 'www.appspot.com', true],
  ['*.s3.amazonaws.com', 'foo.s3.amazonaws.com', true],
  // reference names never hold wildcards
  ['*.example.com', '*.example.com', BAD_R],
  ['example.com', '*', BAD_R],
  ['*.example.com', 'f*.example.com', BAD_R],
  // IDN: compared by A-label; a U-label SAN is malformed
  ['xn--caf-dma.example', 'xn--caf-dma.example', true],
  ['xn--caf-dma.example', 'café.example', true],
  ['xn--caf-dma.example', 'CAFÉ.example', true],
  ['café.example', 'café.example', BAD_P],
  ['*.example.com', 'bücher.example.com', true],
  ['*.example.com', 'xn--bcher-kva.example.com', true],
  ['*.xn--caf-dma.example', 'www.café.example', true],
  ['*.xn--caf-dma.example', 'café.example', false],
  ['*.com.br', 'xn--poema-9qae5a.com.br', true],
  ['*.example.xn--mgbaam7a8h', 'test.example.xn--mgbaam7a8h', true],
  ['*.xn--mgbaam7a8h', 'example.xn--mgbaam7a8h', BAD_P],
  ['example.com', 'xn--a.example.com', BAD_R],
  ['example.com', 'a\u200db.example.com', BAD_R],
  // no wildcard inside an A-label (RFC 6125 §6.4.3)
  ['xn--*.example.com', 'xn--bcher-kva.example.com', BAD_P],
  ['xn*.example.com', 'xn--bcher-kva.example.com', BAD_P],
  ['x*.example.com', 'xn--bcher-kva.example.com', BAD_P],
  ['xn--bcher-*.example.com', 'xn--bcher-kva.example.com', BAD_P],
  ['xn--*-kva.example.com', 'xn--bcher-kva.example.com', BAD_P],
  ['*--bcher-kva.example.com', 'xn--bcher-kva.example.com', BAD_P],
  // IP vs DNS: an IP reference meets iPAddress SANs only, a DNS reference dNSNames only
  ['ip:192.0.2.1', 'ip:192.0.2.1', true],
  ['ip:192.0.2.1', '192.0.2.1', true],
  ['ip:192.0.2.1', 'ip:192.0.2.2', false],
  ['192.0.2.1', 'ip:192.0.2.1', BAD_P],
  ['ip:192.0.2.1', 'example.com', false],
  ['example.com', 'ip:192.0.2.1', false],
  ['ip:::ffff:192.0.2.1', 'ip:192.0.2.1', false],
  ['ip:192.0.2.1', 'ip:::ffff:192.0.2.1', false],
  ['ip:2001:db8::1', 'ip:2001:DB8:0:0:0:0:0:1', true],
  ['ip:2001:db8::1', '[2001:db8::1]', true],
  ['ip:2001:db8::1', 'ip:2001:db8::2', false],
  ['ip:::1', 'ip:::1', true],
];

describe('matchHostname vectors', () => {
  test.each(PRESENTED_MATCHES_REFERENCE)('presented %j, reference %j → %j', (presented, ref, expected) => {
    const label = `matchHostname(${JSON.stringify(presented)}, ${JSON.stringify(ref)})`;
    const refText = ref.startsWith('ip:') ? ref.slice(3) : ref;
    const parsedRef = ref.startsWith('ip:') ? parseIpAddress(refText) : parseReference(refText);
    if (expected === BAD_R) {
      expect(parsedRef.ok, `${label}: reference should be rejected`).toBe(false);
      return;
    }
    expect(parsedRef.ok, `${label}: reference should parse`).toBe(true);
    if (expected === BAD_P) {
      expect(parsePresentedName(presented).ok, `${label}: presented should be rejected`).toBe(false);
    }
    const result = matchHostname(identities(presented), reference(ref));
    expect(result.matched, label).toBe(expected === true);
  });
});

// [SANs, reference, the hint a failure should carry (partial)]
const HINTS: readonly (readonly [readonly string[], string, Partial<MatchHint> | undefined])[] = [
  // wildcards
  [['*.example.com'], 'example.com', { kind: 'WildcardDoesNotCoverApex', wildcard: '*.example.com' }],
  [
    ['*.example.com'],
    'a.b.example.com',
    { kind: 'WildcardCoversOneLabel', wildcard: '*.example.com', labels: 2 },
  ],
  [['*.example.com', '*.c.example.com'], 'a.b.c.example.com', { kind: 'WildcardCoversOneLabel', labels: 2 }],
  [['*.example.com', '*.b.a.example.com'], 'b.a.example.com', { kind: 'WildcardDoesNotCoverApex' }],
  // no SANs: the CN is not used
  [['cn:example.com'], 'example.com', { kind: 'NoSubjectAltName', commonNameWouldMatch: true }],
  [['cn:other.com'], 'example.com', { kind: 'NoSubjectAltName', commonNameWouldMatch: false }],
  [[], 'example.com', { kind: 'NoSubjectAltName', commonNames: [], commonNameWouldMatch: false }],
  [['cn:192.0.2.1'], 'ip:192.0.2.1', { kind: 'NoSubjectAltName', commonNameWouldMatch: true }],
  // malformed SANs that a lax client would have matched
  [['f*.example.com'], 'foo.example.com', { kind: 'MalformedSan', presented: 'f*.example.com' }],
  [['example.com.'], 'example.com', { kind: 'MalformedSan', presented: 'example.com.' }],
  [['*.com'], 'foo.com', { kind: 'MalformedSan', presented: '*.com' }],
  [['café.example'], 'café.example', { kind: 'MalformedSan', presented: 'café.example' }],
  [['www.*.example.com'], 'www.a.example.com', { kind: 'MalformedSan' }],
  // IP vs DNS
  [['192.0.2.1'], 'ip:192.0.2.1', { kind: 'IpAddressInDnsName', presented: '192.0.2.1' }],
  [['ip:::ffff:192.0.2.1'], 'ip:192.0.2.1', { kind: 'IpVersionMismatch', presented: '::ffff:192.0.2.1' }],
  [['ip:192.0.2.1'], 'ip:::ffff:c000:201', { kind: 'IpVersionMismatch', presented: '192.0.2.1' }],
  [['example.com'], 'ip:192.0.2.1', { kind: 'NoIpAddressSan' }],
  [['ip:192.0.2.1'], 'example.com', { kind: 'NoDnsNameSan' }],
  // nothing stands out
  [['other.com'], 'example.com', undefined],
  [['ip:192.0.2.9'], 'ip:192.0.2.1', undefined],
];

describe('matchHostname hints', () => {
  test.each(HINTS)('SANs %j, reference %j → hint %j', (sans, ref, hint) => {
    const label = `matchHostname(${JSON.stringify(sans)}, ${JSON.stringify(ref)})`;
    const result = matchHostname(identities(...sans), reference(ref));
    expect(result.matched, label).toBe(false);
    if (result.matched) return;
    if (hint === undefined) expect(result.hint, label).toBeUndefined();
    else expect(result.hint, label).toMatchObject(hint);
  });

  test('the malformed-SAN hint carries the parse error', () => {
    const result = matchHostname(identities('f*.example.com'), reference('foo.example.com'));
    expect(result).toMatchObject({ hint: { error: { kind: 'PartialWildcard', input: 'f*.example.com' } } });
  });
});

describe('matchHostname result', () => {
  test('a match names the SAN as the certificate spells it', () => {
    expect(matchHostname(identities('a.com', '*.Example.COM'), reference('www.example.com'))).toEqual({
      matched: true,
      by: '*.Example.COM',
    });
    expect(matchHostname(identities('ip:2001:0DB8::0001'), reference('ip:2001:db8::1'))).toEqual({
      matched: true,
      by: '2001:db8::1',
    });
  });

  test('a failure lists the reference and every SAN as text', () => {
    const result = matchHostname(identities('a.com', 'ip:192.0.2.1', 'ip:2001:db8::1'), reference('b.com'));
    expect(result).toEqual({
      matched: false,
      reference: 'b.com',
      presented: ['a.com', '192.0.2.1', '2001:db8::1'],
    });
  });

  test('a malformed iPAddress SAN is listed but never matches', () => {
    const ids = { dnsNames: [], ipAddresses: [new Uint8Array([10, 0, 0, 0, 255, 0, 0, 0])] };
    const result = matchHostname(ids, reference('ip:10.0.0.0'));
    expect(result).toMatchObject({ matched: false, presented: ['<invalid ip address: 0a000000ff000000>'] });
  });

  test('an IDN reference is reported by its A-label', () => {
    const ref = parseReferenceName('Bücher.example');
    expect(ref.ok && ref.value.name).toBe('xn--bcher-kva.example');
    expect(matchHostname(identities('x.example'), reference('bücher.example'))).toMatchObject({
      reference: 'xn--bcher-kva.example',
    });
  });
});

describe('parseReference', () => {
  test.each([
    ['192.0.2.1', 'ip'],
    ['[::1]', 'ip'],
    ['example.com', 'dns'],
  ] as const)('%j is a %s reference', (text, kind) => {
    const parsed = parseReference(text);
    expect(parsed.ok && parsed.value.kind, text).toBe(kind);
  });

  test.each([
    ['010.0.0.1', 'Ipv4LeadingZero'],
    ['127.1', 'Ipv4Shorthand'],
    ['fe80::1%eth0', 'Ipv6ZoneId'],
    ['example..com', 'EmptyLabel'],
  ] as const)('%j is rejected with the most useful reason (%s)', (text, kind) => {
    const parsed = parseReference(text);
    expect(parsed.ok ? undefined : parsed.error.kind, text).toBe(kind);
  });
});
