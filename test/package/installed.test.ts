/**
 * The package as a user gets it: `npm pack`, installed into an empty project, and the README's
 * examples run from there with the installed `certgate` binary and the library import. The
 * install is offline, from npm's cache; `npm ci` caches tarballs but not the registry's package
 * documents, so on a machine that never ran `npm install` the dependencies are resolved from the
 * registry once (--prefer-offline). dist/ is built by test/global-setup.ts.
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let project: string;

/** Runs the installed binary in the project. */
function certgate(...args: string[]) {
  const r = spawnSync(join(project, 'node_modules', '.bin', 'certgate'), args, {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  const packed = mkdtempSync(join(tmpdir(), 'certgate-packed-'));
  // --ignore-scripts: `prepare` would rebuild dist/ under the other tests' feet
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packed], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const [info] = JSON.parse(out) as { filename: string }[];
  project = mkdtempSync(join(tmpdir(), 'certgate-consumer-'));
  writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
  const install = (mode: '--offline' | '--prefer-offline') =>
    spawnSync(
      'npm',
      ['install', mode, '--no-audit', '--no-fund', '--ignore-scripts', join(packed, info!.filename)],
      { cwd: project, encoding: 'utf8' },
    );
  let installed = install('--offline');
  if (installed.status !== 0 && /ENOTCACHED/.test(installed.stderr)) installed = install('--prefer-offline');
  if (installed.status !== 0)
    throw new Error(`npm install of the packed package failed:\n${installed.stderr}`);
  for (const file of [
    'get-distribution-config.json',
    'acm-certificate.json',
    'alias-not-covered.json',
    'acm-certificate-example-net.json',
  ])
    copyFileSync(join(ROOT, 'examples', 'cloudfront', file), join(project, file));
}, 120_000);

describe('the installed package', () => {
  test("the quick start's gate passes (exit 0) on the bundled example", () => {
    const r = certgate(
      'check',
      'get-distribution-config.json',
      '--cert',
      'acm-certificate.json',
      '--at',
      '2027-01-20',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PASS');
  });

  test('the refused example fails it (exit 1) with the CloudFront error', () => {
    const r = certgate('check', 'alias-not-covered.json', '--cert', 'acm-certificate-example-net.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('InvalidViewerCertificate');
  });

  test('SARIF rules carry their docs page text from the installed package', () => {
    const r = certgate(
      'check',
      'alias-not-covered.json',
      '--cert',
      'acm-certificate-example-net.json',
      '--format',
      'sarif',
    );
    const log = JSON.parse(r.stdout) as {
      runs: { tool: { driver: { rules: { id: string; fullDescription?: { text: string } }[] } } }[];
    };
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule.fullDescription?.text.length, rule.id).toBeGreaterThan(20);
  });

  test("the README's CI setup: a config file's ignore, then a baseline, from the installed package", () => {
    const refused = ['check', 'alias-not-covered.json', '--cert', 'acm-certificate-example-net.json'];
    writeFileSync(
      join(project, '.certgate.yaml'),
      [
        '# yaml-language-server: $schema=./node_modules/certgate/schema/certgate-config.schema.json',
        'ignore:',
        '  - code: CF_ALIAS_NOT_COVERED',
        '    reason: the alias moves to its own distribution next sprint',
        '',
      ].join('\n'),
    );
    try {
      const accepted = certgate(...refused, '--format', 'json');
      expect(accepted.code).toBe(0);
      const report = JSON.parse(accepted.stdout) as { summary: { suppressed?: number } };
      expect(report.summary.suppressed).toBeGreaterThan(0);
      // the schema the config names is in the package
      expect(
        readFileSync(join(project, 'node_modules/certgate/schema/certgate-config.schema.json'), 'utf8'),
      ).toContain('"ignore"');
    } finally {
      writeFileSync(join(project, '.certgate.yaml'), '{}\n');
    }
    expect(certgate(...refused, '--write-baseline', 'baseline.json').code).toBe(0);
    expect(certgate(...refused, '--baseline', 'baseline.json').code).toBe(0);
    expect(certgate(...refused).code).toBe(1);
  });

  test('--version, -v and certgate rules', () => {
    expect(certgate('--version').stdout.trim()).toBe(VERSION);
    expect(certgate('-v').stdout.trim()).toBe(VERSION);
    const rows = JSON.parse(certgate('rules', '--format', 'json').stdout) as { code: string }[];
    expect(rows.map((x) => x.code)).toContain('CF_ALIAS_NOT_COVERED');
  });

  test('the library import runs the gate', () => {
    const script = [
      "import { check } from 'certgate';",
      "const { results } = await check(['alias-not-covered.json'], { certs: ['acm-certificate-example-net.json'] });",
      'console.log(JSON.stringify(results.map((r) => r.findings.map((f) => f.code))));',
    ].join('\n');
    writeFileSync(join(project, 'gate.mjs'), script);
    const r = spawnSync(process.execPath, ['gate.mjs'], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).flat()).toContain('CF_ALIAS_NOT_COVERED');
  });
});
