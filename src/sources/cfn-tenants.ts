/**
 * `AWS::CloudFront::DistributionTenant` resources (CloudFront SaaS Manager) → tenant entries. A
 * tenant names its multi-tenant distribution by `DistributionId`: a `Ref` or `Fn::GetAtt … Id` of
 * a distribution in the same template (whose id is only known at deploy time, so the reference
 * itself says which one) or a literal CloudFront id.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudfront-distributiontenant.html
 */

import type { Distribution, Field, SourceFormat, TenantOf } from '../cloudfront/model.js';
import { isUnresolved } from '../cloudfront/model.js';
import { ResourceReference } from './cfn-intrinsics.js';
import type { JsonPath, SourceDocument } from './document.js';
import { asString, compact, isRecord, own, UnresolvedValue } from './fields.js';

export const TENANT_TYPE = 'AWS::CloudFront::DistributionTenant';

/** A value in the template and where it is written (the template reader's cursor). */
interface Cursor {
  readonly node: unknown;
  readonly path: JsonPath;
}

/** What the tenant reader needs of the template reader (its Navigator), which evaluates intrinsics. */
export interface TemplateNavigator {
  readonly doc: SourceDocument;
  child(c: Cursor | undefined, key: string): Cursor | undefined;
  value(c: Cursor | undefined): { value: unknown; path: JsonPath } | undefined;
  field<T>(
    parent: Cursor | undefined,
    key: string,
    as: (v: unknown, n: string) => T | UnresolvedValue | undefined,
  ): Field<T> | undefined;
  list(
    c: Cursor | undefined,
    name: string,
  ): { items: Field<string>[] } | { unresolved: UnresolvedValue; path: JsonPath } | undefined;
}

/** How the template is read: ids are prefixed for CDK (`Stack/LogicalId`). */
export interface TenantReadOptions {
  readonly format: Extract<SourceFormat, 'cloudformation' | 'cdk'>;
  readonly idPrefix?: string;
  readonly accountId?: string;
}

/**
 * One tenant resource → a tenant entry. `certificates` maps the template's certificate resources
 * (logical id) to their evidence keys, as for distributions.
 */
export function readTenant(
  nav: TemplateNavigator,
  logicalId: string,
  options: TenantReadOptions,
  certificates: ReadonlyMap<string, string>,
): Distribution {
  const doc = nav.doc;
  const base: JsonPath = ['Resources', logicalId];
  const prefixed = (id: string) => (options.idPrefix ? `${options.idPrefix}/${id}` : id);
  const props = nav.child({ node: own(own(doc.value, 'Resources'), logicalId), path: base }, 'Properties');

  const parentCursor = nav.child(props, 'DistributionId');
  const parentNamed = referencedDistribution(parentCursor?.node, own(doc.value, 'Resources'));
  const parentValue = nav.value(parentCursor);
  const parent: Field<string> = {
    value:
      parentNamed !== undefined
        ? prefixed(parentNamed)
        : parentValue === undefined
          ? new UnresolvedValue('the tenant has no DistributionId')
          : (asString(parentValue.value, 'DistributionId') ?? new UnresolvedValue('DistributionId is empty')),
    location: doc.locator(parentValue?.path ?? parentCursor?.path ?? base),
  };

  const domains = nav.list(nav.child(props, 'Domains'), 'Domains');
  const customizations = nav.child(props, 'Customizations');
  const certificateCursor = nav.child(customizations, 'Certificate');
  const arn = nav.field(certificateCursor, 'Arn', asString);
  const managed = nav.child(props, 'ManagedCertificateRequest');
  // the Name is the tenant's identity in the account (--aws): only a literal one says which
  const name = nav.field(props, 'Name', asString)?.value;
  const info: TenantOf = {
    parent,
    certificate: arn !== undefined ? 'own' : managed !== undefined ? 'managed' : 'parent',
    ...(typeof name === 'string' ? { names: [name] } : {}),
    ...(managed !== undefined ? { managedCertificateRequest: doc.locator(managed.path) } : {}),
  };
  const resource =
    arn?.value instanceof ResourceReference ? certificates.get(arn.value.logicalId) : undefined;
  return compact<Distribution>({
    id: prefixed(logicalId),
    format: options.format,
    source: doc.source,
    location: doc.locator(base),
    aliases: domains && 'items' in domains ? domains.items : [],
    aliasesUnresolved:
      domains && 'unresolved' in domains
        ? Object.assign(new UnresolvedValue(domains.unresolved.reason), {
            location: doc.locator(domains.path),
          })
        : undefined,
    viewerCertificate:
      arn !== undefined
        ? { location: doc.locator(certificateCursor?.path ?? base), acmCertificateArn: arn }
        : undefined,
    accountId: options.accountId,
    certificateResource: resource,
    tenant: info,
  });
}

/**
 * The logical id of the template's distribution a `Ref` or `Fn::GetAtt [Id, 'Id']` names, written
 * as is (long or short form): its id exists only at deploy time, but the reference says which
 * distribution it is. A parameter of that name, or another resource type, is not one.
 */
function referencedDistribution(node: unknown, resources: unknown): string | undefined {
  if (!isRecord(node) || isUnresolved(node)) return undefined;
  const att = own(node, 'Fn::GetAtt');
  const parts = typeof att === 'string' ? att.split('.') : Array.isArray(att) ? att : undefined;
  const ref = own(node, 'Ref');
  const id =
    typeof ref === 'string'
      ? ref
      : parts?.length === 2 && typeof parts[0] === 'string' && parts[1] === 'Id'
        ? parts[0]
        : undefined;
  if (id === undefined) return undefined;
  return own(own(resources, id), 'Type') === DISTRIBUTION_TYPE ? id : undefined;
}

const DISTRIBUTION_TYPE = 'AWS::CloudFront::Distribution';
