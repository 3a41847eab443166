/**
 * JSON input: parsed by JSON.parse (native, fast on the 15 MB list-distributions output the gate
 * must read), positions found afterwards by `JsonIndex` only for values that are reported.
 */

import type { Locator } from '../findings/types.js';
import { DOCUMENT_LIMITS, type JsonPath, type SourceDocument, unreadableInput } from './document.js';
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
  return {
    source,
    syntax: 'json',
    value,
    locator: (path: JsonPath): Locator => makeLocator(source, path, size, index),
  };
}
