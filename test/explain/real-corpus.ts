/**
 * Reads the corpus of real pastes in `test/explain/real/` (format in its README.md) and scores
 * `explain` on it: is the established cause the first cause of the first match, and is it
 * listed at all.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explain } from '../../src/explain/index.js';

export interface RealPaste {
  readonly file: string;
  readonly source: string;
  readonly producer: string;
  readonly cause: string;
  readonly text: string;
}

const ROOT = new URL('./real/', import.meta.url).pathname;

/** Every paste of the corpus, sorted by file name. */
export function readCorpus(): RealPaste[] {
  const out: RealPaste[] = [];
  for (const group of readdirSync(ROOT, { withFileTypes: true })) {
    if (!group.isDirectory()) continue;
    for (const name of readdirSync(join(ROOT, group.name)).sort()) {
      if (!name.endsWith('.txt')) continue;
      const file = `${group.name}/${name}`;
      const raw = readFileSync(join(ROOT, file), 'utf8');
      const cut = raw.indexOf('\n----\n');
      if (cut === -1) throw new Error(`${file}: no '----' line between header and paste`);
      const header = Object.fromEntries(
        raw
          .slice(0, cut)
          .split('\n')
          .map((l) => /^(\w+):\s*(.*)$/.exec(l))
          .filter((m) => m !== null)
          .map((m) => [m[1], m[2]]),
      );
      for (const key of ['source', 'producer', 'cause'])
        if (!header[key]) throw new Error(`${file}: no '${key}:' header`);
      out.push({
        file,
        source: header.source,
        producer: header.producer,
        cause: header.cause,
        text: raw.slice(cut + 6),
      });
    }
  }
  return out;
}

/** Where the established cause lands for one paste: 1 = first, 0 = not listed. */
export function rankOf(p: RealPaste): number {
  const first = explain(p.text).matches[0];
  if (!first) return 0;
  const i = first.causes.findIndex((c) => c.id === p.cause || c.rule === p.cause);
  return i + 1;
}
