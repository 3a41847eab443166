/**
 * Where resource blocks and their arguments are in Terraform `.tf` (HCL native syntax) text:
 * enough to point a finding at `resource "aws_cloudfront_distribution" "this" {`, at a nested
 * `viewer_certificate {` block and at an `acm_certificate_arn =` line. Not a parser: it skips
 * strings (with `${...}` templates), comments and heredocs, and follows braces. Input is
 * untrusted: malformed text gives what was found before the damage, never an exception, and the
 * work is linear in the text (nesting is bounded).
 * https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md
 */

import { LineIndex, type Position } from './positions.js';

/** One `resource "TYPE" "NAME" { ... }` block and what is inside it. */
export interface HclResource {
  /** Where the `resource` keyword is. */
  readonly position: Position;
  /**
   * Nested blocks (`viewer_certificate[0]`, counted per name, `dynamic "x"` counted as `x`) and
   * arguments (`aliases`, `viewer_certificate[0].acm_certificate_arn`) by their path.
   */
  readonly parts: ReadonlyMap<string, Position>;
  /** Where its closing brace is (set when the scan reaches it; absent when the text ends inside the block). */
  end?: Position;
}

/** Blocks nested deeper than this are not looked into (real configurations nest about six). */
export const MAX_HCL_NESTING = 64;
/** Template interpolations nested deeper than this end the scan of the file. */
const MAX_TEMPLATE_NESTING = 32;

type Kind = 'ident' | 'string' | 'lbrace' | 'rbrace' | 'eq' | 'nl' | 'open' | 'close' | 'other';

interface Token {
  readonly kind: Kind;
  readonly start: number;
  /** A string's text when it has no escapes or templates (labels are such strings). */
  readonly text?: string;
}

/** Malformed text the scanner cannot go past: what was read before it stands. */
class Stop extends Error {}

const isIdentStart = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
const isIdent = (c: number) => isIdentStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d;

/** The tokens of `text` that the block structure needs, in one pass. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  const push = (kind: Kind, start: number, extra?: { text: string }) => {
    tokens.push(extra ? { kind, start, ...extra } : { kind, start });
  };
  /** Skips a quoted string starting at the quote; returns the index after it. */
  const quoted = (from: number, depth: number): number => {
    let j = from + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 0x5c /* \ */) j += 2;
      else if (c === 0x22 /* " */) return j + 1;
      else if (c === 0x0a)
        return j; // strings end at the line: recover there
      else if ((c === 0x24 || c === 0x25) /* $ % */ && text.charCodeAt(j + 1) === 0x7b) {
        if (text.charCodeAt(j - 1) === c)
          j += 2; // `$${` and `%%{` are literal
        else j = template(j + 2, depth + 1);
      } else j++;
    }
    return n;
  };
  /** Skips a `${ ... }` body (strings inside included); returns the index after its `}`. */
  const template = (from: number, depth: number): number => {
    if (depth > MAX_TEMPLATE_NESTING) throw new Stop();
    let braces = 0;
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 0x22) j = quoted(j, depth);
      else if (c === 0x7b) {
        braces++;
        j++;
      } else if (c === 0x7d) {
        if (braces === 0) return j + 1;
        braces--;
        j++;
      } else j++;
    }
    return n;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      push('nl', i);
      i++;
    } else if (c === 0x20 || c === 0x09 || c === 0x0d) i++;
    else if (c === 0x23 /* # */ || (c === 0x2f && text.charCodeAt(i + 1) === 0x2f)) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? n : end;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* /* */) {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) return tokens;
      // a comment spanning lines still ends the statement it is in
      for (let k = i; k < end; k++) {
        if (text.charCodeAt(k) === 0x0a) {
          push('nl', i);
          break;
        }
      }
      i = end + 2;
    } else if (c === 0x22) {
      const end = quoted(i, 0);
      const body = text.slice(i + 1, Math.max(i + 1, end - 1));
      const simple = text.charCodeAt(end - 1) === 0x22 && !/[\\$%]/.test(body);
      push('string', i, simple ? { text: body } : undefined);
      i = end;
    } else if (c === 0x3c && text.charCodeAt(i + 1) === 0x3c /* << */) {
      const m = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(text.slice(i, i + 260));
      if (!m) {
        push('other', i);
        i += 2;
        continue;
      }
      // the heredoc runs to the first line holding only its marker (indented or not)
      const end = heredocEnd(text, i + m[0].length, m[1]!);
      push('string', i);
      if (end === -1) return tokens;
      i = end;
    } else if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdent(text.charCodeAt(j))) j++;
      push('ident', i, { text: text.slice(i, j) });
      i = j;
    } else if (c === 0x7b) {
      push('lbrace', i);
      i++;
    } else if (c === 0x7d) {
      push('rbrace', i);
      i++;
    } else if (c === 0x28 || c === 0x5b) {
      push('open', i);
      i++;
    } else if (c === 0x29 || c === 0x5d) {
      push('close', i);
      i++;
    } else if (c === 0x3d /* = */) {
      const next = text.charCodeAt(i + 1);
      const prev = text.charCodeAt(i - 1);
      // `==`, `=>`, `<=`, `>=`, `!=` are operators, not an argument's `=`
      const operator = next === 0x3d || next === 0x3e || prev === 0x3c || prev === 0x3e || prev === 0x21;
      push(operator ? 'other' : 'eq', i);
      i += next === 0x3d || next === 0x3e ? 2 : 1;
    } else {
      push('other', i);
      i++;
    }
  }
  return tokens;
}

