/**
 * Small helpers every wording table shares: args as text, plurals, and the "what clients say"
 * clause that puts the error texts of OpenSSL, Node.js, curl and browsers into a message.
 */

import type { ClientErrors } from '../clients/client-errors.js';
import type { FindingArgs } from '../findings/types.js';

/** An arg as text: lists joined with `, `, missing values empty. */
export const str = (v: FindingArgs[string]): string => (Array.isArray(v) ? v.join(', ') : String(v ?? ''));

/**
 * A value for a message, `fallback` when the finding does not say it, and `(empty)` when the
 * input gave an empty string (a parameter or variable that defaults to ''): never a blank.
 */
export const named = (v: FindingArgs[string], fallback: string): string =>
  v === '' ? '(empty)' : str(v) || fallback;

/** `1 error`, `2 errors`. */
export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

/** `a`, `a and b`, `a, b and c`. */
export const andList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** `n day(s)` with the right plural. */
export function days(n: FindingArgs[string]): string {
  const count = Number(n);
  return `${count} day${Math.abs(count) === 1 ? '' : 's'}`;
}

/** A list arg, or an empty list. */
export const list = (v: FindingArgs[string]): readonly string[] =>
  Array.isArray(v) ? v : v === undefined || v === '' ? [] : [String(v)];

/**
 * The clause naming what clients print for this failure, most recognisable first: Node.js and
 * curl texts of their own (name checks), then each OpenSSL error with the clients that print
 * the same text (Node.js and curl do for chain errors), then the Chrome code.
 * Empty when no client text is known.
 */
export function clientClause(e: ClientErrors | undefined): string {
  if (!e) return '';
  const usedNode = new Set<number>();
  const usedCurl = new Set<number>();
  const groups = e.openssl.map((o) => {
    const labels = [o.code === undefined ? 'OpenSSL' : `OpenSSL ${o.code}`];
    const n = e.node.findIndex((x, i) => !usedNode.has(i) && x.message === o.text);
    if (n >= 0) {
      usedNode.add(n);
      const code = e.node[n]!.code;
      labels.push(code === 'UNSPECIFIED' ? 'Node.js' : `Node.js ${code}`);
    }
    const c = e.curl.findIndex((x, i) => !usedCurl.has(i) && x === `SSL certificate problem: ${o.text}`);
    if (c >= 0) {
      usedCurl.add(c);
      labels.push('curl');
    }
    return `"${o.text}" (${labels.join(', ')})`;
  });
  const parts = [
    ...e.node.filter((_, i) => !usedNode.has(i)).map((n) => `"${n.message}" (Node.js ${n.code})`),
    ...e.curl.filter((_, i) => !usedCurl.has(i)).map((c) => `"${c}" (curl)`),
    ...groups,
    ...e.browser.slice(0, 1),
  ];
  if (parts.length <= 1 && e.go[0]) parts.push(`"${e.go[0]}" (Go)`);
  return parts.length ? `clients say ${parts.join(', ')}` : '';
}
