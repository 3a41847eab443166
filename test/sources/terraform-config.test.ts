/**
 * TerraformConfig's fallbacks where the plan's configuration says less than the .tf: a dynamic
 * viewer_certificate block (left out of the configuration) takes the one certificate its module is
 * given; a validation resource the plan makes no instance of (count = 0) is not a wait.
 */

import { describe, expect, test } from 'vitest';
import { TerraformConfig } from '../../src/sources/terraform-config.js';

const call = (expressions: Record<string, unknown>, inner: Record<string, unknown> = {}) => ({
  configuration: {
    root_module: {
      resources: [
        { address: 'aws_acm_certificate.a', mode: 'managed', type: 'aws_acm_certificate', name: 'a' },
      ],
      module_calls: { cdn: { source: './cdn', expressions, module: inner } },
    },
  },
});

describe('onlyCertificateGivenTo', () => {
  test('the certificate inside an object argument', () => {
    const config = new TerraformConfig(
      call({ viewer_certificate: { acm_certificate_arn: { references: ['aws_acm_certificate.a.arn'] } } }),
    );
    expect(config.onlyCertificateGivenTo(['cdn'])).toMatchObject({ modulePath: [], name: 'a' });
  });

  test('two certificates given: not guessed', () => {
    const config = new TerraformConfig(
      call({
        primary: { references: ['aws_acm_certificate.a.arn'] },
        secondary: { references: ['aws_acm_certificate.b.arn'] },
      }),
    );
    expect(config.onlyCertificateGivenTo(['cdn'])).toBeUndefined();
  });

  test('the root module is given nothing', () => {
    expect(new TerraformConfig(call({})).onlyCertificateGivenTo([])).toBeUndefined();
  });
});

describe('a validation with count', () => {
  const plan = (planned: boolean) => ({
    resource_changes: planned
      ? [
          {
            address: 'aws_acm_certificate_validation.v[0]',
            type: 'aws_acm_certificate_validation',
            name: 'v',
            change: { actions: ['create'] },
          },
        ]
      : [],
    configuration: {
      root_module: {
        resources: [
          {
            address: 'aws_acm_certificate_validation.v',
            mode: 'managed',
            type: 'aws_acm_certificate_validation',
            name: 'v',
            count_expression: { references: ['var.wait'] },
            expressions: { certificate_arn: { references: ['aws_acm_certificate.a.arn'] } },
          },
        ],
      },
    },
  });
  const arn = {
    references: ['aws_acm_certificate_validation.v[0].certificate_arn', 'aws_acm_certificate.a.arn'],
  };

  test('planned: the expression waits for the validation', () => {
    expect(new TerraformConfig(plan(true)).certificateFor([], arn)).toMatchObject({
      name: 'a',
      validated: true,
    });
  });

  test('count = 0: try() falls back to the certificate itself, which does not wait', () => {
    const target = new TerraformConfig(plan(false)).certificateFor([], arn);
    expect(target).toMatchObject({ name: 'a' });
    expect((target as { validated?: boolean }).validated).toBeUndefined();
  });
});
