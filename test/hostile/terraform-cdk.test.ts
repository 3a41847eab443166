/**
 * Hostile Terraform plans, CDK assemblies and cross-distribution groups (issue 10, items 3, 4, 7),
 * each generated here and run through the real executable with a hang guard and a heap cap:
 * - a failing distribution 17 and 40 modules deep fails the gate (it was skipped: verdict pass),
 *   and one deeper than the module depth limit is an error finding naming its module;
 * - a certificate passed through a reference chain longer than the limit is an error finding;
 * - a cdk.out whose manifest names a symbolic link to a file outside is refused, and nothing of
 *   the file it points at (a secret-looking token) appears in any output;
 * - 20,000 distributions sharing one alias: bounded findings, exit 1, no quadratic hang.
 */

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { MAX_REFERENCE_DEPTH } from '../../src/sources/terraform-config.js';
import { MAX_MODULE_DEPTH } from '../../src/sources/terraform-instances.js';
import { spawnCertgate } from '../support/spawn-cli.js';
import { distributionValues, validationChain } from '../support/terraform-plan.js';

/** A hang guard, not a timing test: each run here takes well under five seconds. */
const GUARD_MS = 60_000;
const HEAP_MIB = 512;
/** Peak resident memory allowed (heap cap plus Node's own). */
const PEAK_MIB = 900;

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'certgate-hostile-tf-'));
  made.push(dir);
  return dir;
}

/** A certificate in the wrong region: CloudFront refuses it (CF_CERTIFICATE_NOT_IN_US_EAST_1, an error). */
const EU_ARN = 'arn:aws:acm:eu-west-1:111122223333:certificate/11111111-2222-4333-8444-555555555555';

/** `module.m0.module.m1…` down to `depth` modules. */
const moduleAddress = (depth: number) => Array.from({ length: depth }, (_, i) => `module.m${i}`).join('.');

/** A plan (planned_values only) with one failing distribution `depth` modules below the root. */
function deepPlannedValues(depth: number): string {
  const address = `${moduleAddress(depth)}.aws_cloudfront_distribution.cdn`;
  let module: Record<string, unknown> = {
    address: moduleAddress(depth),
    resources: [
      {
        address,
        mode: 'managed',
        type: 'aws_cloudfront_distribution',
        name: 'cdn',
        values: distributionValues(EU_ARN),
      },
    ],
  };
  for (let d = depth - 1; d >= 1; d--) module = { address: moduleAddress(d), child_modules: [module] };
  return JSON.stringify({
    format_version: '1.2',
    planned_values: { root_module: { child_modules: [module] } },
  });
}

/** The same distribution through resource_changes, its ARN known after apply and passed up through every module's output. */
function deepChangesPlan(depth: number): string {
  const prefix = moduleAddress(depth);
  const resource_changes = [
    {
      address: `${prefix}.aws_acm_certificate.cert`,
      module_address: prefix,
      mode: 'managed',
      type: 'aws_acm_certificate',
      name: 'cert',
      change: {
        actions: ['create'],
        after: { domain_name: 'www.example.com', validation_method: 'DNS', key_algorithm: 'RSA_2048' },
        after_unknown: { arn: true, subject_alternative_names: true },
      },
    },
    {
      address: 'aws_cloudfront_distribution.cdn',
      mode: 'managed',
      type: 'aws_cloudfront_distribution',
      name: 'cdn',
      change: {
        actions: ['create'],
        after: distributionValues(null),
        after_unknown: { viewer_certificate: [{ acm_certificate_arn: true }] },
      },
    },
  ];
  // the innermost module outputs the certificate ARN; each module above passes its child's output on
  let module: Record<string, unknown> = {
    resources: [
      {
        address: 'aws_acm_certificate.cert',
        mode: 'managed',
        type: 'aws_acm_certificate',
        name: 'cert',
        expressions: {},
      },
    ],
    outputs: {
      arn: { expression: { references: ['aws_acm_certificate.cert.arn', 'aws_acm_certificate.cert'] } },
    },
  };
  for (let d = depth - 1; d >= 0; d--) {
    module = {
      module_calls: { [`m${d}`]: { module } },
      outputs: { arn: { expression: { references: [`module.m${d}.arn`, `module.m${d}`] } } },
    };
  }
  const root = {
    ...module,
    resources: [
      {
        address: 'aws_cloudfront_distribution.cdn',
        mode: 'managed',
        type: 'aws_cloudfront_distribution',
        name: 'cdn',
        expressions: {
          viewer_certificate: [{ acm_certificate_arn: { references: ['module.m0.arn', 'module.m0'] } }],
        },
      },
    ],
  };
  return JSON.stringify({ format_version: '1.2', resource_changes, configuration: { root_module: root } });
}

