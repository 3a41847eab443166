/**
 * SARIF as `certgate check` writes it, through the real executable (the CLI bundle that
 * test/global-setup.ts builds, which reads the rule pages from the package root as an installed
 * package does): valid against the schema, one fingerprint and one artifact URI whatever the
 * spelling of the input path, help URLs from package.json or --docs-url.
 */

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { findRepositoryRoot, fingerprintRootFor } from '../../src/cli/repo-root.js';
import { findingFingerprint } from '../../src/findings/fingerprint.js';
import { expectValidSarif } from '../support/schemas.js';

const FIXTURE = 'test/fixtures/tenants/tenants.yaml';

// biome-ignore lint/suspicious/noExplicitAny: a parsed SARIF log, walked by the assertions
type Json = Record<string, any>;

function certgate(...args: string[]) {
  return spawnSync(process.execPath, ['bin/certgate.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

function sarifOf(...args: string[]): Json {
  const run = certgate('check', ...args, '--at', '2027-01-20', '--format', 'sarif');
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Json;
}

/** What identifies each result: rule, artifact and fingerprint. */
const identities = (log: Json) =>
  (log.runs[0].results as Json[]).map((r) => ({
    ruleId: r.ruleId,
    artifact: r.locations[0].physicalLocation.artifactLocation,
    fingerprints: r.partialFingerprints,
  }));

describe('certgate check --format sarif', () => {
  const relative = sarifOf(FIXTURE);

  test('is valid SARIF 2.1.0, every rule with its description and help', () => {
    expectValidSarif(relative);
    const rules = relative.runs[0].tool.driver.rules as Json[];
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.fullDescription.text).not.toBe('');
      expect(rule.help.markdown).not.toMatch(/^See \[/);
      expect(rule.help.text).not.toBe('');
    }
  });

  test('x.yaml, ./x.yaml and the absolute path give the same artifact URIs and fingerprints', () => {
    const dotted = sarifOf(`./${FIXTURE}`);
    const absolute = sarifOf(resolve(FIXTURE));
    expect(identities(relative).length).toBeGreaterThan(0);
    expect(identities(dotted)).toEqual(identities(relative));
    expect(identities(absolute)).toEqual(identities(relative));
    for (const { artifact } of identities(relative))
      expect(artifact).toEqual({ uri: FIXTURE, uriBaseId: '%SRCROOT%' });
  });

  test('the fingerprint is the shared recipe of src/findings/fingerprint.ts', () => {
    const json = JSON.parse(
      certgate('check', FIXTURE, '--at', '2027-01-20', '--format', 'json').stdout,
    ) as Json;
    const root = fingerprintRootFor(process.cwd());
    const expected = (json.results as Json[]).flatMap((r) =>
      (r.findings as Json[]).map((f) => ({
        'certgate/v1': findingFingerprint({ code: f.code, location: f.location, subject: r.subject }, root),
      })),
    );
    expect(identities(relative).map((i) => i.fingerprints)).toEqual(expected);
  });

  test('%SRCROOT% is the repository root as a file: URI ending in /', () => {
    const root = pathToFileURL(findRepositoryRoot(process.cwd())).href;
    expect(relative.runs[0].originalUriBaseIds).toMatchObject({ '%SRCROOT%': { uri: `${root}/` } });
  });

  test("helpUri: the rule's page in the repository package.json names, or under --docs-url", () => {
    const byDefault = relative.runs[0].tool.driver.rules as Json[];
    for (const rule of byDefault)
      expect(rule.helpUri).toBe(`https://github.com/certgate/certgate/blob/main/docs/rules/${rule.id}.md`);
    const own = sarifOf(FIXTURE, '--docs-url', 'https://docs.example.com/certgate/rules/');
    for (const rule of own.runs[0].tool.driver.rules as Json[])
      expect(rule.helpUri).toBe(`https://docs.example.com/certgate/rules/${rule.id}.md`);
    expectValidSarif(own);
  });

  test('--docs-url must be an http(s) URL (exit 2)', () => {
    const run = certgate('check', FIXTURE, '--format', 'sarif', '--docs-url', 'docs/rules');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--docs-url.*expected an http\(s\) URL/);
    expect(run.stdout).toBe('');
  });
});
