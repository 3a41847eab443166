/**
 * A certificate the plan requests, handed to a distribution with no aws_acm_certificate_validation
 * between them: CloudFront sees it PENDING_VALIDATION (CF-04). The plans under
 * test/fixtures/terraform/ are real `terraform show -json` output (see each COMMAND file).
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../../src/check/check.js';
import type { GateResult } from '../../src/check/types.js';
import { describeFinding } from '../../src/report/messages.js';
import { distributionValues } from '../support/terraform-plan.js';
import { loadText, tempDir } from './helpers.js';

const FIXTURES = 'test/fixtures/terraform';
const AT = new Date('2026-06-01T00:00:00Z');

async function gate(plan: string): Promise<GateResult[]> {
  const { results, errors } = await check([plan], { at: AT });
  expect(errors).toEqual([]);
  return results;
}

/** Per distribution: the codes of its errors. */
const errorsOf = (results: GateResult[]) =>
  Object.fromEntries(
    results
      .filter((r) => r.subject.kind === 'distribution')
      .map((r) => [r.subject.id, r.findings.filter((f) => f.severity === 'error').map((f) => f.code)]),
  );

describe('a certificate created in the plan, used before it is validated', () => {
  test('straight from aws_acm_certificate.arn: InvalidViewerCertificate, PENDING_VALIDATION', async () => {
    const results = await gate(`${FIXTURES}/unvalidated/plan.json`);
    expect(errorsOf(results)).toEqual({ 'aws_cloudfront_distribution.site': ['CF_CERTIFICATE_NOT_ISSUED'] });
    const f = results[0]!.findings.find((x) => x.code === 'CF_CERTIFICATE_NOT_ISSUED')!;
    expect(f).toMatchObject({
      awsError: 'InvalidViewerCertificate',
      args: {
        status: 'PENDING_VALIDATION',
        certificate: 'tf:aws_acm_certificate.site',
        unvalidatedRequest: 'aws_acm_certificate.site',
      },
    });
    // reported at the distribution's reference to the certificate, where the fix goes
    expect(f.location).toMatchObject({ resource: 'aws_cloudfront_distribution.site' });
    expect(describeFinding(f).fix).toContain('aws_acm_certificate_validation of aws_acm_certificate.site');
  });

  test('through aws_acm_certificate_validation.certificate_arn: passes', async () => {
    const results = await gate(`${FIXTURES}/validated/plan.json`);
    expect(errorsOf(results)).toEqual({ 'aws_cloudfront_distribution.site': [] });
  });

  test('two modules deep, through an output that bypasses the module’s own validation', async () => {
    const results = await gate(`${FIXTURES}/modules-deep/plan.json`);
    expect(errorsOf(results)).toEqual({
      'module.site.module.cdn.aws_cloudfront_distribution.this': ['CF_CERTIFICATE_NOT_ISSUED'],
    });
  });

  test('module instance keys that hold "module." or dots are keys, not module steps', async () => {
    const plan = JSON.parse(readFileSync(`${FIXTURES}/modules-deep/plan.json`, 'utf8'));
    for (const rc of plan.resource_changes) {
      rc.address = rc.address.replace('module.site.', 'module.site["module.x.y"].');
      rc.module_address = rc.module_address.replace('module.site', 'module.site["module.x.y"]');
    }
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const results = await gate(join(dir, 'plan.json'));
    expect(errorsOf(results)).toEqual({
      'module.site["module.x.y"].module.cdn.aws_cloudfront_distribution.this': ['CF_CERTIFICATE_NOT_ISSUED'],
    });
  });

  test('for_each: the validated distributions pass, the ones taking the ARN directly fail', async () => {
    const results = await gate(`${FIXTURES}/for-each/plan.json`);
    expect(errorsOf(results)).toEqual({
      'module.cdn.aws_cloudfront_distribution.preview["a"]': ['CF_CERTIFICATE_NOT_ISSUED'],
      'module.cdn.aws_cloudfront_distribution.preview["b"]': ['CF_CERTIFICATE_NOT_ISSUED'],
      'module.cdn.aws_cloudfront_distribution.this["a"]': [],
      'module.cdn.aws_cloudfront_distribution.this["b"]': [],
    });
    const preview = results.find((r) => r.subject.id.endsWith('preview["a"]'))!;
    expect(preview.findings[0]!.args.certificate).toBe(
      'tf:module.cdn.aws_acm_certificate.this["a"] (before validation)',
    );
  });
});

