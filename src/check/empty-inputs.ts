/**
 * Inputs the gate found nothing to check in: no distribution and no tenant came from them. A
 * gate that checked nothing must not pass (a misspelt resource type, a wrong path, evidence given
 * as an INPUT), so each is an INPUT_NO_DISTRIBUTION finding, a note with `allowEmpty`.
 */

import { stat } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { Distribution } from '../cloudfront/model.js';
import { createFinding, type Result } from '../findings/finding.js';
import type { Locator } from '../findings/types.js';
import { detectInput, type InputKind } from '../sources/detect.js';
import { displayName } from '../sources/document.js';
import { MAX_GATE_INPUT_BYTES, readInput } from '../sources/input-file.js';
import { parseSourceText } from '../sources/parse.js';
import { withPosition } from '../sources/positions.js';

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

interface Described {
  readonly kind: string;
  readonly location: Locator;
  readonly close?: { readonly resource: string; readonly type: string; readonly closeTo: string };
  readonly types?: readonly string[];
  /** The input defines a distribution its tool will not create (a false Condition, `count = 0`): the gate decided on it. */
  readonly switchedOff?: boolean;
}

/** What an input was read as, and what in it comes close to a distribution. */
async function describe(file: string, stdin: Uint8Array | undefined): Promise<Described> {
  const here: Locator = { source: file };
  if (file !== '-' && (await stat(file).catch(() => undefined))?.isDirectory())
    return { kind: KIND_WORDS['cdk-manifest']!, location: here };
  try {
    const bytes =
      file === '-' ? stdin : await readInput(file, undefined, MAX_GATE_INPUT_BYTES, 'a gate input');
    if (!bytes) return { kind: 'standard input', location: here };
    const doc = await parseSourceText(file, bytes);
    const kind = detectInput(doc.value);
    const words = (kind && KIND_WORDS[kind]) ?? 'AWS CLI output';
    const value = doc.value as Record<string, unknown>;
    if (kind === 'cloudformation') {
      const resources = (value.Resources ?? {}) as Record<string, { Type?: unknown }>;
      const types = new Set<string>();
      for (const [id, r] of Object.entries(resources)) {
        if (typeof r?.Type !== 'string') continue;
        if (CFN_TYPES.includes(r.Type)) return { kind: words, location: here, switchedOff: true };
        types.add(r.Type);
        const near = closeTo(r.Type, CFN_TYPES);
        if (near)
          return {
            kind: words,
            location: withPosition(doc.locator(['Resources', id, 'Type'])),
            close: { resource: id, type: r.Type, closeTo: near },
          };
      }
      return { kind: words, location: here, types: [...types].slice(0, 5) };
    }
    if (kind === 'terraform') {
      const configured = JSON.stringify(value.configuration ?? {});
      if (TF_TYPES.some((t) => configured.includes(`"type":"${t}"`)))
        return { kind: words, location: here, switchedOff: true };
      const changes = Array.isArray(value.resource_changes) ? value.resource_changes : [];
      for (const [i, c] of changes.entries()) {
        const type = (c as { type?: unknown })?.type;
        const near = typeof type === 'string' ? closeTo(type, TF_TYPES) : undefined;
        if (near)
          return {
            kind: words,
            location: withPosition(doc.locator(['resource_changes', i, 'type'])),
            close: {
              resource: String((c as { address?: unknown }).address),
              type: type as string,
              closeTo: near,
            },
          };
      }
    }
    return { kind: words, location: here };
  } catch {
    return { kind: 'an input', location: here };
  }
}

/** Whether a distribution read from `from` came from `input` (the file itself, or a template of a cdk.out folder). */
function cameFrom(from: string, input: string): boolean {
  if (input === '-') return from === '-' || from === '<stdin>';
  const source = resolve(from);
  const given = resolve(input);
  if (source === given) return true;
  const folder = given.endsWith('manifest.json') ? dirname(given) : given;
  return source.startsWith(`${folder}${sep}`);
}

/**
 * One INPUT_NO_DISTRIBUTION result per readable input no distribution or tenant came from.
 * A distribution from no given input (a nested stack's template) could be any template's: then
 * no input is called empty, rather than one wrongly.
 */
export async function emptyInputs(
  inputs: readonly string[],
  distributions: readonly Distribution[],
  unreadable: ReadonlySet<string>,
  options: { readonly allowEmpty?: boolean; readonly stdin?: Uint8Array },
): Promise<Result[]> {
  const candidates = [...new Set(inputs)].filter((i) => !unreadable.has(displayName(i)));
  const found = new Set<string>();
  let stray = false;
  // distributions share their few sources: each source is matched to an input once
  const inputOfSource = new Map<string, string | undefined>();
  for (const d of distributions) {
    let from = inputOfSource.get(d.source);
    if (from === undefined && !inputOfSource.has(d.source)) {
      from = candidates.find((i) => cameFrom(d.source, i));
      inputOfSource.set(d.source, from);
    }
    if (from === undefined) stray = true;
    else found.add(from);
  }
  if (stray && distributions.length > 0) return [];
  const results: Result[] = [];
  for (const input of candidates) {
    if (found.has(input)) continue;
    const what = await describe(input, options.stdin);
    if (what.switchedOff) continue;
    const finding = createFinding(
      'INPUT_NO_DISTRIBUTION',
      what.location,
      {
        source: displayName(input),
        kind: what.kind,
        ...(what.close
          ? { resource: what.close.resource, type: what.close.type, closeTo: what.close.closeTo }
          : {}),
        ...(what.types && what.types.length > 0 ? { types: what.types } : {}),
        nothingChecked: distributions.length === 0,
      },
      options.allowEmpty ? { severity: 'note' } : {},
    );
    results.push({ subject: { kind: 'input', id: input, source: input }, findings: [finding] });
  }
  return results;
}