/** A distribution whose ARN is known after apply and reaches its certificate through `length` validation resources. */
function validationChainPlan(length: number): string {
  const validations = validationChain(length);
  const resources = [
    {
      address: 'aws_cloudfront_distribution.cdn',
      mode: 'managed',
      type: 'aws_cloudfront_distribution',
      name: 'cdn',
      expressions: {
        viewer_certificate: [
          { acm_certificate_arn: { references: ['aws_acm_certificate_validation.v0.certificate_arn'] } },
        ],
      },
    },
    {
      address: 'aws_acm_certificate.cert',
      mode: 'managed',
      type: 'aws_acm_certificate',
      name: 'cert',
      expressions: {},
    },
    ...validations,
  ];
  const resource_changes = [
    {
      address: 'aws_cloudfront_distribution.cdn',
      mode: 'managed',
      type: 'aws_cloudfront_distribution',
      name: 'cdn',
      change: {
        actions: ['create'],
        after: distributionValues(null),
        after_unknown: { viewer_certificate: [{ acm_certificate_arn: true }] },
      },
    },
  ];
  return JSON.stringify({
    format_version: '1.2',
    resource_changes,
    configuration: { root_module: { resources } },
  });
}

async function check(files: string[], extra: string[] = []) {
  const r = await spawnCertgate(['check', ...files, '--format', 'json', ...extra], {
    timeoutMs: GUARD_MS,
    maxHeapMiB: HEAP_MIB,
  });
  expect(r.timedOut).toBe(false);
  expect(r.peakMiB).toBeLessThan(PEAK_MIB);
  return r;
}

describe('Terraform modules at any depth are read, or reported: never skipped', () => {
  test.each([17, 40])(
    'a failing distribution %i modules deep in planned_values fails the gate',
    async (depth) => {
      const dir = tempDir();
      writeFileSync(join(dir, 'plan.json'), deepPlannedValues(depth));
      const r = await check([join(dir, 'plan.json')]);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout);
      expect(report.verdict).toBe('fail');
      const result = report.results.find(
        (x: { subject: { kind: string; id: string } }) => x.subject.kind === 'distribution',
      );
      expect(result.subject.id).toBe(`${moduleAddress(depth)}.aws_cloudfront_distribution.cdn`);
      expect(result.findings.map((f: { code: string }) => f.code)).toContain(
        'CF_CERTIFICATE_NOT_IN_US_EAST_1',
      );
    },
  );

  test('a distribution below the module depth limit is an error finding naming its module and the limit', async () => {
    const dir = tempDir();
    const depth = MAX_MODULE_DEPTH + 1;
    writeFileSync(join(dir, 'plan.json'), deepPlannedValues(depth));
    const r = await check([join(dir, 'plan.json')]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.verdict).toBe('fail');
    const findings = report.results.flatMap((x: { findings: unknown[] }) => x.findings);
    const skipped = findings.find((f: { code: string }) => f.code === 'INPUT_NOT_EXAMINED');
    expect(skipped.severity).toBe('error');
    expect(skipped.message).toContain(
      `module ${moduleAddress(depth)} in ${join(dir, 'plan.json')} was not examined`,
    );
    expect(skipped.message).toContain(`deeper than ${MAX_MODULE_DEPTH} modules`);
  });

  test.each([17, 40])(
    'a certificate known after apply, passed up through %i module outputs, is linked',
    async (depth) => {
      const dir = tempDir();
      writeFileSync(join(dir, 'plan.json'), deepChangesPlan(depth));
      const r = await check([join(dir, 'plan.json')]);
      const report = JSON.parse(r.stdout);
      const result = report.results.find(
        (x: { subject: { id: string } }) => x.subject.id === 'aws_cloudfront_distribution.cdn',
      );
      expect(result.details.certificate).toBe(`tf:${moduleAddress(depth)}.aws_acm_certificate.cert`);
      expect(result.findings.map((f: { code: string }) => f.code)).not.toContain('INPUT_NOT_EXAMINED');
    },
  );

  test('a reference chain longer than the limit is an error finding, not an unlinked warning', async () => {
    const dir = tempDir();
    // a chain of validation resources in one module: flat JSON, so only the reference limit stops it
    writeFileSync(join(dir, 'plan.json'), validationChainPlan(MAX_REFERENCE_DEPTH + 5));
    const r = await check([join(dir, 'plan.json')]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const result = report.results.find(
      (x: { subject: { id: string } }) => x.subject.id === 'aws_cloudfront_distribution.cdn',
    );
    const skipped = result.findings.find((f: { code: string }) => f.code === 'INPUT_NOT_EXAMINED');
    expect(skipped.severity).toBe('error');
    expect(skipped.message).toContain(`deeper than ${MAX_REFERENCE_DEPTH} steps`);
  });
});

