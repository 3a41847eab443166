/**
 * CloudFormation intrinsic functions, evaluated offline as far as the template, its Parameters
 * (Default or `--parameter` overrides), pseudo parameters, Mappings and Conditions allow. What
 * only exists at deploy time (`Fn::GetAtt`, `Fn::ImportValue`, a resource's `Ref`) becomes an
 * Unresolved naming the expression, as the user wrote it (`!ImportValue shared-cert-arn ...`).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 */

import { isUnresolved, type TextPiece } from '../cloudfront/model.js';
import { CFN_LIMITS, CfnBudget, CfnLimitError } from './cfn-limits.js';
import {
  brief,
  type CfnEnvironment,
  DEPLOY_TIME,
  intrinsicName,
  type Lookup,
  lookupName,
  NO_VALUE,
  sameValue,
} from './cfn-names.js';
import { isRecord, own, ownString, UnresolvedValue, unknownList } from './fields.js';

export { CFN_LIMITS, CfnLimitError } from './cfn-limits.js';
export { CERTIFICATE_TYPE, type CfnEnvironment, intrinsicName, NO_VALUE } from './cfn-names.js';

/** A `Ref` to a resource of the same template: unknown until deploy, but which resource is known. */
export class ResourceReference extends UnresolvedValue {
  constructor(
    reason: string,
    readonly logicalId: string,
    text?: readonly TextPiece[],
  ) {
    super(reason, text);
  }
}

/** An expression CloudFormation itself would refuse (malformed arguments, an undefined condition). */
export class InvalidValue extends UnresolvedValue {}

/** Expressions nest at most this deep (a hostile template cannot recurse without end). */
export const MAX_EXPRESSION_DEPTH = CFN_LIMITS.maxExpressionDepth;

/**
 * Evaluates intrinsic functions and conditions of one template. Each container of the template
 * is evaluated once (results are kept by node, so a sub-expression shared through a Mapping, a
 * condition or a `Fn::Sub` variable used twice costs once), every value is measured, and all
 * work is counted against CFN_LIMITS.
 */
export class CfnResolver {
  private readonly conditions = new Map<string, boolean | UnresolvedValue>();
  private readonly evaluating = new Set<string>();
  /** Results by node; a result maps to itself, so resolving a resolved value is free. */
  private readonly results = new WeakMap<object, unknown>();
  private readonly names = new Map<string, Lookup>();
  /**
   * Conditions met in `Fn::If` whose value is unknown (not refused: an InvalidValue is not a
   * branch choice), in first-met order; the template reader checks each branch of them.
   */
  readonly unknownConditions = new Set<string>();
  /** Parameters and pseudo parameters without a value that an evaluated expression read. */
  readonly neededParameters = new Set<string>();

  /** `budget`: shared by the resolvers of one template, so reading variants adds no unbounded work. */
  constructor(
    private readonly env: CfnEnvironment,
    private readonly budget = new CfnBudget(),
  ) {}

  /** The template's work budget, for another resolver of the same template. */
  get sharedBudget(): CfnBudget {
    return this.budget;
  }

  /** The condition of an `Fn::If`: its value, assumed value, or why unknown (recorded). */
  branch(name: string, depth = 0): boolean | UnresolvedValue {
    const c = this.condition(name, depth);
    if (c instanceof UnresolvedValue && !(c instanceof InvalidValue)) this.unknownConditions.add(name);
    return c;
  }

  /**
   * The value of `node` with every intrinsic evaluated: plain data, with UnresolvedValue where a
   * value is unknown (InvalidValue where CloudFormation would refuse it), or NO_VALUE.
   * Properties and items that are NO_VALUE are dropped.
   *
   * @throws CfnLimitError when the expression goes over one of CFN_LIMITS (nesting depth, value
   *   size, the template's work); once the work bound is passed every later call throws too
   */
  resolve(node: unknown, depth = 0): unknown {
    if (typeof node === 'string') return dynamicReference(node);
    if (typeof node !== 'object' || node === null || isUnresolved(node)) return node;
    if (this.results.has(node)) return this.results.get(node);
    if (depth > MAX_EXPRESSION_DEPTH) throw new CfnLimitError('maxExpressionDepth');
    this.budget.charge(1);
    const result = this.evaluate(node, depth);
    this.results.set(node, result);
    if (typeof result === 'object' && result !== null) this.results.set(result, result);
    return result;
  }

