import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/findings/input-error.js';
import { parseJsonDocument } from '../../src/sources/json-document.js';
import { findExcessiveNesting, JsonIndex } from '../../src/sources/json-index.js';
import { findJsonSyntaxError } from '../../src/sources/json-syntax.js';
import { LazyLocator, makeLocator, withPosition } from '../../src/sources/positions.js';
import { positionOf } from './helpers.js';

const SAMPLE = `{
  "a": 1,
  "b": {"c": [10, "x\\"y", {"d": null}], "e": true},
  "k\\u0065y": "escaped key",
  "list": [ ],
  "obj": { },
  "last": -1.5e3
}`;

describe('JsonIndex: offsets of values by path', () => {
  const index = new JsonIndex(SAMPLE);
  // [path, needle whose first character is the value's first character, occurrence]
  const rows: [(string | number)[], string, number][] = [
    [[], '{', 0],
    [['a'], '1', 0],
    [['b'], '{"c"', 0],
    [['b', 'c'], '[10', 0],
    [['b', 'c', 0], '10', 0],
    [['b', 'c', 1], '"x', 0],
    [['b', 'c', 2], '{"d"', 0],
    [['b', 'c', 2, 'd'], 'null', 0],
    [['b', 'e'], 'true', 0],
    [['key'], '"escaped', 0],
    [['list'], '[ ]', 0],
    [['obj'], '{ }', 0],
    [['last'], '-1.5e3', 0],
    // a missing child resolves to the deepest value that exists
    [['b', 'c', 7], '[10', 0],
    [['b', 'zz', 'y'], '{"c"', 0],
    [['list', 0], '[ ]', 0],
    [['a', 'x'], '1', 0],
  ];
  test.each(rows)('%j', (path, needle, nth) => {
    expect(index.positionOf(path)).toEqual(positionOf(SAMPLE, needle, nth));
  });

  test('first-match mode (large documents) agrees without repeated keys', () => {
    const fast = new JsonIndex(SAMPLE, 0);
    for (const [path] of rows) expect(fast.offsetOf(path), JSON.stringify(path)).toBe(index.offsetOf(path));
  });

  test('a repeated key is located where JSON.parse takes its value (the last one)', () => {
    const text = '{"k": 1,\n "k": 2}';
    expect(new JsonIndex(text).positionOf(['k'])).toEqual({ line: 2, column: 7 });
  });

  test('brackets and quotes inside strings do not confuse the scanner', () => {
    const text = '{"s": "a}]\\\\", "t": ["{[\\"", {"u": 5}]}';
    const index2 = new JsonIndex(text);
    expect(index2.offsetOf(['t', 1, 'u'])).toBe(text.indexOf('5'));
    expect(JSON.parse(text).t[1].u).toBe(5);
  });
});

describe('findJsonSyntaxError: position and message of the first error', () => {
  // [text, needle at the error (occurrence 0), message]
  const rows: [string, string, string][] = [
    ['{"a": 1,}', '}', "expected a property name in double quotes, found token '}'"],
    ['{"a" 1}', '1', "expected ':' after a property name, found token '1'"],
    ['{"a": 1 "b": 2}', '"b"', `expected ',' or '}' after a property value, found token '"'`],
    ['[1, 2,]', ']', "unexpected token ']'"],
    ['[1 2]', '2', "expected ',' or ']' after an array element, found token '2'"],
    ['{"a": tru}', 'tru', "unexpected token 'tru'"],
    ['{"a": "x\ty"}', '\t', 'control character in a string (escape it)'],
    ['{"a": "\\q"}', '\\q', 'invalid escape sequence in a string'],
    ['{"a": "\\u12G4"}', '\\u', 'invalid \\u escape in a string'],
    ['{"a": -}', '-', 'invalid number'],
    ['{"a": "open', '"open', 'unterminated string'],
    ['{"a": 1} x', 'x', "unexpected token 'x' after the JSON value"],
  ];
  test.each(rows)('%j', (text, needle, message) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxError(text)).toEqual({ offset: text.indexOf(needle), message });
  });

  test('end of input', () => {
    expect(findJsonSyntaxError('{"a": [1, 2')).toEqual({
      offset: 11,
      message: "expected ',' or ']' after an array element, found end of input",
    });
    expect(findJsonSyntaxError('')?.message).toBe('unexpected end of input');
  });

  test('valid JSON has no error, however deep', () => {
    expect(findJsonSyntaxError(SAMPLE)).toBeUndefined();
    expect(findJsonSyntaxError(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBeUndefined();
  });
});

describe('parseJsonDocument', () => {
  test('malformed JSON: file:line:column and the reason', () => {
    const text = '{\n  "a": 1,\n  "b": [1, 2,,]\n}';
    expect(() => parseJsonDocument('bad.json', text)).toThrow(
      new InputError('bad.json', "unexpected token ','", { line: 3, column: 14 }),
    );
    expect(() => parseJsonDocument('bad.json', text)).toThrow(/^bad\.json:3:14: unexpected token ','$/);
  });

  // the outer `{` is level 1, so the 256th `[` is the 257th level
  test('nesting deeper than 256 levels is refused at the opening bracket', () => {
    const text = `{"a": ${'['.repeat(300)}${']'.repeat(300)}}`;
    expect(() => parseJsonDocument('deep.json', text)).toThrow(
      'deep.json:1:262: nesting deeper than 256 levels',
    );
    expect(findExcessiveNesting('[[[]]]', 3)).toBe(-1);
    expect(findExcessiveNesting('[["[[[[", [[]]]]', 3)).toBe(11);
  });

  test('Locators: plain objects for small documents, lazy ones for large', () => {
    const doc = parseJsonDocument('s.json', SAMPLE);
    const loc = doc.locator(['b', 'e']);
    expect(loc).toEqual({ source: 's.json', path: ['b', 'e'], ...positionOf(SAMPLE, 'true') });
    const big = makeLocator('b.json', ['b', 'e'], 2 ** 21, new JsonIndex(SAMPLE));
    expect(big).toBeInstanceOf(LazyLocator);
    const at = positionOf(SAMPLE, 'true');
    expect({ line: big.line, column: big.column }).toEqual(at);
    expect(JSON.parse(JSON.stringify(big))).toEqual({ source: 'b.json', path: ['b', 'e'], ...at });
    // a spread copy (as rules make, adding certIndex) keeps the way to its position: the gate
    // turns every reported Locator into a plain one with withPosition
    const copy = { ...big, certIndex: 0 };
    expect(withPosition(copy)).toEqual({ source: 'b.json', path: ['b', 'e'], certIndex: 0, ...at });
    expect(JSON.parse(JSON.stringify(withPosition(big)))).toEqual({
      source: 'b.json',
      path: ['b', 'e'],
      ...at,
    });
    // a plain Locator is returned as it is
    const plain = { source: 's.json', path: ['a'] };
    expect(withPosition(plain)).toBe(plain);
  });
});
