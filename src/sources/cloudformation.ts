/**
 * CloudFormation templates (JSON or YAML; CDK stack templates too) → Distributions from
 * `AWS::CloudFront::Distribution` and evidence from `AWS::CertificateManager::Certificate`
 * resources. Other resource types (`AWS::Serverless::*` included) are ignored.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cloudfront-distribution-viewercertificate.html
 */

import type {
  CertificateEvidence,
  Distribution,
  Field,
  SourceFormat,
  ViewerCertificate,
} from '../cloudfront/model.js';
import { isUnresolved } from '../cloudfront/model.js';
import { createFinding } from '../findings/finding.js';
import { normalizeKeyAlgorithm } from './acm.js';
import {
  CERTIFICATE_TYPE,
  CfnResolver,
  intrinsicName,
  MAX_EXPRESSION_DEPTH,
  NO_VALUE,
  ResourceReference,
} from './cfn-intrinsics.js';
import { type JsonPath, type SourceDocument, unreadableInput } from './document.js';
import {
  asBoolean,
  asString,
  type Collected,
  compact,
  type FieldNames,
  field,
  isRecord,
  own,
  ownString,
  UnresolvedValue,
  unresolvedFindings,
} from './fields.js';

/** CloudFormation property names, as INPUT_UNRESOLVED_VALUE names them. */
const CFN_FIELD_NAMES: FieldNames = {
  aliases: 'DistributionConfig.Aliases',
  aliasesQuantity: 'DistributionConfig.Aliases',
  cloudFrontDefaultCertificate: 'ViewerCertificate.CloudFrontDefaultCertificate',
  acmCertificateArn: 'ViewerCertificate.AcmCertificateArn',
  iamCertificateId: 'ViewerCertificate.IamCertificateId',
  sslSupportMethod: 'ViewerCertificate.SslSupportMethod',
  minimumProtocolVersion: 'ViewerCertificate.MinimumProtocolVersion',
  certificate: 'ViewerCertificate.Certificate',
  certificateSource: 'ViewerCertificate.CertificateSource',
  httpVersion: 'DistributionConfig.HttpVersion',
  connectionMode: 'DistributionConfig.ConnectionMode',
};

const DISTRIBUTION_TYPE = 'AWS::CloudFront::Distribution';

/** How a template is read: its format, and what its deployment environment fixes. */
interface TemplateOptions {
  readonly format: Extract<SourceFormat, 'cloudformation' | 'cdk'>;
  readonly parameters: Readonly<Record<string, string>>;
  readonly region?: string;
  readonly accountId?: string;
  readonly stackName?: string;
  /** Prefix of distribution ids (`Stack` gives `Stack/LogicalId`, as CDK names them). */
  readonly idPrefix?: string;
}

/** The evidence key of a template's certificate resource. */
function cfnEvidenceKey(source: string, logicalId: string): string {
  return `cfn:${source}#${logicalId}`;
}

/** Reads one template's distributions and certificate resources into `out`. */
export function readTemplate(doc: SourceDocument, options: TemplateOptions, out: Collected): void {
  const template = doc.value as Record<string, unknown>;
  const resources = own(template, 'Resources');
  if (resources === undefined) return;
  if (!isRecord(resources)) throw unreadableInput(doc.source, 'Resources is not a mapping');
  const resolver = new CfnResolver({
    template,
    style: doc.syntax,
    parameters: options.parameters,
    ...(options.region !== undefined ? { region: options.region } : {}),
    ...(options.accountId !== undefined ? { accountId: options.accountId } : {}),
    ...(options.stackName !== undefined ? { stackName: options.stackName } : {}),
  });
  const nav = new Navigator(doc, resolver);
  const certificates = new Map<string, string>();
  for (const [id, resource] of Object.entries(resources)) {
    if (ownString(resource, 'Type') !== CERTIFICATE_TYPE || resolver.isCreated(resource) === false) continue;
    const evidence = readCertificate(nav, id, options);
    certificates.set(id, evidence.key);
    out.evidence.push(evidence);
  }
  for (const [id, resource] of Object.entries(resources)) {
    if (ownString(resource, 'Type') !== DISTRIBUTION_TYPE) continue;
    const created = resolver.isCreated(resource);
    if (created === false) continue;
    const d = readDistribution(nav, id, options, certificates);
    out.distributions.push(d);
    if (created instanceof UnresolvedValue) {
      const args = {
        field: 'Condition',
        distribution: d.id,
        reason: created.reason,
        skipped: 'nothing; checked as if created',
      };
      const location = doc.locator(['Resources', id, 'Condition']);
      out.findings.push({
        distributionId: d.id,
        finding: createFinding('INPUT_UNRESOLVED_VALUE', location, args),
      });
    }
    out.findings.push(...unresolvedFindings(d, CFN_FIELD_NAMES));
  }
}

