/**
 * Fuzzing the Terraform plan reader: a plan built here (resource_changes with after_unknown, a
 * configuration with module calls, outputs, variables and validation resources, planned_values
 * with child modules) mutated in its JSON tree (values of every type in every place, keys
 * removed, subtrees copied elsewhere, modules nested deep, prototype keys) and in its text. Every
 * call must read the plan or throw InputError (the documented input error), never anything else,
 * and never hang; what it read must go through the gate without an exception. Seeded, so
 * failures reproduce.
 */

import { describe, expect, test } from 'vitest';
import { runGate } from '../../src/check/run-gate.js';
import { InputError } from '../../src/findings/input-error.js';
import { collected } from '../../src/sources/fields.js';
import { parseJsonDocument } from '../../src/sources/json-document.js';
import { readTerraformPlan } from '../../src/sources/terraform.js';
import { cpuNowMs } from '../support/cpu-time.js';
import { prng } from '../support/prng.js';
import { distributionValues } from '../support/terraform-plan.js';

const SEED = 0x7e44_f0a2;
/** Bound per call, in CPU time (a loaded machine does not trip it): only catches hangs and pathological blow-ups. */
const MAX_MS = 500;
const AT = new Date('2026-06-01T00:00:00Z');

const pick = (rand: () => number, n: number) => Math.floor(rand() * n);

const distributionAfter = (arn: string | null, aliases: unknown = ['www.example.com', 'api.example.com']) =>
  distributionValues(arn, { aliases, httpVersion: 'http2and3' });
const certAfter = {
  domain_name: 'example.com',
  subject_alternative_names: ['*.example.com'],
  validation_method: 'DNS',
};

/** A plan that uses every part of the reader. */
function basePlan(): Record<string, unknown> {
  return {
    format_version: '1.2',
    variables: { region: { value: 'us-east-1' } },
    resource_changes: [
      {
        address: 'module.cdn[0].aws_acm_certificate.cert',
        module_address: 'module.cdn[0]',
        mode: 'managed',
        type: 'aws_acm_certificate',
        name: 'cert',
        index: 0,
        change: { actions: ['create'], after: certAfter, after_unknown: { arn: true, status: true } },
      },
      {
        address: 'aws_cloudfront_distribution.site',
        mode: 'managed',
        type: 'aws_cloudfront_distribution',
        name: 'site',
        change: {
          actions: ['update'],
          after: distributionAfter(null),
          after_unknown: { aliases: [false, true], viewer_certificate: [{ acm_certificate_arn: true }] },
        },
      },
      {
        address: 'aws_cloudfront_distribution.old',
        mode: 'managed',
        type: 'aws_cloudfront_distribution',
        name: 'old',
        change: { actions: ['delete'], after: null },
      },
      {
        address: 'aws_cloudfront_distribution.known',
        mode: 'managed',
        type: 'aws_cloudfront_distribution',
        name: 'known',
        change: {
          actions: ['no-op'],
          after: distributionAfter('arn:aws:acm:eu-west-1:111122223333:certificate/x', ['www.example.com']),
        },
      },
    ],
    configuration: {
      provider_config: {
        aws: { name: 'aws', expressions: { region: { references: ['var.region'] } } },
        'module.cdn:aws': { name: 'aws', expressions: { region: { constant_value: 'us-east-1' } } },
      },
      root_module: {
        resources: [
          {
            address: 'aws_cloudfront_distribution.site',
            mode: 'managed',
            type: 'aws_cloudfront_distribution',
            name: 'site',
            expressions: {
              viewer_certificate: [
                { acm_certificate_arn: { references: ['module.cdn[0].arn', 'module.cdn'] } },
              ],
            },
          },
        ],
        module_calls: {
          cdn: {
            expressions: { domain: { constant_value: 'example.com' } },
            module: {
              outputs: {
                arn: { expression: { references: ['aws_acm_certificate_validation.v.certificate_arn'] } },
              },
              resources: [
                {
                  address: 'aws_acm_certificate.cert',
                  mode: 'managed',
                  type: 'aws_acm_certificate',
                  name: 'cert',
                  provider_config_key: 'module.cdn:aws',
                  expressions: { domain_name: { references: ['var.domain'] } },
                },
                {
                  address: 'aws_acm_certificate_validation.v',
                  mode: 'managed',
                  type: 'aws_acm_certificate_validation',
                  name: 'v',
                  expressions: { certificate_arn: { references: ['aws_acm_certificate.cert[0].arn'] } },
                },
              ],
            },
          },
        },
      },
    },
  };
}

