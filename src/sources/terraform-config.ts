/**
 * The `configuration` section of a Terraform plan JSON: which resource an expression refers to
 * (to link a distribution to the certificate it uses when the ARN is known only after apply),
 * and which region a resource's aws provider is configured for.
 * https://developer.hashicorp.com/terraform/internals/json-format#configuration-representation
 */

import { own, ownRecord, ownString } from './fields.js';

/** A certificate a reference leads to: its module (call names) and resource name, and the instance key if given. */
export interface CertificateTarget {
  readonly modulePath: readonly string[];
  readonly name: string;
  /** `0`, `"key"` (as written inside the brackets), when the reference names an instance. */
  readonly index?: string;
  /**
   * Whether the chain from the expression to the certificate went through an
   * `aws_acm_certificate_validation` (its `certificate_arn`, or an output that depends on one):
   * then Terraform waits for ISSUED before the expression has a value.
   */
  readonly validated?: boolean;
  /**
   * Set when that validation resource runs under an aws provider of another region than the
   * certificate's: it looks for the certificate in its own region, never finds it, and the apply
   * fails there (terraform-provider-aws #41990).
   */
  readonly validatedElsewhere?: {
    /** The validation resource's address (`module.cdn.aws_acm_certificate_validation.this`). */
    readonly validation: string;
    readonly region: string;
    readonly certificateRegion: string;
    /** The certificate's provider configuration (`aws.us_east_1`, `module.cdn:aws.east`), when the plan says. */
    readonly certificateProvider?: string;
  };
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
  /** Modules known to declare (or not) a validation resource somewhere inside, for `depends_on` on a module. */
  private readonly validations = new Map<Record<string, unknown>, boolean>();

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

  /**
   * The one certificate the inputs of the module at `modulePath` lead to, when there is exactly
   * one. Terraform leaves `dynamic` blocks out of the plan's configuration, so a module that
   * builds its viewer_certificate from a variable (`dynamic "viewer_certificate" { for_each =
   * [var.viewer_certificate] ... }`) shows no expression to follow; the certificate the caller
   * hands the module is then the only one it can use. Two or more: undefined (not guessed).
   */
  onlyCertificateGivenTo(modulePath: readonly string[]): Followed {
    if (modulePath.length === 0) return undefined;
    const parent = modulePath.slice(0, -1);
    const call = ownRecord(own(this.module(parent), 'module_calls'), modulePath.at(-1)!);
    const inputs = ownRecord(call, 'expressions');
    if (!inputs) return undefined;
    const found = new Map<string, CertificateTarget>();
    const collect = (expression: unknown, depth: number): void => {
      if (depth > 8 || expression === null || typeof expression !== 'object') return;
      if (Array.isArray(own(expression, 'references'))) {
        const target = this.certificateFor(parent, expression);
        if (target === TOO_DEEP) return;
        if (target) found.set(`${target.modulePath.join('.')} ${target.name} ${target.index ?? ''}`, target);
        return;
      }
      // an object argument (`viewer_certificate = { acm_certificate_arn = ... }`) holds expressions
      for (const value of Object.values(expression)) collect(value, depth + 1);
    };
    for (const expression of Object.values(inputs)) collect(expression, 0);
    return found.size === 1 ? [...found.values()][0] : undefined;
  }

  /** `modulePath type.name` of every resource the plan has an instance of (deletions excluded). */
  private plannedResources: Set<string> | undefined;

