/**
 * The loopback fake AWS account, exercised with the real SDK v3 clients (no client-level mocks):
 * what the SDK parses from it is what the live-mode code will see.
 */

import { spawn } from 'node:child_process';
import {
  ACMClient,
  DescribeCertificateCommand,
  GetCertificateCommand,
  paginateListCertificates,
} from '@aws-sdk/client-acm';
import {
  CloudFrontClient,
  GetDistributionCommand,
  GetDistributionConfigCommand,
  ListConflictingAliasesCommand,
  ListDistributionsCommand,
  ListDistributionTenantsCommand,
  ListDomainConflictsCommand,
  paginateListDistributions,
} from '@aws-sdk/client-cloudfront';
import {
  GetServerCertificateCommand,
  IAMClient,
  ListServerCertificatesCommand,
  paginateListServerCertificates,
} from '@aws-sdk/client-iam';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  childEnv,
  FAKE_ACCESS_KEY_ID,
  FAKE_SECRET,
  FAKE_SESSION_TOKEN,
  type FakeAccountSpec,
  type FakeAws,
  startFakeAws,
} from './fake-aws.js';
import {
  ELSEWHERE_HOLDER,
  FILLER_COUNT,
  GATE_ACCOUNT_ID,
  GATE_ALIASES,
  GATE_CERTS,
  GATE_DISTRIBUTIONS,
  gateAccount,
} from './fake-aws-accounts.js';

// The SDK warns on Node 20 when a client is built unless this is set; children get it from fake.env.
const WARNING_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';
const warningSwitchBefore = process.env[WARNING_SWITCH];
beforeAll(() => {
  process.env[WARNING_SWITCH] = 'true';
});
afterAll(() => {
  if (warningSwitchBefore === undefined) delete process.env[WARNING_SWITCH];
  else process.env[WARNING_SWITCH] = warningSwitchBefore;
});

const credentials = {
  accessKeyId: FAKE_ACCESS_KEY_ID,
  secretAccessKey: FAKE_SECRET,
  sessionToken: FAKE_SESSION_TOKEN,
};
/** Everything the SDK handed back in these tests, searched for the fake credentials at the end. */
const seen: string[] = [];

function acm(fake: FakeAws, region: string, maxAttempts = 1): ACMClient {
  return new ACMClient({ region, endpoint: fake.url, credentials, maxAttempts });
}

function cloudfront(fake: FakeAws, maxAttempts = 1): CloudFrontClient {
  return new CloudFrontClient({ region: 'us-east-1', endpoint: fake.url, credentials, maxAttempts });
}

/** The error a call fails with (the test fails if it succeeds). */
async function failure(call: Promise<unknown>): Promise<Error & { $metadata: { httpStatusCode?: number } }> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(Error);
  seen.push(String(error), JSON.stringify(error));
  return error as Error & { $metadata: { httpStatusCode?: number } };
}

const elsewhereHolder = {
  Alias: GATE_ALIASES.elsewhere,
  DistributionId: ELSEWHERE_HOLDER.distributionId,
  AccountId: ELSEWHERE_HOLDER.accountId,
};

function keep<T>(output: T): T {
  seen.push(JSON.stringify(output));
  return output;
}

/** Every fake started here, so the credential check at the end sees all their answers. */
const fakes: FakeAws[] = [];
async function start(spec: FakeAccountSpec): Promise<FakeAws> {
  const fake = await startFakeAws(spec);
  fakes.push(fake);
  return fake;
}

afterAll(async () => {
  for (const fake of fakes) {
    for (const request of fake.requests) {
      expect(request.responseBody ?? '').not.toContain(FAKE_SECRET);
      expect(request.responseBody ?? '').not.toContain(FAKE_SESSION_TOKEN);
    }
  }
  for (const output of seen) {
    expect(output).not.toContain(FAKE_SECRET);
    expect(output).not.toContain(FAKE_SESSION_TOKEN);
  }
  await Promise.all(fakes.map((fake) => fake.close()));
});