/** A one-certificate, one-distribution plan with the given configuration pieces. */
function plan(options: {
  certValues?: Record<string, unknown>;
  certUnknown?: Record<string, unknown>;
  actions?: string[];
  arnReferences?: string[];
  dependsOn?: string[];
  extraResources?: Record<string, unknown>[];
  certConfig?: Record<string, unknown>;
}): string {
  const certificate = {
    address: 'aws_acm_certificate.cert',
    mode: 'managed',
    type: 'aws_acm_certificate',
    name: 'cert',
    change: {
      actions: options.actions ?? ['create'],
      after: { domain_name: 'www.example.com', validation_method: 'DNS', ...options.certValues },
      after_unknown: { arn: true, status: true, ...options.certUnknown },
    },
  };
  const distribution = {
    address: 'aws_cloudfront_distribution.cdn',
    mode: 'managed',
    type: 'aws_cloudfront_distribution',
    name: 'cdn',
    change: {
      actions: ['create'],
      after: distributionValues(null),
      after_unknown: { viewer_certificate: [{ acm_certificate_arn: true }] },
    },
  };
  return JSON.stringify({
    format_version: '1.2',
    resource_changes: [certificate, distribution],
    configuration: {
      provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'us-east-1' } } } },
      root_module: {
        resources: [
          {
            address: 'aws_acm_certificate.cert',
            mode: 'managed',
            type: 'aws_acm_certificate',
            name: 'cert',
            expressions: { domain_name: { constant_value: 'www.example.com' }, ...options.certConfig },
          },
          {
            address: 'aws_cloudfront_distribution.cdn',
            mode: 'managed',
            type: 'aws_cloudfront_distribution',
            name: 'cdn',
            expressions: {
              viewer_certificate: [
                {
                  acm_certificate_arn: {
                    references: options.arnReferences ?? [
                      'aws_acm_certificate.cert.arn',
                      'aws_acm_certificate.cert',
                    ],
                  },
                },
              ],
            },
            ...(options.dependsOn ? { depends_on: options.dependsOn } : {}),
          },
          {
            address: 'aws_acm_certificate_validation.cert',
            mode: 'managed',
            type: 'aws_acm_certificate_validation',
            name: 'cert',
            expressions: { certificate_arn: { references: ['aws_acm_certificate.cert.arn'] } },
          },
          ...(options.extraResources ?? []),
        ],
      },
    },
  });
}

async function statusOf(text: string): Promise<string | undefined> {
  const { inputs, errors } = await loadText('plan.json', text);
  expect(errors).toEqual([]);
  expect(inputs.evidence).toHaveLength(1);
  return inputs.evidence[0]!.status;
}

describe('when the certificate counts as pending validation', () => {
  test.each([
    ['a DNS request used directly', {}, 'PENDING_VALIDATION'],
    ['an EMAIL request used directly', { certValues: { validation_method: 'EMAIL' } }, 'PENDING_VALIDATION'],
    [
      'a replaced certificate (create before destroy)',
      { actions: ['create', 'delete'] },
      'PENDING_VALIDATION',
    ],
    [
      'through the validation resource',
      { arnReferences: ['aws_acm_certificate_validation.cert.certificate_arn'] },
      undefined,
    ],
    ['depends_on the validation resource', { dependsOn: ['aws_acm_certificate_validation.cert'] }, undefined],
    [
      'a certificate that already exists (no-op)',
      { actions: ['no-op'], certValues: { status: 'ISSUED' }, certUnknown: { status: false } },
      'ISSUED',
    ],
    [
      'an imported certificate (certificate_body and private_key)',
      {
        certConfig: {
          certificate_body: { references: ['tls_self_signed_cert.c.cert_pem'] },
          private_key: { references: ['tls_private_key.k.private_key_pem'] },
        },
      },
      undefined,
    ],
    [
      'a private CA certificate',
      {
        certValues: {
          certificate_authority_arn: 'arn:aws:acm-pca:us-east-1:111122223333:certificate-authority/x',
        },
      },
      undefined,
    ],
  ] as const)('%s', async (_name, options, want) => {
    expect(await statusOf(plan(options as Parameters<typeof plan>[0]))).toBe(want);
  });

  test('depends_on a module that declares a validation waits; one that does not, does not', async () => {
    const withModule = (declares: boolean) => {
      const p = JSON.parse(plan({ dependsOn: ['module.certs'] }));
      p.configuration.root_module.module_calls = {
        certs: {
          source: './certs',
          module: {
            module_calls: {
              inner: {
                source: './inner',
                module: {
                  resources: declares
                    ? [
                        {
                          address: 'aws_acm_certificate_validation.v',
                          mode: 'managed',
                          type: 'aws_acm_certificate_validation',
                          name: 'v',
                        },
                      ]
                    : [],
                },
              },
            },
          },
        },
      };
      return JSON.stringify(p);
    };
    expect(await statusOf(withModule(true))).toBeUndefined();
    expect(await statusOf(withModule(false))).toBe('PENDING_VALIDATION');
  });

  test('an output with depends_on on the validation makes its readers wait', async () => {
    const p = JSON.parse(plan({ arnReferences: ['module.cert.arn'] }));
    const root = p.configuration.root_module;
    const [cert, , validation] = root.resources;
    root.resources = [root.resources[1]];
    root.module_calls = {
      cert: {
        source: './cert',
        module: {
          resources: [cert, validation],
          outputs: {
            arn: {
              expression: { references: ['aws_acm_certificate.cert.arn'] },
              depends_on: ['aws_acm_certificate_validation.cert'],
            },
          },
        },
      },
    };
    p.resource_changes[0].address = 'module.cert.aws_acm_certificate.cert';
    expect(await statusOf(JSON.stringify(p))).toBeUndefined();
    p.configuration.root_module.module_calls.cert.module.outputs.arn.depends_on = [];
    expect(await statusOf(JSON.stringify(p))).toBe('PENDING_VALIDATION');
  });
});