describe('cdk.out: nothing outside the assembly is read or quoted', () => {
  const SECRET = 'AKIAZZZZSECRETTOKEN9876';

  /** An assembly whose stack template is a symbolic link to `target`. */
  function assemblyLinkingTo(target: string): string {
    const dir = tempDir();
    const out = join(dir, 'cdk.out');
    mkdirSync(out);
    writeFileSync(
      join(out, 'manifest.json'),
      JSON.stringify({
        version: '38.0.1',
        artifacts: {
          Web: {
            type: 'aws:cloudformation:stack',
            environment: 'aws://111122223333/us-east-1',
            properties: { templateFile: 'Web.template.json' },
          },
        },
      }),
    );
    symlinkSync(target, join(out, 'Web.template.json'));
    return out;
  }

  test.each([
    ['text', []],
    ['json', ['--format', 'json']],
    ['sarif', ['--format', 'sarif']],
  ])(
    'a template linked outside is refused (%s output), exit 2, the secret never shown',
    async (_, format) => {
      const outside = join(tempDir(), 'credentials');
      // not JSON: a reader that followed the link would fail to parse it and quote the token
      writeFileSync(outside, `${SECRET} = ${SECRET}\n`);
      const out = assemblyLinkingTo(outside);
      const r = await spawnCertgate(['check', out, ...format], { timeoutMs: GUARD_MS, maxHeapMiB: HEAP_MIB });
      expect(r.timedOut).toBe(false);
      expect(r.code).toBe(2);
      const all = r.stdout + r.stderr;
      expect(all).not.toContain(SECRET);
      expect(all).not.toContain('SECRETTOKEN');
      expect(all).toContain(
        `${join(out, 'manifest.json')}: artifact Web names Web.template.json, which is a symbolic link that leads outside the assembly folder; not read`,
      );
    },
  );

  test('a parse error in a template inside the assembly names the file and position, not its content', async () => {
    const dir = tempDir();
    const out = join(dir, 'cdk.out');
    mkdirSync(out);
    writeFileSync(
      join(out, 'manifest.json'),
      JSON.stringify({
        version: '38',
        artifacts: {
          Web: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Web.template.json' } },
        },
      }),
    );
    writeFileSync(join(out, 'Web.template.json'), `{"Resources": ${SECRET}}`);
    const r = await spawnCertgate(['check', out], { timeoutMs: GUARD_MS, maxHeapMiB: HEAP_MIB });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(r.stdout + r.stderr).toContain(
      `${join(out, 'Web.template.json')}:1:15: does not parse as JSON or YAML`,
    );
  });

  test('a nested assembly linked outside, and one that names itself, are refused', async () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    writeFileSync(join(elsewhere, 'manifest.json'), JSON.stringify({ version: '38', artifacts: {} }));
    const out = join(dir, 'cdk.out');
    mkdirSync(out);
    symlinkSync(elsewhere, join(out, 'assembly-Prod'));
    writeFileSync(
      join(out, 'manifest.json'),
      JSON.stringify({
        version: '38',
        artifacts: {
          Prod: { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod' } },
          Self: { type: 'cdk:cloud-assembly', properties: { directoryName: '.' } },
        },
      }),
    );
    const r = await spawnCertgate(['check', out], { timeoutMs: GUARD_MS, maxHeapMiB: HEAP_MIB });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain(
      'artifact Prod names assembly-Prod, which is a symbolic link that leads outside',
    );
    expect(r.stdout + r.stderr).toContain(
      'artifact Self names ., which is an assembly already read (a loop)',
    );
  });
});

