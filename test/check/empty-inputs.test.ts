import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../../src/check/check.js';

const AT = new Date('2026-12-01T00:00:00Z');
const codesOf = (results: Awaited<ReturnType<typeof check>>['results']) =>
  results.flatMap((r) => r.findings.map((f) => f.code));

describe('check(): inputs with nothing to check', () => {
  test('a tenant-only input has subjects: it is not empty', async () => {
    const { results } = await check(['test/fixtures/tenants/list-distribution-tenants.json'], { at: AT });
    expect(results.some((r) => r.subject.kind === 'tenant')).toBe(true);
    expect(codesOf(results)).not.toContain('INPUT_NO_DISTRIBUTION');
  });

  test('an empty input is an error, a note with allowEmpty', async () => {
    const input = 'examples/cloudfront/acm-certificate.json';
    const strict = await check([input], { at: AT });
    expect(
      strict.results.flatMap((r) => r.findings).find((f) => f.code === 'INPUT_NO_DISTRIBUTION'),
    ).toMatchObject({ severity: 'error', location: { source: input } });
    const allowed = await check([input], { at: AT, allowEmpty: true });
    expect(
      allowed.results.flatMap((r) => r.findings).find((f) => f.code === 'INPUT_NO_DISTRIBUTION')?.severity,
    ).toBe('note');
  });

  test('a CDK assembly with distributions is not empty', async () => {
    const { results } = await check(['examples/cloudfront/cdk.out'], { at: AT });
    expect(codesOf(results)).not.toContain('INPUT_NO_DISTRIBUTION');
  });

  test('a CDK assembly whose stack misspells the distribution type: the type and its line are named', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'certgate-cdk-empty-')), 'cdk.out');
    mkdirSync(dir);
    const stack = { type: 'aws:cloudformation:stack', properties: { templateFile: 'Web.template.json' } };
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({ version: '38.0.1', artifacts: { Web: stack } }),
    );
    writeFileSync(
      join(dir, 'Web.template.json'),
      JSON.stringify(
        { Resources: { Cdn: { Type: 'AWS::Cloudfront::Distribution', Properties: {} } } },
        null,
        1,
      ),
    );
    const { results } = await check([dir], { at: AT });
    const finding = results.flatMap((r) => r.findings).find((f) => f.code === 'INPUT_NO_DISTRIBUTION');
    expect(finding?.args).toMatchObject({
      kind: 'a CDK cloud assembly',
      resource: 'Cdn',
      type: 'AWS::Cloudfront::Distribution',
      closeTo: 'AWS::CloudFront::Distribution',
    });
    expect(finding?.location).toMatchObject({ source: join(dir, 'Web.template.json'), line: 4 });
  });

  test('a distribution read from a nested stack counts for the template that names it', async () => {
    const { results } = await check(['test/fixtures/real/cloudformation/static-site-nested/main.yaml'], {
      at: AT,
    });
    expect(results.some((r) => r.subject.kind === 'distribution')).toBe(true);
    expect(codesOf(results)).not.toContain('INPUT_NO_DISTRIBUTION');
  });

  test('what was not checked is named by finding codes, not rulebook ids', async () => {
    const { results } = await check(['examples/cloudfront/template-unresolved.yaml'], { at: AT });
    const skipped = results.flatMap((r) => r.findings).flatMap((f) => [f.args.skipped ?? []].flat());
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.filter((s) => /\b(CF|MS|W)-\d+\b/.test(String(s)))).toEqual([]);
    expect(skipped).toContain('CF_ALIAS_NOT_COVERED');
  });
});
