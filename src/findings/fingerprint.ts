/**
 * A finding's identity, stable across runs: what SARIF `partialFingerprints`, a GitLab Code
 * Quality `fingerprint` and a `--baseline` file all key on. It is built from what the finding is
 * about (code, input as a repository-relative path, subject, place inside the input), never from
 * its wording or its line: a reworded message or a template with lines added above keeps the same
 * fingerprint, and `x.json`, `./x.json` and `/repo/x.json` are one input.
 */

import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Subject } from './finding.js';
import type { Locator } from './types.js';

/** What a fingerprint is made of: the finding's code and locator, and its result's subject. */
export interface FingerprintInput {
  readonly code: string;
  readonly location: Locator;
  readonly subject?: Subject;
}

/** Where paths are made relative from: the repository root, else the working directory. */
export interface FingerprintRoot {
  /** The folder inputs are made relative to (absolute). */
  readonly root: string;
  /** The working directory relative input paths were typed from (absolute). */
  readonly cwd: string;
}

/** Input names that are not paths: stdin and `host:port` endpoints keep their text. */
function isPathLike(source: string): boolean {
  if (source === '-' || source === '') return false;
  // host:port (probe) and host alone: no separator and not a file name we could resolve
  if (/^[^/\\]+:\d+$/.test(source)) return false;
  return true;
}

/**
 * The input's name as the repository sees it: relative to `root`, `/`-separated, without `./`.
 * A path outside the root keeps its absolute form (normalised), so it is still one name.
 */
export function normalisedSource(source: string, where: FingerprintRoot): string {
  if (!isPathLike(source)) return source;
  const absolute = isAbsolute(source) ? resolve(source) : resolve(where.cwd, source);
  const fromRoot = relative(where.root, absolute);
  const inside = fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot);
  const shown = inside ? fromRoot : absolute;
  return sep === '/' ? shown : shown.split(sep).join('/');
}

/** A JSON path as one string: `Resources.Cdn.Properties.Aliases[0]`. */
export function locatorPathText(path: Locator['path']): string {
  if (!path || path.length === 0) return '';
  let text = '';
  for (let i = 0; i < path.length; i++) {
    const p = path[i] as string | number;
    text += typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`;
  }
  return text;
}

/**
 * The fingerprint: 32 hex digits of SHA-256 over the identity fields. Version-tagged (`v1`) by
 * its users so a change of recipe can be told apart from a change of finding.
 */
export function findingFingerprint(finding: FingerprintInput, where: FingerprintRoot): string {
  const l = finding.location;
  const key = [
    finding.code,
    normalisedSource(l.source, where),
    finding.subject?.kind ?? '',
    finding.subject?.id ?? '',
    l.resource ?? '',
    locatorPathText(l.path),
    l.certIndex === undefined ? '' : String(l.certIndex),
  ];
  return createHash('sha256').update(key.join('\0')).digest('hex').slice(0, 32);
}
