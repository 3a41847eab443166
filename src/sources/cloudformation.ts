/**
 * CloudFormation templates (JSON or YAML; CDK stack templates too) → Distributions from
 * `AWS::CloudFront::Distribution` and evidence from `AWS::CertificateManager::Certificate`
 * resources. Other resource types (`AWS::Serverless::*` included) are ignored.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cloudfront-distribution-viewercertificate.html
 */

import type {
  CertificateEvidence,
  Distribution,
  DistributionVariant,
  Field,
  SourceFormat,
  ViewerCertificate,
} from '../cloudfront/model.js';
import { isUnresolved } from '../cloudfront/model.js';
import { createFinding, type Finding } from '../findings/finding.js';
import { normalizeKeyAlgorithm } from './acm.js';
import { expandForEach } from './cfn-foreach.js';
import {
  CERTIFICATE_TYPE,
  type CfnEnvironment,
  CfnLimitError,
  CfnResolver,
  InvalidValue,
  intrinsicName,
  MAX_EXPRESSION_DEPTH,
  NO_VALUE,
  ResourceReference,
} from './cfn-intrinsics.js';
import { readTenant, TENANT_TYPE } from './cfn-tenants.js';
import { parameterConstraintFindings, validateTemplate } from './cfn-validate.js';
import { displayName, type JsonPath, type SourceDocument, unreadableInput } from './document.js';
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
  unknownList,
  unresolvedFindings,
} from './fields.js';
import { readMetadataIgnores } from './inline-ignores.js';

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
export interface TemplateOptions {
  readonly format: Extract<SourceFormat, 'cloudformation' | 'cdk'>;
  readonly parameters: Readonly<Record<string, string>>;
  readonly region?: string;
  readonly accountId?: string;
  readonly stackName?: string;
  /** Prefix of distribution ids (`Stack` gives `Stack/LogicalId`, as CDK names them). */
  readonly idPrefix?: string;
  /**
   * Parameters that stand for a certificate resource of another template (a nested stack's
   * parent or sibling passes it), with that resource's evidence key.
   */
  readonly certificateParameters?: ReadonlyMap<string, string>;
}

/** Template options with the pseudo parameters `--parameter AWS::Region=...` gives in place. */
interface ReadOptions extends TemplateOptions {
  readonly environment: Pick<CfnEnvironment, 'region' | 'accountId' | 'stackName'>;
}

/** `--parameter AWS::Region=…`, `AWS::AccountId`, `AWS::StackName` win over what the deployment says. */
function withPseudoParameters(options: TemplateOptions): ReadOptions {
  const p = options.parameters;
  const pick = (name: string, fallback: string | undefined) => (Object.hasOwn(p, name) ? p[name] : fallback);
  const region = pick('AWS::Region', options.region);
  const accountId = pick('AWS::AccountId', options.accountId);
  const stackName = pick('AWS::StackName', options.stackName);
  const environment = compact({ region, accountId, stackName });
  return { ...options, ...environment, environment };
}

/** The evidence key of a template's certificate resource. */
export function cfnEvidenceKey(source: string, logicalId: string): string {
  return `cfn:${source}#${logicalId}`;
}

/**
 * Reads one template's distributions and certificate resources into `out`. What CloudFormation
 * would refuse in a resource (Aliases that are not a list of strings, a malformed function) is an
 * INPUT_TEMPLATE_INVALID finding; an expression over certgate's bounds is INPUT_NOT_EXAMINED.
 *
 * @throws InputError when `Resources` is not a mapping, or the template breaks a template-wide
 *   rule (see `validateTemplate`)
 */
