import { describe } from 'vitest';
import {
  ARN,
  acmEvidence,
  defaultCertDistribution,
  distribution,
  pemEvidence,
} from '../../check/builders.js';
import { table, warn } from './table.js';

const d = distribution;

describe('W-01 CF_DEFAULT_CERTIFICATE', () => {
  table('CF_DEFAULT_CERTIFICATE', [
    { name: 'default certificate, no aliases', d: defaultCertDistribution(), want: [warn()] },
    {
      name: 'a multi-tenant distribution (its tenants bring the certificates)',
      d: defaultCertDistribution({ viewer: false, connectionMode: 'tenant-only' }),
      want: [],
    },
    {
      name: 'with an ignored policy: says MS-01 too, at the policy',
      d: defaultCertDistribution({ policy: 'TLSv1.2_2021' }),
      want: [
        {
          ...warn({ policy: 'TLSv1.2_2021', effective: 'TLSv1' }),
          location: {
            source: 'dist.json',
            path: ['DistributionConfig', 'ViewerCertificate', 'MinimumProtocolVersion'],
          },
        },
      ],
    },
    { name: 'no ViewerCertificate block, no aliases', d: d({ viewer: false, aliases: [] }), want: [warn()] },
    {
      name: 'with aliases: CF-01 instead',
      d: defaultCertDistribution({ aliases: ['www.example.com'] }),
      want: [],
    },
    {
      name: 'alias list unresolved',
      d: defaultCertDistribution({ aliasesUnresolved: '!Ref Aliases' }),
      want: [],
    },
    { name: 'custom certificate', d: d(), want: [] },
  ]);
});

describe('W-02 CF_DEDICATED_IP', () => {
  table('CF_DEDICATED_IP', [
    { name: 'vip', d: d({ ssl: 'vip', policy: 'TLSv1' }), want: [warn()] },
    {
      name: 'vip echoed on the default certificate: served over SNI, no dedicated IP',
      d: defaultCertDistribution({ ssl: 'vip', policy: 'TLSv1', certificateSource: 'cloudfront' }),
      want: [],
    },
    { name: 'sni-only', d: d(), want: [] },
  ]);
});

describe('W-03 CF_WEAK_SECURITY_POLICY', () => {
  table('CF_WEAK_SECURITY_POLICY', [
    {
      name: 'TLSv1.2_2019',
      d: d({ policy: 'TLSv1.2_2019' }),
      want: [warn({ policy: 'TLSv1.2_2019', recommended: 'TLSv1.2_2021' })],
    },
    { name: 'TLSv1', d: d({ policy: 'TLSv1' }), want: [warn({ policy: 'TLSv1' })] },
    { name: 'TLSv1.2_2021', d: d(), want: [] },
    { name: 'TLSv1.3_2025', d: d({ policy: 'TLSv1.3_2025' }), want: [] },
    { name: 'default certificate (MS-01/W-01)', d: defaultCertDistribution({ policy: 'TLSv1' }), want: [] },
    { name: 'not an enum value (CF-19)', d: d({ policy: 'TLSv1.0' }), want: [] },
  ]);
});

describe('W-04 CF_WEAK_RSA_KEY', () => {
  table('CF_WEAK_RSA_KEY', [
    {
      name: 'RSA_1024',
      d: d(),
      evidence: [acmEvidence({ keyAlgorithm: 'RSA_1024' })],
      want: [warn({ keyAlgorithm: 'RSA_1024', certificate: ARN })],
    },
    {
      name: 'RSA-1024 (CLI spelling)',
      d: d(),
      evidence: [acmEvidence({ keyAlgorithm: 'RSA-1024' })],
      want: [warn()],
    },
    { name: 'RSA_2048', d: d(), want: [] },
    { name: 'EC_prime256v1', d: d(), evidence: [acmEvidence({ keyAlgorithm: 'EC_prime256v1' })], want: [] },
  ]);
});

describe('W-05 CF_CERTIFICATE_EXPIRES_SOON', () => {
  table('CF_CERTIFICATE_EXPIRES_SOON', [
    {
      name: 'ACM-issued, 20 days left',
      d: d(),
      evidence: [acmEvidence({ notAfter: new Date('2026-06-21T00:00:00Z') })],
      want: [warn({ daysLeft: 20, warnDays: 30, notAfter: '2026-06-21T00:00:00Z', type: 'AMAZON_ISSUED' })],
    },
    {
      name: 'PEM evidence without a type',
      d: d(),
      evidence: [{ ...pemEvidence(ARN, []), notAfter: new Date('2026-06-05T00:00:00Z') }],
      want: [warn({ daysLeft: 4 })],
    },
    { name: 'outside the window', d: d(), want: [] },
    {
      name: 'window from --warn-days',
      d: d(),
      evidence: [acmEvidence({ notAfter: new Date('2026-06-21') })],
      options: { warnDays: 14 },
      want: [],
    },
    {
      name: 'expired (CF-05)',
      d: d(),
      evidence: [acmEvidence({ notAfter: new Date('2026-05-21') })],
      want: [],
    },
    {
      name: 'imported (MS-05)',
      d: d(),
      evidence: [acmEvidence({ type: 'IMPORTED', notAfter: new Date('2026-06-21') })],
      want: [],
    },
  ]);
});
