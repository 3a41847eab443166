import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findExcessiveNesting, JsonIndex } from '../../src/sources/json-index.js';
import { findJsonSyntaxError } from '../../src/sources/json-syntax.js';

/** Every path into a JSON value, with the value there. */
function paths(value: unknown, prefix: (string | number)[] = []): [(string | number)[], unknown][] {
  const out: [(string | number)[], unknown][] = [[prefix, value]];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) out.push(...paths(value[i], [...prefix, i]));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  }
  return out;
}

describe('JSON properties', () => {
  test('JsonIndex finds every value where JSON.stringify wrote it', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.boolean(), (value, firstMatch) => {
        const text = JSON.stringify(value);
        const index = new JsonIndex(text, firstMatch ? 0 : Number.POSITIVE_INFINITY);
        for (const [path, sub] of paths(JSON.parse(text))) {
          expect(text.startsWith(JSON.stringify(sub), index.offsetOf(path))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('with the containers the nesting scan recorded, JsonIndex finds the same offsets', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), fc.boolean(), (value, firstMatch, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 4 : undefined);
        expect(findExcessiveNesting(text, 256)).toBe(-1); // records the containers of `text`
        const recorded = new JsonIndex(text, firstMatch ? 0 : Number.POSITIVE_INFINITY);
        const scanned = new JsonIndex(text, firstMatch ? 0 : Number.POSITIVE_INFINITY); // nothing left to take
        for (const [path] of paths(JSON.parse(text))) {
          expect(recorded.offsetOf(path)).toBe(scanned.offsetOf(path));
        }
      }),
      { numRuns: 300 },
    );
  });

  test('the nesting scan finds the first too-deep bracket a character-by-character reading finds, in any text', () => {
    // the reference: every character in turn, strings skipped to their unescaped closing quote
    const reference = (text: string, limit: number): number => {
      let depth = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '"') {
          for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
        } else if (c === '{' || c === '[') {
          if (++depth > limit) return i;
        } else if (c === '}' || c === ']') depth--;
      }
      return -1;
    };
    const piece = fc.constantFrom('[', ']', '{', '}', '"', '\\', '\\"', 'a', ' ', ',', '"[["', '"}"');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 0, max: 6 }), (pieces, limit) => {
        const text = pieces.join('');
        expect(findExcessiveNesting(text, limit)).toBe(reference(text, limit));
      }),
      { numRuns: 3000 },
    );
  });

  test('findJsonSyntaxError agrees with JSON.parse on mutated documents', () => {
    const mutated = fc
      .tuple(
        fc.jsonValue({ maxDepth: 4 }),
        fc.nat(),
        fc.constantFrom('', '"', '{', '}', '[', ']', ',', ':', '\\', '1', ' ', 'x'),
      )
      .map(([value, at, insert]) => {
        const text = JSON.stringify(value, null, 1);
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + (insert === '' ? 1 : 0));
      });
    fc.assert(
      fc.property(mutated, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const error = findJsonSyntaxError(text);
        expect(error === undefined, `${JSON.stringify(text)}: ${error?.message}`).toBe(valid);
        if (error) expect(error.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 1000 },
    );
  });
});
