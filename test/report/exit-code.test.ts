import { describe, expect, test } from 'vitest';
import { createFinding } from '../../src/findings/finding.js';
import type { Severity } from '../../src/findings/types.js';
import { computeExitCode, type FailOn, isAtOrAbove } from '../../src/report/exit-code.js';

const at = { source: 'x.pem' };
const error = createFinding('CERT_EXPIRED', at);
const warning = createFinding('CERT_EXPIRES_SOON', at);
const note = createFinding('INPUT_PRIVATE_KEY_SKIPPED', at);

describe('isAtOrAbove', () => {
  const rows: [Severity, FailOn, boolean][] = [
    ['error', 'error', true],
    ['warning', 'error', false],
    ['note', 'error', false],
    ['error', 'warning', true],
    ['warning', 'warning', true],
    ['note', 'warning', false],
    ['note', 'note', true],
    ['error', 'none', false],
  ];
  test.each(rows)('%s at --fail-on %s → %s', (severity, failOn, want) => {
    expect(isAtOrAbove(severity, failOn)).toBe(want);
  });
});

describe('computeExitCode', () => {
  test.each([
    { name: 'no findings', findings: [], failOn: 'error', want: 0 },
    { name: 'an error', findings: [error], failOn: 'error', want: 1 },
    { name: 'a warning under --fail-on error', findings: [warning], failOn: 'error', want: 0 },
    { name: 'a warning under --fail-on warning', findings: [warning], failOn: 'warning', want: 1 },
    { name: 'a note under --fail-on note', findings: [note], failOn: 'note', want: 1 },
    { name: 'an error under --fail-on none', findings: [error], failOn: 'none', want: 0 },
  ] as const)('$name → $want', ({ findings, failOn, want }) => {
    expect(computeExitCode({ findings, failOn })).toBe(want);
  });

  test('unreadable input wins over findings and passes (2)', () => {
    expect(computeExitCode({ findings: [error], failOn: 'error', inputErrors: 1 })).toBe(2);
    expect(computeExitCode({ findings: [], failOn: 'error', inputErrors: 1 })).toBe(2);
  });

  test('an operational failure gives 3 unless input was also unreadable', () => {
    expect(computeExitCode({ findings: [], failOn: 'error', operationalErrors: 1 })).toBe(3);
    expect(computeExitCode({ findings: [error], failOn: 'error', operationalErrors: 2 })).toBe(3);
    expect(computeExitCode({ findings: [], failOn: 'error', operationalErrors: 1, inputErrors: 1 })).toBe(2);
  });
});
