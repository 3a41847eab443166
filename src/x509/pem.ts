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
 * Finds every PEM block in `text`, in order. CRLF and surrounding whitespace are accepted.
 *
 * @throws X509DecodeError (context `block N (line L)`) for a block without END line, mismatched
 *   labels, PEM headers, or invalid base64
 */
export function readPemBlocks(text: string): PemBlock[] {
  const lines = text.split(/\r\n|\n|\r/);
  const blocks: PemBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const begin = BEGIN.exec(lines[i]!);
    if (begin === null) continue;
    const label = begin[1]!;
    const context = `block ${blocks.length + 1} (line ${i + 1})`;
    const end = findEnd(lines, i, label, context);
    const der = isPrivateKeyLabel(label) ? EMPTY : decodeBody(lines, i + 1, end, context);
    blocks.push(Object.freeze({ label, der, line: i + 1 }));
    i = end;
  }
  return blocks;
}

function findEnd(lines: string[], begin: number, label: string, context: string): number {
  for (let j = begin + 1; j < lines.length; j++) {
    const line = lines[j]!;
    if (!line.includes('-----')) continue;
    const end = END.exec(line);
    if (end !== null) {
      if (end[1] === label) return j;
      throw new X509DecodeError(
        `END label "${end[1]}" on line ${j + 1} does not match BEGIN label "${label}"`,
        undefined,
        context,
      );
    }
    if (BEGIN.test(line)) break;
  }
  throw new X509DecodeError(`missing "-----END ${label}-----" line`, undefined, context);
}

// RFC 7468 §3: base64 lines, whitespace allowed; RFC 1421 headers are not part of RFC 7468
function decodeBody(lines: string[], from: number, to: number, context: string): Uint8Array {
  // the common case in one pass: clean lines that join into one valid base64 text; anything
  // else goes through the line-by-line reading below, which says what is wrong and where
  let joined = lines.slice(from, to).join('');
  if (/\s/.test(joined)) joined = joined.replace(/\s+/g, '');
  if (joined.length > 0 && joined.length % 4 === 0) {
    const padding = joined.endsWith('==') ? 2 : joined.endsWith('=') ? 1 : 0;
    const der = new Uint8Array((joined.length / 4) * 3 - padding);
    const view = Buffer.from(der.buffer);
    // Node's decoder skips what is not base64; the canonical re-encoding tells whether it did
    if (view.write(joined, 'base64') === der.length && view.toString('base64') === joined) return der;
  }
  return decodeBodyLines(lines, from, to, context);
}

function decodeBodyLines(lines: string[], from: number, to: number, context: string): Uint8Array {
  let base64 = '';
  let padded = false;
  for (let j = from; j < to; j++) {
    const line = lines[j]!.replace(/\s+/g, '');
    if (line === '') continue;
    if (line.includes(':')) {
      throw new X509DecodeError(
        `PEM headers are not supported (line ${j + 1}); remove them or re-export the file`,
        undefined,
        context,
      );
    }
    if (!BASE64_LINE.test(line)) {
      const bad = line.match(/[^A-Za-z0-9+/=]/)?.[0];
      const what = bad === undefined ? "misplaced '='" : `character ${JSON.stringify(bad)}`;
      throw new X509DecodeError(`invalid base64 on line ${j + 1}: ${what}`, undefined, context);
    }
    if (padded)
      throw new X509DecodeError(
        `invalid base64 on line ${j + 1}: data after '=' padding`,
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
