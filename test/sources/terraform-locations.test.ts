/**
 * Terraform findings name the resource address, and the `.tf` file and line of the block and
 * argument when the sources are at hand (beside the plan, or `--tf-dir`), through modules.
 */

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Locator } from '../../src/findings/types.js';
import { formatLocation } from '../../src/report/text.js';
import { TF_SOURCE_LIMITS } from '../../src/sources/tf-sources.js';
import { runCli } from '../support/cli.js';
import { load, tempDir } from './helpers.js';

const FIXTURES = 'test/fixtures/terraform';

/** The 1-based line of the first line of `file` containing `needle`, computed independently. */
function lineOf(file: string, needle: string): number {
  const i = readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle));
  if (i === -1) throw new Error(`${needle} not in ${file}`);
  return i + 1;
}

const originOf = (l: Locator | undefined) => l?.origin && { source: l.origin.source, line: l.origin.line };

describe('beside the .tf files (the default --tf-dir)', () => {
  test('the distribution, its aliases and viewer_certificate arguments point at main.tf', async () => {
    const dir = `${FIXTURES}/unvalidated`;
    const tf = join(dir, 'main.tf');
    const { inputs, errors } = await load([`${dir}/plan.json`]);
    expect(errors).toEqual([]);
    const d = inputs.distributions[0]!;
    expect(d.location.resource).toBe('aws_cloudfront_distribution.site');
    expect(originOf(d.location)).toEqual({
      source: tf,
      line: lineOf(tf, 'resource "aws_cloudfront_distribution" "site"'),
    });
    expect(originOf(d.aliases[1]!.location)).toEqual({ source: tf, line: lineOf(tf, 'aliases = [') });
    const vc = d.viewerCertificate!;
    // the heredoc above holds `acm_certificate_arn = "not this one"`: the argument is the real one
    expect(originOf(vc.acmCertificateArn!.location)).toEqual({
      source: tf,
      line: lineOf(tf, 'acm_certificate_arn      = aws_acm_certificate.site.arn'),
    });
    expect(originOf(vc.minimumProtocolVersion!.location)).toEqual({
      source: tf,
      line: lineOf(tf, 'minimum_protocol_version = "TLSv1.2_2021"'),
    });
    // the plan position stays: the JSON path into plan.json
    expect(vc.acmCertificateArn!.location.path?.[0]).toBe('resource_changes');
    expect(vc.acmCertificateArn!.location.line).toBe(1);
    expect(inputs.evidence[0]!.location).toMatchObject({
      resource: 'aws_acm_certificate.site',
      origin: { source: tf, line: lineOf(tf, 'resource "aws_acm_certificate" "site"'), column: 1 },
    });
  });

  test('two modules deep: the module folders come from the calls’ local sources', async () => {
    const dir = `${FIXTURES}/modules-deep`;
    const tf = join(dir, 'modules/site/cdn/main.tf');
    const { inputs } = await load([`${dir}/plan.json`]);
    const d = inputs.distributions[0]!;
    expect(d.location.resource).toBe('module.site.module.cdn.aws_cloudfront_distribution.this');
    expect(originOf(d.viewerCertificate!.acmCertificateArn!.location)).toEqual({
      source: tf,
      line: lineOf(tf, 'acm_certificate_arn'),
    });
    const cert = join(dir, 'modules/cert/main.tf');
    expect(originOf(inputs.evidence[0]!.location)).toEqual({
      source: cert,
      line: lineOf(cert, 'resource "aws_acm_certificate" "this"'),
    });
  });

  test('for_each instances: the address has the key, the origin is the one block', async () => {
    const dir = `${FIXTURES}/for-each`;
    const tf = join(dir, 'modules/cdn/main.tf');
    const { inputs } = await load([`${dir}/plan.json`]);
    const preview = inputs.distributions.find(
      (d) => d.id === 'module.cdn.aws_cloudfront_distribution.preview["b"]',
    )!;
    expect(preview.location.resource).toBe('module.cdn.aws_cloudfront_distribution.preview["b"]');
    expect(originOf(preview.location)).toEqual({
      source: tf,
      line: lineOf(tf, 'resource "aws_cloudfront_distribution" "preview"'),
    });
  });

  test('text and JSON name both', async () => {
    const dir = `${FIXTURES}/modules-deep`;
    const { inputs } = await load([`${dir}/plan.json`]);
    const location = inputs.distributions[0]!.viewerCertificate!.acmCertificateArn!.location;
    const line = lineOf(join(dir, 'modules/site/cdn/main.tf'), 'acm_certificate_arn');
    expect(formatLocation(location)).toBe(
      `${dir}/modules/site/cdn/main.tf:${line}:5 (module.site.module.cdn.aws_cloudfront_distribution.this)`,
    );
    expect(JSON.parse(JSON.stringify(location))).toMatchObject({
      source: `${dir}/plan.json`,
      resource: 'module.site.module.cdn.aws_cloudfront_distribution.this',
      origin: { source: `${dir}/modules/site/cdn/main.tf`, line, column: 5 },
    });
  });
});

