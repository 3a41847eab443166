import { describe, expect, test } from 'vitest';
import {
  buildSanIndex,
  type CoverageMiss,
  checkAliasSyntax,
  isLowerCase,
  type NameErrorKind,
} from '../../src/names/index.js';

type Want = string | Partial<CoverageMiss>;

// [certificate SANs, alias, the SAN that covers it or the miss (partial)]
const COVERAGE: readonly (readonly [readonly string[], string, Want])[] = [
  // §2.1 (a): an exact match
  [['www.example.com'], 'www.example.com', 'www.example.com'],
  [['example.com', 'www.example.com'], 'example.com', 'example.com'],
  [['example.com'], 'www.example.com', { kind: 'NotListed' }],
  [['www.example.com'], 'example.com', { kind: 'NotListed' }],
  [['www.example.org'], 'www.example.com', { kind: 'NotListed' }],
  // §2.1 (b): a wildcard at the same level covers one label
  [['*.example.com'], 'www.example.com', '*.example.com'],
  [['*.example.com'], 'api.example.com', '*.example.com'],
  [['*.example.com'], 'xn--bcher-kva.example.com', '*.example.com'],
  [['*.example.com'], 'wwwexample.com', { kind: 'NotListed' }],
  // §2.1: the apex is not covered by its wildcard
  [['*.example.com'], 'example.com', { kind: 'WildcardDoesNotCoverApex', wildcard: '*.example.com' }],
  [['*.example.com', 'example.com'], 'example.com', 'example.com'],
  // §2.1: nor is a name two levels down (MS-02)
  [
    ['*.example.com'],
    'a.b.example.com',
    { kind: 'WildcardCoversOneLabel', wildcard: '*.example.com', labels: 2 },
  ],
  [['*.example.com'], 'a.b.c.example.com', { kind: 'WildcardCoversOneLabel', labels: 3 }],
  [['*.example.com', '*.b.example.com'], 'a.b.example.com', '*.b.example.com'],
  [['*.example.com', '*.c.example.com'], 'a.b.c.example.com', { kind: 'WildcardCoversOneLabel', labels: 2 }],
  // §2.1, CF-10: a wildcard alias needs the identical wildcard SAN
  [['*.example.com'], '*.example.com', '*.example.com'],
  [['www.example.com', 'api.example.com'], '*.example.com', { kind: 'WildcardAliasNeedsIdenticalSan' }],
  [['example.com'], '*.example.com', { kind: 'WildcardAliasNeedsIdenticalSan' }],
  [['*.b.example.com'], '*.example.com', { kind: 'WildcardAliasNeedsIdenticalSan' }],
  [['*.example.com'], '*.b.example.com', { kind: 'WildcardAliasNeedsIdenticalSan' }],
  // case sensitivity: compared case-insensitively, reported as written
  [['WWW.Example.com'], 'www.example.com', 'WWW.Example.com'],
  [['www.example.com'], 'WWW.EXAMPLE.COM', 'www.example.com'],
  [['*.EXAMPLE.com'], '*.example.COM', '*.EXAMPLE.com'],
  [['*.example.com'], 'WWW.example.com', '*.example.com'],
  // an exact SAN is preferred, then the first SAN listed
  [['*.example.com', 'www.example.com'], 'www.example.com', 'www.example.com'],
  [['www.example.com', 'WWW.example.com'], 'www.example.com', 'www.example.com'],
  // malformed SANs never cover
  [['f*.example.com'], 'foo.example.com', { kind: 'NotListed' }],
  [['*.com'], 'example.com', { kind: 'NotListed' }],
  [['example.com.'], 'example.com', { kind: 'NotListed' }],
  [['café.example'], 'xn--caf-dma.example', { kind: 'NotListed' }],
  [['xn--caf-dma.example'], 'xn--caf-dma.example', 'xn--caf-dma.example'],
  // §2.1: no SANs → not covered; the CN is not consulted (UNCONFIRMED)
  [[], 'example.com', { kind: 'NoSubjectAltName', commonNameWouldCover: false }],
  // invalid aliases are never covered (CF-27)
  [['*.example.com'], 'f*.example.com', { kind: 'InvalidAlias' }],
  [['*.example.com'], 'www.example.com.', { kind: 'InvalidAlias' }],
  [['*.example.com'], 'sub.*.example.com', { kind: 'InvalidAlias' }],
  [['*.example.com'], '.example.com', { kind: 'InvalidAlias' }],
  [['*.example.com'], '', { kind: 'InvalidAlias' }],
  [['xn--caf-dma.example'], 'café.example', { kind: 'InvalidAlias' }],
  [['192.0.2.1'], '192.0.2.1', { kind: 'InvalidAlias' }],
];

