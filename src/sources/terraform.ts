/**
 * Terraform plan JSON (`terraform show -json plan.out`; a state's `terraform show -json` too) →
 * Distributions from `aws_cloudfront_distribution` and evidence from `aws_acm_certificate`,
 * read from `resource_changes` (`after` / `after_unknown`) or else from `planned_values`.
 * https://developer.hashicorp.com/terraform/internals/json-format
 */

import { dirname } from 'node:path';
import type { CertificateEvidence, Distribution, Field, ViewerCertificate } from '../cloudfront/model.js';
import { isUnresolved } from '../cloudfront/model.js';
import { createFinding } from '../findings/finding.js';
import type { Locator } from '../findings/types.js';
import { normalizeKeyAlgorithm, parseTimestamp } from './acm.js';
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
import { type IgnoreTarget, readTfIgnores } from './inline-ignores.js';
import {
  type CertificateTarget,
  MAX_REFERENCE_DEPTH,
  TerraformConfig,
  TOO_DEEP,
} from './terraform-config.js';
import {
  argumentPath,
  collectInstances,
  type Instance,
  isUnknown,
  present,
  tfEvidenceKey,
} from './terraform-instances.js';
import {
  type CertificateLink,
  type CertificateLinker,
  MULTITENANT_DISTRIBUTION,
  readTerraformTenant,
  TENANT,
} from './terraform-tenants.js';
import { resourceLocator } from './tf-locator.js';
import { hasTfFiles, TerraformSources } from './tf-sources.js';

/** Terraform argument names, as INPUT_UNRESOLVED_VALUE names them. */
const TF_FIELD_NAMES: FieldNames = {
  aliases: 'aliases',
  aliasesQuantity: 'aliases',
  cloudFrontDefaultCertificate: 'viewer_certificate.cloudfront_default_certificate',
  acmCertificateArn: 'viewer_certificate.acm_certificate_arn',
  iamCertificateId: 'viewer_certificate.iam_certificate_id',
  sslSupportMethod: 'viewer_certificate.ssl_support_method',
  minimumProtocolVersion: 'viewer_certificate.minimum_protocol_version',
  certificate: 'viewer_certificate.certificate',
  certificateSource: 'viewer_certificate.certificate_source',
  httpVersion: 'http_version',
  connectionMode: 'connection_mode',
};

const DISTRIBUTION = 'aws_cloudfront_distribution';
const CERTIFICATE = 'aws_acm_certificate';
const KNOWN_AFTER_APPLY = 'is known after apply';

/** How a plan is read. */
export interface TerraformPlanOptions {
  /**
   * The root module's `.tf` folder (`--tf-dir`): findings then give the file and line of the
   * resource block and argument. Default: the plan's folder, when it has `.tf` files.
   */
  readonly tfDir?: string;
}

/** A Locator of an instance: the plan position plus its address, and the `.tf` position of `keys` when known. */
type InstanceLocator = (inst: Instance, keys: readonly (string | number)[], path: JsonPath) => Locator;

