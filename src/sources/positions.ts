/**
 * Offsets → 1-based line and column, and Locators whose position is computed on first read.
 * Columns count UTF-16 code units, SARIF's default `columnKind`.
 */

import type { Locator } from '../findings/types.js';

/** A 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Maps offsets in a text to positions; the line table is built on first use. */
export class LineIndex {
  private starts: Int32Array | undefined;
  constructor(private readonly text: string) {}

  /** The position of `offset` (clamped into the text). */
  position(offset: number): Position {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: Math.max(0, offset - starts[lo]!) + 1 };
  }

  private lineStarts(): Int32Array {
    if (this.starts) return this.starts;
    // one pass into a typed array that doubles when full (outside the JS heap: a 30 MB CLI
    // output has a million lines, and a growing number[] of them was 20 MB of garbage)
    const text = this.text;
    let starts = new Int32Array(Math.max(16, text.length >>> 5));
    let lines = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      if (lines === starts.length) {
        const wider = new Int32Array(starts.length * 2);
        wider.set(starts);
        starts = wider;
      }
      starts[lines++] = i + 1;
    }
    starts = starts.subarray(0, lines);
    this.starts = starts;
    return starts;
  }
}

/**
 * Where a pending Locator's position is found: set on Locators of large documents, copied by a
 * spread (an own enumerable symbol), ignored by JSON.stringify. See `withPosition`.
 */
const POSITIONS: unique symbol = Symbol('certgate.positions');

/**
 * A Locator whose `line` and `column` are computed when first read. Used for large documents,
 * where most values are never reported and computing every position up front would cost more
 * than parsing: making one costs a small object with its path, nothing more (10,000
 * distributions make 200,000 of them). `JSON.stringify` includes the position (through
 * `toJSON`); property reads work as on a plain Locator. A spread copy (`{ ...locator, certIndex }`)
 * keeps the way to its position but not the getters: `withPosition` turns any Locator into a
 * plain one with its position, and the gate does so for every Locator it reports.
 */
export class LazyLocator implements Locator {
  readonly source: string;
  readonly path: readonly (string | number)[];
  readonly [POSITIONS]: PositionSource;
  #position: Position | null | undefined;

  constructor(source: string, path: readonly (string | number)[], positions: PositionSource) {
    this.source = source;
    this.path = path;
    this[POSITIONS] = positions;
  }

  /** 1-based line of the value; computed on first read. */
  get line(): number | undefined {
    return this.position()?.line;
  }

  /** 1-based column of the value; computed on first read. */
  get column(): number | undefined {
    return this.position()?.column;
  }

  /** A plain Locator with the position filled in. */
  toJSON(): Locator {
    const p = this.position();
    return p ? { source: this.source, path: this.path, ...p } : { source: this.source, path: this.path };
  }

  private position(): Position | undefined {
    if (this.#position === undefined) this.#position = this[POSITIONS].positionOf(this.path) ?? null;
    return this.#position ?? undefined;
  }
}

/**
 * The Locator as a plain object with its line and column, for one that is still pending (a
 * LazyLocator or a spread copy of one); any other Locator is returned as it is.
 */
export function withPosition(locator: Locator): Locator {
  const positions = (locator as { readonly [POSITIONS]?: PositionSource })[POSITIONS];
  if (positions === undefined) return locator;
  const { [POSITIONS]: _, ...plain } = locator as Locator & { readonly [POSITIONS]?: PositionSource };
  if (locator instanceof LazyLocator) return locator.toJSON();
  const p = locator.path ? positions.positionOf(locator.path) : undefined;
  return p ? { ...plain, line: p.line, column: p.column } : plain;
}

/** Where the values of a document are. */
export interface PositionSource {
  /** The position of the value at `path`, or of its nearest enclosing value in the text. */
  positionOf(path: readonly (string | number)[]): Position | undefined;
}

/** Documents larger than this get lazy Locators; smaller ones plain, frozen objects. */
const EAGER_POSITION_LIMIT = 1024 * 1024;

/** A Locator for `path` (kept, not copied: pass a fresh array), eager or lazy by document size. */
export function makeLocator(
  source: string,
  path: readonly (string | number)[],
  size: number,
  positions: PositionSource,
): Locator {
  if (size > EAGER_POSITION_LIMIT) return new LazyLocator(source, path, positions);
  const p = positions.positionOf(path);
  return p ? { source, path, line: p.line, column: p.column } : { source, path };
}