  private evaluate(node: object, depth: number): unknown {
    let size = 1;
    const add = (r: unknown) => {
      size += this.budget.sizeOf(r) + 1;
      this.budget.checkSize(size);
    };
    if (Array.isArray(node)) {
      const out: unknown[] = [];
      for (const n of node) {
        const r = this.resolve(n, depth + 1);
        if (r === NO_VALUE) continue;
        add(r);
        out.push(r);
      }
      this.budget.remember(out, size);
      return out;
    }
    const fn = intrinsicName(node as Record<string, unknown>);
    if (fn !== undefined) {
      const r = this.call(fn, (node as Record<string, unknown>)[fn], depth + 1);
      this.budget.checkSize(this.budget.sizeOf(r));
      return r;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      const r = this.resolve(v, depth + 1);
      if (r === NO_VALUE) continue;
      add(r);
      size += k.length;
      Object.defineProperty(out, k, { value: r, enumerable: true, writable: true, configurable: true });
    }
    this.budget.remember(out, size);
    return out;
  }

  /** A named condition of the Conditions section: true, false, or why it cannot be told. */
  condition(name: string, depth = 0): boolean | UnresolvedValue {
    const known = this.conditions.get(name);
    if (known !== undefined) return known;
    const assumed = this.env.assume?.get(name);
    if (assumed !== undefined) return assumed;
    if (this.evaluating.has(name)) return new InvalidValue(`condition ${name} refers to itself`);
    const node = own(own(this.env.template, 'Conditions'), name);
    if (node === undefined) return new InvalidValue(`condition ${name} is not defined in Conditions`);
    this.evaluating.add(name);
    let r: boolean | UnresolvedValue;
    try {
      r = this.conditionValue(node, depth + 1);
    } finally {
      this.evaluating.delete(name);
    }
    const result =
      r instanceof UnresolvedValue && !r.reason.startsWith('condition ')
        ? rephrase(r, `condition ${name} cannot be evaluated: ${r.reason}`)
        : r;
    this.conditions.set(name, result);
    return result;
  }

  /** Whether a resource is created: its `Condition`, or true without one. */
  isCreated(resource: unknown): boolean | UnresolvedValue {
    const name = ownString(resource, 'Condition');
    return name === undefined ? true : this.condition(name);
  }

  /** `!Ref X` / `Ref X` (or any function) as the user wrote it, for reasons. */
  show(fn: string, arg: unknown, depth = 0): string {
    return `${this.tag(fn)} ${brief(arg, depth, (f, a, d) => this.show(f, a, d))}`;
  }

  private tag(fn: string): string {
    if (this.env.style === 'json') return fn;
    return fn === 'Ref' || fn === 'Condition' ? `!${fn}` : `!${fn.replace(/^Fn::/, '')}`;
  }

  private conditionValue(node: unknown, depth: number): boolean | UnresolvedValue {
    if (depth > MAX_EXPRESSION_DEPTH) throw new CfnLimitError('maxExpressionDepth');
    this.budget.charge(1);
    if (typeof node === 'boolean') return node;
    if (node === 'true' || node === 'false') return node === 'true';
    const name = ownString(node, 'Condition');
    if (name !== undefined && isRecord(node) && Object.keys(node).length === 1)
      return this.condition(name, depth);
    const fn = isRecord(node) ? intrinsicName(node) : undefined;
    const args = fn === undefined ? undefined : (node as Record<string, unknown>)[fn];
    const list = Array.isArray(args) ? args : [args];
    switch (fn) {
      case 'Fn::Equals': {
        const [a, b] = list.map((x) => this.resolve(x, depth + 1));
        const unknown = [a, b].find(isUnresolved);
        if (unknown) return plain(unknown);
        return sameValue(a, b);
      }
      case 'Fn::Not': {
        const v = this.conditionValue(list[0], depth + 1);
        return typeof v === 'boolean' ? !v : v;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        const values = list.map((x) => this.conditionValue(x, depth + 1));
        const decisive = fn !== 'Fn::And';
        if (values.includes(decisive)) return decisive;
        return values.find((v): v is UnresolvedValue => typeof v !== 'boolean') ?? !decisive;
      }
      default: {
        const v = this.resolve(node, depth + 1);
        if (typeof v === 'boolean' || isUnresolved(v)) return v as boolean | UnresolvedValue;
        return v === 'true' || v === 'false'
          ? v === 'true'
          : new InvalidValue(`${brief(node, 0)} is not a condition`);
      }
    }
  }