export function readTemplate(written: SourceDocument, given: TemplateOptions, out: Collected): void {
  const options = withPseudoParameters(given);
  const doc = expandedLoops(written, options, out);
  const template = doc.value as Record<string, unknown>;
  const resources = own(template, 'Resources');
  if (resources === undefined) return;
  if (!isRecord(resources)) throw unreadableInput(doc.source, 'Resources is not a mapping');
  out.findings.push(...duplicateKeyFindings(doc, resources, options.idPrefix));
  validateTemplate(doc);
  // a parameter value its constraints refuse fails the deploy before any resource: nested
  // stacks are filled by their parent, whose values are not all known here, so only top-level ones
  if (options.idPrefix === undefined)
    out.findings.push(...parameterConstraintFindings(doc, options.parameters));
  const env: CfnEnvironment = {
    template,
    style: doc.syntax,
    parameters: options.parameters,
    ...options.environment,
  };
  const resolver = new CfnResolver(env);
  const nav = new Navigator(doc, resolver);
  const certificates = new Map<string, string>();
  /** What `--parameter` would make known, in first-read order (the base resolver's added at the end). */
  const needed = new Set<string>();
  for (const [id, resource] of Object.entries(resources)) {
    if (ownString(resource, 'Type') !== CERTIFICATE_TYPE) continue;
    const created = nav.isCreated(id, resource);
    if (created !== false) {
      const evidence = readCertificate(nav, id, options);
      certificates.set(id, evidence.key);
      out.evidence.push(evidence);
      readMetadataIgnores(doc, id, resource, { on: { certificate: evidence.key }, resource: id }, out);
    }
    out.findings.push(...nav.takeProblems(id));
  }
  const reading: TemplateReading = { doc, env, resolver, nav, options, certificates, needed, out };
  for (const [id, resource] of Object.entries(resources)) {
    if (ownString(resource, 'Type') === DISTRIBUTION_TYPE) readDistributionResource(reading, id, resource);
  }
  for (const [id, resource] of Object.entries(resources)) {
    if (ownString(resource, 'Type') !== TENANT_TYPE) continue;
    if (nav.isCreated(id, resource) === false) {
      out.findings.push(...nav.takeProblems(id));
      continue;
    }
    const tenant = readTenant(nav, id, options, certificates);
    out.distributions.push(tenant);
    const onTenant = { on: { distribution: tenant.id }, resource: tenant.id, distributionId: tenant.id };
    readMetadataIgnores(doc, id, resource, onTenant, out);
    out.findings.push(...nav.takeProblems(id, tenant.id));
  }
  // a parameter a nested stack's parent fills with a certificate resource is known as that resource
  const passed = options.certificateParameters;
  const summary = parametersNeeded(
    doc,
    [...resolver.neededParameters, ...needed].filter((name) => !passed?.has(name)),
  );
  if (summary) out.findings.push({ finding: summary });
}

/**
 * One INPUT_PARAMETERS_NEEDED for the template: every parameter and pseudo parameter without a
 * value that a checked value read, so all of them can be given at once.
 */
function parametersNeeded(doc: SourceDocument, names: readonly string[]): Finding | undefined {
  const unique = [...new Set(names)];
  if (unique.length === 0) return undefined;
  const first = unique.find((n) => !n.startsWith('AWS::'));
  const location = first === undefined ? { source: doc.source } : doc.locator(['Parameters', first]);
  return createFinding('INPUT_PARAMETERS_NEEDED', location, {
    source: displayName(doc.source),
    parameters: unique,
    count: unique.length,
    give: unique.map((n) => `--parameter ${n}=...`).join(' '),
  });
}

/**
 * A certificate the template creates is created in the stack's region, and CloudFront takes
 * only us-east-1 (CF-02, the most common failure of such stacks): with the region unknown that
 * is a warning naming what to give, not a note among the evidence needs.
 */
function regionUnknown(
  d: Distribution,
  certificates: ReadonlyMap<string, string>,
  options: TemplateOptions,
): Collected['findings'] {
  if (options.region !== undefined || d.certificateResource === undefined) return [];
  const arn = d.viewerCertificate?.acmCertificateArn;
  const logicalId = [...certificates].find(([, key]) => key === d.certificateResource)?.[0];
  const args = {
    field: 'AWS::Region',
    distribution: d.id,
    reason: `certificate ${logicalId ?? d.certificateResource} is created in the region the stack deploys to, which is not given; CloudFront only uses ACM certificates from us-east-1, so the stack must deploy to us-east-1 (give --region, or --parameter AWS::Region=REGION)`,
    skipped: 'certificate placement (CF-02)',
  };
  const location = arn?.location ?? d.location;
  return [{ distributionId: d.id, finding: createFinding('INPUT_UNRESOLVED_VALUE', location, args) }];
}

/** What reading one template's distributions shares. */
interface TemplateReading {
  readonly doc: SourceDocument;
  readonly env: CfnEnvironment;
  readonly resolver: CfnResolver;
  readonly nav: Navigator;
  readonly options: ReadOptions;
  readonly certificates: ReadonlyMap<string, string>;
  /** What `--parameter` would make known, besides what `resolver` read. */
  readonly needed: Set<string>;
  readonly out: Collected;
}

/**
 * One `AWS::CloudFront::Distribution`: read without assuming anything, and when its checked
 * fields hang on conditions unknown offline, read again under each combination of their values
 * (`readVariants`); the source findings then go with each reading.
 */
