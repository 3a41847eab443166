/**
 * The resource instances of a Terraform plan JSON that the gate reads, with their values, what
 * is unknown until apply, and where both are in the document.
 * https://developer.hashicorp.com/terraform/internals/json-format#change-representation
 */

import type { JsonPath } from './document.js';
import { isRecord, own, ownRecord, ownString } from './fields.js';

/**
 * Child modules of planned_values are followed at most this deep. Real configurations nest a
 * handful of modules; 64 is four times the old bound and keeps every instance's JSON path (three
 * steps a module) short, so a hostile plan cannot make each path cost megabytes. A module deeper
 * than this is reported (INPUT_NOT_EXAMINED, an error) with its address, never skipped quietly.
 */
export const MAX_MODULE_DEPTH = 64;

/** One planned resource instance. */
export interface Instance {
  readonly address: string;
  /** `module.cdn[0]` or '' for the root module. */
  readonly moduleAddress: string;
  /** Module call names (`['cdn']`), for the configuration. */
  readonly modulePath: readonly string[];
  readonly type: string;
  readonly name: string;
  readonly index?: string;
  /** The plan creates this instance (a `create` action, alone or in a replacement); false when it cannot tell. */
  readonly created: boolean;
  readonly values: Record<string, unknown>;
  readonly unknown: unknown;
  readonly valuesPath: JsonPath;
  readonly unknownPath?: JsonPath;
  readonly path: JsonPath;
}

/** A part of the plan the reader could not examine, and why: it becomes an error finding. */
export interface NotExamined {
  readonly path: JsonPath;
  /** What was not examined, as a person names it: `module module.a.module.b`, `aws_cloudfront_distribution.cdn`. */
  readonly part: string;
  readonly reason: string;
}

/** What the plan holds of the wanted types, and what of them could not be read. */
export interface CollectedInstances {
  readonly instances: Instance[];
  readonly notExamined: NotExamined[];
}

/** Actions after which nothing of the resource is deployed (Terraform 1.7+ writes `forget` for `removed` blocks). */
const GONE = new Set(['delete', 'forget']);

/**
 * The managed instances of `types`: from resource_changes (skipping deletions), else
 * planned_values (or a state's values), walked without recursion. An instance of a wanted type
 * the reader cannot read, and modules deeper than MAX_MODULE_DEPTH, are listed in `notExamined`.
 */
export function collectInstances(
  plan: Record<string, unknown>,
  types: ReadonlySet<string>,
): CollectedInstances {
  const instances: Instance[] = [];
  const notExamined: NotExamined[] = [];
  const wanted = (type: unknown) => typeof type === 'string' && types.has(type);
  const changes = own(plan, 'resource_changes');
  if (Array.isArray(changes)) {
    changes.forEach((rc, i) => {
      if (!wanted(own(rc, 'type')) || own(rc, 'mode') === 'data') return;
      const path: JsonPath = ['resource_changes', i];
      const change = own(rc, 'change');
      const actions = own(change, 'actions');
      const after = own(change, 'after');
      if (Array.isArray(actions) && actions.length > 0 && actions.every((a) => GONE.has(a))) return;
      const problem =
        own(rc, 'mode') !== 'managed'
          ? 'its mode is not "managed" or "data"'
          : !isRecord(after)
            ? 'change.after is not an object, and the actions do not delete it'
            : undefined;
      if (problem) {
        notExamined.push({ path, part: describe(rc), reason: problem });
        return;
      }
      instances.push(
        instance(
          rc as Record<string, unknown>,
          after as Record<string, unknown>,
          own(change, 'after_unknown'),
          path,
          [...path, 'change'],
          Array.isArray(actions) && actions.includes('create'),
        ),
      );
    });
    return { instances, notExamined };
  }
  const key = Object.hasOwn(plan, 'planned_values') ? 'planned_values' : 'values';
  const root = ownRecord(own(plan, key), 'root_module');
  // depth first, in document order, with an explicit stack: depth costs no call stack
  const stack: { module: unknown; path: JsonPath; depth: number }[] = [
    { module: root, path: [key, 'root_module'], depth: 0 },
  ];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { module, path, depth } = next;
    const resources = own(module, 'resources');
    if (Array.isArray(resources)) {
      resources.forEach((r, i) => {
        if (!wanted(own(r, 'type')) || own(r, 'mode') === 'data') return;
        const at: JsonPath = [...path, 'resources', i];
        const values = own(r, 'values');
        if (own(r, 'mode') !== 'managed' || !isRecord(values)) {
          const reason =
            own(r, 'mode') !== 'managed'
              ? 'its mode is not "managed" or "data"'
              : 'its values are not an object';
          notExamined.push({ path: at, part: describe(r), reason });
          return;
        }
        instances.push(instance(r as Record<string, unknown>, values, undefined, at, at, false));
      });
    }
    const children = own(module, 'child_modules');
    if (!Array.isArray(children)) continue;
    if (depth >= MAX_MODULE_DEPTH) {
      children.forEach((child, i) => {
        notExamined.push({
          path: [...path, 'child_modules', i],
          part: `module ${ownString(child, 'address') ?? `at child_modules[${i}]`}`,
          reason: `it is nested deeper than ${MAX_MODULE_DEPTH} modules (the module depth limit), so neither it nor its child modules were read`,
        });
      });
      continue;
    }
    // pushed last to first, so the first child is walked next
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ module: children[i], path: [...path, 'child_modules', i], depth: depth + 1 });
  }
  return { instances, notExamined };
}