  private call(fn: string, arg: unknown, depth: number): unknown {
    switch (fn) {
      case 'Ref':
        return this.ref(arg, depth);
      case 'Fn::Sub':
        return this.sub(arg, depth);
      case 'Fn::If':
        return this.fnIf(arg, depth);
      case 'Fn::Join':
        return this.join(arg, depth);
      case 'Fn::Select':
        return this.select(arg, depth);
      case 'Fn::Split':
        return this.split(arg, depth);
      case 'Fn::FindInMap':
        return this.findInMap(arg, depth);
      case 'Fn::Base64': {
        const s = this.resolve(arg, depth);
        return typeof s === 'string'
          ? this.written(Buffer.from(s).toString('base64'))
          : isUnresolved(s)
            ? plain(s)
            : this.malformed(fn, arg);
      }
      case 'Fn::ImportValue': {
        const name = this.resolve(arg, depth);
        const shown = this.show(fn, typeof name === 'string' ? name : arg);
        // an export's value is a string, and never empty
        return new UnresolvedValue(`${shown} ${DEPLOY_TIME}`, [{ computed: shown }]);
      }
      case 'Fn::GetAtt':
        return new UnresolvedValue(
          `${this.show(fn, Array.isArray(arg) ? arg.slice(0, 2).join('.') : arg)} ${DEPLOY_TIME}`,
        );
      case 'Fn::GetAZs':
        return new UnresolvedValue(`${this.show(fn, arg)} ${DEPLOY_TIME}`);
      case 'Fn::Equals':
      case 'Fn::Not':
      case 'Fn::And':
      case 'Fn::Or':
        return this.conditionValue({ [fn]: arg }, depth);
      default:
        return new UnresolvedValue(`${this.show(fn, arg)} is not evaluated offline`);
    }
  }

  private malformed(fn: string, arg: unknown): UnresolvedValue {
    return new InvalidValue(`${this.show(fn, arg)} is malformed`);
  }

  /** A string a function wrote: counted as work and measured (callers check the size first when they can). */
  private written(text: string): string {
    this.budget.charge(text.length);
    this.budget.checkSize(text.length);
    return text;
  }

  private ref(arg: unknown, depth: number): unknown {
    const name = this.resolve(arg, depth);
    if (typeof name !== 'string') return isUnresolved(name) ? plain(name) : this.malformed('Ref', arg);
    const found = this.lookup(name);
    // a parameter's value may itself be a dynamic reference (a Default, or --parameter)
    if ('value' in found)
      return typeof found.value === 'string' ? dynamicReference(found.value) : found.value;
    const shown = this.show('Ref', name);
    const reason = `${shown} ${found.phrase}`;
    const text = found.isString ? [{ computed: shown }] : undefined;
    return found.resource
      ? new ResourceReference(reason, found.resource, text)
      : new UnresolvedValue(reason, text);
  }

  /** A name as `Ref` and `${}` in `Fn::Sub` see it: pseudo parameter, parameter or resource. */
  private lookup(name: string): Lookup {
    const known = this.names.get(name);
    if (known) return known;
    const found = lookupName(this.env, name);
    if ('value' in found) this.budget.charge(this.budget.sizeOf(found.value));
    else if (found.needs !== undefined) this.neededParameters.add(found.needs);
    this.names.set(name, found);
    return found;
  }

