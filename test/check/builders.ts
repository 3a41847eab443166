/**
 * Builders for gate tests: a Distribution and CertificateEvidence from a few options, with
 * defaults that pass every rule (a us-east-1 ACM certificate covering `www.example.com`, sni-only,
 * TLSv1.2_2021), so a test row changes only what it is about.
 */

import { runGate } from '../../src/check/run-gate.js';
import type { GateOptions, GateResult } from '../../src/check/types.js';
import type {
  CertificateEvidence,
  Distribution,
  Field,
  SourceFormat,
  TextPiece,
  Unresolved,
  ViewerCertificate,
} from '../../src/cloudfront/model.js';
import type { FindingCode } from '../../src/findings/catalog.js';
import type { Finding } from '../../src/findings/finding.js';
import type { Locator } from '../../src/findings/types.js';
import type { GateInputs } from '../../src/sources/types.js';
import type { Certificate } from '../../src/x509/model.js';

/** The time every gate test runs at. */
export const AT = new Date('2026-06-01T00:00:00Z');
export const ACCOUNT = '111122223333';
export const ARN = `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/11111111-2222-4333-8444-555555555555`;
export const arnIn = (region: string, id = '9'): string =>
  `arn:aws:acm:${region}:${ACCOUNT}:certificate/${id.repeat(8)}-0000-4000-8000-000000000000`;

/** A value computed at deploy time. */
export const unresolved = (reason = '!ImportValue SharedCertArn is resolved at deploy time'): Unresolved => ({
  unresolved: true,
  reason,
});

/** A string computed at deploy time, with what is known of it (Unresolved.text). */
export const computedString = (
  text: readonly TextPiece[],
  reason = '{{resolve:ssm:/site/domain}} is an SSM parameter read at deploy time (dynamic reference)',
): Unresolved => ({ unresolved: true, reason, text });

type Value<T> = T | Unresolved;

const at = (source: string, path: (string | number)[]): Locator => ({ source, path });
const field = <T>(value: Value<T>, source: string, path: (string | number)[]): Field<T> => ({
  value,
  location: at(source, path),
});

/** What a test distribution differs in; `null` removes a default field. */
export interface DistributionOptions {
  id?: string;
  source?: string;
  format?: SourceFormat;
  aliases?: Value<string>[];
  aliasesUnresolved?: string;
  quantity?: Value<number>;
  /** false: no ViewerCertificate block at all. */
  viewer?: boolean;
  defaultCertificate?: Value<boolean> | null;
  arn?: Value<string> | null;
  iam?: Value<string> | null;
  ssl?: Value<string> | null;
  policy?: Value<string> | null;
  certificate?: string;
  certificateSource?: string;
  httpVersion?: Value<string>;
  connectionMode?: Value<string>;
  etag?: string;
  accountId?: string;
  certificateResource?: string;
  /** Read from AWS CLI output of an existing distribution (Distribution.deployed). */
  deployed?: boolean;
}

/** A distribution as the sources would produce it (API field names in the paths). */
export function distribution(o: DistributionOptions = {}): Distribution {
  const source = o.source ?? 'dist.json';
  const vcPath = ['DistributionConfig', 'ViewerCertificate'];
  const f = <T>(v: Value<T> | null | undefined, fallback: Value<T> | undefined, name: string) => {
    const value = v === null ? undefined : (v ?? fallback);
    return value === undefined ? undefined : field<T>(value, source, [...vcPath, name]);
  };
  const vc: ViewerCertificate = {
    location: at(source, vcPath),
    cloudFrontDefaultCertificate: f(o.defaultCertificate, undefined, 'CloudFrontDefaultCertificate'),
    acmCertificateArn: f(o.arn, o.iam === undefined ? ARN : undefined, 'ACMCertificateArn'),
    iamCertificateId: f(o.iam, undefined, 'IAMCertificateId'),
    sslSupportMethod: f(o.ssl, 'sni-only', 'SSLSupportMethod'),
    minimumProtocolVersion: f(o.policy, 'TLSv1.2_2021', 'MinimumProtocolVersion'),
    certificate: f(o.certificate, undefined, 'Certificate'),
    certificateSource: f(o.certificateSource, undefined, 'CertificateSource'),
  };
  const aliases = (o.aliases ?? ['www.example.com']).map((a, i) =>
    field(a, source, ['DistributionConfig', 'Aliases', 'Items', i]),
  );
  return {
    id: o.id ?? 'E1EXAMPLE',
    format: o.format ?? 'aws-cli',
    source,
    location: at(source, ['DistributionConfig']),
    aliases,
    ...(o.aliasesUnresolved
      ? {
          aliasesUnresolved: {
            ...unresolved(o.aliasesUnresolved),
            location: at(source, ['DistributionConfig', 'Aliases']),
          },
        }
      : {}),
    ...(o.quantity !== undefined
      ? { aliasesQuantity: field(o.quantity, source, ['DistributionConfig', 'Aliases', 'Quantity']) }
      : {}),
    ...(o.viewer === false ? {} : { viewerCertificate: vc }),
    ...(o.httpVersion !== undefined
      ? { httpVersion: field(o.httpVersion, source, ['DistributionConfig', 'HttpVersion']) }
      : {}),
    ...(o.connectionMode !== undefined
      ? { connectionMode: field(o.connectionMode, source, ['DistributionConfig', 'ConnectionMode']) }
      : {}),
    ...(o.etag !== undefined ? { etag: o.etag } : {}),
    ...(o.accountId !== undefined ? { accountId: o.accountId } : {}),
    ...(o.certificateResource !== undefined ? { certificateResource: o.certificateResource } : {}),
    ...(o.deployed ? { deployed: true as const } : {}),
  };
}

