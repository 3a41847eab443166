/**
 * The `.tf` files a plan was made from, to point findings at the resource block and argument
 * (`cdn/main.tf:14:5`). The root module is the folder given (`--tf-dir`, else the plan's folder
 * when it has `.tf` files); a child module's folder is its call's local `source` (`./modules/cdn`)
 * relative to its caller's folder, else what `terraform init` recorded in
 * `.terraform/modules/modules.json` (registry and git modules). Nothing here throws: a folder or
 * file that cannot be read leaves findings with the resource address alone.
 */

import { type Dir, opendirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { CodeOrigin } from '../findings/types.js';
import { own, ownRecord, ownString } from './fields.js';
import { type HclResource, locateHclResources, partPosition } from './hcl-locate.js';
import { tfIgnoreComments } from './inline-ignores.js';
import type { TerraformConfig } from './terraform-config.js';

/** Bounds on what is read for one plan: real modules have a handful of files of a few KiB. */
export const TF_SOURCE_LIMITS = {
  /** Module folders indexed per plan. */
  maxFolders: 64,
  /** Entries of a folder looked at for `.tf` files. */
  maxFolderEntries: 10_000,
  /** `.tf` files read per folder (in name order). */
  maxFilesPerFolder: 256,
  /** A larger `.tf` file is not read. */
  maxFileBytes: 1024 * 1024,
  /** Bytes read per folder. */
  maxFolderBytes: 8 * 1024 * 1024,
} as const;

/** Whether `dir` holds at least one `.tf` file (the default `--tf-dir` test). */
export function hasTfFiles(dir: string): boolean {
  return (tfFiles(dir, 1)?.length ?? 0) > 0;
}

/**
 * The `.tf` file names of a folder, in name order, at most `max`; undefined when it cannot be
 * listed. At most `maxFolderEntries` entries are looked at, however large the folder.
 */
function tfFiles(dir: string, max: number = TF_SOURCE_LIMITS.maxFilesPerFolder): string[] | undefined {
  const names: string[] = [];
  let handle: Dir | undefined;
  try {
    handle = opendirSync(dir);
    for (let seen = 0; seen < TF_SOURCE_LIMITS.maxFolderEntries; seen++) {
      const entry = handle.readSync();
      if (entry === null) break;
      if (entry.name.endsWith('.tf')) names.push(entry.name);
    }
  } catch {
    return undefined;
  } finally {
    try {
      handle?.closeSync();
    } catch {
      // already closed
    }
  }
  return names.sort().slice(0, max);
}

/** A resource block and the file it is in. */
interface Located {
  readonly file: string;
  readonly block: HclResource;
}

/** The `# certgate:ignore` comments of a resource block's file, and the block's lines. */
export interface BlockComments {
  readonly comments: ReadonlyMap<number, { readonly code: string; readonly reason: string }>;
  readonly lines: readonly string[];
  readonly span: { readonly file: string; readonly start: number; readonly end: number };
}

/** The `.tf` sources of one plan. */
export class TerraformSources {
  private readonly folders = new Map<string, Map<string, Located> | null>();
  /** Files with certgate ignore comments (most have none, and keep no text). */
  private readonly commented = new Map<string, Omit<BlockComments, 'span'>>();
  private recorded: Map<string, string> | undefined;

  constructor(
    private readonly rootDir: string,
    private readonly config: TerraformConfig,
  ) {}

  /**
   * Where resource `type.name` of the module at `modulePath` is, and the deepest part of it that
   * `keys` (a path in the plan's values) names; undefined when the sources do not have it.
   */
  origin(
    modulePath: readonly string[],
    type: string,
    name: string,
    keys: readonly (string | number)[],
  ): CodeOrigin | undefined {
    const dir = this.moduleDir(modulePath);
    if (dir === undefined) return undefined;
    const found = this.index(dir)?.get(`${type}.${name}`);
    if (!found) return undefined;
    const p = partPosition(found.block, keys);
    return { source: found.file, line: p.line, column: p.column };
  }

  /** The certgate ignore comments of the file of resource `type.name` of the module at `modulePath`, if it has any. */
  blockComments(modulePath: readonly string[], type: string, name: string): BlockComments | undefined {
    const dir = this.moduleDir(modulePath);
    if (dir === undefined) return undefined;
    const found = this.index(dir)?.get(`${type}.${name}`);
    const file = found && this.commented.get(found.file);
    if (!found || !file) return undefined;
    const start = found.block.position.line;
    return {
      ...file,
      span: { file: found.file, start, end: found.block.end?.line ?? Number.MAX_SAFE_INTEGER },
    };
  }

  /** The folder of the module at `modulePath`: local sources from the root, else `modules.json`. */
  private moduleDir(modulePath: readonly string[]): string | undefined {
    let dir = this.rootDir;
    for (let i = 0; i < modulePath.length; i++) {
      const call = ownRecord(own(this.config.module(modulePath.slice(0, i)), 'module_calls'), modulePath[i]!);
      const source = ownString(call, 'source');
      if (source !== undefined && /^\.\.?[/\\]/.test(source)) dir = join(dir, source);
      else {
        const recorded = this.recordedDirs().get(modulePath.slice(0, i + 1).join('.'));
        if (recorded === undefined) return undefined;
        dir = isAbsolute(recorded) ? recorded : join(this.rootDir, recorded);
      }
    }
    return dir;
  }

  /** `.terraform/modules/modules.json`: module key (`site.cdn`) → folder, as `terraform init` wrote it. */
  private recordedDirs(): Map<string, string> {
    if (this.recorded) return this.recorded;
    this.recorded = new Map();
    const text = readBounded(join(this.rootDir, '.terraform', 'modules', 'modules.json'));
    if (text === undefined) return this.recorded;
    try {
      const modules = own(JSON.parse(text), 'Modules');
      if (Array.isArray(modules)) {
        for (const m of modules) {
          const key = ownString(m, 'Key');
          const dir = ownString(m, 'Dir');
          if (key !== undefined && dir !== undefined && !this.recorded.has(key)) this.recorded.set(key, dir);
        }
      }
    } catch {
      // an unreadable modules.json gives no folders: the findings keep the address
    }
    return this.recorded;
  }

  /** The resource blocks of a folder's `.tf` files, read once; null when it cannot be read. */
  private index(dir: string): Map<string, Located> | undefined {
    if (this.folders.has(dir)) return this.folders.get(dir) ?? undefined;
    if (this.folders.size >= TF_SOURCE_LIMITS.maxFolders) return undefined;
    const files = tfFiles(dir);
    if (files === undefined) {
      this.folders.set(dir, null);
      return undefined;
    }
    const blocks = new Map<string, Located>();
    let budget: number = TF_SOURCE_LIMITS.maxFolderBytes;
    for (const f of files) {
      const file = join(dir, f);
      const text = readBounded(file, Math.min(budget, TF_SOURCE_LIMITS.maxFileBytes));
      if (text === undefined) continue;
      budget -= text.length;
      if (text.includes('certgate:ignore'))
        this.commented.set(file, { comments: tfIgnoreComments(text), lines: text.split('\n') });
      for (const [key, block] of locateHclResources(text))
        if (!blocks.has(key)) blocks.set(key, { file, block });
    }
    this.folders.set(dir, blocks);
    return blocks;
  }
}

/** A regular file's text when it is at most `max` bytes, else undefined. */
function readBounded(file: string, max: number = TF_SOURCE_LIMITS.maxFileBytes): string | undefined {
  try {
    const st = statSync(file);
    if (!st.isFile() || st.size > max) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