  private sub(arg: unknown, depth: number): unknown {
    const template = Array.isArray(arg) ? arg[0] : arg;
    const vars = Array.isArray(arg) ? arg[1] : undefined;
    if (typeof template !== 'string') return this.malformed('Fn::Sub', arg);
    const parts: TextPiece[] = [];
    let length = 0;
    const append = (text: string) => {
      length += text.length;
      this.budget.checkSize(length);
      this.budget.charge(text.length);
      parts.push(text);
    };
    // the first unknown variable names the reason; the rest are read too, for what is known around them
    let unknown: string | undefined;
    let last = 0;
    for (const m of template.matchAll(/\$\{([^}]*)\}/g)) {
      append(template.slice(last, m.index));
      last = m.index + m[0].length;
      const name = m[1]!.trim();
      if (name.startsWith('!')) {
        append(`\${${name.slice(1)}}`);
        continue;
      }
      const value = this.subVariable(name, vars, depth);
      if (typeof value === 'string') {
        append(value);
        continue;
      }
      const shown = this.show('Fn::Sub', template);
      if (value instanceof InvalidValue) return rephrase(value, `${shown}: ${value.reason}`);
      if (isUnresolved(value)) {
        unknown ??= `${shown}: ${value.reason}`;
        // whatever it is, Fn::Sub puts a string there
        parts.push(...(value.text ?? [{ computed: `\${${name}}` }]));
        continue;
      }
      if (!isRecord(value) || typeof value.phrase !== 'string')
        return new UnresolvedValue(`${shown}: \${${name}} is not a string`);
      unknown ??= `${shown}: \${${name}} ${value.phrase}`;
      parts.push({ computed: `\${${name}}` });
    }
    append(template.slice(last));
    if (unknown === undefined) return dynamicReference(parts.join(''));
    return new UnresolvedValue(unknown, knownText(parts));
  }

  /** A `${name}` of `Fn::Sub`: a string, an UnresolvedValue from the variable map, or `{phrase}`. */
  private subVariable(name: string, vars: unknown, depth: number): unknown {
    if (isRecord(vars) && Object.hasOwn(vars, name)) {
      const v = this.resolve(vars[name], depth);
      return typeof v === 'number' || typeof v === 'boolean' ? String(v) : isUnresolved(v) ? plain(v) : v;
    }
    if (name.includes('.') && !name.startsWith('AWS::')) return { phrase: DEPLOY_TIME };
    const found = this.lookup(name);
    if (!('value' in found)) return found;
    return typeof found.value === 'number' ? String(found.value) : found.value;
  }

  private fnIf(arg: unknown, depth: number): unknown {
    if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== 'string')
      return this.malformed('Fn::If', arg);
    const c = this.branch(arg[0], depth);
    if (c instanceof UnresolvedValue) return c;
    return this.resolve(c ? arg[1] : arg[2], depth);
  }

  private join(arg: unknown, depth: number): unknown {
    if (!Array.isArray(arg) || arg.length !== 2) return this.malformed('Fn::Join', arg);
    const [sep, list] = [this.resolve(arg[0], depth), this.resolve(arg[1], depth)];
    const unknown = [sep, list, ...(Array.isArray(list) ? list : [])].find(isUnresolved);
    if (unknown) return this.partlyJoined(sep, list) ?? plain(unknown);
    if (typeof sep !== 'string' || !Array.isArray(list)) return this.malformed('Fn::Join', arg);
    if (!list.every((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean'))
      return this.malformed('Fn::Join', arg);
    const items = list.map(String);
    const length = items.reduce((n, x) => n + x.length, 0) + sep.length * Math.max(0, items.length - 1);
    this.budget.checkSize(length);
    return dynamicReference(this.written(items.join(sep)));
  }

  /**
   * A join of known text and strings computed at deploy time, with what is known of it; undefined
   * when an unknown item may not be a string at all (it may be `AWS::NoValue`, or a list).
   */
  private partlyJoined(sep: unknown, list: unknown): UnresolvedValue | undefined {
    if (typeof sep !== 'string' || !Array.isArray(list) || sep.includes(RESOLVE)) return undefined;
    const parts: TextPiece[] = [];
    let reason: string | undefined;
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (i > 0) parts.push(sep);
      if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
        parts.push(String(item));
        continue;
      }
      if (!isUnresolved(item) || item instanceof InvalidValue || item.text === undefined) return undefined;
      reason ??= item.reason;
      parts.push(...item.text);
    }
    if (reason === undefined) return undefined;
    this.budget.charge(parts.length);
    return new UnresolvedValue(reason, knownText(parts));
  }

  private select(arg: unknown, depth: number): unknown {
    if (!Array.isArray(arg) || arg.length !== 2) return this.malformed('Fn::Select', arg);
    const [index, list] = [this.resolve(arg[0], depth), this.resolve(arg[1], depth)];
    const unknown = [index, list].find(isUnresolved);
    if (unknown) return plain(unknown);
    const i = Number(index);
    if (!Array.isArray(list) || !Number.isInteger(i)) return this.malformed('Fn::Select', arg);
    if (i < 0 || i >= list.length)
      return new InvalidValue(`${this.show('Fn::Select', arg)}: index ${i} is out of range`);
    const item = list[i];
    return isUnresolved(item) ? plain(item) : item;
  }

  private split(arg: unknown, depth: number): unknown {
    if (!Array.isArray(arg) || arg.length !== 2) return this.malformed('Fn::Split', arg);
    const [sep, text] = [this.resolve(arg[0], depth), this.resolve(arg[1], depth)];
    const unknown = [sep, text].find(isUnresolved);
    // whatever the text turns out to be, splitting it gives at least one item (the text itself)
    if (unknown) {
      const u = plain(unknown);
      return u instanceof InvalidValue ? u : unknownList(u.reason, 1);
    }
    if (typeof sep !== 'string' || typeof text !== 'string') return this.malformed('Fn::Split', arg);
    // each piece costs its characters and one for the item: at most twice the text, plus one
    this.budget.checkSize(sep === '' ? 2 * text.length + 1 : text.length + 1);
    this.budget.charge(text.length);
    return text.split(sep);
  }

  private findInMap(arg: unknown, depth: number): unknown {
    if (!Array.isArray(arg) || arg.length < 3) return this.malformed('Fn::FindInMap', arg);
    const keys = arg.slice(0, 3).map((k) => this.resolve(k, depth));
    const unknown = keys.find(isUnresolved);
    if (unknown) return plain(unknown);
    if (!keys.every((k) => typeof k === 'string' || typeof k === 'number'))
      return this.malformed('Fn::FindInMap', arg);
    const [m, top, second] = keys.map(String) as [string, string, string];
    const value = own(own(own(own(this.env.template, 'Mappings'), m), top), second);
    if (value !== undefined) return this.resolve(value, depth);
    const fallback = own(arg[3], 'DefaultValue');
    if (fallback !== undefined) return this.resolve(fallback, depth);
    return new UnresolvedValue(
      `${this.show('Fn::FindInMap', [m, top, second])} has no such entry in Mappings`,
    );
  }
}