describe('elsewhere', () => {
  test('without .tf files: the address alone, after the plan position', async () => {
    const dir = tempDir();
    copyFileSync(`${FIXTURES}/unvalidated/plan.json`, join(dir, 'plan.json'));
    const { inputs } = await load([join(dir, 'plan.json')]);
    const location = inputs.distributions[0]!.location;
    expect(location.origin).toBeUndefined();
    expect(formatLocation(location)).toMatch(/plan\.json:1:\d+ \(aws_cloudfront_distribution\.site\)$/);
  });

  test('--tf-dir names the root module folder', async () => {
    const dir = tempDir();
    copyFileSync(`${FIXTURES}/modules-deep/plan.json`, join(dir, 'plan.json'));
    const { inputs } = await load([join(dir, 'plan.json')], { tfDir: `${FIXTURES}/modules-deep` });
    expect(inputs.distributions[0]!.location.origin?.source).toBe(
      join(`${FIXTURES}/modules-deep`, 'modules/site/cdn/main.tf'),
    );
  });

  test('registry modules: the folder terraform init recorded in .terraform/modules/modules.json', async () => {
    const dir = tempDir();
    const plan = JSON.parse(readFileSync(`${FIXTURES}/for-each/plan.json`, 'utf8'));
    plan.configuration.root_module.module_calls.cdn.source = 'example/cdn/aws';
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    writeFileSync(join(dir, 'main.tf'), 'module "cdn" {\n  source = "example/cdn/aws"\n}\n');
    mkdirSync(join(dir, '.terraform/modules/cdn'), { recursive: true });
    copyFileSync(`${FIXTURES}/for-each/modules/cdn/main.tf`, join(dir, '.terraform/modules/cdn/main.tf'));
    writeFileSync(
      join(dir, '.terraform/modules/modules.json'),
      JSON.stringify({
        Modules: [
          { Key: '', Dir: '.' },
          { Key: 'cdn', Source: 'x', Dir: '.terraform/modules/cdn' },
        ],
      }),
    );
    const { inputs } = await load([join(dir, 'plan.json')]);
    expect(inputs.distributions[0]!.location.origin?.source).toBe(
      join(dir, '.terraform/modules/cdn/main.tf'),
    );
  });

  test.each([
    ['malformed .tf', 'resource "aws_cloudfront_distribution" "site" {\n  aliases = "open\n'],
    ['binary .tf', '\u0000\u00ff{{{{'],
    ['an empty .tf', ''],
  ])('%s: no crash, the address stays', async (_name, text) => {
    const dir = tempDir();
    copyFileSync(`${FIXTURES}/unvalidated/plan.json`, join(dir, 'plan.json'));
    writeFileSync(join(dir, 'main.tf'), text);
    const { inputs, errors } = await load([join(dir, 'plan.json')]);
    expect(errors).toEqual([]);
    const d = inputs.distributions[0]!;
    expect(d.location.resource).toBe('aws_cloudfront_distribution.site');
    expect(() => JSON.stringify(d)).not.toThrow();
    expect(formatLocation(d.viewerCertificate!.acmCertificateArn!.location)).toContain(
      '(aws_cloudfront_distribution.site)',
    );
  });

  test('a plan over 1 MiB (positions computed when read): the same address, origin and position', async () => {
    const dir = tempDir();
    const plan = JSON.parse(readFileSync(`${FIXTURES}/unvalidated/plan.json`, 'utf8'));
    plan.variables = { padding: { value: 'x'.repeat(1024 * 1024) } };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    copyFileSync(`${FIXTURES}/unvalidated/main.tf`, join(dir, 'main.tf'));
    const { inputs } = await load([join(dir, 'plan.json')]);
    const location = inputs.distributions[0]!.viewerCertificate!.acmCertificateArn!.location;
    const line = lineOf(join(dir, 'main.tf'), 'acm_certificate_arn      = aws_acm_certificate.site.arn');
    expect({ ...location }).toMatchObject({
      resource: 'aws_cloudfront_distribution.site',
      origin: { source: join(dir, 'main.tf'), line },
      line: 1,
    });
    expect(location.column).toBeGreaterThan(1);
    expect(JSON.parse(JSON.stringify(location))).toMatchObject({ line: 1, origin: { line } });
  });

  test('a .tf file over the size bound is not read', async () => {
    const dir = tempDir();
    copyFileSync(`${FIXTURES}/unvalidated/plan.json`, join(dir, 'plan.json'));
    const block = readFileSync(`${FIXTURES}/unvalidated/main.tf`, 'utf8');
    writeFileSync(
      join(dir, 'main.tf'),
      `${block}\n${'# padding\n'.repeat(TF_SOURCE_LIMITS.maxFileBytes / 10)}`,
    );
    writeFileSync(join(dir, 'small.tf'), '# the plan folder has .tf files\n');
    const { inputs } = await load([join(dir, 'plan.json')]);
    expect(inputs.distributions[0]!.location.origin).toBeUndefined();
    writeFileSync(join(dir, 'main.tf'), block);
    const again = await load([join(dir, 'plan.json')]);
    expect(again.inputs.distributions[0]!.location.origin?.source).toBe(join(dir, 'main.tf'));
  });

  test('a module source that leads nowhere gives the address alone', async () => {
    const dir = tempDir();
    const plan = JSON.parse(readFileSync(`${FIXTURES}/modules-deep/plan.json`, 'utf8'));
    plan.configuration.root_module.module_calls.site.source = './missing';
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    writeFileSync(join(dir, 'main.tf'), 'module "site" {\n  source = "./missing"\n}\n');
    const { inputs } = await load([join(dir, 'plan.json')]);
    const d = inputs.distributions[0]!;
    expect(d.location.resource).toBe('module.site.module.cdn.aws_cloudfront_distribution.this');
    expect(d.location.origin).toBeUndefined();
  });
});