/** Reads one plan's distributions and certificates into `out`. */
export function readTerraformPlan(
  doc: SourceDocument,
  out: Collected,
  options: TerraformPlanOptions = {},
): void {
  const plan = doc.value as Record<string, unknown>;
  const version = own(plan, 'format_version');
  if (typeof version !== 'string' || !/^1\.\d+$/.test(version)) {
    throw unreadableInput(
      doc.source,
      `unsupported terraform plan format_version ${JSON.stringify(version)} (expected 1.x)`,
    );
  }
  const { instances, notExamined } = collectInstances(
    plan,
    new Set([DISTRIBUTION, MULTITENANT_DISTRIBUTION, TENANT, CERTIFICATE]),
  );
  // what the reader could not examine fails the verdict: it is never left out quietly
  for (const skipped of notExamined) {
    out.findings.push({
      finding: createFinding('INPUT_NOT_EXAMINED', doc.locator(skipped.path), {
        part: skipped.part,
        source: doc.source,
        reason: skipped.reason,
      }),
    });
  }
  const config = new TerraformConfig(plan);
  const planDir = doc.source === '-' ? undefined : dirname(doc.source);
  const tfDir = options.tfDir ?? (planDir !== undefined && hasTfFiles(planDir) ? planDir : undefined);
  const sources = tfDir !== undefined ? new TerraformSources(tfDir, config) : undefined;
  const at: InstanceLocator = (inst, keys, path) =>
    resourceLocator(
      doc.locator(path),
      inst.address,
      sources ? () => sources.origin(inst.modulePath, inst.type, inst.name, keys) : undefined,
    );
  const certificates = new CertificatePool(instances.filter((i) => i.type === CERTIFICATE));
  // `# certgate:ignore` comments on a resource's block, read only when the .tf sources have any
  const ignoresOn = (inst: Instance, target: IgnoreTarget) => {
    const block = sources?.blockComments(inst.modulePath, inst.type, inst.name);
    if (block) readTfIgnores(block, target, doc.source, out);
  };
  const onDistribution = (inst: Instance, id: string) =>
    ignoresOn(inst, { on: { distribution: id }, resource: inst.address, distributionId: id });
  const read: { d: Distribution; link?: CertificateLink }[] = [];
  for (const inst of instances) {
    if (inst.type !== DISTRIBUTION && inst.type !== MULTITENANT_DISTRIBUTION) continue;
    const problems: SourceFinding[] = [];
    const entry = readDistribution(doc, at, inst, config, certificates, problems);
    // aws_cloudfront_multitenant_distribution is ConnectionMode tenant-only, always
    if (inst.type === MULTITENANT_DISTRIBUTION)
      entry.d = { ...entry.d, connectionMode: { value: 'tenant-only', location: entry.d.location } };
    read.push(entry);
    out.findings.push(...problems, ...unresolvedFindings(entry.d, TF_FIELD_NAMES));
    onDistribution(inst, entry.d.id);
  }
  // tenants with a certificate of their own: the same question of validation as distributions
  const linkCertificate: CertificateLinker = (inst, keys) => {
    const cfg = config.resource(inst.modulePath, inst.type, inst.name);
    const target = config.certificateFor(inst.modulePath, config.expression(cfg, ...keys));
    if (!target || target === TOO_DEEP) return undefined;
    const cert = certificates.pick(target, inst);
    return cert ? linkTo(cert, target, inst, cfg, config) : undefined;
  };
  for (const inst of instances) {
    if (inst.type !== TENANT) continue;
    const tenant = readTerraformTenant(doc, inst, config, linkCertificate, at);
    read.push(tenant);
    onDistribution(inst, tenant.d.id);
  }
  // which distributions and tenants take each planned certificate before it is issued
  const users = new Map<Instance, { all: number; early: number }>();
  for (const { link } of read) {
    if (!link) continue;
    const count = users.get(link.cert) ?? { all: 0, early: 0 };
    count.all++;
    if (link.beforeValidation) count.early++;
    users.set(link.cert, count);
  }
  for (const cert of certificates.all) {
    const evidence = readCertificate(doc, at, cert, config);
    const count = users.get(cert);
    // an ignore on the certificate goes with each key distributions see it by
    for (const key of [
      evidence.key,
      ...(count && count.early < count.all ? [earlyEvidenceKey(cert.address)] : []),
    ])
      ignoresOn(cert, { on: { certificate: key }, resource: cert.address });
    if (!count || count.early === 0) out.evidence.push(evidence);
    else if (count.early === count.all) out.evidence.push({ ...evidence, status: PENDING_VALIDATION });
    else {
      // some users wait for the validation and some do not: the early ones see another status
      out.evidence.push(evidence, {
        ...evidence,
        key: earlyEvidenceKey(cert.address),
        status: PENDING_VALIDATION,
      });
    }
  }
  for (const { d, link } of read) {
    const early = link?.beforeValidation && users.get(link.cert)!.early !== users.get(link.cert)!.all;
    out.distributions.push(early ? { ...d, certificateResource: earlyEvidenceKey(link.cert.address) } : d);
  }
}

/**
 * The status CloudFront sees of a certificate the plan requests when nothing makes the
 * distribution wait for its validation: Terraform's aws_acm_certificate returns once ACM has
 * accepted the request, and only aws_acm_certificate_validation waits for ISSUED
 * (terraform-provider-aws #2418, #40260), so the distribution is created with a
 * PENDING_VALIDATION certificate and CloudFront answers InvalidViewerCertificate.
 */
const PENDING_VALIDATION = 'PENDING_VALIDATION';

