/**
 * The `configuration` section of a Terraform plan JSON: which resource an expression refers to
 * (to link a distribution to the certificate it uses when the ARN is known only after apply),
 * and which region a resource's aws provider is configured for.
 * https://developer.hashicorp.com/terraform/internals/json-format#configuration-representation
 */

import { own, ownRecord, ownString } from './fields.js';

/** A certificate a reference leads to: its module (call names) and resource name, and the instance key if given. */
interface CertificateTarget {
  readonly modulePath: readonly string[];
  readonly name: string;
  /** `0`, `"key"` (as written inside the brackets), when the reference names an instance. */
  readonly index?: string;
}

const REFERENCE = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)(?:\[([^\]]+)\])?(?:\.([A-Za-z0-9_-]+))?/;
/**
 * References are followed at most this many steps deep (a module output, a variable passed down,
 * a validation resource: one step each). A certificate passed up through every level of the
 * deepest module nesting read (MAX_MODULE_DEPTH, 64) and down again takes about 130 steps; 256
 * keeps the recursion far inside Node's stack. A longer chain is reported, never unlinked quietly.
 */
export const MAX_REFERENCE_DEPTH = 256;

/** What following a reference chain deeper than MAX_REFERENCE_DEPTH gives: not a target, not "none". */
export const TOO_DEEP = Symbol('reference chain too deep');
type Followed = CertificateTarget | typeof TOO_DEEP | undefined;

/** Lookups in one plan's configuration. */
export class TerraformConfig {
  private readonly root: Record<string, unknown> | undefined;
  private readonly providers: Record<string, unknown> | undefined;
  /** Each module's managed resources by `type.name`, built on first use (a lookup per instance stays O(1)). */
  private readonly resourceIndex = new Map<Record<string, unknown>, Map<string, Record<string, unknown>>>();
  /**
   * What each reference (in its module) leads to, shared by every distribution: a chain many
   * distributions pass through is followed once, and a reference graph with many paths costs
   * its size, not the number of paths.
   */
  private readonly followed = new Map<string, Followed>();
  /** References being followed: meeting one again is a cycle (Terraform refuses those), which leads nowhere. */
  private readonly following = new Set<string>();

  constructor(private readonly plan: Record<string, unknown>) {
    const configuration = ownRecord(plan, 'configuration');
    this.root = ownRecord(configuration, 'root_module');
    this.providers = ownRecord(configuration, 'provider_config');
  }

  /** The configuration of the module at `path` (module call names from the root). */
  module(path: readonly string[]): Record<string, unknown> | undefined {
    let m = this.root;
    for (const name of path) m = ownRecord(ownRecord(own(m, 'module_calls'), name), 'module');
    return m;
  }

  /** A resource's configuration: `{address, type, name, provider_config_key, expressions}`. */
  resource(path: readonly string[], type: string, name: string): Record<string, unknown> | undefined {
    const module = this.module(path);
    if (module === undefined) return undefined;
    let index = this.resourceIndex.get(module);
    if (!index) {
      index = new Map();
      const resources = own(module, 'resources');
      if (Array.isArray(resources)) {
        for (const r of resources) {
          const type = own(r, 'type');
          const name = own(r, 'name');
          if (own(r, 'mode') === 'data' || typeof type !== 'string' || typeof name !== 'string') continue;
          const key = `${type}.${name}`;
          // the first declaration wins, as a linear search would find it
          if (!index.has(key)) index.set(key, r);
        }
      }
      this.resourceIndex.set(module, index);
    }
    return index.get(`${type}.${name}`);
  }

  /** An expression inside a resource's expressions, e.g. `viewer_certificate`, 0, `acm_certificate_arn`. */
  expression(resource: Record<string, unknown> | undefined, ...keys: (string | number)[]): unknown {
    let e: unknown = own(resource, 'expressions');
    for (const k of keys) e = typeof k === 'number' ? (Array.isArray(e) ? e[k] : undefined) : own(e, k);
    return e;
  }

  /**
   * Follows an expression's references to an `aws_acm_certificate`: the first reference (in
   * order) that leads to one, TOO_DEEP when the search met a chain longer than
   * MAX_REFERENCE_DEPTH before finding one, else undefined.
   */
  certificateFor(modulePath: readonly string[], expression: unknown, depth = 0): Followed {
    const references = own(expression, 'references');
    if (!Array.isArray(references)) return undefined;
    let tooDeep = false;
    for (const ref of references) {
      if (typeof ref !== 'string') continue;
      const target = this.followOnce(modulePath, ref, depth + 1);
      if (target === TOO_DEEP) tooDeep = true;
      else if (target) return target;
    }
    return tooDeep ? TOO_DEEP : undefined;
  }

  private followOnce(modulePath: readonly string[], ref: string, depth: number): Followed {
    const key = `${modulePath.join('.')} ${ref}`;
    if (this.followed.has(key)) return this.followed.get(key);
    if (this.following.has(key)) return undefined;
    if (depth > MAX_REFERENCE_DEPTH) return TOO_DEEP;
    this.following.add(key);
    const target = this.follow(modulePath, ref, depth);
    this.following.delete(key);
    this.followed.set(key, target);
    return target;
  }

  private follow(modulePath: readonly string[], ref: string, depth: number): Followed {
    const m = REFERENCE.exec(ref);
    if (!m) return undefined;
    const [, kind, name, index, attribute] = m as unknown as [string, string, string, string?, string?];
    switch (kind) {
      case 'aws_acm_certificate':
        return { modulePath, name, ...(index !== undefined ? { index } : {}) };
      case 'aws_acm_certificate_validation': {
        const validation = this.resource(modulePath, kind, name);
        return this.certificateFor(modulePath, this.expression(validation, 'certificate_arn'), depth);
      }
      case 'module': {
        if (attribute === undefined) return undefined;
        const inner = [...modulePath, name];
        const output = own(ownRecord(own(this.module(inner), 'outputs'), attribute), 'expression');
        return this.certificateFor(inner, output, depth);
      }
      case 'var': {
        if (modulePath.length === 0) return undefined;
        const parent = modulePath.slice(0, -1);
        const call = ownRecord(own(this.module(parent), 'module_calls'), modulePath.at(-1)!);
        return this.certificateFor(parent, own(own(call, 'expressions'), name), depth);
      }
      default:
        return undefined;
    }
  }

  /**
   * The region of the aws provider configuration a resource uses: its `provider_config_key`
   * (`aws`, `aws.east`, `module.cdn:aws`), falling back to the root `aws` provider. Constant
   * values and root variables (`var.region`) are understood.
   */
  providerRegion(resource: Record<string, unknown> | undefined): string | undefined {
    const key = ownString(resource, 'provider_config_key') ?? 'aws';
    const candidates = [key, key.slice(key.lastIndexOf(':') + 1), 'aws'];
    for (const k of candidates) {
      const region = own(own(ownRecord(this.providers, k), 'expressions'), 'region');
      if (region === undefined) continue;
      const constant = own(region, 'constant_value');
      if (typeof constant === 'string') return constant;
      const refs = own(region, 'references');
      const variable = Array.isArray(refs)
        ? refs.find((r) => typeof r === 'string' && r.startsWith('var.'))
        : undefined;
      const value = variable ? own(own(own(this.plan, 'variables'), variable.slice(4)), 'value') : undefined;
      return typeof value === 'string' ? value : undefined;
    }
    return undefined;
  }
}
