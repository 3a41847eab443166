/**
 * The floor plan of `src/`, and the test that keeps it true. Every folder (and the two top-level
 * files) sits on a layer; a file imports from its own folder and from lower layers only, never
 * from a higher layer or from another folder on its own layer. There are no import cycles, every
 * file is reached from the library entry or the CLI, and the README's table says the same.
 * Imports are read from the text: static `import`/`export ... from` (types included: a type
 * import is a dependency of the design even when erased) and dynamic `import()`.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

/** The layers, bottom first. A new folder of `src/` must be placed here (and in the README). */
const LAYERS: readonly (readonly string[])[] = [
  ['types.ts'],
  ['names'],
  ['x509'],
  ['findings', 'pki'],
  ['clients', 'cloudfront'],
  ['sources', 'rules', 'report'],
  ['inspect', 'verify', 'explain', 'config', 'aws'],
  ['check', 'probe'],
  ['diff', 'expiry'],
  ['alerts', 'exporter'],
  ['cli'],
  ['index.ts'],
];

const SRC = 'src';
const ENTRIES = ['src/index.ts', 'src/cli/main.ts'];

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The room of a file: its top-level folder under src/, or the file itself. */
const roomOf = (file: string): string => relative(SRC, file).split('/')[0]!;

const rank = new Map(LAYERS.flatMap((rooms, i) => rooms.map((room) => [room, i] as const)));

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^;]*?\bfrom\s*'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)/gs;

/** Every relative import of a file, resolved to a `src/` path. */
function importsOf(file: string, text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2]!;
    if (!spec.startsWith('.')) continue;
    found.push(normalize(join(dirname(file), spec.replace(/\.js$/, '.ts'))));
  }
  return found;
}

const files = listFiles(SRC).sort();
const graph = new Map(files.map((f) => [f, importsOf(f, readFileSync(f, 'utf8'))]));

describe('the floor plan of src/', () => {
  test('every folder and top-level file of src/ has a layer', () => {
    const rooms = [...new Set(files.map(roomOf))].sort();
    expect(rooms.filter((r) => !rank.has(r))).toEqual([]);
    expect([...rank.keys()].filter((r) => !rooms.includes(r))).toEqual([]);
  });

  test('every import names a file that exists', () => {
    const missing = [...graph].flatMap(([from, targets]) =>
      targets.filter((t) => !graph.has(t)).map((t) => `${from} -> ${t}`),
    );
    expect(missing).toEqual([]);
  });

  test('no file imports from a higher layer, or from another folder on its own layer', () => {
    const wrong: string[] = [];
    for (const [from, targets] of graph) {
      for (const to of targets) {
        const [a, b] = [roomOf(from), roomOf(to)];
        if (a === b) continue;
        if (rank.get(b)! >= rank.get(a)!)
          wrong.push(`${from} (layer ${rank.get(a)}) -> ${to} (layer ${rank.get(b)})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('no import cycles between files', () => {
    // Depth-first search; a back edge to a file still on the stack closes a cycle.
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  test('findings import nothing but the certificate model, and every checking layer uses them', () => {
    const findingsImports = new Set(
      files
        .filter((f) => roomOf(f) === 'findings')
        .flatMap((f) => graph.get(f)!.filter((t) => roomOf(t) !== 'findings')),
    );
    expect([...findingsImports]).toEqual(['src/x509/model.ts']);
    for (const room of ['sources', 'rules', 'verify', 'probe', 'check', 'inspect', 'explain', 'report']) {
      const uses = files.some(
        (f) => roomOf(f) === room && graph.get(f)!.some((t) => roomOf(t) === 'findings'),
      );
      expect(uses, room).toBe(true);
    }
  });

  test('every file is reached from the library entry or the CLI', () => {
    const reached = new Set<string>();
    const walk = (file: string): void => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const next of graph.get(file) ?? []) walk(next);
    };
    for (const entry of ENTRIES) walk(entry);
    expect(files.filter((f) => !reached.has(f))).toEqual([]);
  });

  test('the README lists the same layers', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## How the code is laid out'));
    const rows = [...section.matchAll(/^\| (\d+) \| ([^|]+) \|/gm)].map(([, n, cells]) => [
      Number(n),
      [...cells!.matchAll(/`([^`]+?)\/?`/g)].map((c) => c[1]!),
    ]);
    const want = LAYERS.map((rooms, i) => [i + 1, [...rooms]]).reverse();
    expect(rows).toEqual(want);
  });
});
