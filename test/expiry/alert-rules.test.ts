/**
 * The alert rules certgate ships (examples/prometheus/), checked by the real promtool (Debian's
 * prometheus package): the rules load, their unit tests pass (each alert fires and resolves when
 * it should), the example Prometheus configuration loads them, and every certgate metric they use
 * is one docs/metrics.md documents. Nothing is spawned but promtool.
 */

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parse } from 'yaml';

const DIR = 'examples/prometheus';
const RULES = `${DIR}/certgate-rules.yml`;
const TESTS = `${DIR}/certgate-rules.test.yml`;
const CONFIG = `${DIR}/prometheus.yml`;

const ALERTS = [
  'CertificateNeedsRenewal',
  'CertificateExpiresSoon',
  'CertificateExpired',
  'CertificateRenewalNotReady',
  'CertgateScanFailing',
  'CertgateFileUnreadable',
  'CertgateExporterDown',
  'CertgateExpiryStale',
];

interface Rule {
  readonly alert: string;
  readonly expr: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
}

const rulesText = readFileSync(RULES, 'utf8');
const groups = (parse(rulesText) as { groups: { name: string; rules: Rule[] }[] }).groups;

/** promtool's stdout; a failure throws with its output in the message. */
function promtool(...args: string[]): string {
  try {
    return execFileSync('promtool', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string };
    throw new Error(`promtool ${args.join(' ')} exited ${err.status}:\n${err.stdout}${err.stderr}`);
  }
}

test('the shipped rules load in promtool: one group, the eight alerts, each with a severity and annotations', () => {
  expect(promtool('check', 'rules', RULES)).toMatch(new RegExp(`SUCCESS: ${ALERTS.length} rules found`));
  expect(groups.map((g) => g.name)).toEqual(['certgate']);
  const rules = groups[0]!.rules;
  expect(rules.map((r) => r.alert)).toEqual(ALERTS);
  for (const r of rules) {
    expect(['warning', 'critical'], r.alert).toContain(r.labels?.severity);
    expect(Object.keys(r.annotations ?? {}).sort(), r.alert).toEqual(['description', 'summary']);
  }
});

test('the rules unit tests pass, and each alert is proven firing in them', () => {
  expect(promtool('test', 'rules', TESTS)).toMatch(/SUCCESS/);
  const tests = (
    parse(readFileSync(TESTS, 'utf8')) as {
      tests: { alert_rule_test?: { alertname: string; exp_alerts?: unknown[] }[] }[];
    }
  ).tests;
  const firing = new Set(
    tests
      .flatMap((t) => (t.alert_rule_test ?? []).filter((c) => (c.exp_alerts ?? []).length > 0))
      .map((c) => c.alertname),
  );
  expect([...firing].sort()).toEqual([...ALERTS].sort());
});

test('the example Prometheus configuration loads, with the rules', () => {
  const out = promtool('check', 'config', CONFIG);
  expect(out).toMatch(/SUCCESS: 1 rule files found/);
  expect(out).toMatch(/is valid prometheus config file syntax/);
  expect(out).toMatch(new RegExp(`SUCCESS: ${ALERTS.length} rules found`));
  // CertgateExporterDown names the job: it must be the one scraped
  expect(readFileSync(CONFIG, 'utf8')).toMatch(/job_name: certgate$/m);
  expect(rulesText).toContain('up{job="certgate"}');
});

test('every certgate metric the rules use is documented in the metric tables of docs/metrics.md', () => {
  // the first column of each table whose header starts with `metric`
  const documented = new Set<string>();
  let inTable = false;
  for (const line of readFileSync('docs/metrics.md', 'utf8').split('\n')) {
    if (/^\| metric \|/.test(line)) inTable = true;
    else if (!line.startsWith('|')) inTable = false;
    else if (inTable) {
      const name = /^\| `([a-z_:][a-z0-9_:]*)` \|/.exec(line)?.[1];
      if (name) documented.add(name);
    }
  }
  expect(documented).toContain('certgate_certificate_renewal_status');
  expect(documented).toContain('certgate_source_up');
  const used = new Set([...rulesText.matchAll(/\b(certgate_[a-z0-9_]+)\b/g)].map((m) => m[1]!));
  expect(used.size).toBeGreaterThanOrEqual(8);
  for (const name of used) expect(documented, name).toContain(name);
});
