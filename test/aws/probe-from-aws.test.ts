/**
 * `certgate probe --from-aws` as a user runs it: the real executable, the real SDK against the
 * fake account, and a real TLS server on loopback standing in for CloudFront's edge. Each
 * distribution's `dxxxx.cloudfront.net` is pointed at that server with --resolve; the alias is
 * the SNI, and the certificate the distribution has attached (DescribeCertificate) is expected.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Running, site, tlsServer } from '../probe/servers.js';
import { createCertificate, createTestChain } from '../support/cert-factory.js';
import {
  childEnv,
  FAKE_ACCESS_KEY_ID,
  FAKE_SECRET,
  FAKE_SESSION_TOKEN,
  type FakeAws,
  type FakeCertificate,
  startFakeAws,
} from '../support/fake-aws.js';
import { spawnCertgate } from '../support/spawn-cli.js';

const ACCOUNT = '111122223333';
const NOT_BEFORE = new Date('2026-11-01T00:00:00Z');
const NOT_AFTER = new Date('2027-05-18T23:59:59Z');
const AT = '2026-12-15';
const arn = (id: string) => `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/0a1b2c3d-0000-4000-8000-${id}`;
const GOOD_ARN = arn('00000000600d');
const SHOP_ARN = arn('0000000005e0');

const {
  root,
  intermediate,
  leaf: good,
} = createTestChain({
  sans: ['dns:app.example.com', 'dns:www.app.example.com'],
  leaf: { notBefore: NOT_BEFORE, notAfter: NOT_AFTER },
});
// the edge still serves last year's certificate for shop.example.com: not the one attached
const stale = createCertificate({
  subject: 'CN=shop.example.com',
  issuer: intermediate,
  sans: ['dns:shop.example.com'],
  keyUsage: ['digitalSignature'],
  eku: ['serverAuth'],
  notBefore: new Date('2025-11-01T00:00:00Z'),
  notAfter: new Date('2026-12-31T00:00:00Z'),
});

const acm = (certificateArn: string, sans: string[], inUseBy: string): FakeCertificate => ({
  CertificateArn: certificateArn,
  DomainName: sans[0]!,
  SubjectAlternativeNames: sans,
  Status: 'ISSUED',
  Type: 'AMAZON_ISSUED',
  KeyAlgorithm: 'EC-prime256v1',
  NotBefore: NOT_BEFORE.toISOString(),
  NotAfter: NOT_AFTER.toISOString(),
  InUseBy: [`arn:aws:cloudfront::${ACCOUNT}:distribution/${inUseBy}`],
  RenewalEligibility: 'ELIGIBLE',
});

const dir = mkdtempSync(join(tmpdir(), 'certgate-probe-aws-'));
const rootFile = join(dir, 'root.pem');
writeFileSync(rootFile, root.pem);

let fake: FakeAws;
let edge: Running;
beforeAll(async () => {
  edge = await tlsServer([
    site(['app.example.com', 'www.app.example.com'], good, intermediate),
    site(['shop.example.com'], stale, intermediate),
  ]);
  fake = await startFakeAws({
    accountId: ACCOUNT,
    distributions: [
      {
        Id: 'E1GOODEXAMPLE1',
        DomainName: 'd111111abcdef8.cloudfront.net',
        Aliases: ['app.example.com', 'www.app.example.com'],
        ViewerCertificate: { ACMCertificateArn: GOOD_ARN, SSLSupportMethod: 'sni-only' },
      },
      {
        Id: 'E2SHOPEXAMPLE2',
        DomainName: 'd222222abcdef8.cloudfront.net',
        Aliases: ['shop.example.com', '*.shop.example.com'],
        ViewerCertificate: { ACMCertificateArn: SHOP_ARN, SSLSupportMethod: 'sni-only' },
      },
      {
        Id: 'E3NOALIASESEX3',
        Aliases: [],
        ViewerCertificate: { CloudFrontDefaultCertificate: true },
      },
    ],
    certificates: {
      'us-east-1': [
        acm(GOOD_ARN, ['app.example.com', 'www.app.example.com'], 'E1GOODEXAMPLE1'),
        acm(SHOP_ARN, ['shop.example.com', '*.shop.example.com'], 'E2SHOPEXAMPLE2'),
      ],
    },
  });
});
afterAll(async () => {
  await fake.close();
  await edge.close();
  rmSync(dir, { recursive: true, force: true });
});

/** --resolve for both distribution domains to the loopback edge (and nothing for the aliases). */
const edgeArgs = () => [
  '--port',
  String(edge.port),
  '--resolve',
  `d111111abcdef8.cloudfront.net:${edge.port}:127.0.0.1`,
  '--resolve',
  `d222222abcdef8.cloudfront.net:${edge.port}:127.0.0.1`,
  '--roots',
  rootFile,
  '--at',
  AT,
];

