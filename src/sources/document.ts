/**
 * A parsed input document (JSON or YAML) that remembers where its values are, and the error
 * every reader throws for input it cannot read (`unreadableInput`). Readers work on plain values and ask the
 * document for a `Locator` (source, JSON path, 1-based line and column) of what they report.
 */

import { InputError, type InputPosition } from '../findings/input-error.js';
import type { Locator } from '../findings/types.js';

/** A path into a document: object keys and array indexes, outermost first. */
export type JsonPath = readonly (string | number)[];

/** Which syntax a document was written in. */
export type Syntax = 'json' | 'yaml';

/** A parsed input with positions. */
export interface SourceDocument {
  /** The input as Locators name it: the path given, or `-` for standard input. */
  readonly source: string;
  readonly syntax: Syntax;
  /** The parsed value; YAML short-form tags are already in their long form (`{"Fn::Sub": ...}`). */
  readonly value: unknown;
  /**
   * The Locator of the value at `path`; line and column are those of the value itself, or of
   * its nearest enclosing value that exists in the text (a value computed from an intrinsic).
   * In large documents the position is computed when first read (see `LazyLocator`).
   */
  locator(path: JsonPath): Locator;
  /**
   * Mapping keys written more than once (the value read is the last one, as CloudFormation
   * reads them); computed on first call for JSON. Absent for documents that cannot have them.
   */
  readonly duplicateKeys?: () => DuplicateKeys;
}

/** A mapping key written again: the path of the key (its mapping's path, then the key) and where it is. */
export interface DuplicateKey {
  readonly path: JsonPath;
  readonly line: number;
  readonly column: number;
}

/** The first duplicate keys of a document (at most MAX_DUPLICATE_KEYS) and how many there are. */
export interface DuplicateKeys {
  readonly first: readonly DuplicateKey[];
  readonly count: number;
}

/** Duplicate keys kept with their position; the rest are counted (a hostile file may repeat 100,000). */
export const MAX_DUPLICATE_KEYS = 20;

/** How an input is named in messages: its path, or `<stdin>`. */
export function displayName(source: string): string {
  return source === '-' ? '<stdin>' : source;
}

/**
 * The error every reader throws for an input it cannot read: an `InputError` named as users
 * name the input (`<stdin>` for `-`), with the position when known, so the message reads
 * `examples/bad.json:12:5: unexpected token '}'`.
 */
export function unreadableInput(source: string, reason: string, position?: InputPosition): InputError {
  return new InputError(displayName(source), reason, position);
}

/** Limits on what a document may contain; each bounds work an attacker controls. */
export const DOCUMENT_LIMITS = {
  /** Deeper nesting is refused; real templates and plans stay under 40 levels. */
  maxDepth: 256,
  /** YAML aliases may add at most this many nodes in total (a "billion laughs" stops here). */
  maxAliasNodes: 100_000,
  /**
   * The YAML package needs about 3 s and 120 MB of heap per MiB of input (measured on CloudFormation
   * YAML), 100 times JSON.parse: 2 MiB is twice CloudFormation's largest template (1 MB) and
   * stays within a few seconds and a few hundred MB. Larger outputs can be given as JSON.
   */
  maxYamlBytes: 2 * 1024 * 1024,
} as const;
