/**
 * The done-when of `certgate check --aws`: against the fake account (the real SDK over loopback),
 * a template's distributions meet a certificate in the wrong region, one pending validation, one
 * not covering an alias, an alias taken in the account, an alias taken in another account
 * (pre-flight), and a correct one, each with the codes and exit code the same facts give offline
 * (describe-certificate and list-distributions output as files).
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../support/cli.js';
import { FAKE_ACCESS_KEY_ID, FAKE_SECRET, FAKE_SESSION_TOKEN } from '../support/fake-aws.js';
import {
  ELSEWHERE_HOLDER,
  FILLER_COUNT,
  GATE_AT,
  GATE_CERTS,
  GATE_DISTRIBUTIONS,
  gateAccount,
  gateTemplate,
} from '../support/fake-aws-accounts.js';
import { fakeAwsForFile } from '../support/fake-aws-in-process.js';

interface Report {
  verdict: string;
  results: {
    subject: { id: string; kind: string };
    verdict: string;
    findings: { code: string; severity: string; message: string; awsError?: string }[];
  }[];
}

const SITES = ['GoodSite', 'WrongRegionSite', 'PendingSite', 'NarrowSite', 'TakenSite', 'ElsewhereSite'];

const dir = mkdtempSync(join(tmpdir(), 'certgate-aws-live-'));
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
};
// YAML is a superset of JSON: the template is written as the JSON CloudFormation also reads
const template = file('template.yaml', gateTemplate());
const goodOnly = file('good.yaml', { Resources: { GoodSite: gateTemplate().Resources.GoodSite } });

/** The same facts as files: every certificate's describe-certificate output, the account's list-distributions. */
function offlineFiles(): { acm: string; list: string } {
  const account = gateAccount();
  const certificates = Object.values(account.certificates)
    .flat()
    .map((Certificate) => ({ Certificate }));
  const items = account.distributions.map((d) => ({
    Id: d.Id,
    ARN: `arn:aws:cloudfront::${account.accountId}:distribution/${d.Id}`,
    Aliases: { Quantity: d.Aliases.length, Items: d.Aliases },
    ViewerCertificate: d.ViewerCertificate,
  }));
  return {
    acm: file('acm.json', certificates),
    list: file('list.json', { DistributionList: { Items: items } }),
  };
}

const fake = fakeAwsForFile(gateAccount);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function checkJson(...args: string[]) {
  const cli = await runCli(['check', ...args, '--format', 'json', '--at', GATE_AT, '--no-config']);
  for (const secret of [FAKE_SECRET, FAKE_SESSION_TOKEN, FAKE_ACCESS_KEY_ID]) {
    expect(cli.stdout + cli.stderr).not.toContain(secret);
  }
  const report = JSON.parse(cli.stdout) as Report;
  return { ...cli, report };
}

/** The codes of a result above notes (what decides the verdict), live-mode codes aside. */
const verdictCodes = (report: Report, id: string): string[] =>
  (report.results.find((r) => r.subject.id === id)?.findings ?? [])
    .filter((f) => f.severity !== 'note' && !f.code.startsWith('AWS_'))
    .map((f) => f.code)
    .sort();

