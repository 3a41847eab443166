/**
 * `Fn::ForEach` of the `AWS::LanguageExtensions` transform, expanded as CloudFormation does before
 * anything else reads the template: each `Fn::ForEach::Name: [Identifier, Collection, {OutputKey:
 * OutputValue}]` in a mapping becomes one OutputKey per item, with `${Identifier}` and
 * `&{Identifier}` (the item without non-alphanumerics) in the key replaced, and in the value every
 * `Ref: Identifier` and every `${Identifier}` of an `Fn::Sub` string. Loops nest.
 *
 * The expanded document keeps positions: a value that came out of a loop is located where the
 * loop writes it. A collection that is only known at deploy time cannot be expanded offline; it
 * is reported (INPUT_NOT_EXAMINED), never left out quietly.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-foreach.html
 */

import type { JsonPath, SourceDocument } from './document.js';
import { isRecord, own, ownRecord } from './fields.js';

const PREFIX = 'Fn::ForEach::';
/** Items produced by all loops of one template, at most (a hostile template cannot multiply without end). */
export const MAX_FOREACH_ITEMS = 10_000;
/** Values the expanded template may hold, at most: nested loops multiply, and this bounds the memory they take. */
export const MAX_EXPANDED_NODES = 2_000_000;

/** A loop that could not be expanded, and why. */
export interface UnexpandedLoop {
  readonly path: JsonPath;
  readonly reason: string;
}

/** Whether a template declares the language extensions transform. */
export function usesLanguageExtensions(template: unknown): boolean {
  const transform = own(template, 'Transform');
  const list = Array.isArray(transform) ? transform : [transform];
  return list.some((t) => t === 'AWS::LanguageExtensions');
}

/**
 * The document with every `Fn::ForEach` expanded (the same document when there is none), and
 * the loops that could not be. `parameters` are the `--parameter` values (a collection is often
 * a CommaDelimitedList parameter).
 */
export function expandForEach(
  doc: SourceDocument,
  parameters: Readonly<Record<string, string>>,
): { doc: SourceDocument; unexpanded: UnexpandedLoop[] } {
  if (!usesLanguageExtensions(doc.value)) return { doc, unexpanded: [] };
  const expander = new Expander(ownRecord(doc.value, 'Parameters'), parameters);
  const value = expander.walk(doc.value, [], []);
  if (!expander.changed) return { doc, unexpanded: expander.unexpanded };
  const origins = expander.origins;
  const locator = (path: JsonPath) => doc.locator(originalPath(path, origins));
  return { doc: { ...doc, value, locator }, unexpanded: expander.unexpanded };
}

/** Maps an expanded path back to where the text writes it. */
function originalPath(path: JsonPath, origins: ReadonlyMap<string, JsonPath>): JsonPath {
  if (origins.size === 0) return path;
  let out: (string | number)[] = [];
  for (let i = 0; i < path.length; i++) {
    const origin = origins.get(pathKey(path.slice(0, i + 1)));
    if (origin) out = [...origin];
    else out.push(path[i]!);
  }
  return out;
}

const pathKey = (path: JsonPath): string => JSON.stringify(path);

class Expander {
  changed = false;
  readonly unexpanded: UnexpandedLoop[] = [];
  /** Expanded path → the path of the value in the text. */
  readonly origins = new Map<string, JsonPath>();
  private items = 0;
  private nodes = 0;

  constructor(
    private readonly declared: Record<string, unknown> | undefined,
    private readonly parameters: Readonly<Record<string, string>>,
  ) {}