describe('20,000 distributions sharing one alias', () => {
  const N = 20_000;
  function sharedAlias(dir: string): string {
    const items = [];
    for (let i = 0; i < N; i++) {
      const id = `E${i.toString(16).toUpperCase().padStart(12, '0')}`;
      items.push({
        Id: id,
        ARN: `arn:aws:cloudfront::${100000000000 + (i % 1000)}:distribution/${id}`,
        DomainName: `d${i}.cloudfront.net`,
        Aliases: { Quantity: 1, Items: ['shared.example.com'] },
        ViewerCertificate: {
          CloudFrontDefaultCertificate: false,
          ACMCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/x',
          SSLSupportMethod: 'sni-only',
          MinimumProtocolVersion: 'TLSv1.2_2021',
        },
        HttpVersion: i % 2 ? 'http2' : 'http1.1',
        Enabled: true,
      });
    }
    const path = join(dir, 'distributions.json');
    writeFileSync(
      path,
      JSON.stringify({ DistributionList: { Items: items, Quantity: N, IsTruncated: false } }),
    );
    return path;
  }

  test('each names five others and the count; exit 1, no hang', async () => {
    const dir = tempDir();
    const path = sharedAlias(dir);
    const acm = join(dir, 'acm.json');
    // covers the alias, so MS-04 (other accounts) meets the whole group too
    writeFileSync(
      acm,
      JSON.stringify({
        Certificate: {
          CertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/x',
          DomainName: 'shared.example.com',
          SubjectAlternativeNames: ['shared.example.com', '*.example.com'],
          Status: 'ISSUED',
          Type: 'AMAZON_ISSUED',
          KeyAlgorithm: 'RSA-2048',
          NotBefore: '2026-01-01T00:00:00Z',
          NotAfter: '2099-01-01T00:00:00Z',
          InUseBy: [],
        },
      }),
    );
    const r = await spawnCertgate(['check', path, '--cert', acm, '--format', 'json'], {
      timeoutMs: GUARD_MS,
      maxHeapMiB: 2048,
    });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(r.peakMiB).toBeLessThan(3000);
    const report = JSON.parse(r.stdout);
    expect(report.verdict).toBe('fail');
    expect(
      report.results.filter((x: { subject: { kind: string } }) => x.subject.kind === 'distribution'),
    ).toHaveLength(N);
    for (const result of report.results.slice(0, 50)) {
      const conflict = result.findings.find((f: { code: string }) => f.code === 'CF_ALIAS_ALREADY_EXISTS');
      expect(conflict.args.otherCount).toBe(N - 1);
      expect(conflict.args.others).toHaveLength(6);
      expect(conflict.args.others[5]).toBe(`${N - 1 - 5} more`);
      const fronting = result.findings.find((f: { code: string }) => f.code === 'CF_DOMAIN_FRONTING_RISK');
      expect(fronting.args.count).toBe(N - N / 1000);
      expect(fronting.args.names).toHaveLength(6);
      const versions = result.findings.find(
        (f: { code: string }) => f.code === 'CF_SHARED_CERTIFICATE_HTTP_VERSION',
      );
      expect(versions.args.otherCount).toBe(N / 2);
    }
    // bounded per distribution: a few kilobytes each, not 20,000 names
    expect(r.stdout.length / N).toBeLessThan(10_000);
  });
});
