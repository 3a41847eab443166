/**
 * Where a finding goes in a CI annotation (GitHub workflow commands, GitLab Code Quality): a path
 * relative to the repository root, and the line. For generated input (a Terraform plan, a CDK
 * template) that is the code it came from when known, as SARIF does: the `.tf` file or the CDK
 * app's source is what a reviewer changes, not the generated JSON.
 */

import { type FingerprintRoot, normalisedSource } from '../findings/fingerprint.js';
import type { Locator } from '../findings/types.js';

/** A place to annotate: the input as the user named it, and 1-based line and column when known. */
export interface AnnotationPlace {
  readonly source: string;
  readonly line?: number;
  readonly column?: number;
}

/** A whole number ≥ 1: GitHub and GitLab take nothing else as a line or column. */
const isPosition = (n: number | undefined): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 1;

/** The code a finding points at: its origin for generated input, else its own location. */
export function annotationPlace(location: Locator): AnnotationPlace {
  const { origin } = location;
  const at = origin ?? location;
  return {
    source: at.source,
    ...(isPosition(at.line) ? { line: at.line } : {}),
    ...(isPosition(at.line) && isPosition(at.column) ? { column: at.column } : {}),
  };
}

/** Names that are not files: standard input, a probe argument, a `host:port` endpoint. */
function isFile(source: string): boolean {
  if (source === '' || source === '-' || source === '<stdin>' || source === 'argv') return false;
  return !/^[^/\\]+:\d+$/.test(source);
}

/**
 * The source as a repository-relative, `/`-separated path (the fingerprints' own normalisation),
 * or undefined for a source that is no file.
 */
export function repositoryPath(source: string, where: FingerprintRoot): string | undefined {
  return isFile(source) ? normalisedSource(source, where) : undefined;
}

/** The fingerprint root of a run started in `cwd` outside any repository: `cwd` itself. */
export function workingDirectoryRoot(cwd: string = process.cwd()): FingerprintRoot {
  return { root: cwd, cwd };
}
