/**
 * AWS CLI output of distribution tenants (CloudFront SaaS Manager) → tenant entries:
 * `get-distribution-tenant` / `create-distribution-tenant` output (`{DistributionTenant, ETag}`),
 * `list-distribution-tenants` (`{DistributionTenantList: [...]}`) and the create request given
 * with `--cli-input-json` (`{DistributionId, Domains, Name, ...}`).
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionTenant.html
 * https://docs.aws.amazon.com/cli/latest/reference/cloudfront/create-distribution-tenant.html
 */

import type { Distribution, Field, TenantOf } from '../cloudfront/model.js';
import type { InputKind } from './detect.js';
import type { JsonPath, SourceDocument } from './document.js';
import { displayName } from './document.js';
import {
  asString,
  type Collected,
  field,
  isRecord,
  own,
  ownRecord,
  ownString,
  UnresolvedValue,
} from './fields.js';

const TENANT_ARN = /^arn:[a-z-]+:cloudfront::(\d{12}):distribution-tenant\//;

/** Reads the tenants of one CLI document into `out`. */
export function readTenantOutput(doc: SourceDocument, kind: InputKind, out: Collected): void {
  const v = doc.value;
  switch (kind) {
    case 'cloudfront-tenant':
      out.distributions.push(
        deployed(readTenant(doc, ['DistributionTenant'], own(v, 'DistributionTenant'), 0)),
      );
      return;
    case 'cloudfront-tenant-request':
      out.distributions.push(readTenant(doc, [], v, 0));
      return;
    case 'cloudfront-tenant-list': {
      const items = own(v, 'DistributionTenantList');
      if (!Array.isArray(items)) return;
      items.forEach((item, i) => {
        out.distributions.push(deployed(readTenant(doc, ['DistributionTenantList', i], item, i)));
      });
      return;
    }
    default:
      return;
  }
}

/** A tenant of get-/create-distribution-tenant or list-distribution-tenants output: one that exists. */
function deployed(t: Distribution): Distribution {
  return { ...t, deployed: true };
}

/** One DistributionTenant (or summary, or create request) → a tenant entry. */
function readTenant(doc: SourceDocument, path: JsonPath, raw: unknown, index: number): Distribution {
  const t = isRecord(raw) ? raw : {};
  const at = (...rest: (string | number)[]) => doc.locator([...path, ...rest]);
  const certificate = ownRecord(ownRecord(t, 'Customizations'), 'Certificate');
  const arn = own(certificate, 'Arn');
  const managed = own(t, 'ManagedCertificateRequest');
  const parentRaw = own(t, 'DistributionId');
  const parent: Field<string> = {
    value: asString(parentRaw, 'DistributionId') ?? new UnresolvedValue('the tenant has no DistributionId'),
    location: at(...(parentRaw === undefined ? [] : ['DistributionId'])),
  };
  const info: TenantOf = {
    parent,
    certificate: arn !== undefined ? 'own' : managed !== undefined ? 'managed' : 'parent',
    ...identity(ownString(t, 'Name'), ownString(t, 'Id')),
    ...(managed !== undefined ? { managedCertificateRequest: at('ManagedCertificateRequest') } : {}),
  };
  const account = TENANT_ARN.exec(ownString(t, 'Arn') ?? '')?.[1];
  const arnField =
    arn === undefined
      ? undefined
      : field(asString(arn, 'Customizations.Certificate.Arn'), at('Customizations', 'Certificate', 'Arn'));
  return {
    id: ownString(t, 'Name') ?? ownString(t, 'Id') ?? `${displayName(doc.source)}#${index}`,
    format: 'aws-cli',
    source: doc.source,
    location: at(),
    aliases: domains(doc, path, own(t, 'Domains')),
    ...(arnField
      ? { viewerCertificate: { location: at('Customizations', 'Certificate'), acmCertificateArn: arnField } }
      : {}),
    ...(account !== undefined ? { accountId: account } : {}),
    tenant: info,
  };
}

/** Name and Id: the tenant's identity in the account. */
function identity(...values: (string | undefined)[]): { names?: string[] } {
  const names = values.filter((v): v is string => v !== undefined);
  return names.length > 0 ? { names } : {};
}

/** `Domains: [{Domain, Status}]`, each domain where it is written. */
function domains(doc: SourceDocument, path: JsonPath, list: unknown): Field<string>[] {
  if (!Array.isArray(list)) return [];
  const out: Field<string>[] = [];
  list.forEach((item, i) => {
    const raw = isRecord(item) ? own(item, 'Domain') : item;
    const value = asString(raw, `Domains[${i}].Domain`) ?? new UnresolvedValue(`Domains[${i}] has no Domain`);
    out.push({
      value,
      location: doc.locator([...path, 'Domains', i, ...(isRecord(item) ? ['Domain'] : [])]),
    });
  });
  return out;
}
