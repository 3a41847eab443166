/**
 * A lean, strict DER reader (ITU-T X.690 §8 + §10) over a Uint8Array. It never copies: every
 * element is a window (`offset`/`start`/`end`) into one buffer, and every error carries the
 * absolute byte offset in that buffer.
 */

import { type DerElement, decodeBoolean, decodeOid, decodeSmallUint } from './der-values.js';
import { fail } from './errors.js';

export type { DerElement } from './der-values.js';

/** Deepest nesting of constructed elements the reader follows (a certificate needs about 10). */
export const MAX_DEPTH = 32;

/** Universal tag bytes (identifier octets) certgate reads. */
export const Tag = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8String: 0x0c,
  NumericString: 0x12,
  PrintableString: 0x13,
  TeletexString: 0x14,
  IA5String: 0x16,
  UTCTime: 0x17,
  GeneralizedTime: 0x18,
  VisibleString: 0x1a,
  UniversalString: 0x1c,
  BMPString: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Returns a short, readable name for a tag, for error reasons. */
function describeTag(tag: number): string {
  if (tag > 0xff) {
    const cls = ['universal', 'application', 'context', 'private'][(tag & 0xc0) >> 6];
    return `high tag [${cls} ${tag >>> 8}]`;
  }
  return `tag 0x${tag.toString(16).padStart(2, '0')}`;
}

/**
 * DerReader walks the elements between `pos` and `end` of `buf`, one level of nesting.
 * `enter` opens a constructed element as a child reader; `finish` asserts nothing is left.
 */
export class DerReader {
  readonly buf: Uint8Array;
  pos: number;
  readonly end: number;
  readonly depth: number;

  constructor(buf: Uint8Array, pos = 0, end = buf.length, depth = 0) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
    this.depth = depth;
  }

  /** True while elements remain. */
  get hasMore(): boolean {
    return this.pos < this.end;
  }

  /** The identifier octet of the next element, or -1 at the end. High tags show as 0x1f-ish bytes. */
  peek(): number {
    return this.pos < this.end ? this.buf[this.pos]! : -1;
  }

  /** Reads the next element, whatever its tag. `what` names it in errors. */
  next(what: string): DerElement {
    const buf = this.buf;
    const end = this.end;
    const offset = this.pos;
    if (offset >= end) fail(offset, `truncated: missing ${what}`);
    let p = offset + 1;
    let tag = buf[offset]!;
    if ((tag & 0x1f) === 0x1f) {
      const high = readHighTag(buf, p, end);
      p = high.next;
      tag = (high.number << 8) | (tag & 0xe0) | 0x1f;
    }
    if (p >= end) fail(p, `truncated: missing length of ${what}`);
    let len = buf[p++]!;
    if (len >= 0x80) {
      const n = len & 0x7f;
      // X.690 §10.1: definite form only; §8.1.3.5: 0xff is reserved
      if (n === 0) fail(p - 1, 'indefinite length (BER) is not allowed in DER');
      if (n > 4) fail(p - 1, `length of ${n} octets is too large`);
      if (p + n > end) fail(p - 1, `truncated: length of ${what} runs past the end`);
      // X.690 §10.1: the length uses the fewest octets
      if (buf[p] === 0) fail(p - 1, 'non-minimal length encoding');
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + buf[p++]!;
      if (len < 0x80) fail(offset + 1, 'non-minimal length encoding');
    }
    if (len > end - p) fail(offset, `truncated: ${what} needs ${len} bytes, ${end - p} left`);
    this.pos = p + len;
    return { tag, offset, start: p, end: p + len };
  }

  /** Reads the next element and checks its tag. */
  expect(tag: number, what: string): DerElement {
    if (this.pos < this.end && this.buf[this.pos] !== tag) {
      fail(this.pos, `expected ${what} (${describeTag(tag)}), found ${describeTag(this.peekTag())}`);
    }
    return this.next(what);
  }

  /** Reads the next element if it has `tag`; otherwise returns undefined and reads nothing. */
  optional(tag: number, what: string): DerElement | undefined {
    return this.pos < this.end && this.buf[this.pos] === tag ? this.next(what) : undefined;
  }

  /** Opens an element's contents as a child reader (one level deeper). */
  enter(el: DerElement): DerReader {
    if (this.depth >= MAX_DEPTH) fail(el.offset, `nesting deeper than ${MAX_DEPTH} levels`);
    return new DerReader(this.buf, el.start, el.end, this.depth + 1);
  }

  /** Reads a SEQUENCE and opens it. */
  sequence(what: string): DerReader {
    return this.enter(this.expect(Tag.SEQUENCE, what));
  }

  /** Asserts that every element was read. */
  finish(what: string): void {
    if (this.pos !== this.end) fail(this.pos, `unexpected data after the end of ${what}`);
  }

  /** Reads an OBJECT IDENTIFIER as dotted text. */
  readOid(what: string): string {
    return decodeOid(this.buf, this.expect(Tag.OID, what));
  }

  /** Reads a BOOLEAN. */
  readBoolean(what: string): boolean {
    return decodeBoolean(this.buf, this.expect(Tag.BOOLEAN, what));
  }

  /** Reads a non-negative INTEGER that fits a JS number exactly. */
  readSmallUint(what: string): number {
    return decodeSmallUint(this.buf, this.expect(Tag.INTEGER, what), what);
  }

  /** Reads an OCTET STRING's contents as a view. */
  readOctetString(what: string): Uint8Array {
    const el = this.expect(Tag.OCTET_STRING, what);
    return this.buf.subarray(el.start, el.end);
  }

  private peekTag(): number {
    const first = this.buf[this.pos]!;
    if ((first & 0x1f) !== 0x1f) return first;
    const high = readHighTag(this.buf, this.pos + 1, this.end);
    return (high.number << 8) | (first & 0xe0) | 0x1f;
  }
}

// X.690 §8.1.2.4: high-tag-number form, base 128, minimal, and only for numbers >= 31
function readHighTag(buf: Uint8Array, p: number, end: number): { number: number; next: number } {
  const start = p;
  let number = 0;
  for (;;) {
    if (p >= end) fail(p, 'truncated: high tag number runs past the end');
    const b = buf[p++]!;
    if (p - 1 === start && b === 0x80) fail(start, 'non-minimal high tag number encoding');
    number = number * 128 + (b & 0x7f);
    if (number > 0x1fffff) fail(start, 'tag number too large');
    if ((b & 0x80) === 0) break;
  }
  if (number < 31) fail(start, 'high tag number form used for a tag below 31');
  return { number, next: p };
}
