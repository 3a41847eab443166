/**
 * PEM text (RFC 7468) → labelled DER blocks. Text outside blocks is ignored. Private key blocks are
 * recognised and counted but their contents are never decoded, stored or echoed in errors.
 */

import { X509DecodeError } from './errors.js';

/** One `-----BEGIN label-----` ... `-----END label-----` block. */
export interface PemBlock {
  /** The label, e.g. `CERTIFICATE`, `PKCS7`, `PRIVATE KEY`. */
  readonly label: string;
  /** The decoded contents; always empty for private key blocks. */
  readonly der: Uint8Array;
  /** 1-based line number of the BEGIN line. */
  readonly line: number;
}

const BEGIN = /^\s*-----BEGIN ([^-]+(?:-[^-]+)*)-----\s*$/;
const END = /^\s*-----END ([^-]+(?:-[^-]+)*)-----\s*$/;
const BASE64_LINE = /^[A-Za-z0-9+/]*={0,2}$/;
const EMPTY = new Uint8Array(0);

/** True for labels that hold private keys (`PRIVATE KEY`, `RSA PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`...). */
export function isPrivateKeyLabel(label: string): boolean {
  return label.includes('PRIVATE KEY');
}

/**
 * Finds every PEM block in `text`, in order. CRLF, CR and surrounding whitespace are accepted.
 * Works on offsets, not on a split into lines: a chain is read on every call of `verify`, and
 * a text of a thousand lines should not become a thousand strings.
 *
 * @throws X509DecodeError (context `block N (line L)`) for a block without END line, mismatched
 *   labels, PEM headers, or invalid base64
 */
export function readPemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  forEachPemBlock(text, (block) => {
    const der = isPrivateKeyLabel(block.label) ? EMPTY : decodePemBody(block);
    blocks.push(Object.freeze({ label: block.label, der, line: block.line }));
  });
  return blocks;
}

/** A PEM block found but not decoded: its label, BEGIN line, and the text between the lines. */
export interface PemSpan {
  readonly label: string;
  readonly line: number;
  /** The base64 lines as they are in the text (line breaks and whitespace included). */
  readonly body: string;
  /** `block N (line L)`, for errors. */
  readonly context: string;
}

/**
 * Calls `visit` for every PEM block of `text`, in order, before looking for the next one (so
 * errors come in text order). For readers that can skip decoding a block they have seen before.
 *
 * @throws X509DecodeError for a block without END line or with mismatched labels
 */
export function forEachPemBlock(text: string, visit: (block: PemSpan) => void): void {
  const lines = new LineCounter(text);
  let count = 0;
  for (let at = text.indexOf('-----BEGIN '); at !== -1; ) {
    const begin = lineAt(text, at);
    const match = BEGIN.exec(text.slice(begin.start, begin.end));
    if (match === null) {
      at = text.indexOf('-----BEGIN ', begin.next);
      continue;
    }
    const label = match[1]!;
    const line = lines.lineOf(begin.start);
    const context = `block ${++count} (line ${line})`;
    const end = findEnd(text, begin.next, label, context, lines);
    visit({ label, line, body: text.slice(begin.next, end.start), context });
    at = text.indexOf('-----BEGIN ', end.next);
  }
}

/**
 * The DER of a block's contents (RFC 7468 base64). Never call it for a private key block.
 *
 * @throws X509DecodeError for PEM headers or invalid base64, naming the line
 */
export function decodePemBody(block: PemSpan): Uint8Array {
  return decodeBody(block.body, block.line + 1, block.context);
}

/** A line of `text`: its start, its end (before the line break) and where the next one starts. */
interface LineSpan {
  readonly start: number;
  readonly end: number;
  readonly next: number;
}

function lineAt(text: string, offset: number): LineSpan {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  const next = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end < text.length ? end + 1 : end;
  return { start, end, next };
}

/** 1-based line numbers of offsets met in increasing order, counting each break once. */
class LineCounter {
  readonly #text: string;
  /** Whether the text has CR-only line ends, which the fast count (LF only) would miss. */
  readonly #bareCr: boolean;
  #offset = 0;
  #line = 1;

