import { describe, expect, test } from 'vitest';
import { baselineEntries, formatBaseline, parseBaseline } from '../../src/config/baseline.js';
import { createFinding, type Result } from '../../src/findings/finding.js';
import { findingFingerprint } from '../../src/findings/fingerprint.js';
import { globToRegExp } from '../../src/findings/glob.js';
import { applyPolicy } from '../../src/findings/suppress.js';
import { buildReport } from '../../src/report/report.js';

const root = { root: '/repo', cwd: '/repo' };
const notCovered = (source: string, alias: string) =>
  createFinding('CF_ALIAS_NOT_COVERED', { source, path: ['Resources', 'Cdn'] }, { alias });
const result = (id: string, source: string, findings: Result['findings']): Result => ({
  subject: { kind: 'distribution', id, source },
  findings,
});
const RESULTS: Result[] = [
  result('WebStack/Cdn', 'stacks/web.yaml', [
    notCovered('stacks/web.yaml', 'example.com'),
    createFinding('CF_UPDATE_NEEDS_ETAG', { source: 'stacks/web.yaml' }),
  ]),
  result('Legacy', 'legacy/old.yaml', [notCovered('legacy/old.yaml', 'old.example.com')]),
];
const suppressed = (results: readonly Result[]) =>
  results.flatMap((r) => r.findings.filter((f) => f.suppression).map((f) => `${r.subject.id} ${f.code}`));

describe('applyPolicy', () => {
  test('config ignores: every criterion given must hold', () => {
    const ignore = (rule: object) =>
      suppressed(applyPolicy(RESULTS, { root, ignores: [{ reason: 'r', source: 'c:1', ...rule }] }).results);
    expect(ignore({ code: 'CF_ALIAS_NOT_COVERED' })).toEqual([
      'WebStack/Cdn CF_ALIAS_NOT_COVERED',
      'Legacy CF_ALIAS_NOT_COVERED',
    ]);
    expect(ignore({ path: 'legacy/**' })).toEqual(['Legacy CF_ALIAS_NOT_COVERED']);
    expect(ignore({ path: '*.yaml' })).toEqual([]); // * stays inside a folder
    expect(ignore({ path: '**/*.yaml', code: 'CF_UPDATE_NEEDS_ETAG' })).toEqual([
      'WebStack/Cdn CF_UPDATE_NEEDS_ETAG',
    ]);
    expect(ignore({ distribution: 'Cdn' })).toEqual([
      'WebStack/Cdn CF_ALIAS_NOT_COVERED',
      'WebStack/Cdn CF_UPDATE_NEEDS_ETAG',
    ]);
    expect(ignore({ alias: 'OLD.example.com' })).toEqual(['Legacy CF_ALIAS_NOT_COVERED']);
    expect(ignore({ alias: 'example.com', code: 'CF_UPDATE_NEEDS_ETAG' })).toEqual([]);
  });

  test('inline ignores apply to their subject; they win over config and baseline', () => {
    const fingerprint = findingFingerprint(
      {
        code: 'CF_ALIAS_NOT_COVERED',
        location: RESULTS[1]!.findings[0]!.location,
        subject: RESULTS[1]!.subject,
      },
      root,
    );
    const { results, baselineUnmatched } = applyPolicy(RESULTS, {
      root,
      inline: [
        {
          subject: { source: 'legacy/old.yaml', id: 'Legacy' },
          code: 'CF_ALIAS_NOT_COVERED',
          reason: 'inline',
          source: 'legacy/old.yaml:9',
        },
      ],
      ignores: [{ code: 'CF_ALIAS_NOT_COVERED', reason: 'config', source: 'c:1' }],
      baseline: { file: 'b.json', fingerprints: new Set([fingerprint, 'f'.repeat(32)]) },
    });
    expect(results[1]!.findings[0]!.suppression).toEqual({
      kind: 'inline',
      reason: 'inline',
      source: 'legacy/old.yaml:9',
    });
    expect(results[0]!.findings[0]!.suppression).toMatchObject({ kind: 'config', reason: 'config' });
    expect(results[0]!.findings[1]!.suppression).toBeUndefined();
    // the inline ignore wins, but the baseline entry still matches a finding: only the other is stale
    expect(baselineUnmatched).toBe(1);
  });

  test('severity overrides come first; findings about ignores are never suppressed', () => {
    const expired = createFinding('CONFIG_IGNORE_EXPIRED', { source: '.certgate.yaml' });
    const all = [...RESULTS, { subject: { kind: 'input', id: 'c', source: 'c' }, findings: [expired] }];
    const { results } = applyPolicy(all, {
      root,
      severity: { CF_ALIAS_NOT_COVERED: 'warning' },
      ignores: [{ path: '**', reason: 'everything', source: 'c:1' }],
    });
    expect(results[0]!.findings[0]!.severity).toBe('warning');
    expect(results[2]!.findings[0]!.suppression).toBeUndefined();
  });

  test('no policy to apply: the results as they are', () => {
    const { results } = applyPolicy(RESULTS, { root, severity: {} });
    expect(results).toEqual(RESULTS);
  });
});

