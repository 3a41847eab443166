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
  /**
   * First-match mode: the value of the member found last, not skipped yet (it is often the one
   * looked into next, and may be most of the document). Scanning on skips it first.
   */
  pendingValue: number;
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
    this.brackets = takeBrackets(text);
  }

  /** The containers the nesting scan of this text recorded, when it ran just before (it does for every JSON input). */
  private readonly brackets: Brackets | undefined;

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
      if ((c.next === -1 && c.pendingValue === -1) || (this.firstMatch && c.members.has(key)))
        return c.members.get(key);
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
    const c: Container = {
      isObject: ch === OPEN_BRACE,
      members: new Map(),
      items: [],
      next,
      pendingValue: -1,
    };
    this.containers.set(offset, c);
    return c;
  }

  /** Reads members until `key` is found (first-match mode) or the object ends. */
  private scanObject(c: Container, key: string): void {
    const text = this.text;
    let i = c.pendingValue === -1 ? c.next : afterValue(text, c.pendingValue, this.brackets);
    c.pendingValue = -1;
    while (i !== -1 && text.charCodeAt(i) === QUOTE) {
      const end = stringEnd(text, i);
      const raw = text.slice(i + 1, end - 1);
      const name = raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw;
      const value = skipSpace(text, skipSpace(text, end) + 1); // past ':'
      if (!(this.firstMatch && c.members.has(name))) c.members.set(name, value);
      if (this.firstMatch && name === key) {
        c.pendingValue = value;
        i = -1;
        break;
      }
      i = afterValue(text, value, this.brackets);
    }
    c.next = i;
  }

  private scanItem(c: Container): void {
    const text = this.text;
    c.items.push(c.next);
    const i = skipSpace(text, skipValue(text, c.next, this.brackets));
    c.next = text.charCodeAt(i) === 0x2c ? skipSpace(text, i + 1) : -1;
  }
}

/** The offset of the next member's key after the value at `value`, or -1 at the end of the object. */
function afterValue(text: string, value: number, brackets?: Brackets): number {
  const i = skipSpace(text, skipValue(text, value, brackets));
  return text.charCodeAt(i) === 0x2c ? skipSpace(text, i + 1) : -1; // ','
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

const SCALAR_END = /[\s,\]}]/g;

/**
 * The offset just past the value starting at `start`. Containers are matched by a loop that skips
 * strings with indexOf: about three times as fast as a regex over the same text, which matters
 * when a 10,000-item list is walked to its last item.
 */
function skipValue(text: string, start: number, brackets?: Brackets): number {
  const c = text.charCodeAt(start);
  if (c === QUOTE) return stringEnd(text, start);
  if (c !== OPEN_BRACE && c !== OPEN_BRACKET) {
    SCALAR_END.lastIndex = start;
    return SCALAR_END.exec(text)?.index ?? text.length;
  }
  const end = brackets === undefined ? undefined : recordedEnd(brackets, start);
  if (end !== undefined) return end;
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE) i = stringEnd(text, i) - 1;
    else if (ch === OPEN_BRACE || ch === OPEN_BRACKET) depth++;
    else if ((ch === 0x7d || ch === 0x5d) && --depth === 0) return i + 1;
  }
  return text.length;
}

/**
 * Where every container of a text starts and ends (offset past its closing bracket), in start
 * order: what the nesting scan learns on its way, kept so the index can skip a container in
 * O(log n) instead of reading it again.
 */
interface Brackets {
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly count: number;
}

/** Containers recorded at most (2 x 4 bytes each): beyond, the index scans as it would without. */
const MAX_RECORDED = 4 * 1024 * 1024;

/** The brackets of the text scanned last, for the JsonIndex built on it next (taken once). */
let lastScan: Brackets | undefined;

/** The recorded brackets of `text`, when the last scan was of this very text; forgotten once taken. */
function takeBrackets(text: string): Brackets | undefined {
  const scan = lastScan;
  if (scan === undefined || scan.text !== text) return undefined;
  lastScan = undefined;
  return scan;
}

/** The end of the container starting at `start`, from the recorded brackets; undefined when not recorded. */
function recordedEnd(b: Brackets, start: number): number | undefined {
  let lo = 0;
  let hi = b.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = b.starts[mid]!;
    if (at === start) {
      const end = b.ends[mid]!;
      return end > 0 ? end : undefined;
    }
    if (at < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/**
 * The offset of the first `[` or `{` nested deeper than `limit`, or -1. Runs before JSON.parse on
 * every JSON input, valid or not, so it must cost less than the parse: it jumps from one
 * structural character to the next with indexOf (native, and fast over the long runs of
 * indentation and text between them) instead of reading each character, keeping the next `"`,
 * `{`, `[`, `}` and `]` ahead; a string is skipped to its closing quote, and a bracket found
 * inside it is looked for again after it. On its way it records where each container starts and
 * ends, for the JsonIndex of the same text (see `takeBrackets`).
 */
export function findExcessiveNesting(text: string, limit: number): number {
  const n = text.length;
  const after = (ch: string, from: number): number => {
    const at = text.indexOf(ch, from);
    return at === -1 ? n : at;
  };
  let quote = after('"', 0);
  let openBrace = after('{', 0);
  let openBracket = after('[', 0);
  let closeBrace = after('}', 0);
  let closeBracket = after(']', 0);
  let depth = 0;
  let starts: Int32Array = new Int32Array(1024);
  let ends: Int32Array = new Int32Array(1024);
  let count = 0;
  let recording = true;
  const open = new Int32Array(limit + 2); // the record of each open container, by depth
  lastScan = undefined;
  for (;;) {
    const opening = openBrace < openBracket ? openBrace : openBracket;
    const closing = closeBrace < closeBracket ? closeBrace : closeBracket;
    const bracket = opening < closing ? opening : closing;
    if (quote < bracket) {
      const end = stringEnd(text, quote);
      quote = after('"', end);
      if (openBrace < end) openBrace = after('{', end);
      if (openBracket < end) openBracket = after('[', end);
      if (closeBrace < end) closeBrace = after('}', end);
      if (closeBracket < end) closeBracket = after(']', end);
      continue;
    }
    if (bracket >= n) break;
    if (bracket === opening) {
      if (++depth > limit) return bracket;
      if (recording) {
        if (count === starts.length) {
          if (count >= MAX_RECORDED) recording = false;
          else {
            starts = grow(starts);
            ends = grow(ends);
          }
        }
        if (recording) {
          open[depth] = count;
          starts[count++] = bracket;
        }
      }
      if (bracket === openBrace) openBrace = after('{', bracket + 1);
      else openBracket = after('[', bracket + 1);
    } else {
      if (recording && depth > 0) ends[open[depth]!] = bracket + 1;
      depth--;
      if (bracket === closeBrace) closeBrace = after('}', bracket + 1);
      else closeBracket = after(']', bracket + 1);
    }
  }
  if (recording) lastScan = { text, starts, ends, count };
  return -1;
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