/** The same plan as a state would be written: planned_values with child modules, no resource_changes. */
function plannedValuesPlan(): Record<string, unknown> {
  const module = (address: string, inner: unknown[]) => ({
    address,
    resources: [
      {
        address: `${address}.aws_cloudfront_distribution.d`,
        mode: 'managed',
        type: 'aws_cloudfront_distribution',
        name: 'd',
        values: distributionAfter('arn:aws:acm:us-east-1:111122223333:certificate/y'),
      },
      {
        address: `${address}.aws_acm_certificate.c`,
        mode: 'managed',
        type: 'aws_acm_certificate',
        name: 'c',
        values: certAfter,
      },
    ],
    child_modules: inner,
  });
  return {
    format_version: '1.0',
    planned_values: {
      root_module: { resources: [], child_modules: [module('module.a', [module('module.a.module.b', [])])] },
    },
  };
}

const BASES = [basePlan(), plannedValuesPlan()];

/** Every [holder, key] of a JSON tree, for mutations to land on. */
function slots(root: unknown): [Record<string, unknown> | unknown[], string | number][] {
  const out: [Record<string, unknown> | unknown[], string | number][] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        out.push([node, i]);
        stack.push(v);
      });
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        out.push([node as Record<string, unknown>, k]);
        stack.push(v);
      }
    }
  }
  return out;
}

const deepArray = (n: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) v = [v];
  return v;
};
const deepModules = (n: number): unknown => {
  let m: unknown = {
    resources: [{ mode: 'managed', type: 'aws_cloudfront_distribution', name: 'z', values: {} }],
  };
  for (let i = 0; i < n; i++) m = { address: `module.z${i}`, child_modules: [m] };
  return m;
};

/** Values of every JSON type, and the shapes a reader might not expect where it looks. */
function randomValue(rand: () => number): unknown {
  const values: (() => unknown)[] = [
    () => null,
    () => true,
    () => false,
    () => 0,
    () => -1,
    () => 1e308,
    () => 0.5,
    () => '',
    () => 'x',
    () => 'module.cdn.arn',
    () => 'aws_acm_certificate.cert',
    () => 'var.region',
    () => 'arn:aws:acm:us-east-1:111122223333:certificate/z',
    () => ['delete'],
    () => ['forget'],
    () => [],
    () => ({}),
    () => [true],
    () => ({ references: ['module.cdn.arn', 'var.x', 'aws_acm_certificate_validation.v.certificate_arn'] }),
    () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1, "toString": "x"}'),
    () => 'é\u0000\u001b[2J'.repeat(1 + pick(rand, 50)),
    () => deepArray(1 + pick(rand, 60)),
    () => deepModules(1 + pick(rand, 80)),
  ];
  return values[pick(rand, values.length)]!();
}

type Mutator = (plan: Record<string, unknown>, rand: () => number) => void;

const MUTATORS: Record<string, Mutator> = {
  replace: (plan, rand) => {
    const all = slots(plan);
    if (all.length === 0) return;
    for (let i = 0, n = 1 + pick(rand, 3); i < n; i++) {
      const [holder, key] = all[pick(rand, all.length)]!;
      (holder as Record<string | number, unknown>)[key] = randomValue(rand);
    }
  },
  remove: (plan, rand) => {
    const all = slots(plan);
    if (all.length === 0) return;
    const [holder, key] = all[pick(rand, all.length)]!;
    if (Array.isArray(holder)) holder.splice(Number(key), 1);
    else delete holder[key as string];
  },
  copy: (plan, rand) => {
    // a subtree elsewhere: modules inside modules, resources inside expressions, cycles of references
    const all = slots(plan);
    if (all.length === 0) return;
    const [from, fromKey] = all[pick(rand, all.length)]!;
    const [to, toKey] = all[pick(rand, all.length)]!;
    (to as Record<string | number, unknown>)[toKey] = structuredClone(
      (from as Record<string | number, unknown>)[fromKey],
    );
  },
  repeat: (plan, rand) => {
    // many entries of one array: the quadratic paths (one certificate picked per distribution)
    const arrays = slots(plan).filter(([h, k]) => Array.isArray((h as Record<string | number, unknown>)[k]));
    if (arrays.length === 0) return;
    const [holder, key] = arrays[pick(rand, arrays.length)]!;
    const list = (holder as Record<string | number, unknown[]>)[key]!;
    if (list.length === 0) return;
    const item = list[pick(rand, list.length)];
    for (let i = 0; i < 300; i++) list.push(structuredClone(item));
  },
  unknown: (plan, rand) => {
    // after_unknown: true at random places, or shapes that disagree with after
    const all = slots(plan).filter(([, k]) => k === 'after_unknown' || k === 'after');
    if (all.length === 0) return;
    const [holder, key] = all[pick(rand, all.length)]!;
    (holder as Record<string | number, unknown>)[key] = rand() < 0.5 ? true : randomValue(rand);
  },
};

