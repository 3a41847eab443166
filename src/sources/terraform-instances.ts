/**
 * The resource instances of a Terraform plan JSON that the gate reads, with their values, what
 * is unknown until apply, and where both are in the document.
 * https://developer.hashicorp.com/terraform/internals/json-format#change-representation
 */

import type { JsonPath } from './document.js';
import { isRecord, own, ownRecord, ownString } from './fields.js';

/** Child modules are followed at most this deep in planned_values. */
const MAX_MODULE_DEPTH = 16;

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
  readonly values: Record<string, unknown>;
  readonly unknown: unknown;
  readonly valuesPath: JsonPath;
  readonly unknownPath?: JsonPath;
  readonly path: JsonPath;
}

/** The managed instances of `types`: from resource_changes (skipping deletions), else planned_values (or a state's values). */
export function collectInstances(plan: Record<string, unknown>, types: ReadonlySet<string>): Instance[] {
  const changes = own(plan, 'resource_changes');
  const wanted = (type: unknown) => typeof type === 'string' && types.has(type);
  if (Array.isArray(changes)) {
    return changes.flatMap((rc, i): Instance[] => {
      const change = own(rc, 'change');
      const actions = own(change, 'actions');
      const after = own(change, 'after');
      if (own(rc, 'mode') !== 'managed' || !wanted(own(rc, 'type')) || !isRecord(after)) return [];
      if (Array.isArray(actions) && actions.length === 1 && actions[0] === 'delete') return [];
      const path: JsonPath = ['resource_changes', i];
      return [
        instance(rc as Record<string, unknown>, after, own(change, 'after_unknown'), path, [
          ...path,
          'change',
        ]),
      ];
    });
  }
  const out: Instance[] = [];
  const root = ownRecord(own(plan, 'planned_values') ?? own(plan, 'values'), 'root_module');
  const base: JsonPath = [Object.hasOwn(plan, 'planned_values') ? 'planned_values' : 'values', 'root_module'];
  const walk = (module: unknown, path: JsonPath, depth: number) => {
    if (depth > MAX_MODULE_DEPTH) return;
    const resources = own(module, 'resources');
    if (Array.isArray(resources)) {
      resources.forEach((r, i) => {
        const values = own(r, 'values');
        if (own(r, 'mode') === 'managed' && wanted(own(r, 'type')) && isRecord(values)) {
          out.push(
            instance(
              r as Record<string, unknown>,
              values,
              undefined,
              [...path, 'resources', i],
              [...path, 'resources', i],
            ),
          );
        }
      });
    }
    const children = own(module, 'child_modules');
    if (Array.isArray(children))
      children.forEach((c, i) => {
        walk(c, [...path, 'child_modules', i], depth + 1);
      });
  };
  walk(root, base, 0);
  return out;
}

function instance(
  r: Record<string, unknown>,
  values: Record<string, unknown>,
  unknown: unknown,
  path: JsonPath,
  holder: JsonPath,
): Instance {
  const address = ownString(r, 'address') ?? `${String(own(r, 'type'))}.${String(own(r, 'name'))}`;
  const moduleAddress = /^((?:module\.[^.[]+(?:\[[^\]]*\])?\.)*)/.exec(address)![1]!.replace(/\.$/, '');
  const modulePath = [...moduleAddress.matchAll(/module\.([^.[]+)/g)].map((m) => m[1]!);
  const index = own(r, 'index');
  const inChange = holder.length !== path.length;
  return {
    address,
    moduleAddress,
    modulePath,
    type: String(own(r, 'type')),
    name: String(own(r, 'name')),
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
