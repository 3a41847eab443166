/**
 * An evidence rule: one thing a paste can show beyond the error line (the client that printed
 * it, the command that was run, a proxy, a time stamp, the host's shape) and the cause it speaks
 * for. The rules re-order a diagnosis' causes; they never invent an error.
 */

import type { TlsCauseId } from '../diagnoses/tls-causes.js';
import type { ExplainMatch } from '../types.js';

/** Where in the text a rule found its evidence. */
export interface EvidenceHit {
  readonly index: number;
  /** The text that shows it, as found. */
  readonly text: string;
  /** The line, when the evidence is the match itself rather than a place in the text. */
  readonly line?: number;
}

/** The causes evidence can speak for: every TLS cause, and CloudFront's `just-issued` and CF-14. */
export type EvidenceCause = TlsCauseId | 'just-issued' | 'CF-14';

/** One rule. */
export interface EvidenceRule {
  /** Stable id, `<concern>.<what it sees>`: `client.php`, `proxy.named-product`. */
  readonly id: string;
  /**
   * The rule applies to a match whose causes include one of these ids (the family of errors
   * the evidence is about: a PHP client says nothing about a name mismatch).
   */
  readonly when: readonly string[];
  /** Narrower still: the diagnosis must put one of these first (the error's usual reading). */
  readonly leading?: readonly string[];
  /**
   * Causes this evidence speaks for: each one the match lists moves up; when it lists none,
   * the first is added.
   */
  readonly raises: readonly EvidenceCause[];
  /** Causes this evidence speaks against: they move down. */
  readonly lowers?: readonly string[];
  /** 3: the paste says it outright (a proxy product's name); 2: a strong sign; 1: a hint. */
  readonly weight: 1 | 2 | 3;
  /** What the evidence shows, worded for the reader: "the client is PHP, whose curl …". */
  readonly shows: string;
  /** Finds the evidence; `text` is the whole normalised paste. Must run in linear time. */
  readonly find: (text: string, match: ExplainMatch) => EvidenceHit | undefined;
}

/** A rule's `find` from one bounded regex over the whole text. */
export function inText(regex: RegExp): (text: string) => EvidenceHit | undefined {
  return (text) => {
    const m = regex.exec(text);
    return m ? { index: m.index, text: m[0] } : undefined;
  };
}

/** Where a name from the match (a host) first appears in the text. */
export function hitOf(text: string, value: string): EvidenceHit {
  const index = text.indexOf(value);
  return { index: Math.max(0, index), text: value };
}