const TEXT_MUTATORS: Record<string, (text: string, rand: () => number) => string> = {
  flip: (text, rand) => {
    const at = pick(rand, text.length);
    return text.slice(0, at) + String.fromCharCode(pick(rand, 128)) + text.slice(at + 1);
  },
  truncate: (text, rand) => text.slice(0, pick(rand, text.length)),
  splice: (text, rand) => {
    const at = pick(rand, text.length);
    const junk = ['{', '}', '[', ']', ',', ':', '"', '\\', 'null', '"__proto__":', '1e999'][pick(rand, 11)]!;
    return text.slice(0, at) + junk + text.slice(at);
  },
};

/** Reads a plan text and runs the gate on it; fails the test on anything but the two outcomes. */
function attempt(text: string, label: string): 'ok' | 'error' {
  const start = cpuNowMs();
  let outcome: 'ok' | 'error' = 'ok';
  try {
    const doc = parseJsonDocument('plan.json', text);
    const out = collected();
    readTerraformPlan(doc, out);
    runGate(
      { distributions: out.distributions, evidence: out.evidence, sourceFindings: out.findings },
      { at: AT, warnDays: 30 },
    );
  } catch (e) {
    if (!(e instanceof InputError))
      throw new Error(`${label}: unexpected ${e instanceof Error ? e.stack : String(e)}`);
    outcome = 'error';
  }
  const ms = cpuNowMs() - start;
  if (ms > MAX_MS) throw new Error(`${label}: took ${ms.toFixed(0)} ms of CPU`);
  return outcome;
}

describe('fuzz: the Terraform plan reader', () => {
  test('the plans themselves read without error', () => {
    for (const [i, base] of BASES.entries()) expect(attempt(JSON.stringify(base), `base ${i}`)).toBe('ok');
  });

  test.each(Object.keys(MUTATORS))('tree mutations: %s', (name) => {
    const rand = prng(SEED ^ name.length ^ (name.charCodeAt(0) << 8));
    const mutate = MUTATORS[name]!;
    const outcomes = { ok: 0, error: 0 };
    for (let i = 0; i < 600; i++) {
      const plan = structuredClone(BASES[i % BASES.length]!);
      // one repeat at a time: repeats of repeats grow the plan to megabytes, which measures size, not the reader
      for (let m = 0, n = name === 'repeat' ? 1 : 1 + pick(rand, 3); m < n; m++) mutate(plan, rand);
      outcomes[attempt(JSON.stringify(plan), `${name} #${i}`)]++;
    }
    // most mutated plans still read: the mutations reach the reader, not only format checks
    expect(outcomes.ok).toBeGreaterThan(outcomes.error);
  });

  test.each(Object.keys(TEXT_MUTATORS))('text mutations: %s', (name) => {
    const rand = prng(SEED ^ (name.charCodeAt(1) << 4));
    const mutate = TEXT_MUTATORS[name]!;
    const outcomes = { ok: 0, error: 0 };
    for (let i = 0; i < 600; i++) {
      const text = JSON.stringify(BASES[i % BASES.length]!, null, i % 3);
      outcomes[attempt(mutate(text, rand), `${name} #${i}`)]++;
    }
    expect(outcomes.error, 'no mutation was refused').toBeGreaterThan(0);
  });
});