test('buildReport: suppressed findings stay, apart from the verdict and the counts', () => {
  const { results } = applyPolicy(RESULTS, {
    root,
    ignores: [{ code: 'CF_ALIAS_NOT_COVERED', reason: 'r', source: 'c:1' }],
  });
  const report = buildReport({ command: 'check', version: '0', results, failOn: 'error' });
  expect(report.verdict).toBe('pass');
  expect(report.summary).toEqual({ errors: 0, warnings: 0, notes: 1, suppressed: 2 });
  expect(report.results[0]!.findings[0]!.suppression).toEqual({ kind: 'config', reason: 'r', source: 'c:1' });
  const plain = buildReport({ command: 'check', version: '0', results: RESULTS, failOn: 'error' });
  expect(plain.summary).toEqual({ errors: 2, warnings: 0, notes: 1 });
});

test('globs: * and ? within a folder, ** across, the rest literal', () => {
  expect(globToRegExp('legacy/**').test('legacy/a/b.yaml')).toBe(true);
  expect(globToRegExp('**/plan.json').test('plan.json')).toBe(true);
  expect(globToRegExp('**/plan.json').test('infra/prod/plan.json')).toBe(true);
  expect(globToRegExp('stacks/*.yaml').test('stacks/a/b.yaml')).toBe(false);
  expect(globToRegExp('stack?.y[a]ml').test('stack1.y[a]ml')).toBe(true);
  expect(globToRegExp('a.json').test('aXjson')).toBe(false);
});

test('baseline: entries sorted and one a line; read back to the same fingerprints', () => {
  const entries = baselineEntries(RESULTS, root);
  expect(entries.map((e) => `${e.source} ${e.code}`)).toEqual([
    'legacy/old.yaml CF_ALIAS_NOT_COVERED',
    'stacks/web.yaml CF_ALIAS_NOT_COVERED',
    'stacks/web.yaml CF_UPDATE_NEEDS_ETAG',
  ]);
  const text = formatBaseline(entries, '1.2.3', new Date('2026-12-03T10:00:00Z'));
  expect(text.split('\n').filter((l) => l.includes('"fingerprint"'))).toHaveLength(3);
  expect(JSON.parse(text)).toMatchObject({
    version: 1,
    tool: 'certgate',
    toolVersion: '1.2.3',
    created: '2026-12-03',
  });
  const parsed = parseBaseline(text);
  expect('fingerprints' in parsed && [...parsed.fingerprints]).toEqual(entries.map((e) => e.fingerprint));
  expect(parseBaseline(formatBaseline([], '1', new Date()))).toEqual({ fingerprints: new Set() });
  expect(parseBaseline('{"version": 2, "entries": []}')).toMatchObject({
    problem: expect.stringContaining('version 1'),
  });
  expect(parseBaseline('{')).toMatchObject({ problem: expect.stringContaining('not JSON') });
});