  /** `node` at expanded path `at`, written at `origin` in the text. */
  walk(node: unknown, at: JsonPath, origin: JsonPath): unknown {
    this.nodes++;
    if (Array.isArray(node)) return node.map((item, i) => this.walk(item, [...at, i], [...origin, i]));
    if (!isRecord(node)) return node;
    if (!Object.keys(node).some((k) => k.startsWith(PREFIX))) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) out[k] = this.walk(v, [...at, k], [...origin, k]);
      return out;
    }
    this.changed = true;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (!k.startsWith(PREFIX)) {
        out[k] = this.walk(v, [...at, k], [...origin, k]);
        continue;
      }
      this.loop(v, [...origin, k], at, out);
    }
    return out;
  }

  /** Expands one loop into `out` (the mapping that held it). */
  private loop(spec: unknown, origin: JsonPath, at: JsonPath, out: Record<string, unknown>): void {
    const fail = (reason: string) => this.unexpanded.push({ path: origin, reason });
    if (!Array.isArray(spec) || spec.length !== 3 || typeof spec[0] !== 'string' || !isRecord(spec[2])) {
      fail('Fn::ForEach takes [Identifier, Collection, {OutputKey: OutputValue}]');
      return;
    }
    const [identifier, collection, template] = spec as [string, unknown, Record<string, unknown>];
    const items = this.collection(collection);
    if (typeof items === 'string') {
      fail(items);
      return;
    }
    this.items += items.length;
    if (this.items > MAX_FOREACH_ITEMS) {
      fail(`the loops make more than ${MAX_FOREACH_ITEMS} items`);
      return;
    }
    for (const item of items) {
      if (this.nodes > MAX_EXPANDED_NODES) {
        fail(`the expanded template would hold more than ${MAX_EXPANDED_NODES} values`);
        return;
      }
      for (const [keyTemplate, valueTemplate] of Object.entries(template)) {
        const key = substituteKey(keyTemplate, identifier, item);
        const written = [...origin, 2, keyTemplate];
        const value = substitute(valueTemplate, identifier, item);
        if (key.startsWith(PREFIX)) {
          // a loop inside the loop: it expands into the same mapping
          this.loop(value, written, at, out);
          continue;
        }
        this.origins.set(pathKey([...at, key]), written);
        out[key] = this.walk(value, [...at, key], written);
      }
    }
  }

  /** The loop's items, or why they are unknown offline. */
  private collection(raw: unknown): string[] | string {
    if (Array.isArray(raw)) {
      return raw.every((v) => typeof v === 'string' || typeof v === 'number')
        ? raw.map(String)
        : 'the collection holds values computed at deploy time';
    }
    const ref = isRecord(raw) ? own(raw, 'Ref') : undefined;
    if (typeof ref === 'string') {
      if (Object.hasOwn(this.parameters, ref)) return splitList(this.parameters[ref]!);
      const fallback = own(ownRecord(this.declared, ref), 'Default');
      if (typeof fallback === 'string') return splitList(fallback);
      if (Array.isArray(fallback) && fallback.every((v) => typeof v === 'string'))
        return fallback as string[];
      return `the collection is parameter ${ref}, which has no value (give --parameter ${ref}=a,b,c)`;
    }
    return 'the collection is computed at deploy time';
  }
}

const splitList = (text: string): string[] => text.split(',').map((s) => s.trim());

/** `${Id}` → item, `&{Id}` → item without non-alphanumerics (CloudFormation's rule for logical ids). */
function substituteKey(key: string, identifier: string, item: string): string {
  return key
    .split(`\${${identifier}}`)
    .join(item)
    .split(`&{${identifier}}`)
    .join(item.replace(/[^A-Za-z0-9]/g, ''));
}

/** The value with `Ref: Identifier` and the `${Identifier}` of `Fn::Sub` strings replaced by the item. */
function substitute(node: unknown, identifier: string, item: string): unknown {
  if (Array.isArray(node)) return node.map((v) => substitute(v, identifier, item));
  if (!isRecord(node)) return node;
  const keys = Object.keys(node);
  if (keys.length === 1 && keys[0] === 'Ref' && node.Ref === identifier) return item;
  if (keys.length === 1 && keys[0] === 'Fn::Sub') {
    const arg = node['Fn::Sub'];
    const text = (s: unknown) => (typeof s === 'string' ? s.split(`\${${identifier}}`).join(item) : s);
    if (typeof arg === 'string') return { 'Fn::Sub': text(arg) };
    if (Array.isArray(arg)) return { 'Fn::Sub': [text(arg[0]), substitute(arg[1], identifier, item)] };
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node))
    out[substituteKey(k, identifier, item)] = substitute(v, identifier, item);
  return out;
}
