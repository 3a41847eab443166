/**
 * `explain(text)`: finds every error the text holds and returns, for each, what it means, what
 * the message says (host, SANs, ARN, ...), the likely causes in order and the commands that tell
 * them apart. Pure: no I/O, no clock, the same answer for the same text.
 *
 * Steps: normalise the text → run every pattern (each bounded) → drop matches inside a longer
 * or higher-priority one (curl's "SSL certificate problem: X" contains OpenSSL's "X") → join a
 * bare code to the message printed next to it → add what the surrounding text says → merge
 * repeats → diagnose → re-rank the causes by the evidence in the rest of the paste → say
 * what to paste next when nothing settles them.
 */

import { cloudfrontContext, scanFacts, type TextFacts, tlsContext } from './context.js';
import { weighEvidence } from './evidence/index.js';
import { excerptOf, lineIndex, normaliseInput } from './input.js';
import { nextStep } from './next.js';
import type { Extraction, Pattern } from './pattern.js';
import { PATTERNS } from './patterns/index.js';
import type { ExplainClient, ExplainMatch, Explanation, Extracted } from './types.js';

/** At most this many matches per pattern are read (a hostile text may repeat one thousands of times). */
const MAX_PER_PATTERN = 200;
/** At most this many matches are returned; the rest are counted in `omitted`. */
export const MAX_MATCHES = 50;

interface Candidate {
  readonly pattern: Pattern;
  readonly priority: number;
  readonly start: number;
  readonly end: number;
  extraction: Extraction;
}

function scan(text: string): Candidate[] {
  const out: Candidate[] = [];
  PATTERNS.forEach((pattern, priority) => {
    const re = pattern.regex;
    re.lastIndex = 0;
    let count = 0;
    for (let m = re.exec(text); m !== null && count < MAX_PER_PATTERN; m = re.exec(text), count++) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const extraction = pattern.extract?.(m, text) ?? {};
      out.push({ pattern, priority, start: m.index, end: m.index + m[0].length, extraction });
    }
    re.lastIndex = 0;
  });
  return out;
}

/**
 * Keeps a match unless an earlier-starting, longer or higher-priority match covers its whole
 * span. Sorted by start, a match is covered exactly when some kept match ends at or after it.
 */
function dropContained(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.priority - b.priority);
  const kept: Candidate[] = [];
  let maxEnd = -1;
  for (const c of candidates) {
    if (c.end <= maxEnd) continue;
    kept.push(c);
    maxEnd = c.end;
  }
  return kept;
}

const clientOf = (c: Candidate): ExplainClient | undefined => c.extraction.client ?? c.pattern.client;

/** Joins each bare code to the nearest message with the same key; a code without one stays. */
function absorbBareCodes(candidates: readonly Candidate[]): Candidate[] {
  const messages = candidates.filter((c) => !c.pattern.bareCode);
  const absorbed = new Set<Candidate>();
  for (const code of candidates) {
    if (!code.pattern.bareCode) continue;
    let best: Candidate | undefined;
    for (const m of messages) {
      if (m.pattern.key !== code.pattern.key) continue;
      if (!best || Math.abs(m.start - code.start) < Math.abs(best.start - code.start)) best = m;
    }
    if (!best) continue;
    const client = clientOf(best) ?? clientOf(code);
    best.extraction = { ...code.extraction, ...best.extraction, ...(client ? { client } : {}) };
    absorbed.add(code);
  }
  return candidates.filter((c) => !absorbed.has(c));
}

/** The extracted values: the context first, the pattern's own reading over it. */
function extractedOf(c: Candidate, facts: TextFacts): { extracted: Extracted; client?: ExplainClient } {
  const context: Extraction =
    c.pattern.source === 'cloudfront'
      ? cloudfrontContext(facts, c.start, c.end)
      : c.pattern.source === 'tls-client'
        ? tlsContext(facts, c.start, c.end)
        : {};
  const { client: own, ...fromPattern } = c.extraction;
  const { client: guessed, ...fromContext } = context;
  const client = own ?? c.pattern.client ?? guessed;
  const merged: Record<string, unknown> = { ...fromContext, ...fromPattern };
  for (const key of Object.keys(merged))
    if (merged[key] === undefined || merged[key] === '') delete merged[key];
  return { extracted: merged as Extracted, ...(client ? { client } : {}) };
}