/** How every dynamic reference starts. */
const RESOLVE = '{{resolve:';

/** A dynamic reference, as CloudFormation recognises one inside any string. */
const DYNAMIC_REFERENCE = /\{\{resolve:([^:}]*):[^}]*\}\}/;

/**
 * A string holding a dynamic reference (`{{resolve:ssm:...}}`, `{{resolve:secretsmanager:...}}`,
 * `{{resolve:ssm-secure:...}}`) is unknown offline: CloudFormation replaces the reference at
 * deploy time, wherever in the string it stands.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html
 */
function dynamicReference(text: string): string | UnresolvedValue {
  if (!text.includes(RESOLVE)) return text;
  const m = DYNAMIC_REFERENCE.exec(text);
  if (!m) return text;
  const shown = m[0].length > 80 ? `${m[0].slice(0, 79)}…` : m[0];
  const what =
    m[1] === 'ssm'
      ? 'an SSM parameter'
      : m[1] === 'ssm-secure'
        ? 'an SSM SecureString'
        : m[1] === 'secretsmanager'
          ? 'a Secrets Manager secret'
          : 'a dynamic reference';
  return new UnresolvedValue(
    `${shown} is ${what} read at deploy time (dynamic reference)`,
    knownText([text]),
  );
}

/** Every dynamic reference in a text, for splitting it into known and computed pieces. */
const DYNAMIC_REFERENCES = new RegExp(DYNAMIC_REFERENCE.source, 'g');

/**
 * Pieces of a string, adjacent text merged, with each dynamic reference in its text made a
 * computed piece (a reference's value is a string, and never empty); undefined when a reference
 * may be split across pieces (`{{resolve:ssm:${Name}}}`), so nothing is claimed of the text.
 */
function knownText(pieces: readonly TextPiece[]): TextPiece[] | undefined {
  const out: TextPiece[] = [];
  const push = (piece: TextPiece) => {
    const last = out.length - 1;
    if (typeof piece !== 'string') out.push(piece);
    else if (typeof out[last] === 'string') out[last] += piece;
    else if (piece !== '') out.push(piece);
  };
  for (const piece of pieces) {
    if (typeof piece !== 'string' || !piece.includes(RESOLVE)) {
      push(piece);
      continue;
    }
    let last = 0;
    for (const m of piece.matchAll(DYNAMIC_REFERENCES)) {
      push(piece.slice(last, m.index));
      push({ computed: m[0] });
      last = m.index + m[0].length;
    }
    const rest = piece.slice(last);
    if (rest.includes(RESOLVE)) return undefined;
    push(rest);
  }
  return out;
}

/** A plain Unresolved (a value computed from a resource reference is not that resource). */
function plain(u: UnresolvedValue | unknown): UnresolvedValue {
  const reason = (u as UnresolvedValue).reason;
  return u instanceof ResourceReference ? new UnresolvedValue(reason, u.text) : (u as UnresolvedValue);
}

/** The same kind of Unresolved (invalid or merely unknown) with another reason. */
function rephrase(u: UnresolvedValue, reason: string): UnresolvedValue {
  return u instanceof InvalidValue ? new InvalidValue(reason) : new UnresolvedValue(reason);
}
