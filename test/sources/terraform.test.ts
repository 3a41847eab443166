import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { distributionValues, validationChain } from '../support/terraform-plan.js';
import { load, loadText, positionOf, where } from './helpers.js';

const PLAN = 'examples/cloudfront/plan.json';

describe('Terraform plan JSON (examples/cloudfront/plan.json)', () => {
  test('the distribution, with the certificate ARN known after apply linked to the planned certificate', async () => {
    const text = readFileSync(PLAN, 'utf8');
    const { inputs, errors } = await load([PLAN]);
    expect(errors).toEqual([]);
    const d = inputs.distributions[0]!;
    expect(d).toMatchObject({
      id: 'aws_cloudfront_distribution.site',
      format: 'terraform',
      certificateResource: 'tf:aws_acm_certificate.cert',
    });
    expect(d.aliases.map((a) => a.value)).toEqual(['www.example.com', 'api.example.com']);
    expect(where(d.aliases[1]!.location)).toEqual(positionOf(text, '"api.example.com"', 1));
    const vc = d.viewerCertificate!;
    expect(vc.acmCertificateArn!.value).toMatchObject({
      unresolved: true,
      reason:
        'viewer_certificate.acm_certificate_arn is known after apply (the ARN of aws_acm_certificate.cert)',
    });
    expect(vc.acmCertificateArn!.location.path).toEqual([
      'resource_changes',
      2,
      'change',
      'after_unknown',
      'viewer_certificate',
      0,
      'acm_certificate_arn',
    ]);
    const key = positionOf(text, '"acm_certificate_arn": true');
    expect(where(vc.acmCertificateArn!.location)).toEqual({
      line: key.line,
      column: key.column + '"acm_certificate_arn": '.length,
    });
    expect(vc.sslSupportMethod?.value).toBe('sni-only');
    expect(vc.minimumProtocolVersion?.value).toBe('TLSv1.2_2021');
    expect(vc.cloudFrontDefaultCertificate?.value).toBe(false);
    expect(vc.iamCertificateId).toBeUndefined();
    expect(d.httpVersion?.value).toBe('http2and3');
    expect(inputs.sourceFindings).toEqual([]);
  });

  test('the planned certificate is evidence, in the provider region', async () => {
    const { inputs } = await load([PLAN]);
    expect(inputs.evidence).toEqual([
      expect.objectContaining({
        key: 'tf:aws_acm_certificate.cert',
        kind: 'tf-resource',
        region: 'us-east-1',
        domainName: 'example.com',
        subjectAlternativeNames: ['example.com', '*.example.com'],
        keyAlgorithm: 'RSA_2048',
        validationMethod: 'DNS',
        type: 'AMAZON_ISSUED',
      }),
    ]);
    expect(inputs.evidence[0]!.status).toBeUndefined();
    const bad = await load(['examples/cloudfront/plan-bad-region.json']);
    expect(bad.inputs.evidence[0]!.region).toBe('eu-west-1');
  });

  test('an unsupported format_version is a load error', async () => {
    const { errors, inputs } = await loadText('p.json', '{"format_version": "2.0", "planned_values": {}}');
    expect(inputs.distributions).toEqual([]);
    expect(errors[0]!.message).toMatch(
      /p\.json: unsupported terraform plan format_version "2\.0" \(expected 1\.x\)$/,
    );
  });
});

/** A plan built from parts: resource changes and a configuration. */
function plan(changes: unknown[], configuration: unknown = {}, extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    { format_version: '1.2', resource_changes: changes, configuration, ...extra },
    null,
    1,
  );
}