/** The index of the line end after the line that holds only `marker`, searching from `from`; -1 when none does. */
function heredocEnd(text: string, from: number, marker: string): number {
  let start = from;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    if (end - start >= marker.length && end - start <= marker.length + 64) {
      const line = text.slice(start, end).trim();
      if (line === marker) return end;
    }
    if (nl === -1) return -1;
    start = nl + 1;
  }
  return -1;
}

/** A block being read: its path inside the resource and how many nested blocks of each name it has. */
interface Frame {
  readonly resource: { readonly key: string; readonly parts: Map<string, Position> } | undefined;
  readonly path: string;
  readonly counts: Map<string, number>;
  /** `dynamic "x"` blocks: their `content` block is the block itself. */
  readonly dynamic: boolean;
}

/**
 * The resource blocks of one `.tf` text by `TYPE.NAME` (the first declaration of a name wins, as
 * Terraform refuses a second). Never throws.
 */
export function locateHclResources(text: string): Map<string, HclResource> {
  const found = new Map<string, HclResource>();
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return found;
  }
  const lines = new LineIndex(text);
  const stack: Frame[] = [{ resource: undefined, path: '', counts: new Map(), dynamic: false }];
  /** The index after the expression starting at `i`: its line's end, at bracket depth 0. */
  const skipExpression = (from: number): number => {
    let depth = 0;
    let i = from;
    for (; i < tokens.length; i++) {
      const k = tokens[i]!.kind;
      if (k === 'open' || k === 'lbrace') depth++;
      else if (k === 'close') depth = Math.max(0, depth - 1);
      else if (k === 'rbrace') {
        if (depth === 0) return i; // `name { a = 1 }` on one line: the block's end
        depth--;
      } else if (k === 'nl' && depth === 0) return i + 1;
    }
    return i;
  };
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const frame = stack.at(-1)!;
    if (t.kind === 'nl') {
      i++;
      continue;
    }
    if (t.kind === 'rbrace') {
      // a top-level resource block closes: its extent bounds the comments that belong to it
      if (stack.length === 2 && frame.resource) found.get(frame.resource.key)!.end = lines.position(t.start);
      if (stack.length > 1) stack.pop();
      i++;
      continue;
    }
    if (t.kind === 'ident' && tokens[i + 1]?.kind === 'eq') {
      if (frame.resource) {
        const key = frame.path ? `${frame.path}.${t.text}` : t.text!;
        if (!frame.resource.parts.has(key)) frame.resource.parts.set(key, lines.position(t.start));
      }
      i = skipExpression(i + 2);
      continue;
    }
    if (t.kind === 'ident') {
      const labels: (string | undefined)[] = [];
      let j = i + 1;
      while (tokens[j]?.kind === 'string' || tokens[j]?.kind === 'ident') labels.push(tokens[j++]!.text);
      if (tokens[j]?.kind === 'lbrace') {
        if (stack.length > MAX_HCL_NESTING) return found;
        stack.push(openBlock(frame, t, labels, lines, found, stack.length === 1));
        i = j + 1;
        continue;
      }
    }
    i = skipExpression(i);
  }
  return found;
}

function openBlock(
  parent: Frame,
  t: Token,
  labels: readonly (string | undefined)[],
  lines: LineIndex,
  found: Map<string, HclResource>,
  topLevel: boolean,
): Frame {
  const name = t.text!;
  if (topLevel) {
    const [type, label] = labels;
    if (name !== 'resource' || labels.length !== 2 || type === undefined || label === undefined) {
      return { resource: undefined, path: '', counts: new Map(), dynamic: false };
    }
    const key = `${type}.${label}`;
    if (found.has(key)) return { resource: undefined, path: '', counts: new Map(), dynamic: false };
    const parts = new Map<string, Position>();
    found.set(key, { position: lines.position(t.start), parts });
    return { resource: { key, parts }, path: '', counts: new Map(), dynamic: false };
  }
  if (!parent.resource) return { resource: undefined, path: '', counts: new Map(), dynamic: false };
  if (parent.dynamic && name === 'content') return { ...parent, counts: new Map(), dynamic: false };
  const dynamic = name === 'dynamic' && labels.length === 1 && labels[0] !== undefined;
  const blockName = dynamic ? labels[0]! : name;
  const n = parent.counts.get(blockName) ?? 0;
  parent.counts.set(blockName, n + 1);
  const path = `${parent.path ? `${parent.path}.` : ''}${blockName}[${n}]`;
  if (!parent.resource.parts.has(path)) parent.resource.parts.set(path, lines.position(t.start));
  return { resource: parent.resource, path, counts: new Map(), dynamic };
}

/**
 * The position of the deepest part of `resource` that `keys` (a plan value path such as
 * `viewer_certificate`, 0, `acm_certificate_arn`, or `aliases`, 2) names, else of the block.
 */
export function partPosition(resource: HclResource, keys: readonly (string | number)[]): Position {
  let best = resource.position;
  let path = '';
  for (const k of keys) {
    if (typeof k === 'string') {
      path = path ? `${path}.${k}` : k;
      const at = resource.parts.get(path);
      if (at) best = at;
      continue;
    }
    const at = resource.parts.get(`${path}[${k}]`);
    if (!at) break; // an element of a list argument: the argument's position stands
    path = `${path}[${k}]`;
    best = at;
  }
  return best;
}
