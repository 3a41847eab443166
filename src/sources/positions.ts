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
  private starts: number[] | undefined;
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

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
    return starts;
  }
}

/**
 * A Locator whose `line` and `column` are computed when first read. Used for large documents,
 * where most values are never reported and computing every position up front would cost more
 * than parsing. `JSON.stringify` includes the position (through `toJSON`); property reads work
 * as on a plain Locator. NOTE: the position lives in prototype getters, so an object spread
 * (`{...locator}`) drops it; read the fields or use `toJSON()` to copy one.
 */
export class LazyLocator implements Locator {
  readonly source: string;
  readonly path: readonly (string | number)[];
  /** 1-based line of the value; computed on first read. */
  declare readonly line?: number;
  /** 1-based column of the value; computed on first read. */
  declare readonly column?: number;
  #position: Position | null | undefined;
  readonly #positions: PositionSource;

  constructor(source: string, path: readonly (string | number)[], positions: PositionSource) {
    this.source = source;
    this.path = path;
    this.#positions = positions;
    // Own enumerable getters, not prototype ones: `{ ...locator }` and Object.assign copy own
    // enumerable properties, so a spread copy keeps the position instead of silently losing it.
    Object.defineProperties(this, {
      line: { enumerable: true, get: () => this.position()?.line },
      column: { enumerable: true, get: () => this.position()?.column },
    });
  }

  /** A plain Locator with the position filled in. */
  toJSON(): Locator {
    const p = this.position();
    return p ? { source: this.source, path: this.path, ...p } : { source: this.source, path: this.path };
  }

  private position(): Position | undefined {
    if (this.#position === undefined) this.#position = this.#positions.positionOf(this.path) ?? null;
    return this.#position ?? undefined;
  }
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