describe('buildSanIndex().covers', () => {
  test.each(COVERAGE)('SANs %j, alias %j → %j', (sans, alias, want) => {
    const label = `buildSanIndex(${JSON.stringify(sans)}).covers(${JSON.stringify(alias)})`;
    const result = buildSanIndex(sans).covers(alias);
    if (typeof want === 'string') {
      expect(result, label).toEqual({ covered: true, by: want });
    } else {
      expect(result, label).toMatchObject({ covered: false, miss: want });
      expect(result.by, label).toBeUndefined();
    }
  });

  test('an invalid alias carries the syntax error', () => {
    const result = buildSanIndex(['*.example.com']).covers('f*.example.com');
    expect(result).toMatchObject({ miss: { error: { kind: 'PartialWildcard', input: 'f*.example.com' } } });
  });

  test('without SANs the miss says whether the CN would have covered the alias', () => {
    const cnOnly = buildSanIndex([], { commonNames: ['*.example.com'] });
    expect(cnOnly.covers('www.example.com')).toMatchObject({
      covered: false,
      miss: { kind: 'NoSubjectAltName', commonNameWouldCover: true },
    });
    expect(cnOnly.covers('example.com')).toMatchObject({ miss: { commonNameWouldCover: false } });
    // With SANs present, the CN plays no part at all.
    const withSans = buildSanIndex(['other.com'], { commonNames: ['www.example.com'] });
    expect(withSans.covers('www.example.com')).toMatchObject({ miss: { kind: 'NotListed' } });
  });

  test('size counts indexed SANs and ignored lists the malformed ones', () => {
    const index = buildSanIndex([
      'a.example.com',
      'A.example.com',
      '*.example.com',
      'f*.example.com',
      '*.com',
    ]);
    expect(index.size).toBe(2);
    expect(index.ignored.map((e) => [e.input, e.kind])).toEqual([
      ['f*.example.com', 'PartialWildcard'],
      ['*.com', 'WildcardTooBroad'],
    ]);
  });
});

const L63 = 'a'.repeat(63);
const N253 = `${L63}.${L63}.${L63}.${'a'.repeat(61)}`;

// [alias, the error kind, or undefined for a valid alias]
const ALIAS_SYNTAX: readonly (readonly [string, NameErrorKind | undefined])[] = [
  // valid
  ['www.example.com', undefined],
  ['example.com', undefined],
  ['*.example.com', undefined],
  ['xn--caf-dma.example', undefined],
  ['a-b.example.com', undefined],
  ['WWW.Example.com', undefined],
  [N253, undefined],
  // §2.2 wildcard syntax: `*.` prefix only
  ['*domain.example.com', 'PartialWildcard'],
  ['f*.example.com', 'PartialWildcard'],
  ['f*o.example.com', 'PartialWildcard'],
  ['*', 'PartialWildcard'],
  ['sub.*.example.com', 'WildcardNotLeftmost'],
  ['*.*.example.com', 'WildcardNotLeftmost'],
  ['example.*', 'WildcardNotLeftmost'],
  ['*.sub*.example.com', 'WildcardNotLeftmost'],
  // CF-27: lengths
  [`${N253}a`, 'TooLong'],
  [`*.${N253.slice(2)}a`, 'TooLong'],
  [`${'a'.repeat(64)}.example.com`, 'LabelTooLong'],
  // form
  ['', 'Empty'],
  ['example.com.', 'TrailingDot'],
  ['café.example', 'NonAscii'],
  ['xn--a.example', 'InvalidALabel'],
  ['a..example.com', 'EmptyLabel'],
  ['.example.com', 'EmptyLabel'],
  ['-a.example.com', 'HyphenAtLabelEdge'],
  ['example.com:443', 'InvalidCharacter'],
  ['192.0.2.1', 'IpAddressLiteral'],
  ['example.123', 'NumericTopLevelLabel'],
];

describe('checkAliasSyntax', () => {
  test.each(ALIAS_SYNTAX)('%j → %j', (alias, kind) => {
    expect(checkAliasSyntax(alias)?.kind, `checkAliasSyntax(${JSON.stringify(alias)})`).toBe(kind);
  });
});

describe('isLowerCase', () => {
  test.each([
    ['www.example.com', true],
    ['*.example.com', true],
    ['xn--caf-dma.example', true],
    ['WWW.example.com', false],
    ['www.Example.com', false],
    ['XN--caf-dma.example', false],
  ] as const)('isLowerCase(%j) is %j', (alias, expected) => {
    expect(isLowerCase(alias), alias).toBe(expected);
  });
});
