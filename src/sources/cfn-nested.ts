/**
 * Nested stacks (`AWS::CloudFormation::Stack`): the child templates a template deploys, so a
 * distribution in a child is checked like one in the template given. A child is read when its
 * template is a local file: a relative `TemplateURL` (what `aws cloudformation package` and
 * `sam deploy` upload), or CDK's `aws:asset:path` metadata (the `*.nested.template.json` beside
 * the parent in `cdk.out`). A child at an S3 or HTTPS URL cannot be read offline, and says so.
 *
 * What the parent passes (`Properties.Parameters`) becomes the child's parameter values where it
 * is known offline: a literal, a parent parameter, a pseudo parameter. A certificate the parent
 * (or a sibling stack, through its Outputs) creates is passed on as that resource, so the child's
 * distribution is checked against it.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudformation-stack.html
 */

import { dirname, isAbsolute, join } from 'node:path';
import type { JsonPath, SourceDocument } from './document.js';
import { isRecord, own, ownRecord, ownString } from './fields.js';

export const STACK_TYPE = 'AWS::CloudFormation::Stack';
const CERTIFICATE_TYPE = 'AWS::CertificateManager::Certificate';

/** Nested stacks are followed at most this deep (CloudFormation's own nesting is bounded too). */
export const MAX_NESTING_DEPTH = 8;

/** One child stack of a template. */
export interface NestedStack {
  readonly logicalId: string;
  /** Where the stack resource is, for findings. */
  readonly path: JsonPath;
  /** The child template's file, when it is local; otherwise why it is not read. */
  readonly file: string | { readonly notRead: string };
  /** Parameter values known offline. */
  readonly parameters: Record<string, string>;
  /**
   * Parameters that pass a certificate resource: the parent's own (`Ref Cert`) as its logical id,
   * or a sibling's output (`GetAtt Sibling.Outputs.Name`).
   */
  readonly certificates: ReadonlyMap<string, CertificateSource>;
}

/** Where a certificate passed to a child comes from. */
export type CertificateSource =
  | { readonly kind: 'resource'; readonly logicalId: string }
  | { readonly kind: 'output'; readonly stack: string; readonly output: string };

/**
 * The template's nested stacks, with what it passes them. `parameters` are the template's own
 * values (`--parameter`, or what its parent passed), pseudo parameters included.
 */
export function nestedStacks(
  doc: SourceDocument,
  parameters: Readonly<Record<string, string>>,
): NestedStack[] {
  const resources = ownRecord(doc.value, 'Resources');
  if (!resources) return [];
  const declared = ownRecord(doc.value, 'Parameters');
  const out: NestedStack[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (ownString(resource, 'Type') !== STACK_TYPE) continue;
    const props = ownRecord(resource, 'Properties');
    const values: Record<string, string> = {};
    const certificates = new Map<string, CertificateSource>();
    for (const [name, raw] of Object.entries(ownRecord(props, 'Parameters') ?? {})) {
      const value = knownValue(raw, parameters, declared);
      if (value !== undefined) {
        values[name] = value;
        continue;
      }
      const certificate = certificateSource(raw, resources);
      if (certificate) certificates.set(name, certificate);
    }
    out.push({
      logicalId,
      path: ['Resources', logicalId],
      file: childFile(doc.source, own(props, 'TemplateURL'), ownRecord(resource, 'Metadata')),
      parameters: values,
      certificates,
    });
  }
  return out;
}

/** A value the parent knows offline: a literal, or a `Ref` to one of its parameters that has a value. */
function knownValue(
  raw: unknown,
  parameters: Readonly<Record<string, string>>,
  declared: Record<string, unknown> | undefined,
): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  const ref = isRecord(raw) && Object.keys(raw).length === 1 ? own(raw, 'Ref') : undefined;
  if (typeof ref !== 'string') return undefined;
  if (Object.hasOwn(parameters, ref)) return parameters[ref];
  const fallback = own(ownRecord(declared, ref), 'Default');
  return typeof fallback === 'string' || typeof fallback === 'number' ? String(fallback) : undefined;
}

/** A certificate resource a parameter passes: `Ref` to the parent's own, or a sibling stack's output. */
function certificateSource(raw: unknown, resources: Record<string, unknown>): CertificateSource | undefined {
  if (!isRecord(raw) || Object.keys(raw).length !== 1) return undefined;
  const ref = own(raw, 'Ref');
  if (typeof ref === 'string') {
    return ownString(own(resources, ref), 'Type') === CERTIFICATE_TYPE
      ? { kind: 'resource', logicalId: ref }
      : undefined;
  }
  const att = own(raw, 'Fn::GetAtt');
  const parts = typeof att === 'string' ? splitGetAtt(att) : Array.isArray(att) ? att : undefined;
  if (parts?.length !== 2 || typeof parts[0] !== 'string' || typeof parts[1] !== 'string') return undefined;
  const [stack, attribute] = parts as [string, string];
  if (!attribute.startsWith('Outputs.') || ownString(own(resources, stack), 'Type') !== STACK_TYPE)
    return undefined;
  return { kind: 'output', stack, output: attribute.slice('Outputs.'.length) };
}

/** `Stack.Outputs.Name` → `['Stack', 'Outputs.Name']` (the short form splits at the first dot). */
function splitGetAtt(text: string): string[] {
  const dot = text.indexOf('.');
  return dot === -1 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

/** The child template's local file, or why it is not read. */
function childFile(
  parentSource: string,
  templateUrl: unknown,
  metadata: Record<string, unknown> | undefined,
): NestedStack['file'] {
  // relative to the parent, and as relative as the parent was given, for the report
  const base = parentSource === '-' ? '.' : dirname(parentSource);
  const asset = ownString(metadata, 'aws:asset:path');
  if (asset !== undefined && ownString(metadata, 'aws:asset:property') === 'TemplateURL') {
    return isAbsolute(asset) ? { notRead: 'its aws:asset:path is absolute' } : join(base, asset);
  }
  if (typeof templateUrl !== 'string') {
    return { notRead: 'its TemplateURL is computed at deploy time' };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(templateUrl)) {
    return { notRead: `its template is at ${templateUrl}, which is not read offline` };
  }
  return join(base, templateUrl);
}

/** The certificate resource an output of a template names (`Value: !Ref Cert`), if it does. */
export function outputCertificate(doc: SourceDocument, output: string): string | undefined {
  const value = own(ownRecord(ownRecord(doc.value, 'Outputs'), output), 'Value');
  const ref = isRecord(value) ? own(value, 'Ref') : undefined;
  if (typeof ref !== 'string') return undefined;
  return ownString(own(ownRecord(doc.value, 'Resources'), ref), 'Type') === CERTIFICATE_TYPE
    ? ref
    : undefined;
}
