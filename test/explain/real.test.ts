import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { explain } from '../../src/explain/index.js';
import { rankOf, readCorpus } from './real-corpus.js';

/**
 * `explain` on real pastes (test/explain/real/, see its README). Issue 16's targets are 90%
 * first and 97% listed; the floors below are what the product reaches today and only ever go
 * up: a change that ranks fewer real pastes right fails here.
 */
const FLOOR = { first: 0.91, listed: 1 };

const corpus = readCorpus();
const vocabulary = new Set(
  [
    ...readFileSync(new URL('./real/README.md', import.meta.url), 'utf8').matchAll(/^\| `([a-z-]+)` \|/gm),
  ].map((m) => m[1]),
);

describe('the corpus of real pastes', () => {
  test('every file names a thread, a producer and a cause of the vocabulary', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(127);
    for (const p of corpus) {
      expect(p.source, p.file).toMatch(/^https:\/\//);
      expect(vocabulary.has(p.cause) || /^CF-\d\d$/.test(p.cause), `${p.file}: cause ${p.cause}`).toBe(true);
      expect(p.text.trim().length, p.file).toBeGreaterThan(0);
    }
  });

  test('explain ranks the established cause first, or lists it, at least as often as the floor', () => {
    const ranks = corpus.map(rankOf);
    const first = ranks.filter((r) => r === 1).length / corpus.length;
    const listed = ranks.filter((r) => r > 0).length / corpus.length;
    expect(first).toBeGreaterThanOrEqual(FLOOR.first);
    expect(listed).toBeGreaterThanOrEqual(FLOOR.listed);
  });

  test('every paste is read without throwing, in bounded time', () => {
    for (const p of corpus) expect(() => explain(p.text), p.file).not.toThrow();
  });
});
