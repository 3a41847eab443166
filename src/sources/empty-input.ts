/**
 * What an input that gave no distribution and no tenant was read as, and what in it comes close
 * to one: said while its documents are still in hand, so nothing is read twice. A misspelt
 * resource type (`AWS::CloudFront::Distrbution`), a template with only its certificate, a plan
 * without the distribution, or certificate evidence given as an INPUT all land here; the gate
 * turns each into an INPUT_NO_DISTRIBUTION finding.
 */

import type { Locator } from '../findings/types.js';
import { detectInput, type InputKind } from './detect.js';
import type { SourceDocument } from './document.js';
import { withPosition } from './positions.js';

/** An input the sources found nothing to check in. */
export interface EmptyInput {
  /** The input as given on the command line. */
  readonly input: string;
  /** What it was read as, in words (`a CloudFormation template`). */
  readonly kind: string;
  readonly location: Locator;
  /** A resource whose type is a near miss of a distribution's. */
  readonly close?: { readonly resource: string; readonly type: string; readonly closeTo: string };
  /** Some resource types it has, when none comes close. */
  readonly types?: readonly string[];
}

const KIND_WORDS: Partial<Record<InputKind, string>> = {
  cloudformation: 'a CloudFormation template',
  terraform: 'a Terraform plan',
  'cdk-manifest': 'a CDK cloud assembly',
  'cloudfront-list': 'aws cloudfront list-distributions output',
  'cloudfront-tenant-list': 'aws cloudfront list-distribution-tenants output',
  'acm-describe': 'aws acm describe-certificate output (certificate evidence: give it with --cert)',
  'acm-describe-array': 'aws acm describe-certificate output (certificate evidence: give it with --cert)',
  'acm-list': 'aws acm list-certificates output (certificate evidence: give it with --cert)',
  'iam-server-certificate':
    'aws iam get-server-certificate output (certificate evidence: give it with --cert)',
};

const CFN_TYPES = ['AWS::CloudFront::Distribution', 'AWS::CloudFront::DistributionTenant'];
const TF_TYPES = ['aws_cloudfront_distribution', 'aws_cloudfront_distribution_tenant'];

/** Edit distance, case-insensitive (a type written in the wrong case is as wrong as a typo). */
function distance(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  let row = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    row = next;
  }
  return row[y.length]!;
}

/** The distribution type `type` looks like a misspelling of, if any. */
function closeTo(type: string, targets: readonly string[]): string | undefined {
  if (targets.includes(type)) return undefined;
  return targets.find((t) => distance(type, t) <= 3);
}

/** What one template says: a near miss, its resource types, or that it defines a distribution (switched off). */
function describeTemplate(doc: SourceDocument): {
  close?: EmptyInput['close'];
  at?: Locator;
  types: string[];
  defines: boolean;
} {
  const resources = ((doc.value as { Resources?: unknown }).Resources ?? {}) as Record<
    string,
    { Type?: unknown }
  >;
  const types = new Set<string>();
  for (const [id, r] of Object.entries(resources)) {
    if (typeof r?.Type !== 'string') continue;
    if (CFN_TYPES.includes(r.Type)) return { types: [], defines: true };
    types.add(r.Type);
    const near = closeTo(r.Type, CFN_TYPES);
    if (near)
      return {
        close: { resource: id, type: r.Type, closeTo: near },
        at: withPosition(doc.locator(['Resources', id, 'Type'])),
        types: [],
        defines: false,
      };
  }
  return { types: [...types], defines: false };
}

/** What a Terraform plan says: a near miss among its resource changes, or that it configures a distribution. */
function describePlan(doc: SourceDocument): { close?: EmptyInput['close']; at?: Locator; defines: boolean } {
  const value = doc.value as { configuration?: unknown; resource_changes?: unknown };
  const configured = JSON.stringify(value.configuration ?? {});
  if (TF_TYPES.some((t) => configured.includes(`"type":"${t}"`))) return { defines: true };
  const changes = Array.isArray(value.resource_changes) ? value.resource_changes : [];
  for (const [i, c] of changes.entries()) {
    const type = (c as { type?: unknown })?.type;
    const near = typeof type === 'string' ? closeTo(type, TF_TYPES) : undefined;
    if (near)
      return {
        close: {
          resource: String((c as { address?: unknown }).address),
          type: type as string,
          closeTo: near,
        },
        at: withPosition(doc.locator(['resource_changes', i, 'type'])),
        defines: false,
      };
  }
  return { defines: false };
}

/**
 * Describes an input that gave nothing to check, from the documents read for it (the file
 * itself, or a CDK assembly's templates). Undefined when it does define a distribution its tool
 * will not create (a false Condition, `count = 0`): the gate decided on it, it is not empty.
 */
export function describeEmptyInput(
  input: string,
  docs: readonly SourceDocument[],
  assembly: boolean,
): EmptyInput | undefined {
  const here: Locator = { source: input };
  if (assembly) {
    const types = new Set<string>();
    for (const doc of docs) {
      if (detectInput(doc.value) !== 'cloudformation') continue;
      const t = describeTemplate(doc);
      if (t.defines) return undefined;
      if (t.close)
        return { input, kind: KIND_WORDS['cdk-manifest']!, location: t.at ?? here, close: t.close };
      for (const type of t.types) types.add(type);
    }
    return { input, kind: KIND_WORDS['cdk-manifest']!, location: here, ...typesOf([...types]) };
  }
  const doc = docs[0];
  if (!doc) return { input, kind: 'an input', location: here };
  const kind = detectInput(doc.value);
  const words = (kind && KIND_WORDS[kind]) ?? 'AWS CLI output';
  if (kind === 'cloudformation') {
    const t = describeTemplate(doc);
    if (t.defines) return undefined;
    if (t.close) return { input, kind: words, location: t.at ?? here, close: t.close };
    return { input, kind: words, location: here, ...typesOf(t.types) };
  }
  if (kind === 'terraform') {
    const p = describePlan(doc);
    if (p.defines) return undefined;
    if (p.close) return { input, kind: words, location: p.at ?? here, close: p.close };
  }
  return { input, kind: words, location: here };
}

const typesOf = (types: readonly string[]) => (types.length > 0 ? { types: types.slice(0, 5) } : {});