describe('certgate check on a plan (the CLI)', () => {
  const AT = ['--at', '2026-06-01T00:00:00Z'];

  test('text: the .tf line and the address; exit 1 for the unvalidated certificate', async () => {
    const dir = `${FIXTURES}/unvalidated`;
    const r = await runCli(['check', `${dir}/plan.json`, ...AT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error CF_CERTIFICATE_NOT_ISSUED [InvalidViewerCertificate]');
    // at the reference, where the fix goes (take the ARN from the validation resource)
    const line = lineOf(join(dir, 'main.tf'), 'acm_certificate_arn      = aws_acm_certificate.site.arn');
    expect(r.stdout).toContain(
      `    at ${join(dir, 'main.tf')}:${line}:5 (aws_cloudfront_distribution.site)\n`,
    );
    expect(r.stdout).toContain(
      'fix: take the ARN from an aws_acm_certificate_validation of aws_acm_certificate.site',
    );
  });

  test('SARIF: the annotation lands on the .tf file, the plan and address in the properties', async () => {
    const plan = `${FIXTURES}/modules-deep/plan.json`;
    const r = await runCli(['check', plan, ...AT, '--format', 'sarif']);
    const result = JSON.parse(r.stdout).runs[0].results[0];
    // at the distribution's acm_certificate_arn, two modules down, where the fix goes
    const tf = `${FIXTURES}/modules-deep/modules/site/cdn/main.tf`;
    expect(result.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: tf },
      region: { startLine: lineOf(tf, 'acm_certificate_arn      = var.certificate_arn') },
    });
    expect(result.properties).toMatchObject({
      resource: 'module.site.module.cdn.aws_cloudfront_distribution.this',
      input: plan,
    });
  });

  test('--tf-dir: a folder that does not exist is bad usage, exit 2', async () => {
    const r = await runCli([
      'check',
      `${FIXTURES}/unvalidated/plan.json`,
      '--tf-dir',
      '/nonexistent/infra',
      ...AT,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('certgate: error: --tf-dir /nonexistent/infra: not a folder\n');
  });

  test('--tf-dir: another folder is used instead of the plan’s', async () => {
    const dir = tempDir();
    copyFileSync(`${FIXTURES}/unvalidated/plan.json`, join(dir, 'plan.json'));
    const r = await runCli(['check', join(dir, 'plan.json'), '--tf-dir', `${FIXTURES}/unvalidated`, ...AT]);
    expect(r.stdout).toContain(`at ${join(FIXTURES, 'unvalidated', 'main.tf')}:`);
  });
});
