/**
 * `certgate check template.yaml --aws` as a user runs it: the real executable in a child process
 * whose environment points the SDK at the fake account. Its output never holds a credential, and
 * stderr stays free of the SDK's Node version warning.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  childEnv,
  FAKE_ACCESS_KEY_ID,
  FAKE_SECRET,
  FAKE_SESSION_TOKEN,
  type FakeAws,
  startFakeAws,
} from '../support/fake-aws.js';
import { GATE_AT, gateAccount, gateTemplate } from '../support/fake-aws-accounts.js';
import { spawnCertgate } from '../support/spawn-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'certgate-aws-cli-'));
const template = join(dir, 'template.yaml');
writeFileSync(template, JSON.stringify(gateTemplate(), null, 2));

let fake: FakeAws;
beforeAll(async () => {
  fake = await startFakeAws(gateAccount());
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const noSecrets = (text: string) => {
  for (const secret of [FAKE_SECRET, FAKE_SESSION_TOKEN, FAKE_ACCESS_KEY_ID])
    expect(text).not.toContain(secret);
};

test('check --aws --aws-preflight: the failing cases fail the gate (exit 1), text names the live sources', async () => {
  // the child's env is the fake's only: the warning switch is removed to prove certgate sets it
  const env = childEnv(fake);
  delete env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  const run = await spawnCertgate(
    ['check', template, '--aws', '--aws-preflight', '--at', GATE_AT, '--verbose'],
    {
      env,
      timeoutMs: 60_000,
    },
  );
  noSecrets(run.stdout + run.stderr);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  for (const code of [
    'CF_CERTIFICATE_NOT_IN_US_EAST_1',
    'CF_CERTIFICATE_NOT_ISSUED',
    'CF_ALIAS_NOT_COVERED',
    'CF_ALIAS_ALREADY_EXISTS',
  ])
    expect(run.stdout).toContain(code);
  expect(run.stdout).toMatch(/PASS GoodSite/);
  // a fact from the account points at the live source it came from
  expect(run.stdout).toContain('at aws acm describe-certificate (us-east-1)');
});

test('check --aws with the account unreachable: exit 3 and one line on stderr', async () => {
  const env = {
    ...childEnv(fake),
    AWS_ENDPOINT_URL_ACM: 'http://127.0.0.1:9',
    AWS_ENDPOINT_URL_CLOUDFRONT: 'http://127.0.0.1:9',
  };
  const run = await spawnCertgate(['check', template, '--aws', '--at', GATE_AT], { env, timeoutMs: 60_000 });
  noSecrets(run.stdout + run.stderr);
  expect(run.code).toBe(3);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^certgate: error: --aws: nothing could be checked against the account/);
});

test('--profile names a profile of the shared files (fromIni); one it does not have is no credentials', async () => {
  const env = { ...childEnv(fake) };
  for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) delete env[k];
  const credentials = join(dir, 'credentials');
  writeFileSync(
    credentials,
    `[ci]\naws_access_key_id = ${FAKE_ACCESS_KEY_ID}\naws_secret_access_key = ${FAKE_SECRET}\naws_session_token = ${FAKE_SESSION_TOKEN}\n`,
  );
  env.AWS_SHARED_CREDENTIALS_FILE = credentials;
  const good = await spawnCertgate(['check', template, '--profile', 'ci', '--at', GATE_AT], {
    env,
    timeoutMs: 60_000,
  });
  noSecrets(good.stdout + good.stderr);
  expect(good.code).toBe(1);
  expect(good.stdout).toContain('CF_ALIAS_ALREADY_EXISTS');
  const missing = await spawnCertgate(['check', template, '--profile', 'nope', '--at', GATE_AT], {
    env,
    timeoutMs: 60_000,
  });
  noSecrets(missing.stdout + missing.stderr);
  expect(missing.code).toBe(3);
  expect(missing.stderr).toContain('no-credentials');
});

test("AWS_PROFILE beside environment keys: the SDK's multi-line notice stays off stderr", async () => {
  const credentials = join(dir, 'credentials-both');
  writeFileSync(
    credentials,
    `[ci]\naws_access_key_id = ${FAKE_ACCESS_KEY_ID}\naws_secret_access_key = ${FAKE_SECRET}\n`,
  );
  const env = { ...childEnv(fake), AWS_PROFILE: 'ci', AWS_SHARED_CREDENTIALS_FILE: credentials };
  const run = await spawnCertgate(['check', template, '--aws', '--at', GATE_AT], { env, timeoutMs: 60_000 });
  noSecrets(run.stdout + run.stderr);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
});

test('check --help lists the live flags', async () => {
  const run = await spawnCertgate(['check', '--help']);
  expect(run.stdout).toContain('--aws ');
  expect(run.stdout).toContain('--profile <name>');
  expect(run.stdout).toContain('--aws-preflight');
  expect(run.stdout).toContain('--distribution-id <id>');
  expect(run.stdout).toContain('--all-distributions');
});
