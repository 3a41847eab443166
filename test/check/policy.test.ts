import { expect, test } from 'vitest';
import { check } from '../../src/check/check.js';
import { fingerprintRootFor } from '../../src/cli/repo-root.js';

const input = 'test/fixtures/suppress/cloudformation/certificate-resource.yaml';
const options = { region: 'us-east-1', at: new Date('2026-12-01T00:00:00Z') };
const marks = (results: Awaited<ReturnType<typeof check>>['results']) =>
  results.flatMap((r) => r.findings.map((f) => `${f.code} ${f.suppression?.kind ?? '-'}`));

test('check(): without a policy nothing is suppressed; with one, inline ignores apply unless turned off', async () => {
  const root = fingerprintRootFor(process.cwd());
  expect(marks((await check([input], options)).results)).toEqual(['CF_ALIAS_NOT_COVERED -']);
  const withPolicy = await check([input], { ...options, policy: { root } });
  expect(marks(withPolicy.results)).toEqual(['CF_ALIAS_NOT_COVERED inline']);
  expect(withPolicy.results[0]!.findings[0]!.suppression!.source).toBe(`${input}:10`);
  const off = await check([input], { ...options, policy: { root, inline: false } });
  expect(marks(off.results)).toEqual(['CF_ALIAS_NOT_COVERED -']);
});

test('check(): severity overrides and a baseline, with the count of entries that matched nothing', async () => {
  const root = fingerprintRootFor(process.cwd());
  const { results, baselineUnmatched } = await check([input], {
    ...options,
    policy: {
      root,
      inline: false,
      severity: { CF_ALIAS_NOT_COVERED: 'warning' },
      baseline: { file: 'b.json', fingerprints: new Set(['0'.repeat(32)]) },
    },
  });
  expect(results[0]!.findings[0]).toMatchObject({ severity: 'warning' });
  expect(results[0]!.findings[0]!.suppression).toBeUndefined();
  expect(baselineUnmatched).toBe(1);
});
