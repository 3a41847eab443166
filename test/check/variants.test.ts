import { describe, expect, test } from 'vitest';
import type { RankedFinding } from '../../src/check/order.js';
import { describeAssignments, mergeVariantFindings } from '../../src/check/variants.js';
import { createFinding } from '../../src/findings/finding.js';

const f = (
  code: 'CF_DEFAULT_CERTIFICATE' | 'CF_SSL_SUPPORT_METHOD_MISSING',
  path: (string | number)[] = ['a'],
) =>
  ({
    finding: createFinding(code, { source: 't.yaml', path }, { distribution: 'D' }),
    group: 1,
    order: 1,
  }) as RankedFinding;

describe('describeAssignments', () => {
  const all = [
    { A: true, B: true },
    { A: true, B: false },
    { A: false, B: true },
    { A: false, B: false },
  ];
  test('the values shared by exactly the producing assignments', () => {
    expect(describeAssignments([all[2]!, all[3]!], all)).toBe('condition A is false');
    expect(describeAssignments([all[1]!], all)).toBe('condition A is true and condition B is false');
  });
  test('otherwise each producing assignment', () => {
    expect(describeAssignments([all[0]!, all[3]!], all)).toBe(
      'condition A is true and condition B is true, or condition A is false and condition B is false',
    );
  });
  test('a tree of splits: a leaf that never assumed B', () => {
    const leaves: Record<string, boolean>[] = [{ A: true, B: true }, { A: true, B: false }, { A: false }];
    expect(describeAssignments([leaves[2]!], leaves)).toBe('condition A is false');
    expect(describeAssignments([leaves[0]!, leaves[1]!], leaves)).toBe('condition A is true');
  });
});

describe('mergeVariantFindings', () => {
  test('a finding of every variant once, unannotated; the others say which values lead there', () => {
    const merged = mergeVariantFindings([
      {
        assumes: { IsProd: true },
        ranked: [f('CF_SSL_SUPPORT_METHOD_MISSING', ['x']), f('CF_DEFAULT_CERTIFICATE')],
      },
      { assumes: { IsProd: false }, ranked: [f('CF_DEFAULT_CERTIFICATE')] },
    ]);
    expect(merged.map((r) => [r.finding.code, r.finding.args.when])).toEqual([
      ['CF_SSL_SUPPORT_METHOD_MISSING', 'condition IsProd is true'],
      ['CF_DEFAULT_CERTIFICATE', undefined],
    ]);
  });
  test('the same code at another place is another finding', () => {
    const merged = mergeVariantFindings([
      { assumes: { C: true }, ranked: [f('CF_DEFAULT_CERTIFICATE', ['x', 'Fn::If', 1])] },
      { assumes: { C: false }, ranked: [f('CF_DEFAULT_CERTIFICATE', ['x', 'Fn::If', 2])] },
    ]);
    expect(merged.map((r) => r.finding.args.when)).toEqual(['condition C is true', 'condition C is false']);
  });
});
