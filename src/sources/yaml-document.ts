/**
 * YAML input (CloudFormation templates; AWS CLI `--output yaml`), parsed with the `yaml` package
 * and turned into the same plain values JSON gives, CloudFormation's short-form tags rewritten
 * to their long form (`!Sub x` → `{"Fn::Sub": "x"}`), with each value's offset kept for Locators.
 */

import {
  type Alias,
  Composer,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  Parser,
  type Tags,
  type Node as YamlNode,
} from 'yaml';
import type { Locator } from '../findings/types.js';
import {
  DOCUMENT_LIMITS,
  type DuplicateKey,
  type JsonPath,
  MAX_DUPLICATE_KEYS,
  type SourceDocument,
  unreadableInput,
} from './document.js';
import { makeLocator, type Position, type PositionSource } from './positions.js';

/**
 * CloudFormation short forms and the function each stands for.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 */
export const SHORT_FORM_TAGS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!FindInMap': 'Fn::FindInMap',
  '!GetAtt': 'Fn::GetAtt',
  '!GetAZs': 'Fn::GetAZs',
  '!ImportValue': 'Fn::ImportValue',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!Sub': 'Fn::Sub',
  '!Transform': 'Fn::Transform',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!Not': 'Fn::Not',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
};

/** Each short form may tag a scalar, a sequence or a mapping; the value is kept as written. */
const CUSTOM_TAGS: Tags = Object.keys(SHORT_FORM_TAGS).flatMap((tag) => [
  { tag, resolve: (value: string) => value },
  { tag, collection: 'seq' as const, resolve: (value: unknown) => value },
  { tag, collection: 'map' as const, resolve: (value: unknown) => value },
]);

/** Child offsets of every container built from the document. */
type Offsets = WeakMap<object, Map<string | number, number>>;

/**
 * Open constructions the YAML parser may hold at once (its stack: the document, each block or
 * flow collection, a pending key). Above this the input nests deeper than DOCUMENT_LIMITS allows
 * (about one entry per level, plus a few), and going on would let a few megabytes of `[` build a
 * parse tree that exhausts memory and a composer that overflows the stack.
 */
const MAX_PARSER_STACK = DOCUMENT_LIMITS.maxDepth + 16;

/**
 * Parses YAML text into a document. Aliases are expanded here, not by the package's `toJS`, so
 * its `maxAliasCount` does not apply: the conversion counts the nodes aliases add instead.
 * Duplicate keys are found here too, with a set per mapping (the package compares each key with
 * every earlier one: quadratic): the last value wins, as CloudFormation reads a template, and
 * the document lists where the repeats are (`duplicateKeys`).
 *
 * @throws InputError with line and column for malformed YAML, more than one document, nesting
 *   deeper than the limit, or aliases that expand too far
 */
export function parseYamlDocument(source: string, text: string): SourceDocument {
  if (text.length > DOCUMENT_LIMITS.maxYamlBytes) {
    throw unreadableInput(
      source,
      `YAML input larger than ${DOCUMENT_LIMITS.maxYamlBytes / 1024 / 1024} MiB (give large inputs as JSON, e.g. --output json)`,
    );
  }
  const lineCounter = new LineCounter();
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const { doc, second } = composeFirst(source, text, lineCounter, at);
  const error = doc.errors[0];
  if (error) throw unreadableInput(source, yamlReason(error.code, error.message), at(error.pos[0]));
  if (second !== undefined) throw unreadableInput(source, yamlReason('MULTIPLE_DOCS', ''), at(second));
  const converter = new Converter(text, source, at);
  const value = converter.convert(doc.contents, 0);
  const positions: PositionSource = {
    positionOf: (path) => at(converter.offsetOf(value, path)),
  };
  const duplicates = { first: converter.duplicates, count: converter.duplicateCount };
  return {
    source,
    syntax: 'yaml',
    value,
    locator: (path: JsonPath): Locator => makeLocator(source, path, 0, positions),
    duplicateKeys: () => duplicates,
  };
}

