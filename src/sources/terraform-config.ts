/**
 * The `configuration` section of a Terraform plan JSON: which resource an expression refers to
 * (to link a distribution to the certificate it uses when the ARN is known only after apply),
 * and which region a resource's aws provider is configured for.
 * https://developer.hashicorp.com/terraform/internals/json-format#configuration-representation
 */

import { isRecord, own, ownRecord, ownString } from './fields.js';

/** A certificate a reference leads to: its module (call names) and resource name, and the instance key if given. */
interface CertificateTarget {
  readonly modulePath: readonly string[];
  readonly name: string;
  /** `0`, `"key"` (as written inside the brackets), when the reference names an instance. */
  readonly index?: string;
}

const REFERENCE = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)(?:\[([^\]]+)\])?(?:\.([A-Za-z0-9_-]+))?/;
/** References are followed at most this many steps (modules, validation resources, variables). */
const MAX_HOPS = 8;

/** Lookups in one plan's configuration. */
export class TerraformConfig {
  private readonly root: Record<string, unknown> | undefined;
  private readonly providers: Record<string, unknown> | undefined;

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
    const resources = own(this.module(path), 'resources');
    if (!Array.isArray(resources)) return undefined;
    return resources.find(
      (r) => isRecord(r) && own(r, 'type') === type && own(r, 'name') === name && own(r, 'mode') !== 'data',
    );
  }

  /** An expression inside a resource's expressions, e.g. `viewer_certificate`, 0, `acm_certificate_arn`. */
  expression(resource: Record<string, unknown> | undefined, ...keys: (string | number)[]): unknown {
    let e: unknown = own(resource, 'expressions');
    for (const k of keys) e = typeof k === 'number' ? (Array.isArray(e) ? e[k] : undefined) : own(e, k);
    return e;
  }

  /** Follows an expression's references to an `aws_acm_certificate`. */
  certificateFor(
    modulePath: readonly string[],
    expression: unknown,
    hops = 0,
  ): CertificateTarget | undefined {
    const references = own(expression, 'references');
    if (!Array.isArray(references) || hops > MAX_HOPS) return undefined;
    for (const ref of references) {
      if (typeof ref !== 'string') continue;
      const target = this.follow(modulePath, ref, hops + 1);
      if (target) return target;
    }
    return undefined;
  }

  private follow(modulePath: readonly string[], ref: string, hops: number): CertificateTarget | undefined {
    const m = REFERENCE.exec(ref);
    if (!m) return undefined;
    const [, kind, name, index, attribute] = m as unknown as [string, string, string, string?, string?];
    switch (kind) {
      case 'aws_acm_certificate':
        return { modulePath, name, ...(index !== undefined ? { index } : {}) };
      case 'aws_acm_certificate_validation': {
        const validation = this.resource(modulePath, kind, name);
        return this.certificateFor(modulePath, this.expression(validation, 'certificate_arn'), hops);
      }
      case 'module': {
        if (attribute === undefined) return undefined;
        const inner = [...modulePath, name];
        const output = own(ownRecord(own(this.module(inner), 'outputs'), attribute), 'expression');
        return this.certificateFor(inner, output, hops);
      }
      case 'var': {
        if (modulePath.length === 0) return undefined;
        const parent = modulePath.slice(0, -1);
        const call = ownRecord(own(this.module(parent), 'module_calls'), modulePath.at(-1)!);
        return this.certificateFor(parent, own(own(call, 'expressions'), name), hops);
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
