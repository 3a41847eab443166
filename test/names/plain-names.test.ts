// The one-pass path for plain names (src/names/labels.ts isPlainName) must give the answers of the
// step-by-step checks: these vectors sit on its edges (length limits, the `*.` prefix, label
// edges, case, A-labels), where a shortcut that accepted too much would show.
import { describe, expect, test } from 'vitest';
import { buildSanIndex, checkAliasSyntax, parsePresentedName } from '../../src/names/index.js';

const label63 = 'a'.repeat(63);
/** A name of exactly `n` characters: labels of 63 joined by dots, then a tail. */
function nameOfLength(n: number): string {
  const labels: string[] = [];
  let length = 0;
  while (n - length > 64) {
    labels.push(label63);
    length += 64;
  }
  labels.push('b'.repeat(Math.max(1, n - length - 4)), 'com');
  return labels.join('.');
}

describe('plain SANs parse as the full checks do', () => {
  const ok: readonly (readonly [string, { base: string; isWildcard: boolean }])[] = [
    ['www.example.com', { base: 'www.example.com', isWildcard: false }],
    ['*.example.com', { base: 'example.com', isWildcard: true }],
    ['*.co.uk', { base: 'co.uk', isWildcard: true }],
    ['_acme.example.com', { base: '_acme.example.com', isWildcard: false }],
    [`${label63}.example.com`, { base: `${label63}.example.com`, isWildcard: false }],
    ['WWW.Example.COM', { base: 'www.example.com', isWildcard: false }],
  ];
  test.each(ok)('%s', (san, want) => {
    const parsed = parsePresentedName(san);
    expect(parsed.ok && parsed.value).toMatchObject({ ...want, value: san, kind: 'dns-presented' });
  });

  const bad: readonly (readonly [string, string])[] = [
    ['*.com', 'WildcardTooBroad'],
    ['*.', 'TrailingDot'],
    ['example.com.', 'TrailingDot'],
    ['-www.example.com', 'HyphenAtLabelEdge'],
    ['www-.example.com', 'HyphenAtLabelEdge'],
    [`${label63}a.example.com`, 'LabelTooLong'],
    ['www..example.com', 'EmptyLabel'],
    ['example.123', 'NumericTopLevelLabel'],
    ['*.*.example.com', 'WildcardNotLeftmost'],
    ['f*.example.com', 'PartialWildcard'],
    [nameOfLength(254), 'TooLong'],
    [`*.${nameOfLength(252)}`, 'TooLong'],
  ];
  test.each(bad)('%s is refused (%s)', (san, kind) => {
    const parsed = parsePresentedName(san);
    expect(parsed.ok ? undefined : parsed.error.kind).toBe(kind);
  });

  test('the length limit is 253 with or without a wildcard label', () => {
    expect(nameOfLength(253)).toHaveLength(253);
    expect(parsePresentedName(nameOfLength(253)).ok).toBe(true);
    expect(parsePresentedName(`*.${nameOfLength(251)}`).ok).toBe(true);
  });
});

describe('plain aliases are checked as the full checks do', () => {
  test.each([
    ['www.example.com', undefined],
    ['*.example.com', undefined],
    ['*.com', undefined], // CloudFront's alias syntax has no two-label rule; coverage decides
    [nameOfLength(253), undefined],
    [nameOfLength(254), 'TooLong'],
    [`*.${nameOfLength(252)}`, 'TooLong'],
    ['xn--bcher-kva.example', undefined],
    ['xn--zz.example.com', 'InvalidALabel'],
    ['*.xn--zz.example.com', 'InvalidALabel'],
    ['Www.Example.com', undefined], // case is a rule of its own (CF-26)
    ['example.com.', 'TrailingDot'],
    ['www.*.example.com', 'WildcardNotLeftmost'],
    ['192.168.0.1', 'IpAddressLiteral'],
  ])('%s → %s', (alias, kind) => {
    expect(checkAliasSyntax(alias)?.kind).toBe(kind);
  });

  test('coverage gives the same verdict for a plain alias and its upper-case spelling', () => {
    const index = buildSanIndex(['*.example.com', 'example.com']);
    expect(index.covers('www.example.com')).toEqual({ covered: true, by: '*.example.com' });
    expect(index.covers('WWW.EXAMPLE.COM')).toEqual({ covered: true, by: '*.example.com' });
    expect(index.covers('xn--zz.example.com')).toMatchObject({
      covered: false,
      miss: { kind: 'InvalidAlias', error: { kind: 'InvalidALabel' } },
    });
    expect(index.covers('a.b.example.com')).toMatchObject({
      covered: false,
      miss: { kind: 'WildcardCoversOneLabel', wildcard: '*.example.com', labels: 2 },
    });
  });
});