/**
 * What the package's `parseDocument` does (lexer → parser → composer), with the parser's depth
 * watched token by token, so nesting is refused before it costs memory or stack. Returns the
 * first document, and where a second one starts, if there is one.
 */
function composeFirst(
  source: string,
  text: string,
  lineCounter: LineCounter,
  at: (offset: number) => Position,
): { doc: Document.Parsed; second?: number } {
  const parser = new Parser(lineCounter.addNewLine);
  function* tokens() {
    lineCounter.addNewLine(0);
    for (const lexeme of new Lexer().lex(text)) {
      yield* parser.next(lexeme);
      if (parser.stack.length > MAX_PARSER_STACK) {
        throw unreadableInput(
          source,
          `nesting deeper than ${DOCUMENT_LIMITS.maxDepth} levels`,
          at(parser.offset),
        );
      }
    }
    yield* parser.end();
  }
  const composer = new Composer({ customTags: CUSTOM_TAGS, uniqueKeys: false });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens(), true, text.length)) {
    if (doc) return { doc, second: next.range[0] };
    doc = next;
  }
  // compose(…, forceDoc) always ends with a document
  return { doc: doc! };
}

function yamlReason(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'the file holds more than one YAML document';
  if (/call stack/i.test(message)) return `nesting deeper than the YAML parser can follow`;
  return message.charAt(0).toLowerCase() + message.slice(1).replace(/\.$/, '');
}

/** Builds plain values from YAML nodes, recording offsets and bounding depth and alias expansion. */
class Converter {
  private readonly offsets: Offsets = new WeakMap();
  private aliasNodes = 0;
  private insideAlias = 0;
  private rootOffset = 0;
  /** The node each anchor names so far (a later anchor of the same name replaces it, as YAML says). */
  private readonly anchors = new Map<string, YamlNode>();
  /** The path of the value being converted (keys and indexes), for duplicate keys. */
  private readonly path: (string | number)[] = [];
  /** Repeated keys met outside alias expansions (an alias repeats its anchor's, already counted). */
  readonly duplicates: DuplicateKey[] = [];
  duplicateCount = 0;

  constructor(
    private readonly text: string,
    private readonly source: string,
    private readonly at: (offset: number) => Position,
  ) {}

  offsetOf(root: unknown, path: JsonPath): number {
    let offset = this.rootOffset;
    let current = root;
    for (const segment of path) {
      const map = typeof current === 'object' && current !== null ? this.offsets.get(current) : undefined;
      const next = map?.get(segment);
      if (next === undefined) break;
      offset = next;
      current = (current as Record<string | number, unknown>)[segment];
    }
    return offset;
  }

  convert(node: unknown, depth: number): unknown {
    if (node === null || node === undefined) return null;
    if (depth === 0) this.rootOffset = this.offset(node as YamlNode);
    if (depth > DOCUMENT_LIMITS.maxDepth)
      this.fail(node as YamlNode, `nesting deeper than ${DOCUMENT_LIMITS.maxDepth} levels`);
    if (this.insideAlias > 0 && ++this.aliasNodes > DOCUMENT_LIMITS.maxAliasNodes) {
      this.fail(node as YamlNode, `aliases expand to more than ${DOCUMENT_LIMITS.maxAliasNodes} nodes`);
    }
    if (isAlias(node)) return this.convertAlias(node, depth);
    this.anchor(node as YamlNode);
    const tag = (node as YamlNode).tag;
    const long = tag === undefined ? undefined : SHORT_FORM_TAGS[tag];
    if (long !== undefined) this.path.push(long);
    const plain = this.plain(node, depth);
    if (long === undefined) return plain;
    this.path.pop();
    const offset = this.offset(node as YamlNode);
    const argument = long === 'Fn::GetAtt' && typeof plain === 'string' ? splitGetAtt(plain) : plain;
    if (argument !== plain)
      this.offsets.set(
        argument as string[],
        new Map([
          [0, offset],
          [1, offset],
        ]),
      );
    const intrinsic = {};
    define(intrinsic, long, argument);
    this.offsets.set(intrinsic, new Map([[long, offset]]));
    return intrinsic;
  }

