/**
 * Every way an AWS call fails is a finding (or, when nothing could be checked, exit 3 with one
 * line), never a stack trace; the checks that did not need the call still run. The real SDK
 * against the loopback fake (test/support/fake-aws.ts); the CLI runs in-process, and the SDK
 * reads this worker's process.env, set to the fake's for each test.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { check } from '../../src/check/check.js';
import { runCli } from '../support/cli.js';
import {
  FAKE_ACCESS_KEY_ID,
  FAKE_SECRET,
  FAKE_SESSION_TOKEN,
  type FakeAccountSpec,
} from '../support/fake-aws.js';
import { fakeAwsInProcess } from '../support/fake-aws-in-process.js';
import { issuedCertificate, templateYaml } from './template.js';

const ACCOUNT = '111122223333';
const GOOD = `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/00000000-0000-4000-8000-000000000001`;
const HONG_KONG = `arn:aws:acm:ap-east-1:${ACCOUNT}:certificate/00000000-0000-4000-8000-000000000002`;
const MISSING = `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/00000000-0000-4000-8000-0000000000ff`;

/** One account: the certificate the template uses, and a distribution holding taken.example.com. */
function account(extra: Partial<FakeAccountSpec> = {}): FakeAccountSpec {
  return {
    accountId: ACCOUNT,
    certificates: {
      'us-east-1': [issuedCertificate(GOOD, ['site.example.com', 'taken.example.com'])],
      'ap-east-1': [issuedCertificate(HONG_KONG, ['hk.example.com'])],
    },
    distributions: [
      {
        Id: 'E1TAKEN0000001',
        ARN: `arn:aws:cloudfront::${ACCOUNT}:distribution/E1TAKEN0000001`,
        Aliases: ['taken.example.com'],
        ViewerCertificate: {
          ACMCertificateArn: GOOD,
          SSLSupportMethod: 'sni-only',
          MinimumProtocolVersion: 'TLSv1.2_2021',
        },
      },
    ],
    ...extra,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'certgate-aws-failures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const template = join(dir, 'template.yaml');
writeFileSync(
  template,
  templateYaml([
    { id: 'Site', aliases: ['site.example.com', 'taken.example.com'], arn: GOOD },
    { id: 'HongKong', aliases: ['hk.example.com'], arn: HONG_KONG },
  ]),
);

const useFake = fakeAwsInProcess(2);

/** `certgate check template.yaml --aws --format json`, with what it printed. */
async function run(...more: string[]) {
  const cli = await runCli([
    'check',
    template,
    '--aws',
    '--format',
    'json',
    '--at',
    '2027-01-20',
    '--no-config',
    ...more,
  ]);
  const all = cli.stdout + cli.stderr;
  for (const secret of [FAKE_SECRET, FAKE_SESSION_TOKEN, FAKE_ACCESS_KEY_ID])
    expect(all).not.toContain(secret);
  const report = JSON.parse(cli.stdout) as {
    results: { subject: { id: string }; findings: { code: string; severity: string; message: string }[] }[];
  };
  const codes = (id: string) =>
    report.results.find((r) => r.subject.id === id)?.findings.map((f) => f.code) ?? [];
  const finding = (code: string, id?: string) =>
    report.results
      .filter((r) => id === undefined || r.subject.id === id)
      .flatMap((r) => r.findings)
      .find((f) => f.code === code);
  return { ...cli, report, codes, finding };
}

const stderrLines = (s: string) => s.split('\n').filter(Boolean);

describe('nothing could be checked against the account: exit 3 and one line', () => {
  test('no credentials anywhere in the default chain', async () => {
    await useFake(account(), {
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_SESSION_TOKEN: undefined,
    });
    const r = await run();
    expect(r.code).toBe(3);
    expect(stderrLines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^certgate: error: --aws: nothing could be checked against the account: .*no-credentials/,
    );
    expect(r.finding('AWS_NO_CREDENTIALS')?.message).toContain('not checked');
    // the offline checks still ran: the Hong Kong certificate is in the wrong region by its ARN alone
    expect(r.codes('HongKong')).toContain('CF_CERTIFICATE_NOT_IN_US_EAST_1');
  });

  test('an expired session', async () => {
    await useFake(account({ expiredAccessKeyIds: [FAKE_ACCESS_KEY_ID] }));
    const r = await run();
    expect(r.code).toBe(3);
    expect(stderrLines(r.stderr)).toHaveLength(1);
    expect(r.finding('AWS_CREDENTIALS_EXPIRED')).toBeDefined();
  });

  test('a network error (nothing listens): ends at once and says so', async () => {
    await useFake(account(), {
      AWS_ENDPOINT_URL_ACM: 'http://127.0.0.1:9',
      AWS_ENDPOINT_URL_CLOUDFRONT: 'http://127.0.0.1:9',
    });
    const started = Date.now();
    const r = await run();
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.code).toBe(3);
    expect(stderrLines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain('(network)');
    expect(r.finding('AWS_NETWORK_ERROR')?.message).toContain('ECONNREFUSED');
  });

  test('a server that never answers: the SDK timeout ends the run', async () => {
    await useFake(
      account({
        faults: {
          DescribeCertificate: [{ status: 200, code: '', message: '', delayMs: 3000, always: true }],
          ListDistributions: [{ status: 200, code: '', message: '', delayMs: 3000, always: true }],
          ListDistributionTenants: [{ status: 200, code: '', message: '', delayMs: 3000, always: true }],
        },
      }),
    );
    const started = Date.now();
    const { results, awsUnavailable } = await check([template], {
      aws: { timeoutMs: 200 },
      at: new Date('2027-01-20'),
    });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(awsUnavailable?.kind).toBe('network');
    const codes = results.flatMap((r) => r.findings.map((f) => f.code));
    expect(codes).toContain('AWS_NETWORK_ERROR');
  });
});

describe('one call fails: its finding names what was not checked, the rest still runs', () => {
  test('AccessDenied on DescribeCertificate names acm:DescribeCertificate; the account conflicts are still found', async () => {
    await useFake(
      account({
        faults: {
          DescribeCertificate: [
            {
              status: 400,
              code: 'AccessDeniedException',
              message:
                'User: arn:aws:sts::111122223333:assumed-role/ci/x is not authorized to perform: acm:DescribeCertificate',
              always: true,
            },
          ],
        },
      }),
    );
    const r = await run();
    expect(r.code).toBe(1);
    expect(r.codes('Site')).toContain('AWS_ACCESS_DENIED');
    expect(r.codes('Site')).toContain('CF_ALIAS_ALREADY_EXISTS');
    const denied = r.finding('AWS_ACCESS_DENIED', 'Site')!;
    expect(denied.severity).toBe('warning');
    expect(denied.message).toContain('acm:DescribeCertificate');
    expect(denied.message).toContain(`not checked: certificate ${GOOD}`);
    expect(stderrLines(r.stderr)).toEqual([]);
  });

  test('AccessDenied on ListDistributions names cloudfront:ListDistributions; certificates still checked', async () => {
    await useFake(
      account({
        faults: {
          ListDistributions: [{ status: 403, code: 'AccessDenied', message: 'Access denied', always: true }],
        },
      }),
    );
    const r = await run();
    const denied = r.finding('AWS_ACCESS_DENIED')!;
    expect(denied.message).toContain('cloudfront:ListDistributions');
    expect(denied.message).toContain('alias conflicts with the distributions of the account');
    expect(r.codes('Site')).not.toContain('CF_CERTIFICATE_EVIDENCE_MISSING');
    expect(r.codes('Site')).not.toContain('CF_ALIAS_ALREADY_EXISTS');
  });

  test('throttling beyond the retries', async () => {
    await useFake(
      account({
        faults: {
          DescribeCertificate: [
            { status: 400, code: 'ThrottlingException', message: 'Rate exceeded', always: true },
          ],
        },
      }),
    );
    const r = await run();
    expect(r.finding('AWS_THROTTLED')?.message).toContain('Rate exceeded');
    expect(r.codes('Site')).toContain('CF_CERTIFICATE_EVIDENCE_MISSING');
  });

  test('throttled twice, then an answer: the SDK retries and the evidence counts', async () => {
    const throttle = { status: 400, code: 'ThrottlingException', message: 'Rate exceeded' };
    const f = await useFake(account({ faults: { DescribeCertificate: [throttle, throttle] } }), {
      AWS_MAX_ATTEMPTS: '3',
    });
    const r = await run();
    expect(r.finding('AWS_THROTTLED')).toBeUndefined();
    expect(r.codes('Site')).not.toContain('CF_CERTIFICATE_EVIDENCE_MISSING');
    expect(f.requests.filter((q) => q.operation === 'DescribeCertificate').length).toBeGreaterThanOrEqual(3);
  });

  test('an opt-in region that is not enabled: skipped and said so, the region error still reported', async () => {
    await useFake(account({ disabledRegions: ['ap-east-1'] }));
    const r = await run();
    expect(r.codes('HongKong')).toContain('AWS_REGION_DISABLED');
    expect(r.codes('HongKong')).toContain('CF_CERTIFICATE_NOT_IN_US_EAST_1');
    expect(r.finding('AWS_REGION_DISABLED')?.severity).toBe('note');
    expect(r.code).toBe(1);
  });

  test('a certificate ACM does not have is CloudFront refusing it', async () => {
    writeFileSync(
      join(dir, 'missing.yaml'),
      templateYaml([{ id: 'Gone', aliases: ['site.example.com'], arn: MISSING }]),
    );
    await useFake(account());
    const cli = await runCli([
      'check',
      join(dir, 'missing.yaml'),
      '--aws',
      '--format',
      'json',
      '--no-config',
    ]);
    const found = JSON.parse(cli.stdout).results[0].findings.find(
      (f: { code: string }) => f.code === 'AWS_CERTIFICATE_NOT_FOUND',
    );
    expect(found).toMatchObject({ severity: 'error', awsError: 'InvalidViewerCertificate' });
    expect(cli.code).toBe(1);
  });

  test('a dropped connection on one call is a network finding on it alone', async () => {
    await useFake(
      account({
        faults: {
          ListDistributions: [{ status: 500, code: '', message: '', dropConnection: true, always: true }],
        },
      }),
    );
    const r = await run();
    expect(r.finding('AWS_NETWORK_ERROR')).toBeDefined();
    expect(r.code).not.toBe(3);
    expect(r.codes('Site')).not.toContain('CF_CERTIFICATE_EVIDENCE_MISSING');
  });

  test('any other error is AWS_CALL_FAILED with its one-line reason', async () => {
    await useFake(
      account({
        faults: {
          ListDistributions: [
            {
              status: 400,
              code: 'InvalidArgument',
              message: 'The argument is invalid.\nSecond line',
              always: true,
            },
          ],
        },
      }),
    );
    const r = await run();
    const failed = r.finding('AWS_CALL_FAILED')!;
    expect(failed.message).toContain('InvalidArgument');
    expect(failed.message).not.toContain('\n');
  });
});

test('an IAM certificate the account does not have is AWS_IAM_CERTIFICATE_NOT_FOUND (CloudFront refuses it)', async () => {
  writeFileSync(
    join(dir, 'iam.yaml'),
    templateYaml([{ id: 'Iam', aliases: ['site.example.com'], iamCertificateId: 'ASCAEXAMPLE0000000001' }]),
  );
  await useFake(account());
  const cli = await runCli(['check', join(dir, 'iam.yaml'), '--aws', '--format', 'json', '--no-config']);
  const codes = JSON.parse(cli.stdout).results[0].findings.map((f: { code: string }) => f.code);
  expect(codes).toContain('AWS_IAM_CERTIFICATE_NOT_FOUND');
  expect(cli.code).toBe(1);
});