  constructor(text: string) {
    this.#text = text;
    this.#bareCr = text.includes('\r') && /\r(?!\n)/.test(text);
  }

  lineOf(offset: number): number {
    const t = this.#text;
    if (offset <= this.#offset) return this.#line;
    if (this.#bareCr) {
      for (let i = this.#offset; i < offset; i++) {
        const ch = t.charCodeAt(i);
        if (ch === 0x0a || (ch === 0x0d && t.charCodeAt(i + 1) !== 0x0a)) this.#line++;
      }
    } else {
      for (let i = t.indexOf('\n', this.#offset); i !== -1 && i < offset; i = t.indexOf('\n', i + 1))
        this.#line++;
    }
    this.#offset = offset;
    return this.#line;
  }
}

function findEnd(text: string, from: number, label: string, context: string, lines: LineCounter): LineSpan {
  for (let at = text.indexOf('-----', from); at !== -1; ) {
    const line = lineAt(text, at);
    const content = text.slice(line.start, line.end);
    const end = END.exec(content);
    if (end !== null) {
      if (end[1] === label) return line;
      throw new X509DecodeError(
        `END label "${end[1]}" on line ${lines.lineOf(line.start)} does not match BEGIN label "${label}"`,
        undefined,
        context,
      );
    }
    if (BEGIN.test(content)) break;
    at = text.indexOf('-----', line.next);
  }
  throw new X509DecodeError(`missing "-----END ${label}-----" line`, undefined, context);
}

// RFC 7468 §3: base64 lines, whitespace allowed; RFC 1421 headers are not part of RFC 7468
function decodeBody(body: string, firstLine: number, context: string): Uint8Array {
  // the common case in one pass: LF-separated lines that join into one valid base64 text; then
  // any whitespace (CRLF, indentation); anything else goes through the line-by-line reading
  // below, which says what is wrong and where
  return (
    decodeJoined(body.replaceAll('\n', '')) ??
    decodeJoined(body.replace(/\s+/g, '')) ??
    decodeBodyLines(body.split(/\r\n|\n|\r/), firstLine, context)
  );
}

function decodeJoined(joined: string): Uint8Array | undefined {
  if (joined.length === 0 || joined.length % 4 !== 0) return undefined;
  const padding = joined.endsWith('==') ? 2 : joined.endsWith('=') ? 1 : 0;
  const der = new Uint8Array((joined.length / 4) * 3 - padding);
  const view = Buffer.from(der.buffer);
  // Node's decoder skips what is not base64; the canonical re-encoding tells whether it did
  // (faster than a validating regex over the text, measured)
  return view.write(joined, 'base64') === der.length && view.toString('base64') === joined ? der : undefined;
}

function decodeBodyLines(lines: readonly string[], firstLine: number, context: string): Uint8Array {
  let base64 = '';
  let padded = false;
  for (let j = 0; j < lines.length; j++) {
    const line = lines[j]!.replace(/\s+/g, '');
    if (line === '') continue;
    if (line.includes(':')) {
      throw new X509DecodeError(
        `PEM headers are not supported (line ${firstLine + j}); remove them or re-export the file`,
        undefined,
        context,
      );
    }
    if (!BASE64_LINE.test(line)) {
      const bad = line.match(/[^A-Za-z0-9+/=]/)?.[0];
      const what = bad === undefined ? "misplaced '='" : `character ${JSON.stringify(bad)}`;
      throw new X509DecodeError(`invalid base64 on line ${firstLine + j}: ${what}`, undefined, context);
    }
    if (padded)
      throw new X509DecodeError(
        `invalid base64 on line ${firstLine + j}: data after '=' padding`,
        undefined,
        context,
      );
    padded = line.endsWith('=');
    base64 += line;
  }
  if (base64 === '') throw new X509DecodeError('empty PEM block', undefined, context);
  if (base64.length % 4 !== 0) {
    throw new X509DecodeError(
      `invalid base64: length ${base64.length} is not a multiple of 4 (truncated block?)`,
      undefined,
      context,
    );
  }
  return Uint8Array.from(Buffer.from(base64, 'base64'));
}
