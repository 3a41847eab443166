import { describe, expect, test } from 'vitest';
import { createColors, shouldColor } from '../../src/report/colors.js';

describe('shouldColor', () => {
  test.each([
    { name: 'a TTY', isTTY: true, env: {}, want: true },
    { name: 'a pipe', isTTY: false, env: {}, want: false },
    { name: 'an unknown stream', isTTY: undefined, env: {}, want: false },
    { name: 'a TTY with NO_COLOR=1', isTTY: true, env: { NO_COLOR: '1' }, want: false },
    {
      name: 'a TTY with NO_COLOR empty (ignored, per no-color.org)',
      isTTY: true,
      env: { NO_COLOR: '' },
      want: true,
    },
    { name: 'a pipe with FORCE_COLOR=1', isTTY: false, env: { FORCE_COLOR: '1' }, want: true },
    { name: 'a TTY with FORCE_COLOR=0', isTTY: true, env: { FORCE_COLOR: '0' }, want: true },
    {
      name: 'NO_COLOR beats FORCE_COLOR',
      isTTY: true,
      env: { NO_COLOR: '1', FORCE_COLOR: '1' },
      want: false,
    },
    { name: 'a dumb terminal', isTTY: true, env: { TERM: 'dumb' }, want: false },
  ])('$name → $want', ({ isTTY, env, want }) => {
    expect(shouldColor(isTTY, env)).toBe(want);
  });
});

test('disabled colours leave text untouched, enabled ones add ANSI escapes', () => {
  expect(createColors(false).red('x')).toBe('x');
  expect(createColors(true).red('x')).toMatch(/\u001b\[31mx\u001b\[39m/);
});
