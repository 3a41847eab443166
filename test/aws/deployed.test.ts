/**
 * `certgate check --distribution-id ID... --aws` and `--all-distributions`: deployed
 * distributions read from the (fake) account are the subjects, checked as their AWS CLI output
 * would be.
 */

import { expect, test } from 'vitest';
import { runCli } from '../support/cli.js';
import { FAKE_SECRET } from '../support/fake-aws.js';
import { FILLER_COUNT, GATE_AT, GATE_DISTRIBUTIONS, gateAccount } from '../support/fake-aws-accounts.js';
import { fakeAwsForFile } from '../support/fake-aws-in-process.js';

const fake = fakeAwsForFile(gateAccount);

const run = async (...args: string[]) => {
  const cli = await runCli(['check', ...args, '--format', 'json', '--at', GATE_AT, '--no-config']);
  expect(cli.stdout + cli.stderr).not.toContain(FAKE_SECRET);
  return { ...cli, report: cli.stdout ? JSON.parse(cli.stdout) : undefined };
};

test('--distribution-id: the deployed distribution is checked, read with GetDistribution', async () => {
  const r = await run('--distribution-id', GATE_DISTRIBUTIONS.holder);
  const ids = r.report.results.filter(
    (x: { subject: { kind: string } }) => x.subject.kind === 'distribution',
  );
  expect(ids.map((x: { subject: { id: string } }) => x.subject.id)).toEqual([GATE_DISTRIBUTIONS.holder]);
  expect(r.code).toBe(0);
  expect(fake().requests.some((q) => q.operation === 'GetDistribution')).toBe(true);
});

test('--distribution-id of a distribution the account does not have: one line naming it, exit 2', async () => {
  const r = await run('--distribution-id', 'ENOSUCHDIST000');
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain('aws cloudfront get-distribution (ENOSUCHDIST000)');
});

test('--all-distributions: every distribution of the account is a subject', async () => {
  const r = await run('--all-distributions');
  const ids = r.report.results.filter(
    (x: { subject: { kind: string } }) => x.subject.kind === 'distribution',
  );
  expect(ids).toHaveLength(FILLER_COUNT + 1);
  expect(r.code).toBe(0);
});

test('no input and no distribution id: the usual missing-argument line, exit 2', async () => {
  const r = await runCli(['check']);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/missing required argument 'input'/);
});

test('--distribution-id denied: the IAM action is named, and with nothing read, exit 3 and one line', async () => {
  fake().queueFault('GetDistribution', { status: 403, code: 'AccessDenied', message: 'Access denied' });
  const r = await run('--distribution-id', GATE_DISTRIBUTIONS.holder);
  expect(r.code).toBe(3);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  const findings = r.report.results.flatMap(
    (x: { findings: { code: string; message: string }[] }) => x.findings,
  );
  const denied = findings.find((f: { code: string }) => f.code === 'AWS_ACCESS_DENIED');
  expect(denied.message).toContain('cloudfront:GetDistribution');
  expect(denied.message).toContain(`not checked: distribution ${GATE_DISTRIBUTIONS.holder}`);
});