describe('certgate check template.yaml --aws --aws-preflight', () => {
  let live: Awaited<ReturnType<typeof checkJson>>;
  beforeAll(async () => {
    live = await checkJson(template, '--aws', '--aws-preflight');
  });

  test('each case gets its code', () => {
    const has = (id: string) => verdictCodes(live.report, id);
    expect(has('GoodSite')).toEqual([]);
    expect(has('WrongRegionSite')).toContain('CF_CERTIFICATE_NOT_IN_US_EAST_1');
    expect(has('PendingSite')).toContain('CF_CERTIFICATE_NOT_ISSUED');
    expect(has('NarrowSite')).toContain('CF_ALIAS_NOT_COVERED');
    expect(has('TakenSite')).toContain('CF_ALIAS_ALREADY_EXISTS');
    expect(has('ElsewhereSite')).toContain('CF_ALIAS_ALREADY_EXISTS');
    expect(live.code).toBe(1);
    expect(live.stderr).toBe('');
  });

  test('the wrong-region certificate was found in its own region, not reported as missing', () => {
    const eu = fake().requests.filter(
      (q) => q.operation === 'DescribeCertificate' && q.region === 'eu-west-1',
    );
    expect(eu.length).toBeGreaterThan(0);
    expect(verdictCodes(live.report, 'WrongRegionSite')).not.toContain('CF_CERTIFICATE_EVIDENCE_MISSING');
    const codes = live.report.results.flatMap((r) => r.findings.map((f) => f.code));
    expect(codes).not.toContain('AWS_CERTIFICATE_NOT_FOUND');
  });

  test('the conflicts name the holders: the account distribution, and the other account masked as AWS returns it', () => {
    const message = (id: string) =>
      live.report.results
        .find((r) => r.subject.id === id)!
        .findings.find((f) => f.code === 'CF_ALIAS_ALREADY_EXISTS')!;
    expect(message('TakenSite').message).toContain(GATE_DISTRIBUTIONS.holder);
    expect(message('TakenSite').awsError).toBe('CNAMEAlreadyExists');
    expect(message('ElsewhereSite').message).toContain(ELSEWHERE_HOLDER.distributionId);
    expect(message('ElsewhereSite').message).toContain(ELSEWHERE_HOLDER.accountId);
  });

  test("the account's distributions are context: every page read, none reported as checked", () => {
    const pages = fake().requests.filter((q) => q.operation === 'ListDistributions');
    expect(pages.length).toBeGreaterThan(FILLER_COUNT / 2);
    const ids = live.report.results.filter((r) => r.subject.kind === 'distribution').map((r) => r.subject.id);
    expect(ids.sort()).toEqual([...SITES].sort());
  });

  test('an alias no certificate of the account covers cannot be pre-flighted, and the report says so', () => {
    const narrow = live.report.results.find((r) => r.subject.id === 'NarrowSite')!;
    const note = narrow.findings.find((f) => f.code === 'AWS_PREFLIGHT_NOT_POSSIBLE');
    expect(note?.message).toContain('api.narrow.example.com');
    expect(note?.severity).toBe('note');
  });

  test('same codes and exit code as the same facts given as files', async () => {
    const { acm, list } = offlineFiles();
    const offline = await checkJson(template, list, '--cert', acm);
    // pre-flight has no offline file: ElsewhereSite's conflict is live only
    for (const id of SITES.filter((s) => s !== 'ElsewhereSite'))
      expect([id, verdictCodes(live.report, id)]).toEqual([id, verdictCodes(offline.report, id)]);
    expect(offline.code).toBe(live.code);
  });
});

test('a correct distribution passes live, as it does offline (exit 0)', async () => {
  const live = await checkJson(goodOnly, '--aws', '--aws-preflight');
  expect(live.report.verdict).toBe('pass');
  expect(live.code).toBe(0);
  const { acm } = offlineFiles();
  const offline = await checkJson(goodOnly, '--cert', acm);
  expect(offline.report.results.find((r) => r.subject.id === 'GoodSite')!.verdict).toBe('pass');
  expect(verdictCodes(live.report, 'GoodSite')).toEqual(verdictCodes(offline.report, 'GoodSite'));
});

test('a --cert file wins over the live evidence for the same certificate', async () => {
  // the file says the good certificate is still pending; the account says ISSUED: the file wins
  const account = gateAccount();
  const good = account.certificates['us-east-1']!.find((c) => c.CertificateArn === GATE_CERTS.good)!;
  const stale = file('stale.json', { Certificate: { ...good, Status: 'PENDING_VALIDATION' } });
  const run = await checkJson(goodOnly, '--aws', '--cert', stale);
  expect(verdictCodes(run.report, 'GoodSite')).toContain('CF_CERTIFICATE_NOT_ISSUED');
});

test('get-distribution-config output of an account distribution is that distribution, not a holder of its own aliases', async () => {
  const holder = gateAccount().distributions.find((d) => d.Id === GATE_DISTRIBUTIONS.holder)!;
  const config = file('holder-config.json', {
    ETag: holder.ETag,
    DistributionConfig: {
      CallerReference: 'holder-2026',
      Enabled: true,
      Aliases: { Quantity: holder.Aliases.length, Items: holder.Aliases },
      ViewerCertificate: { ...holder.ViewerCertificate, CertificateSource: 'acm' },
    },
  });
  const run = await checkJson(config, '--aws');
  expect(run.report.results.map((r) => r.subject.id)).toContain('holder-2026');
  expect(verdictCodes(run.report, 'holder-2026')).not.toContain('CF_ALIAS_ALREADY_EXISTS');
  expect(run.code).toBe(0);
});

test('get-distribution output of an account distribution is matched by its Id: no conflict with itself', async () => {
  const holder = gateAccount().distributions.find((d) => d.Id === GATE_DISTRIBUTIONS.holder)!;
  const output = file('holder-distribution.json', {
    ETag: holder.ETag,
    Distribution: {
      Id: holder.Id,
      ARN: `arn:aws:cloudfront::111122223333:distribution/${holder.Id}`,
      DistributionConfig: {
        Enabled: true,
        Aliases: { Quantity: holder.Aliases.length, Items: holder.Aliases },
        ViewerCertificate: holder.ViewerCertificate,
      },
    },
  });
  const run = await checkJson(output, '--aws');
  expect(run.report.results.filter((r) => r.subject.id === holder.Id)).toHaveLength(1);
  expect(verdictCodes(run.report, holder.Id)).not.toContain('CF_ALIAS_ALREADY_EXISTS');
  expect(run.code).toBe(0);
});
