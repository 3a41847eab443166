/**
 * The names a CloudFormation template can refer to (pseudo parameters, Parameters, Resources),
 * and how expressions are recognised, compared and shown.
 */

import type { Syntax } from './document.js';
import { isRecord, own, ownRecord, ownString } from './fields.js';

/** `Ref: AWS::NoValue`: the property is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

/** The resource type whose `Ref` is a certificate ARN. */
export const CERTIFICATE_TYPE = 'AWS::CertificateManager::Certificate';

/** The phrase for values only the deployment knows. */
export const DEPLOY_TIME = 'is resolved at deploy time';

/** What a name stands for: a value, or why it is unknown (and which resource, if one). */
export type Lookup =
  | { readonly value: unknown }
  | {
      readonly phrase: string;
      readonly resource?: string;
      /** Set when `--parameter NAME=VALUE` would give the value (a parameter, a pseudo parameter). */
      readonly needs?: string;
      /** Set when the value is a string whatever it is (a String parameter, the account, a resource's id). */
      readonly isString?: true;
    };

/** What the resolver knows besides the template. */
export interface CfnEnvironment {
  readonly template: Record<string, unknown>;
  /** How expressions are shown in reasons: `!Sub` (YAML) or `Fn::Sub` (JSON). */
  readonly style: Syntax;
  /** `--parameter KEY=VALUE` overrides. */
  readonly parameters: Readonly<Record<string, string>>;
  readonly region?: string;
  readonly accountId?: string;
  readonly stackName?: string;
  /** Values assumed for conditions unknown offline (one variant of a distribution). */
  readonly assume?: ReadonlyMap<string, boolean>;
}

/**
 * A name as `Ref` and `${}` in `Fn::Sub` see it: a pseudo parameter, a parameter (its
 * `--parameter` override or Default) or a resource (unknown until deploy, but named).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/pseudo-parameter-reference.html
 */
export function lookupName(env: CfnEnvironment, name: string): Lookup {
  const region = env.region;
  // `--parameter AWS::Partition=...` and `AWS::URLSuffix` are taken as given; the other pseudo
  // parameters given so are in env already (see readTemplate)
  const given =
    PSEUDO_PARAMETERS.has(name) && Object.hasOwn(env.parameters, name) ? env.parameters[name] : undefined;
  switch (name) {
    case 'AWS::NoValue':
      return { value: NO_VALUE };
    case 'AWS::Region':
      return region !== undefined
        ? { value: region }
        : { phrase: `is the region the stack deploys to ${giveRegion}`, needs: name, isString: true };
    case 'AWS::AccountId':
      return env.accountId !== undefined
        ? { value: env.accountId }
        : { phrase: 'is the account the stack deploys to (give --account ID)', needs: name, isString: true };
    case 'AWS::StackName':
      return env.stackName !== undefined
        ? { value: env.stackName }
        : { phrase: 'is the stack name (give --parameter AWS::StackName=NAME)', needs: name, isString: true };
    case 'AWS::Partition':
      return { value: given ?? partitionOf(region) };
    case 'AWS::URLSuffix':
      return { value: given ?? (region?.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com') };
    case 'AWS::StackId':
      return { phrase: DEPLOY_TIME, isString: true };
    case 'AWS::NotificationARNs':
      return { phrase: DEPLOY_TIME };
  }
  const parameter = ownRecord(own(env.template, 'Parameters'), name);
  if (parameter) return parameterValue(env, name, parameter);
  const resource = own(own(env.template, 'Resources'), name);
  if (resource !== undefined) {
    const isCertificate = ownString(resource, 'Type') === CERTIFICATE_TYPE;
    const phrase = isCertificate
      ? 'is the ARN of a certificate the stack requests at deploy time'
      : DEPLOY_TIME;
    // a resource's Ref is its physical id or ARN
    return { phrase, resource: name, isString: true };
  }
  return { phrase: 'names no parameter or resource of the template' };
}

/** Pseudo parameters that `--parameter AWS::Name=VALUE` may give. */
export const PSEUDO_PARAMETERS: ReadonlySet<string> = new Set([
  'AWS::Region',
  'AWS::AccountId',
  'AWS::StackName',
  'AWS::Partition',
  'AWS::URLSuffix',
]);

const giveRegion = '(give --region, or --parameter AWS::Region=REGION)';

/** The partition of a region (the commercial one when the region is unknown). */
export function partitionOf(region: string | undefined): string {
  return region?.startsWith('cn-') ? 'aws-cn' : region?.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

/** A parameter's value: the override, else the Default (a list for list types). */
function parameterValue(env: CfnEnvironment, name: string, p: Record<string, unknown>): Lookup {
  const type = ownString(p, 'Type') ?? 'String';
  const give = `(give --parameter ${name}=VALUE)`;
  const override = Object.hasOwn(env.parameters, name) ? env.parameters[name] : undefined;
  const fallback = own(p, 'Default');
  const isList = type === 'CommaDelimitedList' || type.startsWith('List<');
  if (override === undefined && type.startsWith('AWS::SSM::Parameter::Value<')) {
    const phrase = `is read from SSM parameter ${String(fallback)} at deploy time ${give}`;
    return type === 'AWS::SSM::Parameter::Value<String>'
      ? { phrase, needs: name, isString: true }
      : { phrase, needs: name };
  }
  const raw = override ?? fallback;
  if (raw === undefined || raw === null)
    return type === 'String'
      ? { phrase: `is a parameter without a Default ${give}`, needs: name, isString: true }
      : { phrase: `is a parameter without a Default ${give}`, needs: name };
  if (isList && typeof raw === 'string') return { value: raw.split(',').map((s) => s.trim()) };
  return { value: Array.isArray(raw) ? raw.map(String) : String(raw) };
}

/** The function name of an intrinsic (`Ref`, `Fn::Sub`), or undefined for a plain mapping. */
export function intrinsicName(node: Record<string, unknown>): string | undefined {
  // stop at the second key: a mapping of 100,000 keys costs as little as one of two
  let only: string | undefined;
  for (const k in node) {
    if (!Object.hasOwn(node, k)) continue;
    if (only !== undefined) return undefined;
    only = k;
  }
  return only !== undefined && (only === 'Ref' || only.startsWith('Fn::')) ? only : undefined;
}

/** CloudFormation compares condition operands as strings. */
export function sameValue(a: unknown, b: unknown): boolean {
  const text = (v: unknown) => (typeof v === 'object' ? JSON.stringify(v) : String(v));
  return text(a) === text(b);
}

/** A short rendering of an expression argument for reasons (at most 80 characters). */
export function brief(
  arg: unknown,
  depth: number,
  show?: (fn: string, arg: unknown, depth: number) => string,
): string {
  let text: string;
  if (typeof arg === 'string') text = arg;
  else if (typeof arg === 'number' || typeof arg === 'boolean') text = String(arg);
  else if (Array.isArray(arg))
    // the first items say enough, and a list of 100,000 items is not rendered to be cut
    text =
      depth > 2
        ? '[…]'
        : `[${arg
            .slice(0, 8)
            .map((a) => brief(a, depth + 1, show))
            .join(', ')}${arg.length > 8 ? ', …' : ''}]`;
  else if (isRecord(arg)) {
    const fn = intrinsicName(arg);
    text = fn && show && depth < 2 ? `(${show(fn, arg[fn], depth + 1)})` : '{…}';
  } else text = String(arg);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
