/**
 * Distribution tenants read from AWS CLI output (list-distribution-tenants, get-distribution-tenant,
 * the create request) and checked beside their multi-tenant parent from get-distribution output.
 * The fixtures in test/fixtures/tenants/ follow the API reference's response shapes
 * (API_ListDistributionTenants, API_GetDistributionTenant).
 */

import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../../src/check/check.js';
import { load, loadText, writeFiles } from './helpers.js';

const DIR = new URL('../fixtures/tenants/', import.meta.url).pathname;
const at = (name: string) => join(DIR, name);
const AT = new Date('2026-06-01T00:00:00Z');

const codesBy = (results: Awaited<ReturnType<typeof check>>['results']) =>
  Object.fromEntries(
    results.map((r) => [`${r.subject.kind}:${r.subject.id}`, r.findings.map((f) => f.code)]),
  );

describe('list-distribution-tenants beside the parent’s get-distribution output', () => {
  test('each tenant is checked against the certificate that serves it', async () => {
    const { results, errors } = await check(
      [at('get-distribution-multi-tenant.json'), at('list-distribution-tenants.json')],
      { certs: [at('acm-wildcard.json')], at: AT },
    );
    expect(errors).toEqual([]);
    const codes = codesBy(results);
    expect(codes['tenant:acme']).toEqual([]);
    expect(codes['tenant:shop-corp']).toEqual(['CF_ALIAS_NOT_COVERED']);
    expect(codes['tenant:bring-your-own']).toContain('CF_CERTIFICATE_NOT_IN_US_EAST_1');
    expect(codes['distribution:E1MULTITENANT']).not.toContain('CF_ALIASES_WITHOUT_CERTIFICATE');
  });

  test('domains are named where they are written, tenants by their Name', async () => {
    const { inputs } = await load([at('list-distribution-tenants.json')]);
    const shop = inputs.distributions.find((d) => d.id === 'shop-corp');
    expect(shop?.tenant).toMatchObject({ certificate: 'parent', parent: { value: 'E1MULTITENANT' } });
    expect(shop?.aliases.map((a) => a.value)).toEqual(['shop.saas.example', 'www.shop-corp.example']);
    expect(shop?.aliases[1]?.location.path).toEqual(['DistributionTenantList', 1, 'Domains', 1, 'Domain']);
    expect(shop?.accountId).toBe('111122223333');
  });

  test('without the parent, an inheriting tenant says its coverage could not be checked', async () => {
    const { results } = await check([at('list-distribution-tenants.json')], { at: AT });
    const acme = results.find((r) => r.subject.id === 'acme');
    expect(acme?.findings.map((f) => f.code)).toEqual(['INPUT_UNRESOLVED_VALUE']);
    expect(acme?.findings[0]?.severity).toBe('warning');
  });
});

describe('other tenant shapes', () => {
  test('get-distribution-tenant output: one tenant, its own certificate', async () => {
    const text = JSON.stringify({
      ETag: 'E1',
      DistributionTenant: {
        Id: 'dt_1',
        DistributionId: 'E1MULTITENANT',
        Name: 'solo',
        Domains: [{ Domain: 'solo.example', Status: 'active' }],
        Customizations: { Certificate: { Arn: 'arn:aws:acm:us-east-1:111122223333:certificate/c' } },
      },
    });
    const { inputs, errors } = await loadText('tenant.json', text);
    expect(errors).toEqual([]);
    expect(inputs.distributions).toHaveLength(1);
    expect(inputs.distributions[0]).toMatchObject({
      id: 'solo',
      tenant: { certificate: 'own' },
      viewerCertificate: { acmCertificateArn: { value: 'arn:aws:acm:us-east-1:111122223333:certificate/c' } },
    });
  });

  test('a create-distribution-tenant request with a managed certificate request', async () => {
    const text = JSON.stringify({
      DistributionId: 'E1MULTITENANT',
      Name: 'new-tenant',
      Domains: [{ Domain: 'new.customer.example' }],
      ManagedCertificateRequest: {
        ValidationTokenHost: 'cloudfront',
        PrimaryDomainName: 'new.customer.example',
      },
    });
    const { inputs } = await loadText('create-tenant.json', text);
    expect(inputs.distributions[0]?.tenant).toMatchObject({
      certificate: 'managed',
      managedCertificateRequest: { path: ['ManagedCertificateRequest'] },
    });
  });

  test('listed and fetched tenants are deployed state; a create request is a change being made', async () => {
    const { inputs: listed } = await load([at('list-distribution-tenants.json')]);
    expect(listed.distributions.length).toBeGreaterThan(0);
    for (const t of listed.distributions) expect(t.deployed, t.id).toBe(true);
    const request = {
      DistributionId: 'E1MULTITENANT',
      Name: 'n',
      Domains: [{ Domain: 'acme.saas.example' }],
    };
    const { inputs: created } = await loadText('create-tenant.json', JSON.stringify(request));
    expect(created.distributions[0]?.deployed).toBeUndefined();
  });

  test('a create request taking a listed tenant’s domain fails; the listed tenant does not', async () => {
    const dir = writeFiles({
      'create-tenant.json': JSON.stringify({
        DistributionId: 'E1MULTITENANT',
        Name: 'newcomer',
        Domains: [{ Domain: 'acme.saas.example' }],
      }),
    });
    const { results } = await check(
      [
        at('get-distribution-multi-tenant.json'),
        at('list-distribution-tenants.json'),
        join(dir, 'create-tenant.json'),
      ],
      { certs: [at('acm-wildcard.json')], at: AT },
    );
    const codes = codesBy(results);
    expect(codes['tenant:newcomer']).toContain('CF_ALIAS_ALREADY_EXISTS');
    expect(codes['tenant:acme']).not.toContain('CF_ALIAS_ALREADY_EXISTS');
  });

  test('hostile shapes are read as far as they go, never thrown', async () => {
    const text = JSON.stringify({
      DistributionTenantList: [null, 7, { Name: 'x', Domains: [null, { Domain: 3 }, 'bare.example'] }],
    });
    const { inputs, errors } = await loadText('odd.json', text);
    expect(errors).toEqual([]);
    expect(inputs.distributions).toHaveLength(3);
    const x = inputs.distributions[2]!;
    expect(x.tenant?.parent.value).toMatchObject({ unresolved: true });
    // a number reads as its text, as everywhere a string is expected
    expect(x.aliases.map((a) => (typeof a.value === 'string' ? a.value : 'unresolved'))).toEqual([
      'unresolved',
      '3',
      'bare.example',
    ]);
  });
});