/** What a test tenant differs in. */
export interface TenantOptions {
  id?: string;
  domains?: string[];
  /** The parent's id (default `EMULTI`). */
  parentId?: string;
  /** The tenant's own certificate (Customizations.Certificate.Arn). */
  arn?: string;
  managed?: boolean;
}

/** A distribution tenant as the CLI reader produces it (list-distribution-tenants paths). */
export function tenant(o: TenantOptions = {}): Distribution {
  const source = 'tenants.json';
  const loc = (...rest: (string | number)[]): Locator => at(source, ['DistributionTenantList', 0, ...rest]);
  return {
    id: o.id ?? 'acme',
    format: 'aws-cli',
    source,
    location: loc(),
    aliases: (o.domains ?? ['acme.saas.example']).map((d, i) => ({
      value: d,
      location: loc('Domains', i, 'Domain'),
    })),
    ...(o.arn !== undefined
      ? {
          viewerCertificate: {
            location: loc('Customizations', 'Certificate'),
            acmCertificateArn: { value: o.arn, location: loc('Customizations', 'Certificate', 'Arn') },
          },
        }
      : {}),
    tenant: {
      parent: { value: o.parentId ?? 'EMULTI', location: loc('DistributionId') },
      certificate: o.arn !== undefined ? 'own' : o.managed ? 'managed' : 'parent',
      ...(o.managed ? { managedCertificateRequest: loc('ManagedCertificateRequest') } : {}),
    },
  };
}

/** A distribution on the default certificate (no ACM/IAM certificate). */
export const defaultCertDistribution = (o: DistributionOptions = {}): Distribution =>
  distribution({ arn: null, ssl: null, policy: null, defaultCertificate: true, aliases: [], ...o });

/** `aws acm describe-certificate` evidence: ISSUED, AMAZON_ISSUED, RSA_2048, valid 2026-01-01..2026-12-01. */
export function acmEvidence(o: Partial<CertificateEvidence> = {}): CertificateEvidence {
  const key = o.key ?? o.arn ?? ARN;
  return {
    key,
    kind: 'acm-describe',
    source: 'acm.json',
    location: { source: 'acm.json', path: ['Certificate'] },
    arn: key,
    region: 'us-east-1',
    accountId: ACCOUNT,
    status: 'ISSUED',
    type: 'AMAZON_ISSUED',
    domainName: 'www.example.com',
    subjectAlternativeNames: ['www.example.com'],
    keyAlgorithm: 'RSA_2048',
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2026-12-01T00:00:00Z'),
    validationMethod: 'DNS',
    ...o,
  };
}

/** A PEM chain bound to a key (ARN or IAM id). */
export function pemEvidence(
  key: string,
  chain: readonly Certificate[],
  o: Partial<CertificateEvidence> = {},
): CertificateEvidence {
  return { key, kind: 'pem', source: 'chain.pem', location: { source: 'chain.pem' }, chain, ...o };
}

/** A certificate resource of a template (key `cfn:<source>#<LogicalId>`). */
export function templateEvidence(o: Partial<CertificateEvidence> = {}): CertificateEvidence {
  return {
    key: 'cfn:stack.yaml#Cert',
    kind: 'cfn-resource',
    source: 'stack.yaml',
    location: { source: 'stack.yaml', path: ['Resources', 'Cert'] },
    domainName: 'www.example.com',
    subjectAlternativeNames: ['www.example.com'],
    ...o,
  };
}

/** Runs the gate on the given distributions and evidence. */
export function gate(
  distributions: readonly Distribution[],
  evidence: readonly CertificateEvidence[] = [acmEvidence()],
  options: Partial<GateOptions> & { sourceFindings?: GateInputs['sourceFindings'] } = {},
): GateResult[] {
  const { sourceFindings = [], ...rest } = options;
  return runGate({ distributions, evidence, sourceFindings }, { at: AT, warnDays: 30, ...rest });
}

/** The findings of one distribution (the first result, or the one with `id`). */
export function findingsOf(results: readonly GateResult[], id?: string): readonly Finding[] {
  const r =
    id === undefined
      ? results[0]
      : results.find(
          (x) => (x.subject.kind === 'distribution' || x.subject.kind === 'tenant') && x.subject.id === id,
        );
  return r?.findings ?? [];
}

/** Findings of one code for a single distribution with its evidence. */
export function check(
  d: Distribution,
  code: FindingCode,
  evidence: readonly CertificateEvidence[] = [acmEvidence()],
  options: Partial<GateOptions> = {},
): readonly Finding[] {
  return findingsOf(gate([d], evidence, options)).filter((f) => f.code === code);
}