/** A value in the template and where it is written; `node` is an UnresolvedValue when it is unknown. */
interface Cursor {
  readonly node: unknown;
  readonly path: JsonPath;
}

const unknownAt = (node: unknown, path: JsonPath): Cursor => ({ node, path });

/** Walks a template through `Fn::If` branches, resolving other intrinsics where they stand. */
class Navigator {
  constructor(
    readonly doc: SourceDocument,
    private readonly resolver: CfnResolver,
  ) {}

  /**
   * Into the chosen branch of each `Fn::If` with a known condition (the path follows it), other
   * intrinsics evaluated in place; undefined for `AWS::NoValue`.
   */
  settle(c: Cursor | undefined): Cursor | undefined {
    let cur = c;
    for (let i = 0; cur && i < MAX_EXPRESSION_DEPTH; i++) {
      const fn = isRecord(cur.node) && !isUnresolved(cur.node) ? intrinsicName(cur.node) : undefined;
      if (fn === undefined) return cur;
      const arg = (cur.node as Record<string, unknown>)[fn];
      if (fn === 'Fn::If' && Array.isArray(arg) && arg.length === 3 && typeof arg[0] === 'string') {
        const chosen = this.resolver.condition(arg[0]);
        if (chosen instanceof UnresolvedValue) return unknownAt(chosen, cur.path);
        const branch = chosen ? 1 : 2;
        cur = { node: arg[branch], path: [...cur.path, fn, branch] };
        continue;
      }
      const value = this.resolver.resolve(cur.node);
      return value === NO_VALUE ? undefined : { node: value, path: cur.path };
    }
    return (
      cur &&
      unknownAt(new UnresolvedValue(`expression nested deeper than ${MAX_EXPRESSION_DEPTH} levels`), cur.path)
    );
  }

  /** The property `key` of the mapping at `c` (an unknown mapping makes every property unknown). */
  child(c: Cursor | undefined, key: string): Cursor | undefined {
    const s = this.settle(c);
    if (!s || isUnresolved(s.node)) return s;
    if (!isRecord(s.node))
      return unknownAt(new UnresolvedValue(`${String(s.path.at(-1) ?? 'value')} is not a mapping`), s.path);
    return Object.hasOwn(s.node, key) ? { node: s.node[key], path: [...s.path, key] } : undefined;
  }

  /** The resolved value at `c` and where it is written. */
  value(c: Cursor | undefined): { value: unknown; path: JsonPath } | undefined {
    const s = this.settle(c);
    if (!s) return undefined;
    if (isUnresolved(s.node)) return { value: s.node, path: s.path };
    const v = this.resolver.resolve(s.node);
    return v === NO_VALUE ? undefined : { value: v, path: s.path };
  }

  field<T>(
    parent: Cursor | undefined,
    key: string,
    as: (v: unknown, n: string) => T | UnresolvedValue | undefined,
  ): Field<T> | undefined {
    const r = this.value(this.child(parent, key));
    return r === undefined ? undefined : field(as(r.value, key), this.doc.locator(r.path));
  }

  /** A list of strings (Aliases), item by item where the list is written out. */
  list(
    c: Cursor | undefined,
  ): { items: Field<string>[] } | { unresolved: UnresolvedValue; path: JsonPath } | undefined {
    const s = this.settle(c);
    if (s === undefined) return undefined;
    if (isUnresolved(s.node)) return { unresolved: s.node as UnresolvedValue, path: s.path };
    if (!Array.isArray(s.node))
      return { unresolved: new UnresolvedValue('the value is not a list'), path: s.path };
    const items: Field<string>[] = [];
    s.node.forEach((item, i) => {
      const r = this.value({ node: item, path: [...s.path, i] });
      if (r) items.push(field(asString(r.value, `item ${i}`), this.doc.locator(r.path))!);
    });
    return { items };
  }
}

