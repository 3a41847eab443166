/**
 * The template-wide rules CloudFormation checks before it creates anything: parameter defaults
 * are literal values, and Conditions refer only to conditions that exist, never in a circle. A
 * template that breaks one is refused as a whole (`Template format error`), so the gate refuses
 * it too, as an unreadable input, instead of guessing a value and passing it.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html
 */

import { createFinding } from '../findings/finding.js';
import type { JsonPath, SourceDocument } from './document.js';
import { displayName, unreadableInput } from './document.js';
import { type Collected, isRecord, own, ownString } from './fields.js';

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

/**
 * INPUT_TEMPLATE_INVALID for each parameter whose value (the `--parameter` one, else its
 * Default) breaks the parameter's own constraints: AllowedValues, AllowedPattern, MinLength and
 * MaxLength, MinValue and MaxValue, a Number that is no number. CloudFormation checks them when
 * the stack is created or updated and refuses it ("Parameter 'X' must be one of AllowedValues"),
 * before any resource exists. SSM parameter types are skipped: their value is a parameter name.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
 */
export function parameterConstraintFindings(
  doc: SourceDocument,
  given: Readonly<Record<string, string>>,
): Collected['findings'] {
  const parameters = own(doc.value, 'Parameters');
  if (!isRecord(parameters)) return [];
  const out: Collected['findings'] = [];
  for (const [name, p] of Object.entries(parameters)) {
    if (!isRecord(p)) continue;
    const type = ownString(p, 'Type') ?? 'String';
    if (type.startsWith('AWS::SSM::')) continue;
    const raw = Object.hasOwn(given, name) ? given[name] : own(p, 'Default');
    if (raw === undefined || raw === null || (!isScalar(raw) && !Array.isArray(raw))) continue;
    const isList = type === 'CommaDelimitedList' || type.startsWith('List<');
    const values = Array.isArray(raw)
      ? raw.map(String)
      : isList
        ? String(raw)
            .split(',')
            .map((v) => v.trim())
        : [String(raw)];
    const problem = values.map((v) => constraintBroken(p, type, v)).find((r) => r !== undefined);
    if (problem === undefined) continue;
    const from = Object.hasOwn(given, name) ? '--parameter' : 'Default';
    out.push({
      finding: createFinding('INPUT_TEMPLATE_INVALID', doc.locator(['Parameters', name]), {
        parameter: name,
        source: displayName(doc.source),
        reason: `its value ${JSON.stringify(String(raw))} (from ${from}) ${problem}`,
      }),
    });
  }
  return out;
}

/** What a parameter value breaks of the parameter's constraints, or undefined. */
function constraintBroken(p: Record<string, unknown>, type: string, value: string): string | undefined {
  const allowed = own(p, 'AllowedValues');
  if (
    Array.isArray(allowed) &&
    allowed.length > 0 &&
    !allowed.some((a) => isScalar(a) && String(a) === value)
  )
    return `is not one of its AllowedValues (${allowed.map(String).join(', ')})`;
  const pattern = ownString(p, 'AllowedPattern');
  if (pattern !== undefined && type !== 'Number') {
    const re = compiled(pattern);
    // the whole value must match, as CloudFormation (Java) matches it
    if (re !== undefined && !re.test(value)) return `does not match its AllowedPattern ${pattern}`;
  }
  const length = (key: string) => {
    const n = Number(own(p, key));
    return Number.isFinite(n) && own(p, key) !== undefined ? n : undefined;
  };
  if (type === 'Number' || type === 'List<Number>') {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) return 'is not a number, as its Type Number requires';
    const min = length('MinValue');
    const max = length('MaxValue');
    if (min !== undefined && n < min) return `is below its MinValue ${min}`;
    if (max !== undefined && n > max) return `is above its MaxValue ${max}`;
    return undefined;
  }
  const min = length('MinLength');
  const max = length('MaxLength');
  if (min !== undefined && value.length < min) return `is shorter than its MinLength ${min}`;
  if (max !== undefined && value.length > max) return `is longer than its MaxLength ${max}`;
  return undefined;
}

/**
 * An AllowedPattern as a whole-value JavaScript regex; undefined when JavaScript cannot read it,
 * or when it could backtrack without end on a hostile value (`(a+)+$`): a template's pattern is
 * untrusted, and JavaScript's regex engine has no time limit, so such a pattern is not run.
 */
function compiled(pattern: string): RegExp | undefined {
  if (pattern.length > 1024 || !backtracksBounded(pattern)) return undefined;
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    try {
      return new RegExp(`^(?:${pattern})$`);
    } catch {
      return undefined;
    }
  }
}

/**
 * Whether a pattern is free of the shapes that make a backtracking engine take exponential time:
 * a quantified group holding a quantifier or an alternation (`(a+)+`, `(a|aa)*`), and
 * backreferences. Conservative: a pattern it refuses is only not checked.
 */
function backtracksBounded(pattern: string): boolean {
  // per open group: whether it holds a quantifier or an alternation so far
  const groups: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      if (!inClass && /[1-9k]/.test(pattern[i + 1] ?? '')) return false; // a backreference
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') groups.push(false);
    else if (c === ')') {
      const risky = groups.pop() ?? false;
      const next = pattern[i + 1];
      const quantified = next === '*' || next === '+' || next === '{' || next === '?';
      if (risky && quantified && next !== '?') return false;
      // what the outer group holds now includes this one
      if (groups.length > 0 && (risky || quantified)) groups[groups.length - 1] = true;
    } else if (c === '*' || c === '+' || c === '{' || c === '|') {
      if (groups.length > 0) groups[groups.length - 1] = true;
    }
  }
  return true;
}