function change(
  address: string,
  after: unknown,
  afterUnknown: unknown = {},
  extra: Record<string, unknown> = {},
) {
  const [type, name] = address.replace(/^(module\.[^.]+\.)+/, '').split('.') as [string, string];
  return {
    address,
    mode: 'managed',
    type,
    name: name.replace(/\[.*$/, ''),
    change: { actions: ['create'], after, after_unknown: afterUnknown },
    ...extra,
  };
}

const distributionAfter = (arn?: string) => ({
  aliases: ['a.example.com'],
  viewer_certificate: [
    {
      acm_certificate_arn: arn ?? null,
      cloudfront_default_certificate: false,
      iam_certificate_id: '',
      ssl_support_method: 'sni-only',
      minimum_protocol_version: 'TLSv1.2_2021',
    },
  ],
});

describe('Terraform: what is known after apply', () => {
  test('an unknown ARN with no configuration link is Unresolved and reported', async () => {
    const text = plan([
      change('aws_cloudfront_distribution.d', distributionAfter(), {
        viewer_certificate: [{ acm_certificate_arn: true }],
      }),
    ]);
    const { inputs } = await loadText('p.json', text);
    const d = inputs.distributions[0]!;
    expect(d.certificateResource).toBeUndefined();
    expect(d.viewerCertificate!.acmCertificateArn!.value).toMatchObject({
      reason: 'viewer_certificate.acm_certificate_arn is known after apply',
    });
    expect(d.viewerCertificate!.iamCertificateId).toBeUndefined();
    expect(inputs.sourceFindings.map((f) => [f.distributionId, f.finding.args.field])).toEqual([
      ['aws_cloudfront_distribution.d', 'viewer_certificate.acm_certificate_arn'],
    ]);
  });

  test('unknown aliases', async () => {
    const text = plan([
      change('aws_cloudfront_distribution.d', { viewer_certificate: [] }, { aliases: true }),
    ]);
    const { inputs } = await loadText('p.json', text);
    const d = inputs.distributions[0]!;
    expect(d.aliasesUnresolved).toMatchObject({
      reason: 'aliases is known after apply',
      location: { path: ['resource_changes', 0, 'change', 'after_unknown', 'aliases'] },
    });
    expect(d.viewerCertificate).toBeUndefined();
  });

  test('a known ARN is a plain value', async () => {
    const arn = 'arn:aws:acm:us-east-1:111122223333:certificate/abc';
    const { inputs } = await loadText(
      'p.json',
      plan([change('aws_cloudfront_distribution.d', distributionAfter(arn))]),
    );
    expect(inputs.distributions[0]!.viewerCertificate!.acmCertificateArn!.value).toBe(arn);
    expect(inputs.sourceFindings).toEqual([]);
  });

  test('deleted resources are not checked', async () => {
    const deleted = {
      ...change('aws_cloudfront_distribution.d', distributionAfter()),
      change: { actions: ['delete'], after: null },
    };
    const { inputs } = await loadText('p.json', plan([deleted]));
    expect(inputs.distributions).toEqual([]);
  });

  test('planned_values are read when there are no resource_changes', async () => {
    const text = JSON.stringify({
      format_version: '1.0',
      planned_values: {
        root_module: {
          resources: [],
          child_modules: [
            {
              address: 'module.cdn',
              resources: [
                {
                  address: 'module.cdn.aws_cloudfront_distribution.this',
                  mode: 'managed',
                  type: 'aws_cloudfront_distribution',
                  name: 'this',
                  values: distributionAfter('arn:aws:acm:us-east-1:111122223333:certificate/x'),
                },
              ],
            },
          ],
        },
      },
    });
    const { inputs } = await loadText('p.json', text);
    const d = inputs.distributions[0]!;
    expect(d.id).toBe('module.cdn.aws_cloudfront_distribution.this');
    expect(d.aliases[0]!.location.path).toEqual([
      'planned_values',
      'root_module',
      'child_modules',
      0,
      'resources',
      0,
      'values',
      'aliases',
      0,
    ]);
  });
});

describe('Terraform: following configuration references', () => {
  const certAfter = {
    domain_name: 'example.com',
    subject_alternative_names: ['*.example.com'],
    validation_method: 'DNS',
    key_algorithm: 'EC_prime256v1',
  };
  const certUnknown = { arn: true, status: true };
  const dUnknown = { viewer_certificate: [{ acm_certificate_arn: true }] };
  const arnRef = (...refs: string[]) => ({
    viewer_certificate: [{ acm_certificate_arn: { references: refs } }],
  });

  test('through a module output, with an aliased provider in the module', async () => {
    const configuration = {
      provider_config: {
        aws: { name: 'aws', expressions: { region: { constant_value: 'eu-west-1' } } },
        'aws.us_east_1': {
          name: 'aws',
          alias: 'us_east_1',
          expressions: { region: { constant_value: 'us-east-1' } },
        },
      },
      root_module: {
        resources: [
          {
            address: 'aws_cloudfront_distribution.site',
            mode: 'managed',
            type: 'aws_cloudfront_distribution',
            name: 'site',
            provider_config_key: 'aws',
            expressions: arnRef('module.certs.arn', 'module.certs'),
          },
        ],
        module_calls: {
          certs: {
            source: './certs',
            module: {
              outputs: {
                arn: {
                  expression: { references: ['aws_acm_certificate.this.arn', 'aws_acm_certificate.this'] },
                },
              },
              resources: [
                {
                  address: 'aws_acm_certificate.this',
                  mode: 'managed',
                  type: 'aws_acm_certificate',
                  name: 'this',
                  provider_config_key: 'module.certs:aws.us_east_1',
                  expressions: {
                    domain_name: { constant_value: 'example.com' },
                    subject_alternative_names: { constant_value: ['*.example.com'] },
                  },
                },
              ],
            },
          },
        },
      },
    };
    const text = plan(
      [
        change('module.certs.aws_acm_certificate.this', certAfter, certUnknown, {
          module_address: 'module.certs',
        }),
        change('aws_cloudfront_distribution.site', distributionAfter(), dUnknown),
      ],
      configuration,
    );
    const { inputs } = await loadText('p.json', text);
    expect(inputs.distributions[0]!.certificateResource).toBe('tf:module.certs.aws_acm_certificate.this');
    expect(inputs.evidence[0]).toMatchObject({
      key: 'tf:module.certs.aws_acm_certificate.this',
      region: 'us-east-1',
      keyAlgorithm: 'EC_prime256v1',
    });
    expect(inputs.sourceFindings).toEqual([]);
  });

  test('count instances, and a region from a root variable', async () => {
    const configuration = {
      provider_config: { aws: { name: 'aws', expressions: { region: { references: ['var.region'] } } } },
      root_module: {
        resources: [
          {
            address: 'aws_cloudfront_distribution.site',
            mode: 'managed',
            type: 'aws_cloudfront_distribution',
            name: 'site',
            provider_config_key: 'aws',
            expressions: arnRef(
              'aws_acm_certificate.cert[1].arn',
              'aws_acm_certificate.cert[1]',
              'aws_acm_certificate.cert',
            ),
          },
          {
            address: 'aws_acm_certificate.cert',
            mode: 'managed',
            type: 'aws_acm_certificate',
            name: 'cert',
            provider_config_key: 'aws',
            expressions: {},
          },
        ],
      },
    };
    const text = plan(
      [
        change('aws_acm_certificate.cert[0]', certAfter, certUnknown, { index: 0 }),
        change(
          'aws_acm_certificate.cert[1]',
          { ...certAfter, domain_name: 'example.org', subject_alternative_names: [] },
          { ...certUnknown, subject_alternative_names: true },
          { index: 1 },
        ),
        change('aws_cloudfront_distribution.site', distributionAfter(), dUnknown),
      ],
      configuration,
      { variables: { region: { value: 'us-east-1' } } },
    );
    const { inputs } = await loadText('p.json', text);
    expect(inputs.distributions[0]!.certificateResource).toBe('tf:aws_acm_certificate.cert[1]');
    const second = inputs.evidence.find((e) => e.key === 'tf:aws_acm_certificate.cert[1]')!;
    // subject_alternative_names is not in the configuration: ACM's list is the domain name alone
    expect(second).toMatchObject({
      region: 'us-east-1',
      subjectAlternativeNames: ['example.org'],
      keyAlgorithm: 'EC_prime256v1',
    });
  });

  test('configured SANs that are known only after apply', async () => {
    const configuration = {
      root_module: {
        resources: [
          {
            address: 'aws_cloudfront_distribution.site',
            mode: 'managed',
            type: 'aws_cloudfront_distribution',
            name: 'site',
            expressions: arnRef('aws_acm_certificate.cert.arn'),
          },
          {
            address: 'aws_acm_certificate.cert',
            mode: 'managed',
            type: 'aws_acm_certificate',
            name: 'cert',
            expressions: { subject_alternative_names: { references: ['var.names'] } },
          },
        ],
      },
    };
    const text = plan(
      [
        change(
          'aws_acm_certificate.cert',
          { domain_name: 'example.com' },
          { subject_alternative_names: true },
        ),
        change('aws_cloudfront_distribution.site', distributionAfter(), dUnknown),
      ],
      configuration,
    );
    const { inputs } = await loadText('p.json', text);
    expect(inputs.evidence[0]!.region).toBeUndefined();
    expect(inputs.evidence[0]).toMatchObject({
      subjectAlternativeNames: {
        unresolved: true,
        reason: 'subject_alternative_names of aws_acm_certificate.cert is known after apply',
      },
    });
  });
});

describe('Terraform: nothing of a wanted type is skipped quietly', () => {
  const notExamined = (r: Awaited<ReturnType<typeof loadText>>) =>
    r.inputs.sourceFindings
      .filter((f) => f.finding.code === 'INPUT_NOT_EXAMINED')
      .map((f) => [f.distributionId, f.finding.severity, f.finding.args.part, f.finding.args.reason]);

  test('a change that is no deletion but has no planned values is an error finding', async () => {
    const broken = {
      ...change('aws_cloudfront_distribution.d', null),
      change: { actions: ['update'], after: null },
    };
    const forgotten = {
      ...change('aws_cloudfront_distribution.f', null),
      change: { actions: ['forget'], after: null },
    };
    const r = await loadText('p.json', plan([broken, forgotten]));
    expect(r.inputs.distributions).toEqual([]);
    expect(notExamined(r)).toEqual([
      [
        undefined,
        'error',
        'aws_cloudfront_distribution.d',
        'change.after is not an object, and the actions do not delete it',
      ],
    ]);
  });

  test('aliases that are not a list of names, and empty names, are error findings on the distribution', async () => {
    const r = await loadText(
      'p.json',
      plan([
        change('aws_cloudfront_distribution.a', { ...distributionAfter(), aliases: 'www.example.com' }),
        change('aws_cloudfront_distribution.b', { ...distributionAfter(), aliases: ['x.example.com', null] }),
      ]),
    );
    expect(notExamined(r)).toEqual([
      [
        'aws_cloudfront_distribution.a',
        'error',
        'aliases of aws_cloudfront_distribution.a',
        'the value is not a list of names',
      ],
      [
        'aws_cloudfront_distribution.b',
        'error',
        'aliases[1] of aws_cloudfront_distribution.b',
        'the name is empty or null',
      ],
    ]);
  });

  test('planned_values modules deeper than the limit are reported with their address; shallower ones are read', async () => {
    const { MAX_MODULE_DEPTH } = await import('../../src/sources/terraform-instances.js');
    const nest = (depth: number) => {
      const address = Array.from({ length: depth }, (_, i) => `module.m${i}`).join('.');
      let m: Record<string, unknown> = {
        address,
        resources: [
          {
            address: `${address}.aws_cloudfront_distribution.d`,
            mode: 'managed',
            type: 'aws_cloudfront_distribution',
            name: 'd',
            values: distributionAfter('arn:aws:acm:us-east-1:111122223333:certificate/x'),
          },
        ],
      };
      for (let d = depth - 1; d >= 1; d--)
        m = { address: Array.from({ length: d }, (_, i) => `module.m${i}`).join('.'), child_modules: [m] };
      return m;
    };
    const text = JSON.stringify({
      format_version: '1.0',
      planned_values: {
        root_module: { child_modules: [nest(MAX_MODULE_DEPTH), nest(MAX_MODULE_DEPTH + 1)] },
      },
    });
    const r = await loadText('p.json', text);
    expect(r.inputs.distributions.map((d) => d.id.split('.').length)).toEqual([2 * MAX_MODULE_DEPTH + 2]);
    const [skipped] = notExamined(r);
    expect(skipped![2]).toBe(
      `module ${Array.from({ length: MAX_MODULE_DEPTH + 1 }, (_, i) => `module.m${i}`).join('.')}`,
    );
  });

  test('a long chain of validation resources is followed once for every distribution that uses it', async () => {
    const length = 200;
    const resources: unknown[] = validationChain(length);
    const changes: unknown[] = [
      change('aws_acm_certificate.cert', { domain_name: 'a.example.com' }, { arn: true }),
    ];
    for (let d = 0; d < 50; d++) {
      resources.push({
        address: `aws_cloudfront_distribution.d${d}`,
        mode: 'managed',
        type: 'aws_cloudfront_distribution',
        name: `d${d}`,
        expressions: {
          viewer_certificate: [
            { acm_certificate_arn: { references: ['aws_acm_certificate_validation.v0.certificate_arn'] } },
          ],
        },
      });
      changes.push(
        change(`aws_cloudfront_distribution.d${d}`, distributionAfter(), {
          viewer_certificate: [{ acm_certificate_arn: true }],
        }),
      );
    }
    const r = await loadText('p.json', plan(changes, { root_module: { resources } }));
    expect(r.inputs.distributions).toHaveLength(50);
    for (const d of r.inputs.distributions) expect(d.certificateResource).toBe('tf:aws_acm_certificate.cert');
    expect(notExamined(r)).toEqual([]);
  });
});

describe('the deployed distribution a plan updates', () => {
  const planWith = (actions: string[], id: unknown) =>
    JSON.stringify({
      format_version: '1.2',
      resource_changes: [
        {
          address: 'aws_cloudfront_distribution.cdn',
          mode: 'managed',
          type: 'aws_cloudfront_distribution',
          name: 'cdn',
          change: {
            actions,
            after: { ...distributionValues('arn:aws:acm:us-east-1:111122223333:certificate/abc'), id },
            after_unknown: {},
          },
        },
      ],
    });

  test('an update in place knows the distribution id: the gate can tell the account copy is itself', async () => {
    const { inputs } = await loadText('plan.json', planWith(['update'], 'E2QWRUHAPOMQZL'));
    expect(inputs.distributions[0]!.deployedId).toBe('E2QWRUHAPOMQZL');
  });

  test('a create (or a replace) has no deployed id yet', async () => {
    for (const actions of [['create'], ['delete', 'create']]) {
      const { inputs } = await loadText('plan.json', planWith(actions, null));
      expect(inputs.distributions[0]!.deployedId).toBeUndefined();
    }
  });
});