/** The evidence key of a certificate as distributions that do not wait for its validation see it. */
function earlyEvidenceKey(address: string): string {
  return `${tfEvidenceKey(address)} (before validation)`;
}

/**
 * How a distribution (or tenant) takes a certificate the plan requests: whether it can be
 * created before the certificate is issued, because nothing between them waits for the
 * validation (no aws_acm_certificate_validation in the reference, no depends_on on one).
 */
function linkTo(
  cert: Instance,
  target: CertificateTarget,
  inst: Instance,
  resourceConfig: Record<string, unknown> | undefined,
  config: TerraformConfig,
): CertificateLink {
  return {
    cert,
    beforeValidation:
      !target.validated &&
      awaitsValidation(cert, config) &&
      !config.resourceWaitsForValidation(inst.modulePath, resourceConfig),
  };
}

/**
 * Whether a planned certificate is still being validated after Terraform creates it: ACM issues
 * imported (certificate_body) and private-CA (certificate_authority_arn) certificates at once;
 * DNS and EMAIL requests wait for the validation.
 */
function awaitsValidation(cert: Instance, config: TerraformConfig): boolean {
  if (!cert.created) return false;
  if (!isUnknown(cert.unknown, ['status']) && present(own(cert.values, 'status')) !== undefined) return false;
  const cfg = config.resource(cert.modulePath, cert.type, cert.name);
  const set = (key: string) =>
    present(own(cert.values, key)) !== undefined ||
    isUnknown(cert.unknown, [key]) ||
    config.expression(cfg, key) !== undefined;
  return !set('certificate_body') && !set('private_key') && !set('certificate_authority_arn');
}

type SourceFinding = Collected['findings'][number];

function readDistribution(
  doc: SourceDocument,
  at: InstanceLocator,
  inst: Instance,
  config: TerraformConfig,
  certificates: CertificatePool,
  problems: SourceFinding[],
): { d: Distribution; link?: CertificateLink } {
  const locate = (keys: (string | number)[]) => at(inst, keys, argumentPath(inst, keys));
  const read = <T>(
    keys: (string | number)[],
    as: (v: unknown, n: string) => T | UnresolvedValue | undefined,
  ): Field<T> | undefined => {
    const name = keys.filter((k) => typeof k === 'string').join('.');
    if (isUnknown(inst.unknown, keys))
      return field<T>(new UnresolvedValue(`${name} ${KNOWN_AFTER_APPLY}`), locate(keys));
    let v: unknown = inst.values;
    for (const k of keys) v = typeof k === 'number' ? (Array.isArray(v) ? v[k] : undefined) : own(v, k);
    return field(as(present(v), name), locate(keys));
  };
  const notExamined = (keys: (string | number)[], part: string, reason: string) => {
    const finding = createFinding('INPUT_NOT_EXAMINED', locate(keys), { part, source: doc.source, reason });
    problems.push({ distributionId: inst.address, finding });
  };
  const block = own(inst.values, 'viewer_certificate');
  if (present(block) !== undefined && !(Array.isArray(block) && block.every(isRecord))) {
    notExamined(
      ['viewer_certificate'],
      `viewer_certificate of ${inst.address}`,
      'the value is not a list of blocks',
    );
  }
  const aliases: Field<string>[] = [];
  let aliasesUnresolved: Distribution['aliasesUnresolved'];
  if (isUnknown(inst.unknown, ['aliases'])) {
    aliasesUnresolved = Object.assign(new UnresolvedValue(`aliases ${KNOWN_AFTER_APPLY}`), {
      location: locate(['aliases']),
    });
  } else {
    const list = own(inst.values, 'aliases');
    if (Array.isArray(list)) {
      for (let i = 0; i < list.length; i++) {
        const alias = read(['aliases', i], asString);
        if (alias) aliases.push(alias);
        else notExamined(['aliases', i], `aliases[${i}] of ${inst.address}`, 'the name is empty or null');
      }
    } else if (present(list) !== undefined) {
      // Terraform writes a set of strings; anything else is not read, and says so
      notExamined(['aliases'], `aliases of ${inst.address}`, 'the value is not a list of names');
    }
  }
  const resourceConfig = config.resource(inst.modulePath, inst.type, inst.name);
  const arnExpression = config.expression(resourceConfig, 'viewer_certificate', 0, 'acm_certificate_arn');
  const target =
    config.certificateFor(inst.modulePath, arnExpression) ??
    // a dynamic viewer_certificate block is not in the configuration: what the module is given
    (resourceConfig !== undefined &&
    config.expression(resourceConfig, 'viewer_certificate') === undefined &&
    isUnknown(inst.unknown, ['viewer_certificate', 0, 'acm_certificate_arn'])
      ? config.onlyCertificateGivenTo(inst.modulePath)
      : undefined);
  if (target === TOO_DEEP) {
    notExamined(
      ['viewer_certificate', 0, 'acm_certificate_arn'],
      `the configuration references of ${inst.address}'s viewer_certificate.acm_certificate_arn`,
      `they chain deeper than ${MAX_REFERENCE_DEPTH} steps (the reference depth limit), so the certificate they name was not found`,
    );
  }
  const cert = target && target !== TOO_DEEP ? certificates.pick(target, inst) : undefined;
  if (cert && target && target !== TOO_DEEP && target.validatedElsewhere) {
    const { validation, region, certificateRegion, certificateProvider } = target.validatedElsewhere;
    // `module.cdn:aws.east` is written `aws.east` inside the module
    const provider = certificateProvider?.slice(certificateProvider.lastIndexOf(':') + 1);
    problems.push({
      distributionId: inst.address,
      finding: createFinding(
        'CF_CERTIFICATE_VALIDATION_OTHER_REGION',
        locate(['viewer_certificate', 0, 'acm_certificate_arn']),
        {
          distribution: inst.address,
          certificate: cert.address,
          validation,
          region,
          certificateRegion,
          ...(provider !== undefined ? { provider } : {}),
        },
      ),
    });
  }
  const viewerCertificate = readViewerCertificate(inst, read, locate, cert);
  const link =
    cert && target && target !== TOO_DEEP ? linkTo(cert, target, inst, resourceConfig, config) : undefined;
  const d = compact<Distribution>({
    id: inst.address,
    format: 'terraform',
    source: doc.source,
    location: at(inst, [], inst.path),
    aliases,
    aliasesUnresolved,
    viewerCertificate,
    httpVersion: read(['http_version'], asString),
    certificateResource: cert ? tfEvidenceKey(cert.address) : undefined,
    // an update in place keeps the distribution's id, which the plan then already knows
    deployedId: !inst.created && typeof inst.values.id === 'string' ? inst.values.id : undefined,
  });
  return link ? { d, link } : { d };
}