function readDistribution(
  nav: Navigator,
  logicalId: string,
  options: TemplateOptions,
  certificates: ReadonlyMap<string, string>,
): Distribution {
  const doc = nav.doc;
  const base: JsonPath = ['Resources', logicalId];
  const properties = nav.child(
    { node: own(own(doc.value, 'Resources'), logicalId), path: base },
    'Properties',
  );
  const config = nav.child(properties, 'DistributionConfig');
  const aliases: Field<string>[] = [];
  let aliasesUnresolved: Distribution['aliasesUnresolved'];
  for (const key of ['Aliases', 'CNAMEs']) {
    const list = nav.list(nav.child(config, key));
    if (list && 'items' in list) aliases.push(...list.items);
    else if (list) aliasesUnresolved ??= Object.assign(list.unresolved, { location: doc.locator(list.path) });
  }
  const viewerCertificate = readViewerCertificate(nav, nav.child(config, 'ViewerCertificate'));
  const arn = viewerCertificate?.acmCertificateArn?.value;
  const certificateResource = arn instanceof ResourceReference ? certificates.get(arn.logicalId) : undefined;
  return compact<Distribution>({
    id: options.idPrefix ? `${options.idPrefix}/${logicalId}` : logicalId,
    format: options.format,
    source: doc.source,
    location: doc.locator(base),
    aliases,
    aliasesUnresolved,
    viewerCertificate,
    httpVersion: nav.field(config, 'HttpVersion', asString),
    connectionMode: nav.field(config, 'ConnectionMode', asString),
    accountId: options.accountId,
    certificateResource,
  });
}

function readViewerCertificate(nav: Navigator, vc: Cursor | undefined): ViewerCertificate | undefined {
  const settled = nav.settle(vc);
  if (settled === undefined) return undefined;
  const location = nav.doc.locator(settled.path);
  if (isUnresolved(settled.node)) {
    return { location, acmCertificateArn: { value: settled.node as UnresolvedValue, location } };
  }
  return compact<ViewerCertificate>({
    location,
    cloudFrontDefaultCertificate: nav.field(settled, 'CloudFrontDefaultCertificate', asBoolean),
    acmCertificateArn: nav.field(settled, 'AcmCertificateArn', asString),
    iamCertificateId: nav.field(settled, 'IamCertificateId', asString),
    sslSupportMethod: nav.field(settled, 'SslSupportMethod', asString),
    minimumProtocolVersion: nav.field(settled, 'MinimumProtocolVersion', asString),
  });
}

/** An `AWS::CertificateManager::Certificate` as evidence: what the stack will request. */
function readCertificate(nav: Navigator, logicalId: string, options: TemplateOptions): CertificateEvidence {
  const doc = nav.doc;
  const base: JsonPath = ['Resources', logicalId];
  const props = nav.child({ node: own(own(doc.value, 'Resources'), logicalId), path: base }, 'Properties');
  const read = (key: string) => nav.value(nav.child(props, key))?.value;
  const domain = read('DomainName');
  const sans = read('SubjectAlternativeNames');
  const keyAlgorithm = read('KeyAlgorithm');
  const method = read('ValidationMethod');
  return compact<CertificateEvidence>({
    key: cfnEvidenceKey(doc.source, logicalId),
    kind: 'cfn-resource',
    source: doc.source,
    location: doc.locator(base),
    region: options.region,
    accountId: options.accountId,
    type: read('CertificateAuthorityArn') === undefined ? 'AMAZON_ISSUED' : 'PRIVATE',
    domainName: typeof domain === 'string' ? domain : undefined,
    subjectAlternativeNames: requestedNames(domain, sans),
    // ACM requests RSA_2048 keys unless told otherwise (BOTO-ACM RequestCertificate.KeyAlgorithm)
    keyAlgorithm:
      keyAlgorithm === undefined
        ? 'RSA_2048'
        : typeof keyAlgorithm === 'string'
          ? normalizeKeyAlgorithm(keyAlgorithm)
          : undefined,
    validationMethod: typeof method === 'string' ? method : undefined,
  });
}

/** DomainName plus SubjectAlternativeNames, as ACM lists them; Unresolved when any is computed. */
function requestedNames(domain: unknown, sans: unknown): readonly string[] | UnresolvedValue | undefined {
  if (isUnresolved(domain)) return domain as UnresolvedValue;
  if (isUnresolved(sans)) return sans as UnresolvedValue;
  const list = Array.isArray(sans) ? sans : [];
  const computed = list.find(isUnresolved);
  if (computed) return computed as UnresolvedValue;
  const names = [domain, ...list].filter((n): n is string => typeof n === 'string');
  return names.length === 0 ? undefined : [...new Set(names)];
}
