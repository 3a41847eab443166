/**
 * Test helpers for the gate's input readers: inputs written to a temporary folder, loaded with
 * `loadGateInputs`, and the position of a needle in a text, computed independently of the
 * readers so location assertions check them.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { type LoadResult, loadGateInputs } from '../../src/sources/load.js';
import type { LoadOptions } from '../../src/sources/types.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'certgate-sources-'));
  made.push(dir);
  return dir;
}

/** Writes `files` (relative path → text or bytes) under a fresh folder; returns the folder. */
export function writeFiles(files: Readonly<Record<string, string | Uint8Array>>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/** Writes one input and loads it. */
export async function loadText(
  name: string,
  text: string,
  options: Partial<LoadOptions> = {},
): Promise<LoadResult> {
  const dir = writeFiles({ [name]: text });
  return load([join(dir, name)], options);
}

/** Loads files with defaults for the options. */
export function load(
  files: readonly string[],
  options: Partial<LoadOptions> = {},
  stdin?: AsyncIterable<Uint8Array>,
): Promise<LoadResult> {
  return loadGateInputs(files, { certs: [], parameters: {}, ...options }, stdin ?? emptyStdin());
}

/** A standard input with `text`. */
export async function* stdinOf(text: string): AsyncIterable<Uint8Array> {
  yield Buffer.from(text);
}

async function* emptyStdin(): AsyncIterable<Uint8Array> {}

/** 1-based line and column of the `nth` (0-based) occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`${needle} not found ${nth + 1} times`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

/** The parts of a Locator a test compares (reads the getters of lazy ones). */
export function where(loc: { line?: number; column?: number } | undefined): {
  line?: number;
  column?: number;
} {
  return { line: loc?.line, column: loc?.column };
}