type Reader = <T>(
  keys: (string | number)[],
  as: (v: unknown, n: string) => T | UnresolvedValue | undefined,
) => Field<T> | undefined;

function readViewerCertificate(
  inst: Instance,
  read: Reader,
  locate: (keys: (string | number)[]) => Locator,
  cert: Instance | undefined,
): ViewerCertificate | undefined {
  const block = own(inst.values, 'viewer_certificate');
  const wholeUnknown = isUnknown(inst.unknown, ['viewer_certificate', 0]);
  if (!wholeUnknown && (!Array.isArray(block) || block.length === 0)) return undefined;
  const location = locate(['viewer_certificate', 0]);
  if (wholeUnknown) {
    const value = new UnresolvedValue(`viewer_certificate ${KNOWN_AFTER_APPLY}`);
    return { location, acmCertificateArn: { value, location } };
  }
  const vc = (key: string, as: Parameters<Reader>[1]) => read(['viewer_certificate', 0, key], as);
  let acm = vc('acm_certificate_arn', asString) as Field<string> | undefined;
  if (acm && isUnresolved(acm.value) && cert) {
    acm = {
      value: new UnresolvedValue(
        `viewer_certificate.acm_certificate_arn ${KNOWN_AFTER_APPLY} (the ARN of ${cert.address})`,
      ),
      location: acm.location,
    };
  }
  return compact<ViewerCertificate>({
    location,
    cloudFrontDefaultCertificate: vc('cloudfront_default_certificate', asBoolean) as
      | Field<boolean>
      | undefined,
    acmCertificateArn: acm,
    iamCertificateId: vc('iam_certificate_id', asString) as Field<string> | undefined,
    sslSupportMethod: vc('ssl_support_method', asString) as Field<string> | undefined,
    minimumProtocolVersion: vc('minimum_protocol_version', asString) as Field<string> | undefined,
  });
}

