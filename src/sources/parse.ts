/**
 * Bytes → document: JSON or YAML, told apart by content (never by file name).
 */

import { type SourceDocument, unreadableInput } from './document.js';
import { parseJsonDocument } from './json-document.js';

/**
 * Parses an input's bytes. Text whose first non-blank character is `{` or `[` is JSON, strictly
 * (YAML would accept a trailing comma or a missing quote, and hide the mistake); anything else
 * is YAML.
 *
 * @throws InputError naming the input (and position) for binary data, PEM or DER certificates,
 *   empty input and malformed JSON or YAML
 */
export async function parseSourceText(source: string, bytes: Uint8Array): Promise<SourceDocument> {
  refuseNonText(source, bytes);
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const first = /\S/.exec(text)?.[0];
  if (first === undefined) throw unreadableInput(source, 'empty input; expected JSON or YAML');
  if (first !== '{' && first !== '[') {
    // a PEM block starts a line; inside JSON strings or indented YAML scalars it does not
    if (/^-----BEGIN /m.test(text)) {
      throw unreadableInput(
        source,
        'holds PEM blocks, not JSON or YAML; pass certificate files with --cert ARN=FILE',
      );
    }
    // the YAML parser is loaded only when a YAML input is met (JSON-only runs start faster)
    const { parseYamlDocument } = await import('./yaml-document.js');
    return parseYamlDocument(source, text);
  }
  return parseJsonDocument(source, text);
}

function refuseNonText(source: string, bytes: Uint8Array): void {
  // a DER certificate or PKCS#7 bundle: SEQUENCE with a long-form length
  if (bytes[0] === 0x30 && (bytes[1] ?? 0) >= 0x81 && (bytes[1] ?? 0) <= 0x84) {
    throw unreadableInput(
      source,
      'holds DER data, not JSON or YAML; pass certificate files with --cert ARN=FILE',
    );
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw unreadableInput(source, 'holds binary data, not JSON or YAML');
}
