/**
 * `check --aws` and IAM server certificates, against the fake account (the real SDK over
 * loopback; IAM's Query protocol): the ServerCertificateId a distribution names is found with
 * ListServerCertificates (every page, every path) and read with GetServerCertificate, so the
 * same rules fire as for `aws iam get-server-certificate` output given as a file (CF-14 path,
 * chain, names, expiry); an id the account does not have is AWS_IAM_CERTIFICATE_NOT_FOUND; a
 * denied call names its IAM action.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { check } from '../../src/check/check.js';
import { describeFinding } from '../../src/report/messages.js';
import { readCertificates } from '../../src/x509/read.js';
import { createTestChain } from '../support/cert-factory.js';
import type { FakeAccountSpec, FakeServerCertificate } from '../support/fake-aws.js';
import { fakeAwsInProcess } from '../support/fake-aws-in-process.js';
import { templateYaml } from './template.js';

const ACCOUNT = '111122223333';
const AT = new Date('2027-01-20');
const IDS = {
  good: 'ASCAGOOD0000000000001',
  wrongPath: 'ASCAPATH0000000000002',
  expired: 'ASCAEXPIRED000000003',
  missing: 'ASCAMISSING000000004',
} as const;

const site = createTestChain({ sans: ['dns:site.example.com'] });
const old = createTestChain({
  sans: ['dns:old.example.com'],
  leaf: { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2026-06-01T00:00:00Z') },
});
const roots = [
  ...readCertificates(site.root.pem).certificates,
  ...readCertificates(old.root.pem).certificates,
];

const serverCertificate = (
  name: string,
  id: string,
  path: string,
  chain: ReturnType<typeof createTestChain>,
  expiration: string,
): FakeServerCertificate => ({
  ServerCertificateName: name,
  ServerCertificateId: id,
  Path: path,
  Expiration: expiration,
  CertificateBody: chain.leaf.pem,
  CertificateChain: chain.intermediate.pem,
});

/** Three server certificates (one page each: the good one is last) and no distribution. */
function account(extra: Partial<FakeAccountSpec> = {}): FakeAccountSpec {
  return {
    accountId: ACCOUNT,
    certificates: {},
    distributions: [],
    iamPageSize: 1,
    serverCertificates: [
      serverCertificate('old', IDS.expired, '/cloudfront/', old, '2026-06-01T00:00:00Z'),
      // uploaded without the /cloudfront/ path: CloudFront cannot use it
      serverCertificate('site-2026', IDS.wrongPath, '/', site, '2034-01-01T00:00:00Z'),
      serverCertificate('site', IDS.good, '/cloudfront/prod/', site, '2034-01-01T00:00:00Z'),
    ],
    ...extra,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'certgate-aws-iam-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const template = write(
  'template.yaml',
  templateYaml([
    { id: 'Good', aliases: ['site.example.com'], iamCertificateId: IDS.good },
    { id: 'WrongPath', aliases: ['site.example.com'], iamCertificateId: IDS.wrongPath },
    { id: 'Expired', aliases: ['old.example.com'], iamCertificateId: IDS.expired },
    { id: 'Missing', aliases: ['gone.example.com'], iamCertificateId: IDS.missing },
    { id: 'Uncovered', aliases: ['shop.example.com'], iamCertificateId: IDS.good },
  ]),
);

const useFake = fakeAwsInProcess(1);

async function run(files: string[], aws = true) {
  const { results, awsUnavailable } = await check(files, { ...(aws ? { aws: {} } : {}), at: AT, roots });
  const findings = (id: string) => results.find((r) => r.subject.id === id)?.findings ?? [];
  // what decides the verdict (the alias conflicts of the five sharing names aside)
  const codes = (id: string) =>
    findings(id)
      .filter((f) => f.severity !== 'note' && f.code !== 'CF_ALIAS_ALREADY_EXISTS')
      .map((f) => f.code)
      .sort();
  return { results, awsUnavailable, findings, codes, all: results.flatMap((r) => r.findings) };
}

test('each IAM certificate is read live and checked as its get-server-certificate output is offline', async () => {
  const aws = await useFake(account());
  const live = await run([template]);
  expect(live.codes('Good')).toEqual([]);
  expect(live.codes('WrongPath')).toContain('CF_IAM_CERTIFICATE_PATH');
  // CloudFront refuses a certificate outside its validity (CF-05)
  expect(live.codes('Expired')).toContain('CF_CERTIFICATE_DATE_INVALID');
  expect(live.codes('Uncovered')).toContain('CF_ALIAS_NOT_COVERED');
  const missing = live.findings('Missing').find((f) => f.code === 'AWS_IAM_CERTIFICATE_NOT_FOUND');
  expect(missing).toMatchObject({ severity: 'error', awsError: 'InvalidViewerCertificate' });
  expect(missing && describeFinding(missing).message).toContain(`IAM server certificate ${IDS.missing}`);
  expect(live.all.map((f) => f.code)).not.toContain('AWS_IAM_CERTIFICATE_NOT_CHECKED');
  expect(live.awsUnavailable).toBeUndefined();

  // one list (three pages of one, all paths: the wrong-path one is found), one get per certificate
  const lists = aws.requests.filter((q) => q.operation === 'ListServerCertificates');
  expect(lists).toHaveLength(3);
  expect(lists[0]!.body).toBe('Action=ListServerCertificates&Version=2010-05-08&MaxItems=1000');
  expect(lists[1]!.body).toMatch(
    /^Action=ListServerCertificates&Version=2010-05-08&Marker=[^&]+&MaxItems=1000$/,
  );
  expect(lists[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
  expect(lists[0]!.headers.authorization).toMatch(/\/us-east-1\/iam\/aws4_request/);
  const gets = aws.requests.filter((q) => q.operation === 'GetServerCertificate').map((q) => q.body);
  expect(gets.sort()).toEqual(
    ['old', 'site', 'site-2026'].map(
      (n) => `Action=GetServerCertificate&Version=2010-05-08&ServerCertificateName=${n}`,
    ),
  );

  // the same facts as files: each certificate's aws iam get-server-certificate output
  const files = account().serverCertificates!.map((c) =>
    write(
      `${c.ServerCertificateName}.json`,
      JSON.stringify({
        ServerCertificate: {
          ServerCertificateMetadata: {
            Path: c.Path,
            ServerCertificateName: c.ServerCertificateName,
            ServerCertificateId: c.ServerCertificateId,
            Arn: `arn:aws:iam::${ACCOUNT}:server-certificate${c.Path}${c.ServerCertificateName}`,
            Expiration: c.Expiration,
          },
          CertificateBody: c.CertificateBody,
          CertificateChain: c.CertificateChain,
        },
      }),
    ),
  );
  const offline = await run([template, ...files], false);
  for (const id of ['Good', 'WrongPath', 'Expired', 'Uncovered'])
    expect([id, live.codes(id)]).toEqual([id, offline.codes(id)]);
});

test('no IAM certificate named: IAM is not called', async () => {
  const aws = await useFake(account());
  const file = write(
    'acm.yaml',
    templateYaml([
      {
        id: 'Acm',
        aliases: ['a.example.com'],
        arn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/00000000-0000-4000-8000-000000000001`,
      },
    ]),
  );
  await run([file]);
  expect(aws.requests.filter((q) => q.service === 'iam')).toEqual([]);
});

test('AccessDenied on ListServerCertificates: a finding on each distribution naming iam:ListServerCertificates', async () => {
  const deny = [
    {
      status: 403,
      code: 'AccessDenied',
      message: 'User is not authorized to perform: iam:ListServerCertificates',
      always: true,
    },
  ];
  const aws = await useFake(account({ faults: { ListServerCertificates: deny } }));
  const r = await run([template]);
  const denied = r.findings('Good').find((f) => f.code === 'AWS_ACCESS_DENIED');
  expect(denied?.args).toMatchObject({
    operation: 'ListServerCertificates',
    iamAction: 'iam:ListServerCertificates',
  });
  expect(String(denied?.args.unchecked)).toContain(`IAM server certificate ${IDS.good}`);
  expect(denied?.args.region).toBeUndefined();
  // nothing is known about the certificates: no missing one is claimed
  expect(r.all.map((f) => f.code)).not.toContain('AWS_IAM_CERTIFICATE_NOT_FOUND');
  expect(aws.requests.filter((q) => q.operation === 'GetServerCertificate')).toEqual([]);
  // the account's lists still answered
  expect(r.awsUnavailable).toBeUndefined();
});

test('AccessDenied on GetServerCertificate names iam:GetServerCertificate; NoSuchEntity after the list is not found', async () => {
  await useFake(
    account({
      faults: {
        GetServerCertificate: [
          { status: 403, code: 'AccessDenied', message: 'User is not authorized', always: false },
          { status: 404, code: 'NoSuchEntity', message: 'The Server Certificate cannot be found.' },
          { status: 403, code: 'AccessDenied', message: 'User is not authorized' },
        ],
      },
    }),
  );
  const r = await run([template]);
  const denied = r.all.filter((f) => f.code === 'AWS_ACCESS_DENIED');
  expect(denied.length).toBeGreaterThan(0);
  for (const f of denied)
    expect(f.args).toMatchObject({
      operation: 'GetServerCertificate',
      iamAction: 'iam:GetServerCertificate',
    });
  const notFound = r.all.filter((f) => f.code === 'AWS_IAM_CERTIFICATE_NOT_FOUND');
  // the missing id, and the one deleted between the list and the get (NoSuchEntityException)
  expect(notFound.some((f) => String(f.args.reason).includes('NoSuchEntity'))).toBe(true);
  expect(notFound.some((f) => f.args.id === IDS.missing)).toBe(true);
});

test('expired credentials reach IAM as the others: one account-wide finding', async () => {
  await useFake(account({ expiredAccessKeyIds: ['AKIAFAKECERTGATE0001'] }));
  const r = await run([
    write(
      'one.yaml',
      templateYaml([{ id: 'Good', aliases: ['site.example.com'], iamCertificateId: IDS.good }]),
    ),
  ]);
  const expired = r.all.filter((f) => f.code === 'AWS_CREDENTIALS_EXPIRED');
  expect(expired).toHaveLength(1);
  expect(String(expired[0]?.args.operation)).toContain('ListServerCertificates');
});
