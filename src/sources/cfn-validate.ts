/**
 * The template-wide rules CloudFormation checks before it creates anything: parameter defaults
 * are literal values, and Conditions refer only to conditions that exist, never in a circle. A
 * template that breaks one is refused as a whole (`Template format error`), so the gate refuses
 * it too, as an unreadable input, instead of guessing a value and passing it.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html
 */

import type { JsonPath, SourceDocument } from './document.js';
import { unreadableInput } from './document.js';
import { isRecord, own } from './fields.js';

/**
 * Throws when the template is one CloudFormation refuses as a whole.
 *
 * @throws InputError naming the parameter or conditions, with the position
 */
export function validateTemplate(doc: SourceDocument): void {
  validateParameters(doc);
  validateConditions(doc);
}

function refuse(doc: SourceDocument, path: JsonPath, reason: string): never {
  const { line, column } = doc.locator(path);
  throw unreadableInput(
    doc.source,
    reason,
    line !== undefined && column !== undefined ? { line, column } : undefined,
  );
}

const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function validateParameters(doc: SourceDocument): void {
  const parameters = own(doc.value, 'Parameters');
  if (parameters === undefined || parameters === null) return;
  if (!isRecord(parameters)) refuse(doc, ['Parameters'], 'Parameters is not a mapping');
  for (const [name, p] of Object.entries(parameters)) {
    if (!isRecord(p)) refuse(doc, ['Parameters', name], `parameter ${name} is not a mapping`);
    const fallback = own(p, 'Default');
    if (fallback === undefined || fallback === null || isScalar(fallback)) continue;
    // a list default (`Default: [a, b]` for a List<> type) is accepted when every item is a plain value
    if (Array.isArray(fallback) && fallback.every(isScalar)) continue;
    refuse(
      doc,
      ['Parameters', name, 'Default'],
      `the Default of parameter ${name} is not a literal value (CloudFormation allows no Ref or other function there, and refuses the template)`,
    );
  }
}

/** Each condition's `{"Condition": name}` references (iteratively: a condition may nest deeply). */
function references(node: unknown): string[] {
  const out: string[] = [];
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (Array.isArray(n)) for (const item of n) stack.push(item);
    else if (isRecord(n)) {
      const keys = Object.keys(n);
      if (keys.length === 1 && keys[0] === 'Condition' && typeof n.Condition === 'string')
        out.push(n.Condition);
      else for (const k of keys) stack.push(n[k]);
    }
  }
  return out;
}

function validateConditions(doc: SourceDocument): void {
  const conditions = own(doc.value, 'Conditions');
  if (conditions === undefined || conditions === null) return;
  if (!isRecord(conditions)) refuse(doc, ['Conditions'], 'Conditions is not a mapping');
  const edges = new Map<string, string[]>();
  for (const [name, node] of Object.entries(conditions)) {
    const refs = references(node);
    for (const r of refs) {
      if (!Object.hasOwn(conditions, r))
        refuse(doc, ['Conditions', name], `condition ${name} refers to condition ${r}, which is not defined`);
    }
    edges.set(name, refs);
  }
  // depth-first search with an explicit stack: white (absent), grey (on the path), black (done)
  const state = new Map<string, 'grey' | 'black'>();
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    const next: number[] = [0];
    state.set(start, 'grey');
    while (path.length > 0) {
      const name = path.at(-1)!;
      const refs = edges.get(name)!;
      const i = next[next.length - 1]!;
      if (i === refs.length) {
        state.set(name, 'black');
        path.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = i + 1;
      const to = refs[i]!;
      const seen = state.get(to);
      if (seen === 'black') continue;
      if (seen === 'grey') {
        const circle = [...path.slice(path.indexOf(to)), to];
        const shown = circle.length > 6 ? [...circle.slice(0, 3), '…', ...circle.slice(-2)] : circle;
        refuse(
          doc,
          ['Conditions', to],
          `conditions refer to each other in a circle (${shown.join(' → ')}); CloudFormation refuses the template`,
        );
      }
      state.set(to, 'grey');
      path.push(to);
      next.push(0);
    }
  }
}