/** What comes right before an error on its line: a word or sign that says it is one. */
const ERROR_SIGN =
  /(?:error|fail(?:ed|ure)?|problem|reason|exception|verify|ssl|tls|x509|code|warn(?:ing)?)\W{0,12}$|[:=([>'"]\s{0,4}$/i;

/** A prose-prone match with nothing before it on its line that marks an error. */
function inProse(c: Candidate, text: string): boolean {
  if (!c.pattern.prose) return false;
  const lineStart = text.lastIndexOf('\n', c.start - 1) + 1;
  const before = text.slice(Math.max(lineStart, c.start - 80), c.start);
  return before.trim() !== '' && !ERROR_SIGN.test(before);
}

interface Seen {
  readonly candidate: Candidate;
  read: ReturnType<typeof extractedOf>;
  count: number;
  /** The line it was last seen on: one message spelled several ways on a line (name, hex, text) counts once. */
  line: number;
}

/** Two readings of one error: every value the poorer one has, the fuller one has too. */
function sameError(a: Extracted, b: Extracted): boolean {
  const [small, large] = Object.keys(a).length <= Object.keys(b).length ? [a, b] : [b, a];
  const big = large as Record<string, unknown>;
  return Object.entries(small).every(([k, v]) => JSON.stringify(v) === JSON.stringify(big[k]));
}

function toMatch(
  c: Candidate,
  seen: { extracted: Extracted; client?: ExplainClient },
  facts: TextFacts,
  line: number,
): ExplainMatch {
  const { extracted, client } = seen;
  const d = c.pattern.diagnose(extracted);
  return {
    id: c.pattern.id,
    title: c.pattern.title,
    source: c.pattern.source,
    ...(client ? { client } : {}),
    line,
    excerpt: excerptOf(facts.text, c.start, c.end),
    occurrences: 1,
    extracted,
    meaning: d.meaning,
    ...(d.diagnosis ? { diagnosis: d.diagnosis } : {}),
    causes: d.causes.map((cause, i) => ({ rank: i + 1, ...cause })),
    docs: d.docs ?? [],
  };
}

/**
 * Explains an error code or a pasted error message (or a whole log): every error recognised, in
 * the order it first appears, each with its likely causes in order, the checks that tell them
 * apart and the certgate commands that run them. Text beyond 64 KiB is ignored (`truncated`).
 *
 * @example
 * explain("Error: Hostname/IP does not match certificate's altnames: Host: api.example.com. is not in the cert's altnames: DNS:www.example.com")
 * // → { recognised: true, matches: [{ id: 'node.altnames', extracted: { host: 'api.example.com', dnsNames: ['www.example.com'] },
 * //      diagnosis: 'api.example.com is not covered: the certificate has www.example.com; …', causes: [...] }] }
 */
export function explain(input: string): Explanation {
  const { text, truncated } = normaliseInput(input);
  const found = absorbBareCodes(dropContained(scan(text)));
  const messages = found.filter((c) => !c.pattern.fallback && !inProse(c, text));
  const candidates = messages.length > 0 ? messages : found;
  const facts = scanFacts(text);
  const lineAt = lineIndex(text);
  // Same pattern, same values: one error printed again (a retry, a rollback event, s_client's
  // "verify error:num=20" and "Verify return code: 20") is one match; the fuller reading stays.
  const byPattern = new Map<string, Seen[]>();
  const unique: Seen[] = [];
  for (const candidate of candidates) {
    const read = extractedOf(candidate, facts);
    const group = byPattern.get(candidate.pattern.id) ?? [];
    const seen = group.find((g) => sameError(g.read.extracted, read.extracted));
    const line = lineAt(candidate.start);
    if (seen) {
      if (line !== seen.line) seen.count++;
      seen.line = line;
      if (Object.keys(read.extracted).length > Object.keys(seen.read.extracted).length) seen.read = read;
      continue;
    }
    const entry: Seen = { candidate, read, count: 1, line };
    group.push(entry);
    byPattern.set(candidate.pattern.id, group);
    unique.push(entry);
  }
  // Specific errors first, then generic verify failures, then connection and HTTP errors
  // (a stable sort: within each group, the order of the text).
  const order = (p: Pattern) => (p.secondary ? 2 : p.generic ? 1 : 0);
  const all = [...unique].sort((a, b) => order(a.candidate.pattern) - order(b.candidate.pattern));
  const matches = all.slice(0, MAX_MATCHES).map(({ candidate, read, count }) => {
    const weighed = weighEvidence(
      { ...toMatch(candidate, read, facts, lineAt(candidate.start)), occurrences: count },
      text,
      lineAt,
    );
    const next = nextStep(weighed);
    return next ? { ...weighed, next } : weighed;
  });
  return {
    recognised: matches.length > 0,
    matches,
    truncated,
    omitted: all.length - matches.length,
  };
}