  /**
   * Whether the plan has an instance of a resource that has `count` or `for_each` (which may make
   * none). A resource without them, or a plan without resource_changes (a state's `terraform show
   * -json`), is taken as planned.
   */
  private planned(modulePath: readonly string[], resource: Record<string, unknown> | undefined): boolean {
    const changes = own(this.plan, 'resource_changes');
    if (!resource || !Array.isArray(changes)) return true;
    if (own(resource, 'count_expression') === undefined && own(resource, 'for_each_expression') === undefined)
      return true;
    const type = String(own(resource, 'type'));
    const name = String(own(resource, 'name'));
    if (!this.plannedResources) {
      this.plannedResources = new Set();
      for (const rc of changes) {
        const actions = own(own(rc, 'change'), 'actions');
        if (Array.isArray(actions) && actions.length > 0 && actions.every((a) => a === 'delete')) continue;
        const calls = [...String(own(rc, 'module_address') ?? '').matchAll(/module\.([A-Za-z0-9_-]+)/g)].map(
          (m) => m[1],
        );
        this.plannedResources.add(`${calls.join('.')} ${String(own(rc, 'type'))}.${String(own(rc, 'name'))}`);
      }
    }
    return this.plannedResources.has(`${modulePath.join('.')} ${type}.${name}`);
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
        // `count = 0` (a module's wait_for_validation = false): the plan makes no validation, so
        // the reference is an error try() skips, and the next one is what the expression gives
        const validation = this.resource(modulePath, kind, name);
        if (!this.planned(modulePath, validation)) return undefined;
        const target = this.certificateFor(modulePath, this.expression(validation, 'certificate_arn'), depth);
        if (!target || target === TOO_DEEP) return target;
        const region = this.providerRegion(validation);
        const certificate = this.resource(target.modulePath, 'aws_acm_certificate', target.name);
        const certificateRegion = this.providerRegion(certificate);
        const certificateProvider = ownString(certificate, 'provider_config_key');
        // the distribution still waits for it (validated), but the wait ends in an error
        return region !== undefined && certificateRegion !== undefined && region !== certificateRegion
          ? {
              ...target,
              validated: true,
              validatedElsewhere: {
                validation: addressOf(modulePath, kind, name),
                region,
                certificateRegion,
                ...(certificateProvider !== undefined ? { certificateProvider } : {}),
              },
            }
          : { ...target, validated: true };
      }
      case 'module': {
        if (attribute === undefined) return undefined;
        const inner = [...modulePath, name];
        const output = ownRecord(own(this.module(inner), 'outputs'), attribute);
        const target = this.certificateFor(inner, own(output, 'expression'), depth);
        // `output { depends_on = [aws_acm_certificate_validation.x] }` makes readers of the output wait too
        return target &&
          target !== TOO_DEEP &&
          !target.validated &&
          this.waitsFor(inner, own(output, 'depends_on'))
          ? { ...target, validated: true }
          : target;
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
   * Whether a resource of the module at `modulePath` waits for a certificate validation through
   * `depends_on`: its own, or that of a module call around it (a dependency of a module call is
   * one of everything inside it). A `depends_on` on a module counts when that module, or one
   * below it, declares an `aws_acm_certificate_validation`.
   */
  resourceWaitsForValidation(
    modulePath: readonly string[],
    resource: Record<string, unknown> | undefined,
  ): boolean {
    if (this.waitsFor(modulePath, own(resource, 'depends_on'))) return true;
    for (let i = modulePath.length; i > 0; i--) {
      const parent = modulePath.slice(0, i - 1);
      const call = ownRecord(own(this.module(parent), 'module_calls'), modulePath[i - 1]!);
      if (this.waitsFor(parent, own(call, 'depends_on'))) return true;
    }
    return false;
  }

  /** Whether a `depends_on` list (in the module at `modulePath`) names a validation, directly or through a module. */
  private waitsFor(modulePath: readonly string[], dependsOn: unknown): boolean {
    if (!Array.isArray(dependsOn)) return false;
    return dependsOn.some((d) => {
      if (typeof d !== 'string') return false;
      if (d.startsWith('aws_acm_certificate_validation.')) return true;
      const m = /^module\.([A-Za-z0-9_-]+)/.exec(d);
      return m !== null && this.declaresValidation(this.module([...modulePath, m[1]!]));
    });
  }

  /** Whether a module or one of its child modules (at most MAX_REFERENCE_DEPTH levels) declares a validation resource. */
  private declaresValidation(module: Record<string, unknown> | undefined): boolean {
    if (module === undefined) return false;
    let known = this.validations.get(module);
    if (known === undefined) {
      known = scanForValidation(module);
      this.validations.set(module, known);
    }
    return known;
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

/** Whether a module or one below it (at most MAX_REFERENCE_DEPTH levels) declares an aws_acm_certificate_validation. */
function scanForValidation(module: Record<string, unknown>): boolean {
  const stack = [{ module, depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const resources = own(next.module, 'resources');
    if (
      Array.isArray(resources) &&
      resources.some((r) => own(r, 'type') === 'aws_acm_certificate_validation')
    )
      return true;
    if (next.depth >= MAX_REFERENCE_DEPTH) continue;
    for (const call of Object.values(ownRecord(next.module, 'module_calls') ?? {})) {
      const inner = ownRecord(call, 'module');
      if (inner) stack.push({ module: inner, depth: next.depth + 1 });
    }
  }
  return false;
}

/** A resource's address in the plan: its module calls and `type.name`. */
function addressOf(modulePath: readonly string[], type: string, name: string): string {
  return [...modulePath.map((m) => `module.${m}`), `${type}.${name}`].join('.');
}
