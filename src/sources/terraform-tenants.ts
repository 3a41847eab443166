/**
 * Terraform's distribution tenants (`aws_cloudfront_distribution_tenant`, AWS provider 6.x) →
 * tenant entries. A tenant names its multi-tenant distribution by `distribution_id`, usually
 * `aws_cloudfront_multitenant_distribution.NAME.id`, known only after apply: the configuration
 * section of the plan says which resource the expression refers to.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution_tenant
 */

import type { Distribution, Field, TenantOf } from '../cloudfront/model.js';
import type { Locator } from '../findings/types.js';
import type { JsonPath, SourceDocument } from './document.js';
import { asString, field, isRecord, own, UnresolvedValue } from './fields.js';
import type { TerraformConfig } from './terraform-config.js';
import { argumentPath, type Instance, isUnknown, present, tfEvidenceKey } from './terraform-instances.js';

export const TENANT = 'aws_cloudfront_distribution_tenant';
export const MULTITENANT_DISTRIBUTION = 'aws_cloudfront_multitenant_distribution';

/** A reference to a distribution resource of the same module (`TYPE.NAME`, `TYPE.NAME[KEY]`). */
const DISTRIBUTION_REFERENCE =
  /^(aws_cloudfront_multitenant_distribution|aws_cloudfront_distribution)\.([A-Za-z0-9_-]+)(\[[^\]]+\])?/;

/** How a tenant or distribution takes a certificate the plan requests (the evidence is keyed by its address). */
export interface CertificateLink {
  readonly cert: Instance;
  /** Nothing makes it wait for the certificate's validation: CloudFront meets it PENDING_VALIDATION. */
  readonly beforeValidation: boolean;
}

/** What the plan reader lends the tenant reader: how the expression at `keys` takes a planned certificate. */
export type CertificateLinker = (
  inst: Instance,
  keys: readonly (string | number)[],
) => CertificateLink | undefined;

/** And where an argument is: the plan position, with the resource address and the .tf line when known. */
export type ArgumentLocator = (inst: Instance, keys: readonly (string | number)[], path: JsonPath) => Locator;

/** One planned tenant instance → a tenant entry. */
export function readTerraformTenant(
  doc: SourceDocument,
  inst: Instance,
  config: TerraformConfig,
  linkCertificate: CertificateLinker,
  at: ArgumentLocator,
): { d: Distribution; link?: CertificateLink } {
  const locate = (keys: (string | number)[]) => at(inst, keys, argumentPath(inst, keys));
  const cfg = config.resource(inst.modulePath, inst.type, inst.name);
  const arnKeys = ['customizations', 0, 'certificate', 0, 'arn'];
  const ownArn = read(inst, arnKeys);
  const managed = present(own(inst.values, 'managed_certificate_request'));
  const hasManaged = Array.isArray(managed) ? managed.length > 0 : managed !== undefined;
  const info: TenantOf = {
    parent: { value: parentOf(inst, config, cfg), location: locate(['distribution_id']) },
    certificate: ownArn !== undefined ? 'own' : hasManaged ? 'managed' : 'parent',
    ...namesOf(read(inst, ['name']), read(inst, ['id'])),
    ...(hasManaged ? { managedCertificateRequest: locate(['managed_certificate_request']) } : {}),
  };
  const link = ownArn !== undefined ? linkCertificate(inst, arnKeys) : undefined;
  const certificateResource = link ? tfEvidenceKey(link.cert.address) : undefined;
  const arnField: Field<string> | undefined =
    ownArn === undefined
      ? undefined
      : {
          value: isUnresolved(ownArn)
            ? new UnresolvedValue(`customizations.certificate.arn of ${inst.address} is known after apply`)
            : ownArn,
          location: locate(arnKeys),
        };
  const d: Distribution = {
    id: inst.address,
    format: 'terraform',
    source: doc.source,
    location: at(inst, [], inst.path),
    aliases: domains(inst, locate),
    ...(arnField
      ? { viewerCertificate: { location: locate(['customizations', 0]), acmCertificateArn: arnField } }
      : {}),
    ...(certificateResource !== undefined ? { certificateResource } : {}),
    tenant: info,
  };
  return link ? { d, link } : { d };
}

const isUnresolved = (v: unknown): v is UnresolvedValue => v instanceof UnresolvedValue;

/** `name` (and the id of one already created): the tenant's identity in the account. */
function namesOf(...values: (string | UnresolvedValue | undefined)[]): { names?: string[] } {
  const names = values.filter((v): v is string => typeof v === 'string');
  return names.length > 0 ? { names } : {};
}

/** A string argument: its value, an Unresolved when known after apply, undefined when absent. */
function read(inst: Instance, keys: readonly (string | number)[]): string | UnresolvedValue | undefined {
  if (isUnknown(inst.unknown, keys)) return new UnresolvedValue('known after apply');
  let v: unknown = inst.values;
  for (const k of keys) v = typeof k === 'number' ? (Array.isArray(v) ? v[k] : undefined) : own(v, k);
  const s = present(v);
  return s === undefined ? undefined : (asString(s, keys.join('.')) ?? undefined);
}

/** `domain { domain = "..." }` blocks (a set, written as a list in plan JSON). */
function domains(
  inst: Instance,
  locate: (keys: (string | number)[]) => ReturnType<SourceDocument['locator']>,
) {
  if (isUnknown(inst.unknown, ['domain'])) {
    return [
      {
        value: new UnresolvedValue(`domain of ${inst.address} is known after apply`),
        location: locate(['domain']),
      },
    ];
  }
  const list = present(own(inst.values, 'domain'));
  if (!Array.isArray(list)) return [];
  const out: Field<string>[] = [];
  list.forEach((block, i) => {
    const keys = ['domain', i, 'domain'];
    const value = isUnknown(inst.unknown, keys)
      ? new UnresolvedValue(`domain[${i}] of ${inst.address} is known after apply`)
      : asString(present(isRecord(block) ? own(block, 'domain') : undefined), `domain[${i}].domain`);
    const f = field(
      value ?? new UnresolvedValue(`domain[${i}] of ${inst.address} has no domain`),
      locate(keys),
    );
    if (f) out.push(f);
  });
  return out;
}

/**
 * The parent distribution's id: the value when the plan knows it, else the address of the
 * distribution resource of the same module the configuration's `distribution_id` refers to.
 */
function parentOf(
  inst: Instance,
  config: TerraformConfig,
  cfg: Record<string, unknown> | undefined,
): string | UnresolvedValue {
  const known = read(inst, ['distribution_id']);
  if (typeof known === 'string') return known;
  const references = own(config.expression(cfg, 'distribution_id'), 'references');
  if (Array.isArray(references)) {
    for (const ref of references) {
      const m = typeof ref === 'string' ? DISTRIBUTION_REFERENCE.exec(ref) : null;
      if (!m) continue;
      const prefix = inst.moduleAddress === '' ? '' : `${inst.moduleAddress}.`;
      return `${prefix}${m[1]}.${m[2]}${m[3] ?? ''}`;
    }
  }
  return new UnresolvedValue(`distribution_id of ${inst.address} is known after apply`);
}
