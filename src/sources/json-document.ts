/**
 * JSON input: parsed by JSON.parse (native, fast on the 15 MB list-distributions output the gate
 * must read), positions found afterwards by `JsonIndex` only for values that are reported.
 */

import type { Locator } from '../findings/types.js';
import {
  DOCUMENT_LIMITS,
  type DuplicateKey,
  type DuplicateKeys,
  type JsonPath,
  MAX_DUPLICATE_KEYS,
  type SourceDocument,
  unreadableInput,
} from './document.js';
import { findExcessiveNesting, JsonIndex } from './json-index.js';
import { findJsonSyntaxError } from './json-syntax.js';
import { LineIndex, makeLocator } from './positions.js';

/**
 * Parses JSON text into a document. `text` must not start with a byte order mark.
 *
 * @throws InputError with line and column for malformed or too deeply nested JSON
 */
export function parseJsonDocument(source: string, text: string): SourceDocument {
  // Every input is scanned for nesting depth first, whatever its size: JSON.parse does not
  // overflow the stack, but ten million levels of `[` (20 MB) take it over a gigabyte of heap.
  // The scan costs about as much as JSON.parse itself.
  const deep = findExcessiveNesting(text, DOCUMENT_LIMITS.maxDepth);
  if (deep !== -1) {
    throw unreadableInput(
      source,
      `nesting deeper than ${DOCUMENT_LIMITS.maxDepth} levels`,
      new LineIndex(text).position(deep),
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const error = findJsonSyntaxError(text);
    if (error) throw unreadableInput(source, error.message, new LineIndex(text).position(error.offset));
    throw unreadableInput(source, `invalid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const index = new JsonIndex(text);
  const size = text.length;
  let duplicates: DuplicateKeys | undefined;
  return {
    source,
    syntax: 'json',
    value,
    locator: (path: JsonPath): Locator => makeLocator(source, path, size, index),
    // JSON.parse keeps the last value of a repeated key, as CloudFormation does; only readers
    // that report repeats (templates) pay for the scan
    duplicateKeys: () => {
      duplicates ??= findDuplicateKeys(text);
      return duplicates;
    },
  };
}

/** An open object or array while scanning: the key (or index) of its current member. */
interface Frame {
  readonly keys: Set<string> | undefined;
  key: string | number;
  expectKey: boolean;
}

/**
 * The keys repeated inside one object of well-formed JSON text (JSON.parse has accepted it), in
 * one pass: a set of keys per open object, nothing kept for closed ones.
 */
export function findDuplicateKeys(text: string): DuplicateKeys {
  const first: DuplicateKey[] = [];
  let count = 0;
  let lines: LineIndex | undefined;
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      let escaped = false;
      for (; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (d === 0x5c /* \ */) {
          escaped = true;
          j++;
        } else if (d === 0x22) break;
      }
      const top = stack.at(-1);
      if (top?.keys && top.expectKey) {
        const key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
        if (top.keys.has(key)) {
          count++;
          if (first.length < MAX_DUPLICATE_KEYS) {
            lines ??= new LineIndex(text);
            const path = [...stack.slice(0, -1).map((f) => f.key), key];
            first.push({ path, ...lines.position(i) });
          }
        } else top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = j;
    } else if (c === 0x7b /* { */) stack.push({ keys: new Set(), key: '', expectKey: true });
    else if (c === 0x5b /* [ */) stack.push({ keys: undefined, key: 0, expectKey: false });
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) stack.pop();
    else if (c === 0x2c /* , */) {
      const top = stack.at(-1);
      if (top?.keys) top.expectKey = true;
      else if (top) top.key = (top.key as number) + 1;
    }
  }
  return { first, count };
}