  private plain(node: unknown, depth: number): unknown {
    if (isScalar(node)) {
      const { value, source } = node as { value: unknown; source?: string };
      // keep numbers as written when the number would change them (an account id `012345678901`)
      if (typeof value === 'number' && source !== undefined && String(value) !== source) return source;
      return typeof value === 'bigint' ? String(value) : value;
    }
    if (isSeq(node)) {
      const items: unknown[] = [];
      const offsets = new Map<number, number>();
      node.items.forEach((item, i) => {
        this.path.push(i);
        items.push(this.convert(item, depth + 1));
        this.path.pop();
        offsets.set(i, this.offset(item as YamlNode));
      });
      this.offsets.set(items, offsets);
      return items;
    }
    if (isMap(node)) {
      const object: Record<string, unknown> = {};
      const offsets = new Map<string, number>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = this.key(pair.key);
        if (offsets.has(key)) this.duplicate(pair.key as YamlNode, key);
        this.path.push(key);
        define(object, key, this.convert(pair.value, depth + 1));
        this.path.pop();
        offsets.set(
          key,
          pair.value ? this.offset(pair.value as YamlNode) : this.offset(pair.key as YamlNode),
        );
      }
      this.offsets.set(object, offsets);
      return object;
    }
    return null;
  }

  /** Records a repeated key (the later value replaces the earlier, as CloudFormation reads it). */
  private duplicate(keyNode: YamlNode, key: string): void {
    if (this.insideAlias > 0) return;
    this.duplicateCount++;
    if (this.duplicates.length >= MAX_DUPLICATE_KEYS) return;
    const { line, column } = this.at(this.offset(keyNode));
    this.duplicates.push({ path: [...this.path, key], line, column });
  }

  /** Remembers a node's anchor, outside alias expansions (those nodes were met where they stand). */
  private anchor(node: YamlNode): void {
    const name = (node as { anchor?: string }).anchor;
    if (name !== undefined && this.insideAlias === 0) this.anchors.set(name, node);
  }

  /** The node an alias names: the last anchor of that name before it (a map lookup, not a document walk). */
  private target(alias: Alias): YamlNode {
    const target = this.anchors.get(alias.source);
    if (!target) this.fail(alias, `unknown alias *${alias.source}`);
    return target;
  }

  private convertAlias(alias: Alias, depth: number): unknown {
    const target = this.target(alias);
    this.insideAlias++;
    try {
      return this.convert(target, depth + 1);
    } finally {
      this.insideAlias--;
    }
  }

  private key(node: unknown): string {
    if (node === null || node === undefined) return '';
    if (isScalar(node)) {
      this.anchor(node);
      return String(node.value ?? '');
    }
    if (isAlias(node)) return this.key(this.target(node));
    return this.fail(node as YamlNode, 'a mapping key must be a plain value');
  }

  /** The offset of a node's value, or of its tag (`!Ref`) when it has one. */
  private offset(node: YamlNode | null | undefined): number {
    const start = node?.range?.[0] ?? 0;
    const tag = node?.tag;
    if (tag?.startsWith('!')) {
      const at = this.text.lastIndexOf(tag, start);
      if (at !== -1 && start - at <= tag.length + 16) return at;
    }
    return start;
  }

  private fail(node: YamlNode, reason: string): never {
    throw unreadableInput(this.source, reason, this.at(this.offset(node)));
  }
}

/** Sets an own property, so a key such as `__proto__` stays data. */
function define(object: object, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `!GetAtt Resource.Attribute` (the attribute may itself contain dots). */
function splitGetAtt(text: string): string[] {
  const dot = text.indexOf('.');
  return dot === -1 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}
