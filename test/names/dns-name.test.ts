import { describe, expect, test } from 'vitest';
import { type NameErrorKind, parsePresentedName, parseReferenceName } from '../../src/names/index.js';

const L63 = 'a'.repeat(63);
const N253 = `${L63}.${L63}.${L63}.${'a'.repeat(61)}`;

// [input, normalized name or the error kind]
const REFERENCE_NAMES: readonly (readonly [string, string | { error: NameErrorKind }])[] = [
  // normalization
  ['example.com', 'example.com'],
  ['EXAMPLE.Com', 'example.com'],
  ['localhost', 'localhost'],
  ['a1.b-c.example', 'a1.b-c.example'],
  ['_dmarc.example.com', '_dmarc.example.com'],
  ['1.example.com', '1.example.com'],
  ['123.example', '123.example'],
  // trailing dot: one allowed and removed
  ['example.com.', 'example.com'],
  ['example.com..', { error: 'EmptyLabel' }],
  ['.', { error: 'Empty' }],
  // IDN: U-labels become A-labels (UTS 46 mapping, then Punycode)
  ['café.example', 'xn--caf-dma.example'],
  ['CAFÉ.EXAMPLE', 'xn--caf-dma.example'],
  ['bücher.de.', 'xn--bcher-kva.de'],
  ['ＥＸＡＭＰＬＥ.com', 'example.com'],
  ['a\u3002b.com', 'a.b.com'],
  ['例え.テスト', 'xn--r8jz45g.xn--zckzah'],
  ['xn--caf-dma.example', 'xn--caf-dma.example'],
  ['XN--CAF-DMA.example', 'xn--caf-dma.example'],
  ['xn--a.example', { error: 'InvalidALabel' }],
  ['xn--zz.com', { error: 'InvalidALabel' }],
  ['a\u200db.com', { error: 'InvalidIdn' }],
  ['é%2e.com', { error: 'InvalidCharacter' }],
  // empty names and labels
  ['', { error: 'Empty' }],
  ['a..b', { error: 'EmptyLabel' }],
  ['.a.b', { error: 'EmptyLabel' }],
  // lengths (RFC 1035 §2.3.4)
  [`${L63}.com`, `${L63}.com`],
  [`${'a'.repeat(64)}.com`, { error: 'LabelTooLong' }],
  [N253, N253],
  [`${N253}.`, N253],
  [`${N253}a`, { error: 'TooLong' }],
  // label syntax
  ['-a.com', { error: 'HyphenAtLabelEdge' }],
  ['a-.com', { error: 'HyphenAtLabelEdge' }],
  ['a b.com', { error: 'InvalidCharacter' }],
  ['a%2e.com', { error: 'InvalidCharacter' }],
  ['example.com:443', { error: 'InvalidCharacter' }],
  ['a/b.com', { error: 'InvalidCharacter' }],
  // wildcards belong to presented names only
  ['*.example.com', { error: 'WildcardInReference' }],
  ['f*.example.com', { error: 'WildcardInReference' }],
  ['*', { error: 'WildcardInReference' }],
  // IP literals belong to --ip
  ['192.0.2.1', { error: 'IpAddressLiteral' }],
  ['192.0.2.1.', { error: 'IpAddressLiteral' }],
  ['127.1', { error: 'IpAddressLiteral' }],
  ['010.0.0.1', { error: 'IpAddressLiteral' }],
  ['0x7f.0.0.1', { error: 'IpAddressLiteral' }],
  ['１２７.０.０.１', { error: 'IpAddressLiteral' }],
  ['::1', { error: 'IpAddressLiteral' }],
  ['[2001:db8::1]', { error: 'IpAddressLiteral' }],
  ['fe80::1%eth0', { error: 'IpAddressLiteral' }],
  ['0x7f.1', { error: 'IpAddressLiteral' }],
  ['example.123', { error: 'NumericTopLevelLabel' }],
];

