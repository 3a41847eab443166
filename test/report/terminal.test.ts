import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { forTerminal, MAX_QUOTED_CHARS, terminalSafe } from '../../src/report/terminal.js';

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('forTerminal', () => {
  test.each([
    ['\u001b[2J', '\\x1b[2J'],
    ['a\rb', 'a\\x0db'],
    ['line\nPASS', 'line\\x0aPASS'],
    ['\u0000\u0007\u007f', '\\x00\\x07\\x7f'],
    ['\u009b31m', '\\x9b31m'],
    ['\u202eexe.gnp', '\\u202eexe.gnp'],
    ['\u2066x\u2069', '\\u2066x\\u2069'],
    ['tab\there', 'tab\\x09here'],
    ['plain café.example', 'plain café.example'],
  ])('%j is shown as %s', (input, shown) => {
    expect(forTerminal(input)).toBe(shown);
  });

  test('cuts a long value and says how much was left out', () => {
    const value = 'a'.repeat(MAX_QUOTED_CHARS + 5000);
    expect(forTerminal(value)).toBe(`${'a'.repeat(MAX_QUOTED_CHARS)}… (5000 more characters)`);
    expect(forTerminal('abcdef', 3)).toBe('abc… (3 more characters)');
  });

  test('never lets a control or bidi character through', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => !CONTROL.test(forTerminal(s))),
    );
  });
});

describe('terminalSafe', () => {
  test('keeps newlines, tabs and SGR colour sequences', () => {
    const text = '\u001b[31mFAIL\u001b[39m a\tb\n\u001b[1;2mdim\u001b[0m\n';
    expect(terminalSafe(text)).toBe(text);
  });

  test('escapes every other escape sequence and control character', () => {
    expect(terminalSafe('x\u001b[2J\u001b]0;t\u0007\ry\u001b')).toBe('x\\x1b[2J\\x1b]0;t\\x07\\x0dy\\x1b');
    expect(terminalSafe('\u009b2J\u202e')).toBe('\\x9b2J\\u202e');
  });

  test('leaves only newline, tab and SGR for any input', () => {
    const SGR = /\u001b\[[0-9;]*m/g;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const out = terminalSafe(s)
          .replace(SGR, '')
          .replace(/[\n\t]/g, '');
        return !CONTROL.test(out);
      }),
    );
  });
});