const noSecrets = (text: string) => {
  for (const secret of [FAKE_SECRET, FAKE_SESSION_TOKEN, FAKE_ACCESS_KEY_ID])
    expect(text).not.toContain(secret);
};

interface Json {
  results: {
    subject: { id: string };
    verdict: string;
    findings: { code: string; message: string }[];
    details: { host: string; sni: string | null; connect?: string; distribution?: string; handshake: string };
  }[];
}

test("every alias is dialled at its distribution's own domain, with the alias as SNI, expecting the attached certificate", async () => {
  const run = await spawnCertgate(['probe', '--from-aws', ...edgeArgs(), '--format', 'json'], {
    env: childEnv(fake),
    timeoutMs: 60_000,
  });
  noSecrets(run.stdout + run.stderr);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  const report = JSON.parse(run.stdout) as Json;
  const byHost = new Map(report.results.map((r) => [r.details.host, r]));
  for (const host of ['app.example.com', 'www.app.example.com']) {
    const r = byHost.get(host)!;
    expect(r.verdict).toBe('pass');
    expect(r.details).toMatchObject({
      sni: host,
      connect: 'd111111abcdef8.cloudfront.net',
      distribution: 'E1GOODEXAMPLE1',
      handshake: 'ok',
    });
    expect(r.findings).toEqual([]);
  }
  const shop = byHost.get('shop.example.com')!;
  expect(shop.details).toMatchObject({ connect: 'd222222abcdef8.cloudfront.net', sni: 'shop.example.com' });
  expect(shop.verdict).toBe('fail');
  const mismatch = shop.findings.find((f) => f.code === 'PROBE_EXPECTATION_MISMATCH');
  expect(mismatch?.message).toContain(SHOP_ARN);
  // the wildcard alias has no single name: skipped with a note, as with --from
  expect(byHost.get('*.shop.example.com')?.findings.map((f) => f.code)).toEqual(['PROBE_ALIAS_SKIPPED']);
  expect(report.results).toHaveLength(4);
});

test('--distribution-id probes only that distribution; the text names the host dialled', async () => {
  const run = await spawnCertgate(
    ['probe', '--distribution-id', 'E1GOODEXAMPLE1', ...edgeArgs(), '--format', 'text'],
    { env: childEnv(fake), timeoutMs: 60_000 },
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/PASS app\.example\.com:\d+ .*via d111111abcdef8\.cloudfront\.net/);
  expect(run.stdout).not.toContain('shop.example.com');
  expect(run.stdout).toMatch(/2 endpoints probed: 2 pass/);
});

test('an id the account does not have is an unreadable input (exit 2); the others are still probed', async () => {
  const run = await spawnCertgate(
    ['probe', '--distribution-id', 'E1GOODEXAMPLE1', '--distribution-id', 'E9MISSINGEXAM9', ...edgeArgs()],
    { env: childEnv(fake), timeoutMs: 60_000 },
  );
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(
    /^certgate: error: aws cloudfront get-distribution \(E9MISSINGEXAM9\): no such distribution/,
  );
  expect(run.stdout).toMatch(/PASS app\.example\.com/);
});

test('an account that cannot be reached: exit 3 and one line, nothing probed', async () => {
  const env = { ...childEnv(fake), AWS_ENDPOINT_URL_CLOUDFRONT: 'http://127.0.0.1:9' };
  const run = await spawnCertgate(['probe', '--from-aws', ...edgeArgs()], { env, timeoutMs: 60_000 });
  noSecrets(run.stdout + run.stderr);
  expect(run.code).toBe(3);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(
    /^certgate: error: --from-aws: nothing could be read from the account: ListDistributions failed \(network\)/,
  );
});

test('a certificate ACM will not describe: one warning naming the IAM action, its aliases probed without expectation', async () => {
  const env = { ...childEnv(fake), AWS_ENDPOINT_URL_ACM: 'http://127.0.0.1:9' };
  const run = await spawnCertgate(
    ['probe', '--distribution-id', 'E1GOODEXAMPLE1', ...edgeArgs(), '--format', 'json'],
    { env, timeoutMs: 60_000 },
  );
  noSecrets(run.stdout + run.stderr);
  expect(run.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(
      new RegExp(
        `^certgate: warning: --from-aws: DescribeCertificate ${GOOD_ARN} failed \\(network, needs acm:DescribeCertificate\\): .*the aliases of E1GOODEXAMPLE1 are probed without an expected certificate$`,
      ),
    ),
  ]);
  expect(run.code).toBe(0);
  expect((JSON.parse(run.stdout) as Json).results.map((r) => r.verdict)).toEqual(['pass', 'pass']);
});
