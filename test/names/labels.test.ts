import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkALabels, checkLabels } from '../../src/names/labels.js';

/**
 * checkLabels answers most names with one regex (the gate checks 100,000 a run); this reference
 * walks the labels as RFC 1034 §3.5 and RFC 1035 §2.3.4 say, and the two must agree on every name.
 */
function validByTheRules(name: string): boolean {
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  for (const l of labels) {
    if (l.length === 0 || l.length > 63) return false;
    for (const ch of l) if (!'abcdefghijklmnopqrstuvwxyz0123456789_-'.includes(ch)) return false;
    if (l.startsWith('-') || l.endsWith('-')) return false;
  }
  return !/^[0-9]+$/.test(labels[labels.length - 1]!);
}

describe('checkLabels', () => {
  const piece = fc.oneof(
    fc.constantFrom('a', '-', '_', '0', '9', '.', '..', 'x-y', 'com', '123', 'A', '*', ' ', 'é'),
    fc.stringMatching(/^[a-z0-9_.-]{1,70}$/),
  );
  const name = fc.array(piece, { maxLength: 12 }).map((ps) => ps.join(''));

  test('accepts exactly the names whose every label follows the rules', () => {
    fc.assert(
      fc.property(name, (n) => {
        expect(checkLabels(n, n) === undefined).toBe(validByTheRules(n));
      }),
      { numRuns: 3000 },
    );
  });

  test.each([
    ['a', undefined],
    ['example.com', undefined],
    ['_acme.example.com', undefined],
    ['1.2.3.example', undefined],
    ['example.123', 'NumericTopLevelLabel'],
    ['-a.example.com', 'HyphenAtLabelEdge'],
    ['a..example.com', 'EmptyLabel'],
    [`${'a'.repeat(63)}.com`, undefined],
    [`${'a'.repeat(64)}.com`, 'LabelTooLong'],
    [`${'a.'.repeat(126)}ab`, 'TooLong'],
    [`${'a.'.repeat(125)}abc`, undefined],
    ['', 'Empty'],
  ])('%s → %s', (n, kind) => {
    expect(checkLabels(n, n)?.kind).toBe(kind);
  });

  test('A-labels are decoded only when present', () => {
    expect(checkALabels('www.example.com', 'www.example.com')).toBeUndefined();
    expect(checkALabels('xn--bcher-kva.example', 'x')).toBeUndefined();
    expect(checkALabels('xn--zz.example', 'x')?.kind).toBe('InvalidALabel');
  });
});
