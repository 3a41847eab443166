/**
 * What npm publishes: the tarball `npm pack` makes has every file its README links to, and the
 * emitted .d.ts files compile in a project without @types/node (test/global-setup.ts builds dist/).
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

test('every relative link of the packed README names a file the tarball ships', () => {
  const dest = mkdtempSync(join(tmpdir(), 'certgate-pack-'));
  // --ignore-scripts: `prepare` would rebuild dist/ under the other tests' feet
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  const listed = execFileSync('tar', ['-tzf', join(dest, info!.filename)], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.replace(/^package\//, ''));
  expect(listed).toContain('LICENSE');
  const readme = execFileSync('tar', ['-xzOf', join(dest, info!.filename), 'package/README.md'], {
    encoding: 'utf8',
  });
  const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!.split('#')[0]!)
    .filter((l) => l !== '' && !/^[a-z]+:/i.test(l));
  expect(links.length).toBeGreaterThan(0);
  const missing = links.filter((l) => {
    const path = l.replace(/^\.\//, '');
    return path.endsWith('/') ? !listed.some((f) => f.startsWith(path)) : !listed.includes(path);
  });
  expect(missing).toEqual([]);
}, 60_000);

function declarations(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return declarations(path);
    return name.endsWith('.d.ts') ? [path] : [];
  });
}

test('the emitted .d.ts files type-check without @types/node', () => {
  const files = declarations(join(ROOT, 'dist'));
  expect(files.length).toBeGreaterThan(10);
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2023.d.ts'],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: false,
  });
  const errors = ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  expect(errors).toEqual([]);
}, 60_000);

test('package.json names the repository, home page and issue tracker', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.repository.url).toMatch(/^git\+https:\/\//);
  expect(pkg.homepage).toMatch(/^https:\/\//);
  expect(pkg.bugs.url).toMatch(/^https:\/\//);
});
