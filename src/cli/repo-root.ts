/**
 * The folder finding fingerprints are relative to: the enclosing Git repository's root (a `.git`
 * folder or file, as worktrees and submodules have), else the working directory. CI checks out
 * the repository at different absolute paths; relative to its root, an input has one name.
 */

import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { FingerprintRoot } from '../findings/fingerprint.js';

/** Walks up from `cwd` to the first folder holding `.git`; `cwd` itself when there is none. */
export function findRepositoryRoot(cwd: string): string {
  let folder = resolve(cwd);
  for (;;) {
    try {
      statSync(join(folder, '.git'));
      return folder;
    } catch {
      // not here: one level up
    }
    const parent = dirname(folder);
    if (parent === folder) return resolve(cwd);
    folder = parent;
  }
}

const roots = new Map<string, FingerprintRoot>();

/** The root and working directory fingerprints use, for a run started in `cwd` (looked up once per folder). */
export function fingerprintRootFor(cwd: string): FingerprintRoot {
  let where = roots.get(cwd);
  if (where === undefined) {
    where = { root: findRepositoryRoot(cwd), cwd: resolve(cwd) };
    roots.set(cwd, where);
  }
  return where;
}