/**
 * The planned certificates, grouped by module path and resource name: picking one for each
 * distribution looks at that group only, never at every certificate of the plan.
 */
class CertificatePool {
  private readonly byName = new Map<string, Instance[]>();

  constructor(readonly all: readonly Instance[]) {
    for (const c of all) {
      const key = poolKey(c.modulePath, c.name);
      const group = this.byName.get(key);
      if (group) group.push(c);
      else this.byName.set(key, [c]);
    }
  }

  /** The planned certificate instance a configuration reference names. */
  pick(
    target: { modulePath: readonly string[]; name: string; index?: string },
    from: Instance,
  ): Instance | undefined {
    const samePath = this.byName.get(poolKey(target.modulePath, target.name)) ?? [];
    const sameModule = samePath.filter(
      (c) => c.moduleAddress === from.moduleAddress || target.modulePath.length > from.modulePath.length,
    );
    const pool = sameModule.length > 0 ? sameModule : samePath;
    if (target.index !== undefined) return pool.find((c) => c.index === target.index);
    if (pool.length === 1) return pool[0];
    return pool.find((c) => c.index !== undefined && c.index === from.index);
  }
}

const poolKey = (modulePath: readonly string[], name: string) => `${modulePath.join('.')}\u0000${name}`;

/** An aws_acm_certificate as evidence: what the plan requests (or what exists, for a no-op). */
function readCertificate(
  doc: SourceDocument,
  at: InstanceLocator,
  inst: Instance,
  config: TerraformConfig,
): CertificateEvidence {
  const v = inst.values;
  const cfg = config.resource(inst.modulePath, inst.type, inst.name);
  const str = (key: string) => (isUnknown(inst.unknown, [key]) ? undefined : ownString(v, key) || undefined);
  const domain = str('domain_name');
  const keyAlgorithm = str('key_algorithm');
  const renewal = own(v, 'renewal_summary');
  return compact<CertificateEvidence>({
    key: tfEvidenceKey(inst.address),
    kind: 'tf-resource',
    source: doc.source,
    location: at(inst, [], inst.path),
    arn: str('arn'),
    region: config.providerRegion(cfg),
    status: str('status'),
    type:
      str('type') ??
      (str('certificate_authority_arn') ? 'PRIVATE' : str('certificate_body') ? 'IMPORTED' : 'AMAZON_ISSUED'),
    domainName: domain,
    subjectAlternativeNames: plannedNames(
      inst,
      domain,
      config.expression(cfg, 'subject_alternative_names') !== undefined,
    ),
    // ACM requests RSA_2048 keys unless told otherwise (BOTO-ACM RequestCertificate.KeyAlgorithm)
    keyAlgorithm: keyAlgorithm
      ? normalizeKeyAlgorithm(keyAlgorithm)
      : isUnknown(inst.unknown, ['key_algorithm']) && config.expression(cfg, 'key_algorithm') !== undefined
        ? undefined
        : 'RSA_2048',
    validationMethod: str('validation_method'),
    notBefore: parseTimestamp(str('not_before')),
    notAfter: parseTimestamp(str('not_after')),
    renewalEligibility: str('renewal_eligibility'),
    renewalStatus: Array.isArray(renewal) ? ownString(renewal[0], 'renewal_status') : undefined,
  });
}

function plannedNames(
  inst: Instance,
  domain: string | undefined,
  configured: boolean,
): readonly string[] | UnresolvedValue | undefined {
  if (isUnknown(inst.unknown, ['domain_name']))
    return new UnresolvedValue(`domain_name of ${inst.address} ${KNOWN_AFTER_APPLY}`);
  // without subject_alternative_names in the configuration, ACM's list is the domain name alone
  if (isUnknown(inst.unknown, ['subject_alternative_names']) && configured) {
    return new UnresolvedValue(`subject_alternative_names of ${inst.address} ${KNOWN_AFTER_APPLY}`);
  }
  const sans = own(inst.values, 'subject_alternative_names');
  const names = [domain, ...(Array.isArray(sans) ? sans : [])].filter(
    (n): n is string => typeof n === 'string' && n !== '',
  );
  return names.length === 0 ? undefined : [...new Set(names)];
}