describe('AWS::CloudFront::DistributionTenant in a template', () => {
  test('tenants name their parent by Ref or GetAtt, and are checked against its certificate', async () => {
    const { results, errors } = await check([at('tenants.yaml')], {
      certs: [at('acm-wildcard.json')],
      region: 'us-east-1',
      at: AT,
    });
    expect(errors).toEqual([]);
    const codes = codesBy(results);
    expect(codes['tenant:AcmeTenant']).toEqual([]);
    expect(codes['tenant:ShopTenant']).toEqual(['CF_ALIAS_NOT_COVERED']);
    expect(codes['tenant:OwnBrandTenant']).toEqual([]);
    expect(codes['tenant:ManagedTenant']).toEqual(['CF_TENANT_MANAGED_CERTIFICATE']);
    expect(codes['distribution:Platform']).toEqual([]);
    // the template's own certificate serves OwnBrandTenant: it is not unmatched evidence
    expect(results.some((r) => r.subject.kind === 'certificate')).toBe(false);
  });

  test('a tenant’s own certificate created in another region is CF-02', async () => {
    const { results } = await check([at('tenants.yaml')], {
      certs: [at('acm-wildcard.json')],
      region: 'eu-west-1',
      at: AT,
    });
    expect(codesBy(results)['tenant:OwnBrandTenant']).toContain('CF_CERTIFICATE_NOT_IN_US_EAST_1');
  });

  test('JSON long forms, a parameter for the id, and a standard parent', async () => {
    const template = {
      Parameters: { ParentId: { Type: 'String', Default: 'E2OTHERACCOUNT' } },
      Resources: {
        Standard: {
          Type: 'AWS::CloudFront::Distribution',
          Properties: {
            DistributionConfig: {
              Aliases: ['www.example.com'],
              ViewerCertificate: {
                AcmCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/x',
                SslSupportMethod: 'sni-only',
              },
            },
          },
        },
        ByGetAtt: {
          Type: 'AWS::CloudFront::DistributionTenant',
          Properties: { DistributionId: { 'Fn::GetAtt': ['Standard', 'Id'] }, Domains: ['a.example.com'] },
        },
        ByParameter: {
          Type: 'AWS::CloudFront::DistributionTenant',
          Properties: { DistributionId: { Ref: 'ParentId' }, Domains: ['b.example.com'] },
        },
      },
    };
    const file = join(writeFiles({ 't.json': JSON.stringify(template) }), 't.json');
    const { inputs } = await load([file]);
    const byId = new Map(inputs.distributions.map((d) => [d.id, d]));
    expect(byId.get('ByGetAtt')?.tenant?.parent.value).toBe('Standard');
    expect(byId.get('ByParameter')?.tenant?.parent.value).toBe('E2OTHERACCOUNT');
    const { results } = await check([file], { at: AT });
    const codes = codesBy(results);
    expect(codes['tenant:ByGetAtt']).toContain('CF_TENANT_PARENT_NOT_MULTI_TENANT');
    // E2OTHERACCOUNT is not among the inputs: its certificate is unknown, and said so
    expect(codes['tenant:ByParameter']).toEqual(['INPUT_UNRESOLVED_VALUE']);
  });
});

describe('aws_cloudfront_distribution_tenant in a Terraform plan', () => {
  test('distribution_id known after apply is followed to the multi-tenant distribution', async () => {
    const { inputs } = await load([at('tenant-plan.json')]);
    const shop = inputs.distributions.find((d) => d.id === 'aws_cloudfront_distribution_tenant.shop');
    expect(shop?.tenant?.parent.value).toBe('aws_cloudfront_multitenant_distribution.saas');
    const parent = inputs.distributions.find((d) => d.id === 'aws_cloudfront_multitenant_distribution.saas');
    expect(parent?.connectionMode?.value).toBe('tenant-only');
    const { results } = await check([at('tenant-plan.json')], { certs: [at('acm-wildcard.json')], at: AT });
    const codes = codesBy(results);
    expect(codes['tenant:aws_cloudfront_distribution_tenant.acme']).toEqual([]);
    expect(codes['tenant:aws_cloudfront_distribution_tenant.shop']).toEqual(['CF_ALIAS_NOT_COVERED']);
  });
});
