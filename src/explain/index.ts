/**
 * `certgate explain` as a library: `explain(text)` recognises CloudFront API errors, TLS client
 * errors and certgate finding codes in pasted text, and returns the diagnosis path of each;
 * `formatExplanationText` words it for a terminal.
 *
 * @packageDocumentation
 */

export { EVIDENCE_RULES, type EvidenceRule } from './evidence/index.js';
export { explain, MAX_MATCHES } from './explain.js';
export { MAX_EXPLAIN_INPUT } from './input.js';
export type { Pattern } from './pattern.js';
export { PATTERNS } from './patterns/index.js';
export { type ExplainTextOptions, formatExplanationText, KNOWN_MESSAGES } from './text.js';
export type {
  Cause,
  CauseEvidence,
  Diagnosis,
  ExplainClient,
  ExplainMatch,
  ExplainSource,
  ExplainWrapper,
  Explanation,
  Extracted,
} from './types.js';
