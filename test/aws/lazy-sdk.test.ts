/**
 * The AWS SDK is loaded only by live mode: `--version` and offline checks never resolve an
 * `@aws-sdk/` module (start-up stays under its target), `--aws` does. Runs the real executable
 * (bin/certgate.js over the bundle) with a resolve hook that records every module it loads.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { templateYaml } from './template.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'certgate-imports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Runs certgate and gives the module URLs it resolved. */
function resolvedBy(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): { urls: string[]; status: number | null } {
  const file = join(dir, `imports-${n++}`);
  const run = spawnSync(
    process.execPath,
    ['--import', join(ROOT, 'test/support/record-imports.mjs'), join(ROOT, 'bin/certgate.js'), ...args],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NO_COLOR: '1', CERTGATE_TEST_IMPORTS_FILE: file, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  const urls = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return { urls, status: run.status };
}

const sdk = (urls: readonly string[]) => urls.filter((u) => u.includes('@aws-sdk/'));

test('--version does not load the AWS SDK', () => {
  const { urls, status } = resolvedBy(['--version']);
  expect(status).toBe(0);
  expect(urls.length).toBeGreaterThan(0);
  expect(sdk(urls)).toEqual([]);
});

test('an offline check does not load it either', () => {
  const { urls, status } = resolvedBy([
    'check',
    'examples/cloudfront/get-distribution-config.json',
    '--cert',
    'examples/cloudfront/acm-certificate.json',
  ]);
  expect(status).not.toBeNull();
  expect(sdk(urls)).toEqual([]);
});

test('--aws loads it (the hook sees what it should)', () => {
  // nowhere to connect to: the run fails fast, but only after importing the SDK
  const { urls } = resolvedBy(['check', 'examples/cloudfront/get-distribution-config.json', '--aws'], {
    AWS_ENDPOINT_URL_ACM: 'http://127.0.0.1:9',
    AWS_ENDPOINT_URL_CLOUDFRONT: 'http://127.0.0.1:9',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'FAKE_SECRET',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_MAX_ATTEMPTS: '1',
  });
  expect(sdk(urls).length).toBeGreaterThan(0);
  // no distribution names an IAM server certificate: the IAM client stays unloaded
  expect(urls.filter((u) => u.includes('@aws-sdk/client-iam'))).toEqual([]);
});

test('--aws loads the IAM client only when a distribution names an IAM server certificate', () => {
  const template = join(dir, 'iam.yaml');
  writeFileSync(
    template,
    templateYaml([{ id: 'Iam', aliases: ['a.example.com'], iamCertificateId: 'ASCAEXAMPLE0000000001' }]),
  );
  const { urls } = resolvedBy(['check', template, '--aws'], {
    AWS_ENDPOINT_URL_ACM: 'http://127.0.0.1:9',
    AWS_ENDPOINT_URL_CLOUDFRONT: 'http://127.0.0.1:9',
    AWS_ENDPOINT_URL_IAM: 'http://127.0.0.1:9',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'FAKE_SECRET',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_MAX_ATTEMPTS: '1',
  });
  expect(urls.filter((u) => u.includes('@aws-sdk/client-iam')).length).toBeGreaterThan(0);
});