describe('the gate account through the real SDK', () => {
  let fake: FakeAws;
  beforeAll(async () => {
    fake = await start(gateAccount());
  });
  afterEach(() => {
    fake.requests.length = 0;
  });

  it('lists dozens of distributions across pages, each page starting after the last Id of the previous', async () => {
    const summaries = [];
    for await (const page of paginateListDistributions({ client: cloudfront(fake) }, {})) {
      summaries.push(...(keep(page).DistributionList?.Items ?? []));
    }
    expect(summaries).toHaveLength(FILLER_COUNT + 1);
    const pages = fake.requests.filter((request) => request.operation === 'ListDistributions');
    expect(pages).toHaveLength(Math.ceil((FILLER_COUNT + 1) / 2));
    expect(pages[0]!.path).toBe('/2020-05-31/distribution');
    expect(pages[1]!.path).toContain(`Marker=${summaries[1]!.Id}`);

    const holder = summaries.find((summary) => summary.Id === GATE_DISTRIBUTIONS.holder)!;
    expect(holder.Aliases).toEqual({ Quantity: 2, Items: ['static.example.com', GATE_ALIASES.taken] });
    expect(holder.ViewerCertificate).toMatchObject({
      ACMCertificateArn: GATE_CERTS.wildcard,
      SSLSupportMethod: 'sni-only',
      MinimumProtocolVersion: 'TLSv1.2_2021',
      CertificateSource: 'acm',
    });
    expect(holder.ARN).toBe(
      `arn:aws:cloudfront::${GATE_ACCOUNT_ID}:distribution/${GATE_DISTRIBUTIONS.holder}`,
    );
    expect(holder.LastModifiedTime).toBeInstanceOf(Date);
    expect(holder.Enabled).toBe(true);
    expect(holder.DomainName).toBe('d2holder0example.cloudfront.net');
  });

  it('answers DescribeCertificate in the region of the credential scope, with epoch timestamps parsed as dates', async () => {
    const cases = [
      ['us-east-1', GATE_CERTS.good],
      ['eu-west-1', GATE_CERTS.wrongRegion],
      ['ap-southeast-2', GATE_CERTS.sydney],
    ] as const;
    for (const [region, arn] of cases) {
      const { Certificate } = keep(
        await acm(fake, region).send(new DescribeCertificateCommand({ CertificateArn: arn })),
      );
      expect(Certificate?.CertificateArn).toBe(arn);
      expect(Certificate?.NotAfter).toEqual(new Date('2027-05-18T23:59:59.000Z'));
      expect(Certificate?.KeyAlgorithm).toBe('RSA-2048');
      expect(Certificate?.Status).toBe('ISSUED');
    }
    expect(fake.requests.map((request) => request.region)).toEqual(cases.map(([region]) => region));
    expect(fake.requests[0]!.body).toBe(JSON.stringify({ CertificateArn: GATE_CERTS.good }));
    // The raw answer carries numbers, as ACM's JSON 1.1 does.
    expect(JSON.parse(fake.requests[0]!.responseBody!).Certificate.NotAfter).toBe(
      Date.parse('2027-05-18T23:59:59.000Z') / 1000,
    );
  });

  it('keeps the validation details of a pending certificate', async () => {
    const { Certificate } = await acm(fake, 'us-east-1').send(
      new DescribeCertificateCommand({ CertificateArn: GATE_CERTS.pending }),
    );
    expect(Certificate?.Status).toBe('PENDING_VALIDATION');
    expect(Certificate?.DomainValidationOptions?.[0]).toMatchObject({
      DomainName: 'pending.example.com',
      ValidationStatus: 'PENDING_VALIDATION',
      ValidationMethod: 'DNS',
      ResourceRecord: { Type: 'CNAME' },
    });
  });

  it('does not find a certificate asked for in another region than its own', async () => {
    const error = await failure(
      acm(fake, 'us-east-1').send(new DescribeCertificateCommand({ CertificateArn: GATE_CERTS.wrongRegion })),
    );
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('pages ListCertificates with NextToken in each of three regions', async () => {
    const arnsIn = async (region: string) => {
      const arns: string[] = [];
      for await (const page of paginateListCertificates({ client: acm(fake, region) }, {})) {
        arns.push(...(keep(page).CertificateSummaryList ?? []).map((summary) => summary.CertificateArn!));
      }
      return arns;
    };
    expect(await arnsIn('us-east-1')).toHaveLength(5);
    expect(await arnsIn('eu-west-1')).toEqual([GATE_CERTS.wrongRegion]);
    expect(await arnsIn('ap-southeast-2')).toEqual([GATE_CERTS.sydney]);
    const usPages = fake.requests.filter((request) => request.region === 'us-east-1');
    expect(usPages).toHaveLength(3);
    expect(JSON.parse(usPages[1]!.body).NextToken).toEqual(expect.any(String));
  });

  it('answers GetDistributionConfig and GetDistribution with the ETag header', async () => {
    const client = cloudfront(fake);
    const config = keep(
      await client.send(new GetDistributionConfigCommand({ Id: GATE_DISTRIBUTIONS.holder })),
    );
    expect(config.ETag).toBe('E2QWRUHAPOMQZL');
    expect(config.DistributionConfig?.Aliases?.Items).toEqual(['static.example.com', GATE_ALIASES.taken]);
    expect(config.DistributionConfig?.CallerReference).toBe(`caller-${GATE_DISTRIBUTIONS.holder}`);
    expect(config.DistributionConfig?.Origins?.Items?.[0]?.Id).toBe('origin-1');
    expect(config.DistributionConfig?.DefaultCacheBehavior?.TargetOriginId).toBe('origin-1');
    expect(config.DistributionConfig?.ViewerCertificate?.ACMCertificateArn).toBe(GATE_CERTS.wildcard);

    const filler = await client.send(new GetDistributionCommand({ Id: GATE_DISTRIBUTIONS.firstFiller }));
    expect(filler.ETag).toMatch(/^E[0-9A-Z]{13}$/);
    expect(filler.Distribution?.DistributionConfig?.Aliases?.Items).toEqual(['site-01.example.org']);
    expect(fake.requests[0]!.path).toBe(`/2020-05-31/distribution/${GATE_DISTRIBUTIONS.holder}/config`);
  });

  it('answers NoSuchDistribution 404 for an unknown id', async () => {
    const error = await failure(
      cloudfront(fake).send(new GetDistributionConfigCommand({ Id: 'ENOSUCHDIST00' })),
    );
    expect(error.name).toBe('NoSuchDistribution');
    expect(error.$metadata.httpStatusCode).toBe(404);
    expect(fake.requests[0]!.responseBody).toContain('<Code>NoSuchDistribution</Code>');
    expect(fake.requests[0]!.responseBody).toContain('<Type>Sender</Type>');
  });

  it('shows the holder in another account, masked, to ListConflictingAliases and ListDomainConflicts', async () => {
    const client = cloudfront(fake);
    const aliases = keep(
      await client.send(
        new ListConflictingAliasesCommand({
          Alias: GATE_ALIASES.elsewhere,
          DistributionId: GATE_DISTRIBUTIONS.holder,
        }),
      ),
    );
    expect(aliases.ConflictingAliasesList?.Items).toEqual([elsewhereHolder]);
    expect(fake.requests[0]!.path).toBe(
      `/2020-05-31/conflicting-alias?Alias=${GATE_ALIASES.elsewhere}&DistributionId=${GATE_DISTRIBUTIONS.holder}`,
    );

    const domains = keep(
      await client.send(
        new ListDomainConflictsCommand({
          Domain: GATE_ALIASES.elsewhere,
          DomainControlValidationResource: { DistributionId: GATE_DISTRIBUTIONS.holder },
        }),
      ),
    );
    expect(domains.DomainConflicts).toEqual([
      {
        Domain: GATE_ALIASES.elsewhere,
        ResourceType: 'distribution',
        ResourceId: ELSEWHERE_HOLDER.distributionId,
        AccountId: ELSEWHERE_HOLDER.accountId,
      },
    ]);
    expect(fake.requests[1]!.headers['content-type']).toBe('application/xml');
  });

  it('holds each certificate of the done-when list in the region its ARN names', async () => {
    const statuses: Record<string, string | undefined> = {};
    for (const [name, arn] of Object.entries(GATE_CERTS)) {
      const region = arn.split(':')[3]!;
      const { Certificate } = await acm(fake, region).send(
        new DescribeCertificateCommand({ CertificateArn: arn }),
      );
      statuses[name] = Certificate?.Status;
      if (name === 'good') expect(Certificate?.SubjectAlternativeNames).toEqual(GATE_ALIASES.good);
      if (name === 'narrow')
        expect(Certificate?.SubjectAlternativeNames).not.toContain(GATE_ALIASES.narrowUncovered);
    }
    expect(statuses).toEqual({
      good: 'ISSUED',
      wrongRegion: 'ISSUED',
      pending: 'PENDING_VALIDATION',
      narrow: 'ISSUED',
      wildcard: 'ISSUED',
      filler: 'ISSUED',
      sydney: 'ISSUED',
    });
  });

  it('finds own-account holders (unmasked) of a name a wildcard covers', async () => {
    const found = await cloudfront(fake).send(
      new ListConflictingAliasesCommand({
        Alias: '*.example.com',
        DistributionId: GATE_DISTRIBUTIONS.firstFiller,
      }),
    );
    expect(found.ConflictingAliasesList?.Items).toEqual(
      expect.arrayContaining([
        { Alias: GATE_ALIASES.taken, DistributionId: GATE_DISTRIBUTIONS.holder, AccountId: GATE_ACCOUNT_ID },
        {
          Alias: 'static.example.com',
          DistributionId: GATE_DISTRIBUTIONS.holder,
          AccountId: GATE_ACCOUNT_ID,
        },
        elsewhereHolder,
      ]),
    );
    expect(found.ConflictingAliasesList?.Items).toHaveLength(3);
  });
});

describe('faults', () => {
  it('maps AccessDenied to an SDK error with that name and status, queued one call at a time', async () => {
    const fake = await start({
      ...gateAccount(),
      faults: {
        GetDistributionConfig: [{ status: 403, code: 'AccessDenied', message: 'User is not authorized' }],
        DescribeCertificate: [
          { status: 400, code: 'AccessDeniedException', message: 'User is not authorized', always: true },
        ],
      },
    });
    const config = new GetDistributionConfigCommand({ Id: GATE_DISTRIBUTIONS.holder });
    const denied = await failure(cloudfront(fake).send(config));
    expect(denied.name).toBe('AccessDenied');
    expect(denied.$metadata.httpStatusCode).toBe(403);
    expect((await cloudfront(fake).send(config)).ETag).toBe('E2QWRUHAPOMQZL');

    const describe = new DescribeCertificateCommand({ CertificateArn: GATE_CERTS.good });
    for (let call = 0; call < 2; call++) {
      const error = await failure(acm(fake, 'us-east-1').send(describe));
      expect(error.name).toBe('AccessDeniedException');
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
  });

  it('lets the SDK retry Throttling / ThrottlingException twice and succeed on the third attempt', async () => {
    const fake = await start({
      ...gateAccount(),
      faults: {
        ListDistributions: [
          { status: 400, code: 'Throttling', message: 'Rate exceeded' },
          { status: 400, code: 'Throttling', message: 'Rate exceeded' },
        ],
        DescribeCertificate: [
          { status: 400, code: 'ThrottlingException', message: 'Rate exceeded' },
          { status: 400, code: 'ThrottlingException', message: 'Rate exceeded' },
        ],
      },
    });
    const [list, described] = await Promise.all([
      (async () => {
        for await (const page of paginateListDistributions({ client: cloudfront(fake, 3) }, {})) return page;
      })(),
      acm(fake, 'us-east-1', 3).send(new DescribeCertificateCommand({ CertificateArn: GATE_CERTS.good })),
    ]);
    expect(list?.$metadata.attempts).toBe(3);
    expect(list?.DistributionList?.Items).toHaveLength(2);
    expect(described.$metadata.attempts).toBe(3);
    expect(described.Certificate?.CertificateArn).toBe(GATE_CERTS.good);
    const attempts = fake.requests.filter((request) => request.operation === 'DescribeCertificate');
    expect(attempts.map((request) => request.headers['amz-sdk-request'])).toEqual([
      'attempt=1; max=3',
      'attempt=2; max=3',
      'attempt=3; max=3',
    ]);
    expect(JSON.parse(attempts[0]!.responseBody!)).toEqual({
      __type: 'ThrottlingException',
      message: 'Rate exceeded',
    });
  });

  it('delays a call when the fault is below 400, then serves it as usual', async () => {
    const fake = await start({
      ...gateAccount(),
      faults: { GetDistributionConfig: [{ status: 200, code: '', message: '', delayMs: 150 }] },
    });
    const started = Date.now();
    const config = await cloudfront(fake).send(
      new GetDistributionConfigCommand({ Id: GATE_DISTRIBUTIONS.holder }),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(config.ETag).toBe('E2QWRUHAPOMQZL');
  });

  it('answers UnrecognizedClientException for every ACM call signed for a region that is not enabled', async () => {
    const fake = await start({ ...gateAccount(), disabledRegions: ['ap-east-1'] });
    const error = await failure(
      acm(fake, 'ap-east-1').send(new DescribeCertificateCommand({ CertificateArn: GATE_CERTS.good })),
    );
    expect(error.name).toBe('UnrecognizedClientException');
    expect(error.message).toBe('The security token included in the request is invalid');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses an expired session and an unknown access key as each protocol does', async () => {
    const fake = await start({ ...gateAccount(), expiredAccessKeyIds: ['AKIAEXPIREDKEY000001'] });
    const expired = { ...credentials, accessKeyId: 'AKIAEXPIREDKEY000001' };
    const unknown = { ...credentials, accessKeyId: 'AKIAUNKNOWNKEY000001' };
    const config = new GetDistributionConfigCommand({ Id: GATE_DISTRIBUTIONS.holder });
    const describe = new DescribeCertificateCommand({ CertificateArn: GATE_CERTS.good });
    const cf = (creds: typeof credentials) =>
      new CloudFrontClient({ region: 'us-east-1', endpoint: fake.url, credentials: creds, maxAttempts: 1 });
    const certs = (creds: typeof credentials) =>
      new ACMClient({ region: 'us-east-1', endpoint: fake.url, credentials: creds, maxAttempts: 1 });

    expect(await failure(cf(expired).send(config))).toMatchObject({ name: 'ExpiredToken' });
    expect(await failure(cf(unknown).send(config))).toMatchObject({
      name: 'InvalidClientTokenId',
      $metadata: { httpStatusCode: 403 },
    });
    expect(await failure(certs(expired).send(describe))).toMatchObject({ name: 'ExpiredTokenException' });
    expect(await failure(certs(unknown).send(describe))).toMatchObject({
      name: 'UnrecognizedClientException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses an unsigned request, and never echoes what the request carried', async () => {
    const fake = await start(gateAccount());
    const acmAnswer = await fetch(fake.url, {
      method: 'POST',
      headers: { 'x-amz-target': 'CertificateManager.ListCertificates', 'x-secret': FAKE_SECRET },
      body: JSON.stringify({ secret: FAKE_SECRET }),
    });
    expect(acmAnswer.status).toBe(400);
    expect(await acmAnswer.json()).toEqual({
      __type: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });
    const cfAnswer = await fetch(`${fake.url}/2020-05-31/distribution/${encodeURIComponent(FAKE_SECRET)}`, {
      headers: {
        authorization: `AWS4-HMAC-SHA256 Credential=${FAKE_ACCESS_KEY_ID}/20261203/us-east-1/cloudfront/aws4_request, Signature=${FAKE_SECRET}`,
      },
    });
    expect(cfAnswer.status).toBe(404);
    expect(cfAnswer.headers.get('content-type')).toBe('text/xml');
    expect(await cfAnswer.text()).not.toContain(FAKE_SECRET);
  });

  it('drops the connection when asked, which the SDK reports as a network error', async () => {
    const fake = await start({
      ...gateAccount(),
      faults: { ListDistributions: [{ status: 0, code: 'reset', message: '', dropConnection: true }] },
    });
    const error = await failure(
      (async () => {
        for await (const page of paginateListDistributions({ client: cloudfront(fake) }, {})) return page;
      })(),
    );
    expect(error.name).not.toBe('Throttling');
    expect((error as Error & { code?: string }).code ?? error.name).toMatch(
      /ECONNRESET|socket hang up|Error/,
    );
  });
});

describe('the other wire shapes', () => {
  it('escapes every XML value, honours MaxItems below its own page size, and answers InvalidArgument to a bad marker', async () => {
    const fake = await start({
      accountId: GATE_ACCOUNT_ID,
      pageSize: 5,
      distributions: ['E1', 'E2', 'E3'].map((Id) => ({
        Id,
        Aliases: [`${Id.toLowerCase()}.example.com`],
        ViewerCertificate: { CloudFrontDefaultCertificate: true },
        Comment: `<b>"${Id}" & 'co'</b>`,
      })),
      certificates: {},
    });
    const client = cloudfront(fake);
    const pages = [];
    for await (const page of paginateListDistributions({ client, pageSize: 1 }, {})) pages.push(page);
    expect(pages.map((page) => page.DistributionList?.Items?.[0]?.Comment)).toEqual([
      `<b>"E1" & 'co'</b>`,
      `<b>"E2" & 'co'</b>`,
      `<b>"E3" & 'co'</b>`,
    ]);
    expect(pages[2]!.DistributionList).toMatchObject({ IsTruncated: false, Marker: 'E2', MaxItems: 1 });
    expect(pages[0]!.DistributionList?.Items?.[0]?.ViewerCertificate).toMatchObject({
      CloudFrontDefaultCertificate: true,
      CertificateSource: 'cloudfront',
    });
    const error = await failure(client.send(new ListDistributionsCommand({ Marker: 'ENOTADIST' })));
    expect(error.name).toBe('InvalidArgument');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('hides non-RSA-2048 keys from ListCertificates unless keyTypes asks for them (as ACM does)', async () => {
    const ec = {
      ...gateAccount().certificates['us-east-1']![1]!,
      CertificateArn: `${GATE_CERTS.good}-ec`,
      KeyAlgorithm: 'EC-prime256v1',
    };
    const fake = await start({
      accountId: GATE_ACCOUNT_ID,
      distributions: [],
      certificates: { 'us-east-1': [ec] },
    });
    const client = acm(fake, 'us-east-1');
    const list = async (keyTypes?: ('EC_prime256v1' | 'RSA_2048')[]) => {
      const arns: string[] = [];
      const input = keyTypes ? { Includes: { keyTypes } } : {};
      for await (const page of paginateListCertificates({ client }, input)) {
        arns.push(...(page.CertificateSummaryList ?? []).map((summary) => summary.CertificateArn!));
      }
      return arns;
    };
    expect(await list()).toEqual([]);
    expect(await list(['EC_prime256v1', 'RSA_2048'])).toEqual([ec.CertificateArn]);
  });

  it('serves GetCertificate from the fixture PEM, and RequestInProgressException without one', async () => {
    const spec = gateAccount();
    const good = spec.certificates['us-east-1']![1]!;
    good.CertificatePem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const fake = await start(spec);
    const got = await acm(fake, 'us-east-1').send(
      new GetCertificateCommand({ CertificateArn: GATE_CERTS.good }),
    );
    expect(got.Certificate).toBe(good.CertificatePem);
    const described = await acm(fake, 'us-east-1').send(
      new DescribeCertificateCommand({ CertificateArn: GATE_CERTS.good }),
    );
    expect(described.Certificate).not.toHaveProperty('CertificatePem');
    const pending = await failure(
      acm(fake, 'us-east-1').send(new GetCertificateCommand({ CertificateArn: GATE_CERTS.pending })),
    );
    expect(pending.name).toBe('RequestInProgressException');
  });

  it('lists distribution tenants with their domains (the <member> list the SDK model expects)', async () => {
    const fake = await start({
      ...gateAccount(),
      tenants: [
        { Id: 'dt_1', DistributionId: 'E3MULTITENANT', Domains: [{ Domain: 'a.tenant.example.com' }] },
        {
          Id: 'dt_2',
          DistributionId: 'E3MULTITENANT',
          Domains: [{ Domain: 'b.tenant.example.com', Status: 'inactive' }],
        },
        { Id: 'dt_3', DistributionId: 'E3OTHER', Domains: [{ Domain: 'c.tenant.example.com' }] },
      ],
    });
    const client = cloudfront(fake);
    const all = await client.send(new ListDistributionTenantsCommand({}));
    expect(all.DistributionTenantList?.map((tenant) => tenant.Id)).toEqual(['dt_1', 'dt_2']);
    expect(all.NextMarker).toEqual(expect.any(String));
    expect(fake.requests[0]!.body).toBe('');
    const next = await client.send(new ListDistributionTenantsCommand({ Marker: all.NextMarker }));
    expect(next.DistributionTenantList?.map((tenant) => tenant.Id)).toEqual(['dt_3']);
    const filtered = await client.send(
      new ListDistributionTenantsCommand({ AssociationFilter: { DistributionId: 'E3MULTITENANT' } }),
    );
    expect(filtered.DistributionTenantList?.[1]?.Domains).toEqual([
      { Domain: 'b.tenant.example.com', Status: 'inactive' },
    ]);
  });
  it('can serve tenant domains in the documented <DomainResult> shape, which the SDK reads as no domains', async () => {
    const fake = await start({
      ...gateAccount(),
      tenantDomainItem: 'DomainResult',
      tenants: [
        { Id: 'dt_1', DistributionId: 'E3MULTITENANT', Domains: [{ Domain: 'a.tenant.example.com' }] },
      ],
    });
    const listed = await cloudfront(fake).send(new ListDistributionTenantsCommand({}));
    expect(fake.requests[0]!.responseBody).toContain('<DomainResult><Domain>a.tenant.example.com</Domain>');
    expect(listed.DistributionTenantList?.[0]?.Domains ?? []).toEqual([]);
  });
});

/** Runs a module in a child node with the given env; resolves with its output. */
function runChild(
  source: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', source], { env, cwd: process.cwd() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('endpoint overrides from the environment alone', () => {
  it('reaches the fake through AWS_ENDPOINT_URL_ACM and AWS_ENDPOINT_URL_CLOUDFRONT, with no warning on stderr', async () => {
    const fake = await start(gateAccount());
    const source = `
      import { ACMClient, DescribeCertificateCommand } from '@aws-sdk/client-acm';
      import { CloudFrontClient, GetDistributionConfigCommand } from '@aws-sdk/client-cloudfront';
      const acm = new ACMClient({});
      const cert = await acm.send(new DescribeCertificateCommand({ CertificateArn: ${JSON.stringify(GATE_CERTS.good)} }));
      const cf = new CloudFrontClient({});
      const config = await cf.send(new GetDistributionConfigCommand({ Id: ${JSON.stringify(GATE_DISTRIBUTIONS.holder)} }));
      console.log(JSON.stringify({ status: cert.Certificate.Status, etag: config.ETag }));
    `;
    const result = await runChild(
      source,
      childEnv(fake, { PATH: process.env.PATH ?? '', AWS_PROFILE: 'machine' }),
    );
    seen.push(result.stdout, result.stderr);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ status: 'ISSUED', etag: 'E2QWRUHAPOMQZL' });
    expect(fake.requests.map((request) => [request.service, request.region])).toEqual([
      ['acm', 'us-east-1'],
      ['cloudfront', 'us-east-1'],
    ]);
    expect(fake.requests[0]!.headers.authorization).toContain(`Credential=${FAKE_ACCESS_KEY_ID}/`);
  });
});

describe('IAM (Query protocol) as the SDK reads it', () => {
  const iamClient = (fake: FakeAws) =>
    new IAMClient({ region: 'us-east-1', endpoint: fake.url, credentials, maxAttempts: 1 });
  const cert = (name: string, id: string, path: string) => ({
    ServerCertificateName: name,
    ServerCertificateId: id,
    Path: path,
    UploadDate: '2026-01-05T10:00:00Z',
    Expiration: '2027-01-05T10:00:00Z',
    CertificateBody: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    CertificateChain: '-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n',
  });
  let fake: FakeAws;
  afterEach(async () => fake.close());

  it('pages ListServerCertificates with Marker/IsTruncated, filters PathPrefix, answers GetServerCertificate by name', async () => {
    fake = await startFakeAws({
      accountId: GATE_ACCOUNT_ID,
      distributions: [],
      certificates: {},
      iamPageSize: 1,
      serverCertificates: [cert('a', 'ASCAAAAA', '/cloudfront/'), cert('b', 'ASCABBBB', '/')],
    });
    const client = iamClient(fake);
    const ids: string[] = [];
    for await (const page of paginateListServerCertificates({ client }, {}))
      ids.push(...(page.ServerCertificateMetadataList ?? []).map((m) => m.ServerCertificateId!));
    expect(ids).toEqual(['ASCAAAAA', 'ASCABBBB']);
    const first = keep(await client.send(new ListServerCertificatesCommand({})));
    expect(first.IsTruncated).toBe(true);
    expect(first.ServerCertificateMetadataList?.[0]?.Expiration).toEqual(new Date('2027-01-05T10:00:00Z'));
    expect(first.ServerCertificateMetadataList?.[0]?.Arn).toBe(
      `arn:aws:iam::${GATE_ACCOUNT_ID}:server-certificate/cloudfront/a`,
    );
    const prefixed = keep(
      await client.send(new ListServerCertificatesCommand({ PathPrefix: '/cloudfront/' })),
    );
    expect(prefixed.ServerCertificateMetadataList?.map((m) => m.ServerCertificateName)).toEqual(['a']);
    expect(prefixed.IsTruncated).toBe(false);
    const got = keep(await client.send(new GetServerCertificateCommand({ ServerCertificateName: 'b' })));
    expect(got.ServerCertificate?.ServerCertificateMetadata?.Path).toBe('/');
    expect(got.ServerCertificate?.CertificateChain).toContain('MIIC');
    expect(fake.requests.every((q) => q.service === 'iam' && q.region === 'us-east-1')).toBe(true);
    const error = await failure(
      client.send(new GetServerCertificateCommand({ ServerCertificateName: 'nope' })),
    );
    expect(error.name).toBe('NoSuchEntityException');
    expect(error.$metadata.httpStatusCode).toBe(404);
    client.destroy();
  });

  it('answers a queued AccessDenied as IAM does', async () => {
    fake = await startFakeAws({
      accountId: GATE_ACCOUNT_ID,
      distributions: [],
      certificates: {},
      faults: { ListServerCertificates: [{ status: 403, code: 'AccessDenied', message: 'not authorized' }] },
    });
    const client = iamClient(fake);
    const error = await failure(client.send(new ListServerCertificatesCommand({})));
    expect(error.name).toBe('AccessDenied');
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(fake.requests[0]!.responseBody).toContain('<Code>AccessDenied</Code>');
    client.destroy();
  });
});