describe('parseReferenceName', () => {
  test.each(REFERENCE_NAMES)('%j → %j', (input, expected) => {
    const parsed = parseReferenceName(input);
    const label = `parseReferenceName(${JSON.stringify(input)})`;
    if (typeof expected === 'string') {
      expect(parsed, label).toEqual({ ok: true, value: { kind: 'dns', name: expected, input } });
    } else {
      expect(parsed.ok ? parsed.value : parsed.error.kind, label).toBe(expected.error);
    }
  });
});

type Presented = { name: string; isWildcard: boolean; base: string } | { error: NameErrorKind };

// [value, parsed fields or the error kind]
const PRESENTED_NAMES: readonly (readonly [string, Presented])[] = [
  // plain names
  ['example.com', { name: 'example.com', isWildcard: false, base: 'example.com' }],
  ['Example.COM', { name: 'example.com', isWildcard: false, base: 'example.com' }],
  ['_srv.example.com', { name: '_srv.example.com', isWildcard: false, base: '_srv.example.com' }],
  ['xn--caf-dma.example', { name: 'xn--caf-dma.example', isWildcard: false, base: 'xn--caf-dma.example' }],
  // wildcards
  ['*.example.com', { name: '*.example.com', isWildcard: true, base: 'example.com' }],
  ['*.EXAMPLE.com', { name: '*.example.com', isWildcard: true, base: 'example.com' }],
  ['*.co.uk', { name: '*.co.uk', isWildcard: true, base: 'co.uk' }],
  ['*.com', { error: 'WildcardTooBroad' }],
  ['*', { error: 'WildcardTooBroad' }],
  ['*.', { error: 'TrailingDot' }],
  ['f*.example.com', { error: 'PartialWildcard' }],
  ['*oo.example.com', { error: 'PartialWildcard' }],
  ['f*o.example.com', { error: 'PartialWildcard' }],
  ['**.example.com', { error: 'PartialWildcard' }],
  ['xn--*.example.com', { error: 'PartialWildcard' }],
  ['a.*.example.com', { error: 'WildcardNotLeftmost' }],
  ['*.*.example.com', { error: 'WildcardNotLeftmost' }],
  ['a.b*.example.com', { error: 'WildcardNotLeftmost' }],
  ['*.-a.example.com', { error: 'HyphenAtLabelEdge' }],
  // form: ASCII, no final dot, no empty labels
  ['', { error: 'Empty' }],
  ['café.example', { error: 'NonAscii' }],
  ['example.com.', { error: 'TrailingDot' }],
  ['example..com', { error: 'EmptyLabel' }],
  ['.example.com', { error: 'EmptyLabel' }],
  ['192.0.2.1', { error: 'NumericTopLevelLabel' }],
  [`${'a'.repeat(64)}.com`, { error: 'LabelTooLong' }],
  [`*.${N253}`, { error: 'TooLong' }],
  ['exa mple.com', { error: 'InvalidCharacter' }],
];

describe('parsePresentedName', () => {
  test.each(PRESENTED_NAMES)('%j → %j', (value, expected) => {
    const parsed = parsePresentedName(value);
    const label = `parsePresentedName(${JSON.stringify(value)})`;
    if ('error' in expected) {
      expect(parsed.ok ? parsed.value : parsed.error.kind, label).toBe(expected.error);
    } else {
      expect(parsed, label).toEqual({ ok: true, value: { kind: 'dns-presented', value, ...expected } });
    }
  });
});

describe('NameError', () => {
  const inputs = [...REFERENCE_NAMES.map(([input]) => input), ...PRESENTED_NAMES.map(([value]) => value)];
  test.each(inputs)('errors for %j keep the input and a lower-case reason', (input) => {
    for (const parsed of [parseReferenceName(input), parsePresentedName(input)]) {
      if (parsed.ok) continue;
      expect(parsed.error.input).toBe(input);
      expect(parsed.error.reason).toMatch(/^[^A-Z]/);
      expect(parsed.error.reason).not.toMatch(/\.$/);
    }
  });

  test('parsed names are frozen', () => {
    const parsed = parseReferenceName('example.com');
    expect(parsed.ok && Object.isFrozen(parsed.value)).toBe(true);
  });
});
