/**
 * Positions of values in JSON text that JSON.parse already accepted. JSON.parse is native and
 * fast but forgets positions; this index finds a value's offset from its JSON path by scanning
 * only the containers on the way, and only as far as needed; everything else is skipped with a
 * bracket matcher. What a scan finds is kept, so each part of the text is scanned about once.
 */

import type { Position, PositionSource } from './positions.js';
import { LineIndex } from './positions.js';

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** What is known of one container: the children found so far, and where scanning resumes (-1: done). */
interface Container {
  readonly isObject: boolean;
  readonly members: Map<string, number>;
  readonly items: number[];
  next: number;
}

/**
 * Offsets of values by path, for JSON text known to be valid. Containers are scanned only as far
 * as a lookup needs: the 5,000th item of an array costs one pass over the first 4,999, once.
 * NOTE: in large documents (over `firstMatchAbove` characters) a repeated key is located at its
 * first occurrence, although JSON.parse keeps the last value; AWS CLI, Terraform and CDK never
 * repeat keys, and smaller documents (hand-written templates) are scanned in full and agree.
 */
export class JsonIndex implements PositionSource {
  private readonly containers = new Map<number, Container>();
  private readonly lines: LineIndex;
  private readonly root: number;
  private readonly firstMatch: boolean;

  constructor(
    private readonly text: string,
    firstMatchAbove = 1024 * 1024,
  ) {
    this.lines = new LineIndex(text);
    this.root = skipSpace(text, 0);
    this.firstMatch = text.length > firstMatchAbove;
  }

  /** The offset of the value at `path`, or of the deepest enclosing value that exists. */
  offsetOf(path: readonly (string | number)[]): number {
    let offset = this.root;
    for (const segment of path) {
      const next = this.child(offset, segment);
      if (next === undefined) break;
      offset = next;
    }
    return offset;
  }

  positionOf(path: readonly (string | number)[]): Position | undefined {
    return this.root < this.text.length ? this.lines.position(this.offsetOf(path)) : undefined;
  }

  private child(offset: number, segment: string | number): number | undefined {
    const c = this.container(offset);
    if (!c) return undefined;
    if (c.isObject) {
      const key = String(segment);
      if (c.next === -1 || (this.firstMatch && c.members.has(key))) return c.members.get(key);
      this.scanObject(c, key);
      return c.members.get(key);
    }
    if (typeof segment !== 'number') return undefined;
    while (c.items.length <= segment && c.next !== -1) this.scanItem(c);
    return c.items[segment];
  }

  private container(offset: number): Container | undefined {
    const known = this.containers.get(offset);
    if (known) return known;
    const ch = this.text.charCodeAt(offset);
    if (ch !== OPEN_BRACE && ch !== OPEN_BRACKET) return undefined;
    let next = skipSpace(this.text, offset + 1);
    if (this.text.charCodeAt(next) === (ch === OPEN_BRACE ? 0x7d : 0x5d)) next = -1; // empty
    const c: Container = { isObject: ch === OPEN_BRACE, members: new Map(), items: [], next };
    this.containers.set(offset, c);
    return c;
  }

  /** Reads members until `key` is found (first-match mode) or the object ends. */
  private scanObject(c: Container, key: string): void {
    const text = this.text;
    let i = c.next;
    while (i !== -1 && text.charCodeAt(i) === QUOTE) {
      const end = stringEnd(text, i);
      const raw = text.slice(i + 1, end - 1);
      const name = raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw;
      const value = skipSpace(text, skipSpace(text, end) + 1); // past ':'
      if (!(this.firstMatch && c.members.has(name))) c.members.set(name, value);
      i = skipSpace(text, skipValue(text, value));
      i = text.charCodeAt(i) === 0x2c ? skipSpace(text, i + 1) : -1; // ','
      if (this.firstMatch && name === key) break;
    }
    c.next = i;
  }

  private scanItem(c: Container): void {
    const text = this.text;
    c.items.push(c.next);
    const i = skipSpace(text, skipValue(text, c.next));
    c.next = text.charCodeAt(i) === 0x2c ? skipSpace(text, i + 1) : -1;
  }
}

function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
    else return i;
  }
}

/** The offset just past the string starting at `start` (a quote). */
function stringEnd(text: string, start: number): number {
  let j = start;
  for (;;) {
    j = text.indexOf('"', j + 1);
    if (j === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(j - 1 - backslashes) === BACKSLASH) backslashes++;
    if ((backslashes & 1) === 0) return j + 1;
  }
}

/**
 * The next bracket outside strings: one regex step skips everything else, strings included.
 * Used on text JSON.parse accepted only: on text with an unterminated string it could backtrack
 * for long.
 */
const NEXT_BRACKET = /[^"{}[\]]*(?:"[^"\\]*(?:\\.[^"\\]*)*"[^"{}[\]]*)*[{}[\]]/g;
const SCALAR_END = /[\s,\]}]/g;

/** The offset just past the value starting at `start`. */
function skipValue(text: string, start: number): number {
  const c = text.charCodeAt(start);
  if (c === QUOTE) return stringEnd(text, start);
  if (c !== OPEN_BRACE && c !== OPEN_BRACKET) {
    SCALAR_END.lastIndex = start;
    return SCALAR_END.exec(text)?.index ?? text.length;
  }
  let depth = 0;
  NEXT_BRACKET.lastIndex = start;
  while (NEXT_BRACKET.test(text)) {
    const ch = text.charCodeAt(NEXT_BRACKET.lastIndex - 1);
    if (ch === OPEN_BRACE || ch === OPEN_BRACKET) depth++;
    else if (--depth === 0) return NEXT_BRACKET.lastIndex;
  }
  return text.length;
}

/**
 * The offset of the first `[` or `{` nested deeper than `limit`, or -1. Runs before JSON.parse,
 * which takes seconds and gigabytes on millions of levels. One pass over any text, valid or not:
 * a string is skipped to its closing quote with indexOf (a regex that matches strings can restart
 * at every escaped quote of an unterminated one, which is quadratic).
 */
export function findExcessiveNesting(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE) i = stringEnd(text, i) - 1;
    else if (ch === OPEN_BRACE || ch === OPEN_BRACKET) {
      if (++depth > limit) return i;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return -1;
}
