/**
 * The step between the checks and the report that applies a team's policy to findings: severity
 * overrides per code, then suppressions (inline ignores beside the resource, config `ignore:`
 * entries, `--baseline` fingerprints). A suppressed finding keeps its place in the results with
 * the reason; only the report's verdict and counts leave it out. Pure: the rules come in as data.
 */

import type { FindingCode } from './catalog.js';
import type { Finding, Result } from './finding.js';
import { type FingerprintRoot, findingFingerprint, normalisedSource } from './fingerprint.js';
import { globToRegExp } from './glob.js';
import type { Severity, Suppression } from './types.js';

/** A config `ignore:` entry: every criterion it gives must hold. */
export interface IgnoreRule {
  readonly code?: string;
  /** A glob on the input path (or the `.tf`/app file the finding points into), repository-relative. */
  readonly path?: string;
  /** A distribution id, a logical id (`Cdn` for `WebStack/Cdn`) or a Terraform address. */
  readonly distribution?: string;
  /** An alias the finding is about. */
  readonly alias?: string;
  readonly reason: string;
  /** Where the entry is written (`.certgate.yaml:12`). */
  readonly source: string;
}

/** An inline ignore, resolved to the result it is written on (a distribution, a tenant, a certificate). */
export interface SubjectIgnore {
  readonly subject: { readonly source: string; readonly id: string };
  readonly code: string;
  readonly reason: string;
  /** Where it is written (`template.yaml:14`, `main.tf:40`). */
  readonly source: string;
}

/** The fingerprints of a `--baseline` file. */
export interface BaselineRule {
  readonly file: string;
  readonly fingerprints: ReadonlySet<string>;
}

/** What a run applies to its findings. */
export interface FindingPolicy {
  readonly severity?: Readonly<Partial<Record<FindingCode, Severity>>>;
  readonly ignores?: readonly IgnoreRule[];
  readonly inline?: readonly SubjectIgnore[];
  readonly baseline?: BaselineRule;
  /** Where paths and fingerprints are made relative from. */
  readonly root: FingerprintRoot;
}

/** Findings about the suppressions themselves: never suppressed, or an expired ignore could hide its own warning. */
const POLICY_CODES: ReadonlySet<string> = new Set(['CONFIG_IGNORE_EXPIRED', 'CONFIG_IGNORE_INVALID']);

/** Whether a finding can be suppressed at all (and written to a baseline). */
export function isSuppressible(code: string): boolean {
  return !POLICY_CODES.has(code);
}

/** The policy applied: results with suppressions marked, and how many baseline entries matched nothing. */
export interface PolicyOutcome<R extends Result> {
  readonly results: R[];
  readonly baselineUnmatched: number;
}

/**
 * Applies `policy` to every finding of `results`. Severity overrides come first, so an ignore
 * and the verdict see the severity the team chose. Precedence among suppressions: inline, then
 * config, then baseline (the most specific reason is the one reported).
 */
export function applyPolicy<R extends Result>(
  results: readonly R[],
  policy: FindingPolicy,
): PolicyOutcome<R> {
  const severity = policy.severity ?? {};
  const hasSeverity = Object.keys(severity).length > 0;
  const ignores = (policy.ignores ?? []).map(compileIgnore);
  const inline = inlineIndex(policy.inline ?? []);
  const baseline = policy.baseline;
  if (!hasSeverity && ignores.length === 0 && inline.size === 0 && !baseline)
    return { results: [...results], baselineUnmatched: 0 };
  const matched = new Set<string>();
  const out = results.map((r) => {
    const onSubject = inline.get(subjectKey(r.subject.source, r.subject.id));
    const findings = r.findings.map((original): Finding => {
      const override = severity[original.code];
      const f = override && override !== original.severity ? { ...original, severity: override } : original;
      if (!isSuppressible(f.code)) return f;
      // looked up even when an ignore wins: an entry whose finding is still there is not stale
      const inBaseline = baselineSuppression(baseline, f, r, policy.root, matched);
      const suppression =
        onSubject?.get(f.code) ?? configSuppression(ignores, f, r, policy.root) ?? inBaseline;
      return suppression ? { ...f, suppression } : f;
    });
    return { ...r, findings };
  });
  const baselineUnmatched = baseline ? [...baseline.fingerprints].filter((p) => !matched.has(p)).length : 0;
  return { results: out, baselineUnmatched };
}

const subjectKey = (source: string, id: string) => `${source}\u0000${id}`;

/** Inline ignores by subject, then by code (the first written wins). */
function inlineIndex(ignores: readonly SubjectIgnore[]): Map<string, Map<string, Suppression>> {
  const index = new Map<string, Map<string, Suppression>>();
  for (const i of ignores) {
    const key = subjectKey(i.subject.source, i.subject.id);
    const codes = index.get(key) ?? new Map<string, Suppression>();
    if (!codes.has(i.code)) codes.set(i.code, { kind: 'inline', reason: i.reason, source: i.source });
    index.set(key, codes);
  }
  return index;
}

interface CompiledIgnore {
  readonly rule: IgnoreRule;
  readonly path?: RegExp;
  readonly alias?: string;
}

function compileIgnore(rule: IgnoreRule): CompiledIgnore {
  return {
    rule,
    ...(rule.path !== undefined ? { path: globToRegExp(rule.path) } : {}),
    ...(rule.alias !== undefined ? { alias: rule.alias.toLowerCase() } : {}),
  };
}

function configSuppression(
  ignores: readonly CompiledIgnore[],
  f: Finding,
  r: Result,
  root: FingerprintRoot,
): Suppression | undefined {
  for (const i of ignores) {
    const { rule } = i;
    if (rule.code !== undefined && rule.code !== f.code) continue;
    if (rule.distribution !== undefined && !isDistribution(rule.distribution, f, r)) continue;
    if (i.alias !== undefined && !isAboutAlias(i.alias, f)) continue;
    if (i.path && !isInPath(i.path, f, root)) continue;
    return { kind: 'config', reason: rule.reason, source: rule.source };
  }
  return undefined;
}

/** The result's distribution (or tenant) by id, by the logical id ending it, or by the resource the finding names. */
function isDistribution(wanted: string, f: Finding, r: Result): boolean {
  const { kind, id } = r.subject;
  if (kind !== 'distribution' && kind !== 'tenant') return false;
  return id === wanted || id.endsWith(`/${wanted}`) || f.location.resource === wanted;
}

/** Whether the finding names the alias (`alias`, `domain`, or in its `aliases`), case-insensitively. */
function isAboutAlias(alias: string, f: Finding): boolean {
  for (const key of ['alias', 'domain', 'name']) {
    const v = f.args[key];
    if (typeof v === 'string' && v.toLowerCase() === alias) return true;
  }
  const list = f.args.aliases;
  return Array.isArray(list) && list.some((a) => a.toLowerCase() === alias);
}

function isInPath(glob: RegExp, f: Finding, root: FingerprintRoot): boolean {
  if (glob.test(normalisedSource(f.location.source, root))) return true;
  const origin = f.location.origin?.source;
  return origin !== undefined && glob.test(normalisedSource(origin, root));
}

function baselineSuppression(
  baseline: BaselineRule | undefined,
  f: Finding,
  r: Result,
  root: FingerprintRoot,
  matched: Set<string>,
): Suppression | undefined {
  if (!baseline) return undefined;
  const fingerprint = findingFingerprint({ code: f.code, location: f.location, subject: r.subject }, root);
  if (!baseline.fingerprints.has(fingerprint)) return undefined;
  matched.add(fingerprint);
  return { kind: 'baseline', reason: `in baseline ${baseline.file}`, source: baseline.file };
}
