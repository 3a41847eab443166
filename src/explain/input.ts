/**
 * The pasted text as the patterns see it. Inputs are untrusted and often mangled on the way:
 * Windows line endings, curly quotes from a chat client, JSON string escapes from a
 * CloudFormation event, Terraform's `│ ` diagnostic gutter. Normalising once keeps every
 * pattern simple (and every pattern bounded: see `phrase`).
 */

/** The most text `explain` reads (64 KiB); the rest is ignored and the result says so. */
export const MAX_EXPLAIN_INPUT = 64 * 1024;

/** Normalised input and whether the original was cut at {@link MAX_EXPLAIN_INPUT}. */
interface NormalisedInput {
  readonly text: string;
  readonly truncated: boolean;
}

/** Normalises pasted text: caps its length, unifies line ends, quotes and escapes. */
export function normaliseInput(input: string): NormalisedInput {
  const truncated = input.length > MAX_EXPLAIN_INPUT;
  const text = (truncated ? input.slice(0, MAX_EXPLAIN_INPUT) : input)
    .replace(/\r\n?/g, '\n')
    // JSON-escaped text (CloudFormation events, `aws ... --output json`): one level is enough.
    .replace(/\\r\\n|\\n/g, '\n')
    .replace(/\\"/g, '"')
    .replace(/\\u0027/gi, "'")
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u00a0/g, ' ')
    // Terraform's diagnostic gutter, so a wrapped message reads as one sentence.
    .replace(/^[ \t]*│[ \t]?/gm, '')
    // a GitHub or mail quote ('> ' before each line), so a message wrapped inside one reads on
    .replace(/^[ \t]*(?:>[ \t]?)+/gm, '');
  return { text: decodeHtmlEntities(text), truncated };
}

/** A function from an offset to its 1-based line number, built once per text. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const EXCERPT_MAX = 240;

/**
 * The line(s) around a match with whitespace collapsed, at most 240 characters, so a reader
 * sees the message as it was printed.
 */
export function excerptOf(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const lineEnd = nl === -1 ? text.length : nl;
  const from = lineEnd - lineStart > EXCERPT_MAX ? Math.max(lineStart, start - 40) : lineStart;
  const raw = text.slice(from, Math.min(lineEnd, from + EXCERPT_MAX * 2));
  const collapsed = raw.replace(/\s+/g, ' ').trim();
  const head = from > lineStart ? '…' : '';
  return collapsed.length > EXCERPT_MAX
    ? `${head}${collapsed.slice(0, EXCERPT_MAX - 1)}…`
    : `${head}${collapsed}`;
}

/**
 * A regex source for a fixed phrase: special characters escaped, any run of spaces matching any
 * run of whitespace (a wrapped line), and `n't` also matching ` not`. The result has no nested
 * quantifiers, so it runs in linear time on any input.
 */
export function phrase(text: string): string {
  return text
    .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    .replace(/n't\b/g, "(?:n't|\\s+not)")
    .replace(/ +/g, '\\s+');
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * Text copied from a web page or an HTML-escaped log (`doesn&#39;t cover`, `cert&#x27;s
 * altnames`): its entities decoded once, so the patterns read the words. An entity that is not
 * one stays as written.
 */
function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,5});/gi, (whole, body: string) => {
    if (body[0] !== '#') return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
    const code =
      body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    // control characters and what is no code point are not made up from an entity
    return code >= 0x20 && code <= 0x10ffff && code !== 0x7f ? String.fromCodePoint(code) : whole;
  });
}