describe('a tenant with its own certificate, created in the same plan', () => {
  /** A multi-tenant distribution on an issued certificate, and a tenant on a certificate the plan requests. */
  function tenantPlan(arnReferences: string[]): string {
    const p = JSON.parse(plan({}));
    const [certificate] = p.resource_changes;
    const arn = 'arn:aws:acm:us-east-1:111122223333:certificate/aaaaaaaa-1111-4222-8333-444444444444';
    p.resource_changes = [
      certificate,
      {
        address: 'aws_cloudfront_multitenant_distribution.saas',
        mode: 'managed',
        type: 'aws_cloudfront_multitenant_distribution',
        name: 'saas',
        change: {
          actions: ['create'],
          after: {
            viewer_certificate: [
              {
                acm_certificate_arn: arn,
                minimum_protocol_version: 'TLSv1.2_2021',
                ssl_support_method: 'sni-only',
              },
            ],
          },
          after_unknown: {},
        },
      },
      {
        address: 'aws_cloudfront_distribution_tenant.shop',
        mode: 'managed',
        type: 'aws_cloudfront_distribution_tenant',
        name: 'shop',
        change: {
          actions: ['create'],
          after: { domain: [{ domain: 'www.example.com' }], customizations: [{ certificate: [{}] }] },
          after_unknown: { distribution_id: true, customizations: [{ certificate: [{ arn: true }] }] },
        },
      },
    ];
    const root = p.configuration.root_module;
    root.resources = [
      root.resources[0],
      root.resources[2],
      {
        address: 'aws_cloudfront_distribution_tenant.shop',
        mode: 'managed',
        type: 'aws_cloudfront_distribution_tenant',
        name: 'shop',
        expressions: {
          distribution_id: { references: ['aws_cloudfront_multitenant_distribution.saas.id'] },
          customizations: [{ certificate: [{ arn: { references: arnReferences } }] }],
        },
      },
    ];
    return JSON.stringify(p);
  }

  const tenantErrors = async (text: string) => {
    const dir = tempDir();
    const file = join(dir, 'plan.json');
    writeFileSync(file, text);
    const { results, errors } = await check([file], {
      at: AT,
      certs: [join('test/fixtures/tenants', 'acm-wildcard.json')],
    });
    expect(errors).toEqual([]);
    const tenant = results.find((r) => r.subject.kind === 'tenant');
    return tenant?.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.args.status]);
  };

  test('straight from aws_acm_certificate.arn: the tenant meets it PENDING_VALIDATION', async () => {
    expect(
      await tenantErrors(tenantPlan(['aws_acm_certificate.cert.arn', 'aws_acm_certificate.cert'])),
    ).toEqual([['CF_CERTIFICATE_NOT_ISSUED', 'PENDING_VALIDATION']]);
  });

  test('through aws_acm_certificate_validation: no finding', async () => {
    expect(await tenantErrors(tenantPlan(['aws_acm_certificate_validation.cert.certificate_arn']))).toEqual(
      [],
    );
  });
});