/** A resource as a person names it: its address, else `type.name`. */
function describe(r: unknown): string {
  return ownString(r, 'address') ?? `${String(own(r, 'type'))}.${ownString(r, 'name') ?? '?'}`;
}

function instance(
  r: Record<string, unknown>,
  values: Record<string, unknown>,
  unknown: unknown,
  path: JsonPath,
  holder: JsonPath,
  created: boolean,
): Instance {
  // the type is a wanted one (a string); a name that is not a string names nothing in the configuration
  const name = ownString(r, 'name') ?? '';
  const address = ownString(r, 'address') ?? `${String(own(r, 'type'))}.${name}`;
  const { moduleAddress, modulePath } = moduleOf(address);
  const index = own(r, 'index');
  const inChange = holder.length !== path.length;
  return {
    address,
    moduleAddress,
    modulePath,
    type: String(own(r, 'type')),
    name,
    created,
    ...(typeof index === 'number'
      ? { index: String(index) }
      : typeof index === 'string'
        ? { index: JSON.stringify(index) }
        : {}),
    values,
    unknown,
    valuesPath: inChange ? [...holder, 'after'] : [...holder, 'values'],
    ...(inChange ? { unknownPath: [...holder, 'after_unknown'] } : {}),
    path,
  };
}

/** One `module.NAME` step of an address, with its instance key (`[0]`, `["a.b"]`, quotes escaped inside). */
const MODULE_STEP = /module\.([^.[\s]+)(?:\[(?:"(?:[^"\\]|\\.)*"|[0-9]+)\])?\./y;

/**
 * The module part of a resource address: `module.cdn["a"].module.b` and the call names
 * `['cdn', 'b']`, read step by step so a key holding `module.` or `.` is not taken for a step.
 */
function moduleOf(address: string): { moduleAddress: string; modulePath: string[] } {
  const modulePath: string[] = [];
  const step = new RegExp(MODULE_STEP.source, 'y');
  let end = 0;
  for (let m = step.exec(address); m !== null; m = step.exec(address)) {
    modulePath.push(m[1]!);
    end = step.lastIndex;
  }
  return { moduleAddress: address.slice(0, Math.max(0, end - 1)), modulePath };
}

/** Whether `after_unknown` marks the value at `keys` (or an enclosing one) as unknown. */
export function isUnknown(unknown: unknown, keys: readonly (string | number)[]): boolean {
  let u = unknown;
  for (const k of keys) {
    if (u === true) return true;
    u = typeof k === 'number' ? (Array.isArray(u) ? u[k] : undefined) : own(u, k);
  }
  return u === true;
}

/** Terraform writes unset optional strings as null (plan) or "" (state): both mean absent. */
export function present(value: unknown): unknown {
  return value === '' || value === null ? undefined : value;
}

/** Where an argument is in the plan: under after_unknown when it is known only after apply, else in the values. */
export function argumentPath(inst: Instance, keys: readonly (string | number)[]): JsonPath {
  return isUnknown(inst.unknown, keys) && inst.unknownPath
    ? [...inst.unknownPath, ...keys]
    : [...inst.valuesPath, ...keys];
}

/** The evidence key of a certificate the plan requests (`tf:` and its resource address). */
export function tfEvidenceKey(address: string): string {
  return `tf:${address}`;
}