function readDistributionResource(t: TemplateReading, id: string, resource: unknown): void {
  const { doc, env, resolver, nav, options, certificates, needed, out } = t;
  const created = nav.isCreated(id, resource);
  if (created === false) {
    out.findings.push(...nav.takeProblems(id));
    return;
  }
  const distributionId = options.idPrefix ? `${options.idPrefix}/${id}` : id;
  out.findings.push(...nav.takeProblems(id, distributionId));
  const target = { on: { distribution: distributionId }, resource: distributionId, distributionId };
  readMetadataIgnores(doc, id, resource, target, out);
  resolver.unknownConditions.clear();
  const base = readDistribution(nav, id, options, certificates);
  const findingsOf = (n: Navigator, dist: Distribution) => {
    const region = regionUnknown(dist, certificates, options);
    if (region.length > 0) needed.add('AWS::Region');
    return [...n.takeProblems(id, dist.id), ...unresolvedFindings(dist, CFN_FIELD_NAMES), ...region];
  };
  const baseFindings = findingsOf(nav, base);
  const unknown = [...resolver.unknownConditions];
  const read = (assume: ReadonlyMap<string, boolean>) => {
    const r = new CfnResolver({ ...env, assume }, resolver.sharedBudget);
    const n = new Navigator(doc, r);
    const distribution = readDistribution(n, id, options, certificates);
    const findings = findingsOf(n, distribution).map((f) => f.finding);
    for (const name of r.neededParameters) needed.add(name);
    return { distribution, findings, unknown: r.unknownConditions };
  };
  const expanded = unknown.length === 0 ? undefined : readVariants(unknown[0]!, read);
  const d = expanded ? { ...base, variants: expanded.variants } : base;
  out.distributions.push(d);
  if (created instanceof UnresolvedValue && !(created instanceof InvalidValue)) {
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
  if (!expanded) out.findings.push(...baseFindings);
  else if (expanded.unchecked.length > 0) {
    const finding = createFinding('INPUT_CONDITIONS_CAPPED', d.location, {
      distribution: d.id,
      count: expanded.checked.length + expanded.unchecked.length,
      checked: expanded.checked,
      unchecked: expanded.unchecked,
    });
    out.findings.push({ distributionId: d.id, finding });
  }
}

/** Unknown conditions whose every combination is checked; beyond them values stay unresolved. */
export const MAX_ASSUMED_CONDITIONS = 4;

/** The template with its `Fn::ForEach` loops expanded; a loop that cannot be is INPUT_NOT_EXAMINED. */
function expandedLoops(doc: SourceDocument, options: TemplateOptions, out: Collected): SourceDocument {
  const { doc: expanded, unexpanded } = expandForEach(doc, options.parameters);
  for (const loop of unexpanded) {
    const finding = createFinding('INPUT_NOT_EXAMINED', doc.locator(loop.path), {
      part: `loop ${String(loop.path.at(-1))}`,
      source: displayName(doc.source),
      reason: loop.reason,
    });
    out.findings.push({ finding });
  }
  return expanded;
}

/** One reading of a distribution under assumed condition values. */
interface VariantRead {
  readonly distribution: Distribution;
  readonly findings: readonly Finding[];
  /** The unknown conditions this reading met (assumed ones included). */
  readonly unknown: ReadonlySet<string>;
}

/**
 * The distribution read under each value of `first`, and of each unknown condition met inside
 * a branch (a nested `Fn::If`), splitting at most MAX_ASSUMED_CONDITIONS deep: at most 2^4
 * readings, each sharing the template's work budget.
 */
function readVariants(
  first: string,
  read: (assume: ReadonlyMap<string, boolean>) => VariantRead,
): { variants: DistributionVariant[]; checked: string[]; unchecked: string[] } {
  const variants: DistributionVariant[] = [];
  const checked = new Set<string>();
  const unchecked = new Set<string>();
  const split = (assume: ReadonlyMap<string, boolean>, name: string) => {
    checked.add(name);
    for (const value of [true, false]) {
      const next = new Map(assume).set(name, value);
      const r = read(next);
      const more = [...r.unknown].filter((c) => !next.has(c));
      if (more.length > 0 && next.size < MAX_ASSUMED_CONDITIONS) {
        split(next, more[0]!);
        continue;
      }
      for (const c of more) unchecked.add(c);
      variants.push({
        assumes: Object.fromEntries(next),
        distribution: r.distribution,
        findings: r.findings,
      });
    }
  };
  split(new Map(), first);
  return { variants, checked: [...checked], unchecked: [...unchecked].filter((c) => !checked.has(c)) };
}

/**
 * INPUT_DUPLICATE_KEY for each repeated key (the first few; the last says how many more): read
 * last-wins as CloudFormation does, attached to the distribution whose resource holds it.
 */
function duplicateKeyFindings(
  doc: SourceDocument,
  resources: Record<string, unknown>,
  idPrefix: string | undefined,
): Collected['findings'] {
  const found = doc.duplicateKeys?.();
  if (!found || found.count === 0) return [];
  return found.first.map((dup, i) => {
    const [section, logicalId] = dup.path;
    const more = i === found.first.length - 1 ? found.count - found.first.length : 0;
    const finding = createFinding(
      'INPUT_DUPLICATE_KEY',
      { source: doc.source, path: dup.path, line: dup.line, column: dup.column },
      {
        key: String(dup.path.at(-1)),
        mapping: dup.path.length > 1 ? dup.path.slice(0, -1).join('.') : 'the top level',
        source: displayName(doc.source),
        ...(more > 0 ? { more } : {}),
      },
    );
    const inDistribution =
      section === 'Resources' &&
      dup.path.length > 2 &&
      typeof logicalId === 'string' &&
      ownString(own(resources, logicalId), 'Type') === DISTRIBUTION_TYPE;
    if (!inDistribution) return { finding };
    return { distributionId: idPrefix ? `${idPrefix}/${logicalId}` : logicalId, finding };
  });
}

/** Something in a resource the gate could not take as written: CloudFormation refuses it, or a bound stopped it. */
interface Problem {
  readonly code: 'INPUT_TEMPLATE_INVALID' | 'INPUT_NOT_EXAMINED';
  readonly path: JsonPath;
  readonly reason: string;
}

/** A value in the template and where it is written; `node` is an UnresolvedValue when it is unknown. */
interface Cursor {
  readonly node: unknown;
  readonly path: JsonPath;
}

const unknownAt = (node: unknown, path: JsonPath): Cursor => ({ node, path });

/**
 * Walks a template through `Fn::If` branches, resolving other intrinsics where they stand. What
 * it cannot take as written becomes an Unresolved value in place and a Problem of the resource.
 */
class Navigator {
  private problems: Problem[] = [];

  constructor(
    readonly doc: SourceDocument,
    private readonly resolver: CfnResolver,
  ) {}

  /** Whether a resource is created; false only when its condition is known to be false. */
  isCreated(id: string, resource: unknown): boolean | UnresolvedValue {
    const path = ['Resources', id, 'Condition'];
    const created = this.guard(path, () => this.resolver.isCreated(resource));
    this.note(created, path);
    return created as boolean | UnresolvedValue;
  }

  /** The resource's problems as findings (at most one per kind and reason), and forgets them. */
  takeProblems(resource: string, distributionId?: string): Collected['findings'] {
    const seen = new Set<string>();
    const out: Collected['findings'] = [];
    for (const p of this.problems) {
      const key = `${p.code}\u0000${p.reason}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const location = this.doc.locator(p.path);
      const args =
        p.code === 'INPUT_NOT_EXAMINED'
          ? {
              part: partName(resource, p.path),
              source: displayName(this.doc.source),
              resource,
              reason: p.reason,
            }
          : { resource, reason: p.reason };
      const finding = createFinding(p.code, location, args);
      out.push(distributionId === undefined ? { finding } : { distributionId, finding });
    }
    this.problems = [];
    return out;
  }

  /** Runs one evaluation; going over a bound gives an Unresolved value and an INPUT_NOT_EXAMINED problem. */
  private guard(path: JsonPath, evaluate: () => unknown): unknown {
    try {
      return evaluate();
    } catch (e) {
      if (!(e instanceof CfnLimitError)) throw e;
      this.problems.push({ code: 'INPUT_NOT_EXAMINED', path, reason: e.message });
      return new UnresolvedValue(`not evaluated: ${e.message}`);
    }
  }

  /** Records a value CloudFormation would refuse. */
  private note(value: unknown, path: JsonPath): void {
    if (value instanceof InvalidValue) this.invalid(path, value.reason);
  }

  private invalid(path: JsonPath, reason: string): void {
    this.problems.push({ code: 'INPUT_TEMPLATE_INVALID', path, reason });
  }

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
      const at = cur.path;
      if (fn === 'Fn::If' && Array.isArray(arg) && arg.length === 3 && typeof arg[0] === 'string') {
        const chosen = this.guard(at, () => this.resolver.branch(arg[0] as string));
        this.note(chosen, at);
        if (chosen instanceof UnresolvedValue) return unknownAt(chosen, at);
        const branch = chosen ? 1 : 2;
        cur = { node: arg[branch], path: [...at, fn, branch] };
        continue;
      }
      const value = this.guard(at, () => this.resolver.resolve(cur!.node));
      this.note(value, at);
      return value === NO_VALUE ? undefined : { node: value, path: at };
    }
    if (!cur) return cur;
    const e = new CfnLimitError('maxExpressionDepth');
    this.problems.push({ code: 'INPUT_NOT_EXAMINED', path: cur.path, reason: e.message });
    return unknownAt(new UnresolvedValue(`not evaluated: ${e.message}`), cur.path);
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
    const v = this.guard(s.path, () => this.resolver.resolve(s.node));
    this.note(v, s.path);
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

  /**
   * A list of strings (Aliases), item by item where the list is written out. A value that is not
   * a list, or an item that is a list, a mapping or null, is refused by CloudFormation
   * (`List of String`): the value stays unknown and the resource gets INPUT_TEMPLATE_INVALID.
   */
  list(
    c: Cursor | undefined,
    name: string,
  ): { items: Field<string>[] } | { unresolved: UnresolvedValue; path: JsonPath } | undefined {
    const s = this.settle(c);
    if (s === undefined) return undefined;
    if (isUnresolved(s.node)) return { unresolved: s.node as UnresolvedValue, path: s.path };
    if (!Array.isArray(s.node)) {
      const reason = `${name} is ${kindOf(s.node)}, not a list of strings`;
      this.invalid(s.path, reason);
      return { unresolved: new InvalidValue(reason), path: s.path };
    }
    const items: Field<string>[] = [];
    s.node.forEach((item, i) => {
      const path = [...s.path, i];
      // a literal list item is refused as written: it is not evaluated (it may nest deeply)
      const r =
        Array.isArray(item) || item === null ? { value: item, path } : this.value({ node: item, path });
      if (!r) return;
      const v = r.value;
      if (typeof v === 'string' || typeof v === 'number' || isUnresolved(v)) {
        items.push(field(asString(v, `item ${i}`), this.doc.locator(r.path))!);
        return;
      }
      const reason = `${name}[${i}] is ${kindOf(v)}, not a string`;
      this.invalid(r.path, reason);
      items.push(field<string>(new InvalidValue(reason), this.doc.locator(r.path))!);
    });
    return { items };
  }
}

/** `resource D (Properties.DistributionConfig.Aliases.0)`: the resource and where in it. */
function partName(resource: string, path: JsonPath): string {
  const inside = path.slice(2).join('.');
  return inside === '' ? `resource ${resource}` : `resource ${resource} (${inside})`;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (isRecord(value)) return 'a mapping';
  return `a ${typeof value}`;
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
    const list = nav.list(nav.child(config, key), key);
    if (list && 'items' in list) aliases.push(...list.items);
    // a copy: the same Unresolved (a condition's) may stand for several distributions
    else if (list)
      aliasesUnresolved ??= Object.assign(
        list.unresolved.minItems === undefined
          ? new UnresolvedValue(list.unresolved.reason)
          : unknownList(list.unresolved.reason, list.unresolved.minItems),
        { location: doc.locator(list.path) },
      );
  }
  const viewerCertificate = readViewerCertificate(nav, nav.child(config, 'ViewerCertificate'));
  const arn = viewerCertificate?.acmCertificateArn?.value;
  const certificateResource =
    arn instanceof ResourceReference
      ? certificates.get(arn.logicalId)
      : passedCertificate(doc, viewerCertificate?.acmCertificateArn, options.certificateParameters);
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

/**
 * The certificate resource a nested stack's parent passes, when the ARN is written `!Ref Param`
 * and the parent gives that parameter a certificate it (or a sibling stack) creates.
 */
function passedCertificate(
  doc: SourceDocument,
  arn: Field<string> | undefined,
  passed: ReadonlyMap<string, string> | undefined,
): string | undefined {
  if (!passed || passed.size === 0 || !arn || !isUnresolved(arn.value)) return undefined;
  let node: unknown = doc.value;
  for (const key of arn.location.path ?? [])
    node = Array.isArray(node) ? node[key as number] : own(node, String(key));
  const ref = isRecord(node) ? own(node, 'Ref') : undefined;
  return typeof ref === 'string' ? passed.get(ref) : undefined;
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
