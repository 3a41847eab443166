/**
 * The first syntax error in JSON text (RFC 8259), with its offset. Runs only after JSON.parse
 * has refused the text, to say where and why in words that do not depend on the V8 version.
 * Iterative, so hostile nesting cannot overflow the stack.
 */

/** A syntax error: where, and a lower-case message. */
interface JsonSyntaxError {
  readonly offset: number;
  readonly message: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z0-9_$]+/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;

class Fail {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** Returns the first syntax error in `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  try {
    scan(text);
    return undefined;
  } catch (e) {
    if (e instanceof Fail) return { offset: e.offset, message: e.message };
    throw e;
  }
}

function scan(text: string): void {
  const stack: ('{' | '[')[] = [];
  let i = 0;
  for (;;) {
    // a value is expected at i
    i = space(text, i);
    const c = text[i];
    if (c === '{') {
      i = space(text, i + 1);
      if (text[i] === '}') i++;
      else {
        stack.push('{');
        i = memberName(text, i);
        continue;
      }
    } else if (c === '[') {
      i = space(text, i + 1);
      if (text[i] === ']') i++;
      else {
        stack.push('[');
        continue;
      }
    } else i = scalar(text, i);
    // after a value: close containers, or move on to the next member or element
    for (;;) {
      i = space(text, i);
      const top = stack.at(-1);
      if (top === undefined) {
        if (i < text.length) throw new Fail(i, `unexpected ${describe(text, i)} after the JSON value`);
        return;
      }
      const d = text[i];
      if (d === ',') {
        i = top === '{' ? memberName(text, space(text, i + 1)) : i + 1;
        break;
      }
      if ((top === '{' && d === '}') || (top === '[' && d === ']')) {
        stack.pop();
        i++;
        continue;
      }
      throw new Fail(
        i,
        top === '{'
          ? `expected ',' or '}' after a property value, found ${describe(text, i)}`
          : `expected ',' or ']' after an array element, found ${describe(text, i)}`,
      );
    }
  }
}

/** Reads `"name" :` at i; returns the offset after the colon. */
function memberName(text: string, i: number): number {
  if (text[i] !== '"')
    throw new Fail(i, `expected a property name in double quotes, found ${describe(text, i)}`);
  i = space(text, string(text, i));
  if (text[i] !== ':') throw new Fail(i, `expected ':' after a property name, found ${describe(text, i)}`);
  return i + 1;
}

function scalar(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return string(text, i);
  if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
    NUMBER.lastIndex = i;
    if (!NUMBER.test(text)) throw new Fail(i, 'invalid number');
    return NUMBER.lastIndex;
  }
  for (const literal of ['true', 'false', 'null']) if (text.startsWith(literal, i)) return i + literal.length;
  throw new Fail(i, `unexpected ${describe(text, i)}`);
}

function string(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) throw new Fail(i, 'control character in a string (escape it)');
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e === 'u') {
        if (!HEX4.test(text.slice(i + 2, i + 6))) throw new Fail(i, 'invalid \\u escape in a string');
        i += 5;
      } else if (e !== undefined && ESCAPES.has(e)) i++;
      else throw new Fail(i, 'invalid escape sequence in a string');
    }
  }
  throw new Fail(start, 'unterminated string');
}

function space(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    i++;
  }
  return i;
}

/** What stands at i, for a message: `end of input`, `token '}'`, `token 'foo'`. */
function describe(text: string, i: number): string {
  if (i >= text.length) return 'end of input';
  WORD.lastIndex = i;
  const word = WORD.exec(text)?.[0];
  const token = word ? word.slice(0, 20) : String.fromCodePoint(text.codePointAt(i)!);
  const shown = /[\u0000-\u001f]/.test(token) ? JSON.stringify(token).slice(1, -1) : token;
  return `token '${shown}'`;
}
