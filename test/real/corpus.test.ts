/**
 * The corpus of real-world patterns (test/fixtures/real/): each manifest entry is a small input
 * modelled on a public template, plan or CLI output (its source is in the entry and in the
 * README there), run through `certgate check` as a user would, and held to what CloudFront
 * would answer: the verdict, the exit code, the exact set of error codes, and the warnings that
 * must (or must not) be reported. Entries whose fix is in progress carry `pending` and are only
 * listed (it.todo) until the lead turns them into normal entries.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const ROOT = resolve(import.meta.dirname, '../fixtures/real');

interface Source {
  readonly repo: string;
  readonly path: string;
}

interface CorpusEntry {
  /** Unique, kebab-case. */
  readonly name: string;
  /** The pattern the real input shows, in one line. */
  readonly pattern: string;
  /** Where the pattern was seen (repository + path, or an issue/PR URL as path). */
  readonly sources: readonly Source[];
  /** `certgate check` arguments; `{real}` stands for test/fixtures/real. */
  readonly args: readonly string[];
  /** What CloudFront answers: `accepted`, an error code (InvalidViewerCertificate, ...), or `deploy-time` when only the deploy can tell. */
  readonly cloudfront: string;
  readonly verdict: 'pass' | 'fail';
  readonly exit: 0 | 1 | 2;
  /** The exact set of finding codes at severity error. */
  readonly errors: readonly string[];
  /** Codes that must be reported at severity warning. */
  readonly warnings?: readonly string[];
  /** Codes that must not be reported at any severity. */
  readonly absent?: readonly string[];
  /** The exact set of subjects (distribution ids) that must fail, where the input has several. */
  readonly failing?: readonly string[];
  /** At least one warning must say what could not be checked (the code is the product's choice). */
  readonly warned?: boolean;
  /** One line: the AWS behaviour the expectation rests on. */
  readonly reason: string;
  /** A known problem whose fix is in progress: the entry is listed, not run. */
  readonly pending?: string;
}

interface Manifest {
  readonly at: string;
  readonly entries: readonly CorpusEntry[];
}

interface JsonFinding {
  readonly code: string;
  readonly severity: string;
}
interface JsonReport {
  readonly verdict: string;
  readonly results: readonly {
    readonly subject: { readonly id: string };
    readonly verdict: string;
    readonly findings: readonly JsonFinding[];
  }[];
}

const manifest: Manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));

/** The manifest's arguments with `{real}` made absolute, plus the fixed validation time. */
function argvOf(entry: CorpusEntry): string[] {
  return [
    'check',
    ...entry.args.map((a) => a.replaceAll('{real}', ROOT)),
    '--at',
    manifest.at,
    '--format',
    'json',
  ];
}

/** What certgate says about an entry: exit code, verdict, codes by severity. */
async function observe(entry: CorpusEntry) {
  const run = await runCli(argvOf(entry));
  let report: JsonReport | undefined;
  try {
    report = JSON.parse(run.stdout) as JsonReport;
  } catch {
    report = undefined;
  }
  const findings = report?.results.flatMap((r) => r.findings) ?? [];
  const bySeverity = (s: string) =>
    [...new Set(findings.filter((f) => f.severity === s).map((f) => f.code))].sort();
  return {
    code: run.code,
    stderr: run.stderr.trim(),
    verdict: report?.verdict ?? '(no report)',
    errors: bySeverity('error'),
    warnings: bySeverity('warning'),
    all: [...new Set(findings.map((f) => f.code))].sort(),
    failing: (report?.results ?? [])
      .filter((r) => r.verdict === 'fail')
      .map((r) => r.subject.id)
      .sort(),
  };
}

function label(entry: CorpusEntry): string {
  const where = entry.sources.map((s) => `${s.repo}:${s.path}`).join(', ');
  return `${entry.name} (${entry.pattern}; seen in ${where}; CloudFront: ${entry.cloudfront})`;
}

describe('manifest', () => {
  it('has unique names, existing inputs, a source and a reason for every entry', () => {
    const names = manifest.entries.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    for (const e of manifest.entries) {
      expect(e.sources.length, e.name).toBeGreaterThan(0);
      expect(e.reason.length, e.name).toBeGreaterThan(10);
      if (e.verdict === 'pass') expect(e.errors, e.name).toEqual([]);
      else expect(e.errors.length, e.name).toBeGreaterThan(0);
      for (const a of e.args) {
        const file = a.includes('{real}') ? a.slice(a.indexOf('{real}')) : undefined;
        if (file) expect(existsSync(file.replace('{real}', ROOT)), `${e.name}: ${file}`).toBe(true);
      }
    }
  });
});

describe('real-world corpus: CloudFront verdict per input', () => {
  for (const entry of manifest.entries.filter((e) => e.pending === undefined)) {
    it(entry.name, async () => {
      const got = await observe(entry);
      const what = `${label(entry)}\ncertgate said: exit ${got.code}, verdict ${got.verdict}, errors [${got.errors}], warnings [${got.warnings}]${got.stderr ? `, stderr: ${got.stderr}` : ''}\nexpected because: ${entry.reason}`;
      expect(got.code, what).toBe(entry.exit);
      expect(got.verdict, what).toBe(entry.verdict);
      expect(got.errors, what).toEqual([...entry.errors].sort());
      for (const w of entry.warnings ?? [])
        expect(got.warnings, `${what}\nmissing warning ${w}`).toContain(w);
      for (const a of entry.absent ?? []) expect(got.all, `${what}\nmust not report ${a}`).not.toContain(a);
      if (entry.warned)
        expect(got.warnings.length, `${what}\nno warning says what was not checked`).toBeGreaterThan(0);
      if (entry.failing) expect(got.failing, `${what}\nfailing subjects`).toEqual([...entry.failing].sort());
    });
  }
});

const pending = manifest.entries.filter((e) => e.pending !== undefined);
// vitest fails a suite without tests: the block is there only while some entry is pending
if (pending.length > 0) {
  describe('real-world corpus: pending (fix in progress)', () => {
    for (const entry of pending) it.todo(`${entry.name}: ${entry.pending}`);
  });
}
