import { describe, expect, test } from 'vitest';
import {
  ARN,
  acmEvidence,
  defaultCertDistribution,
  distribution,
  pemEvidence,
  unresolved,
} from '../../check/builders.js';
import { note, reject, run, table, warn } from './table.js';

const d = distribution;
const key = (keyAlgorithm: string) => [acmEvidence({ keyAlgorithm })];

describe('CF-11 CF_KEY_TYPE_UNSUPPORTED', () => {
  table('CF_KEY_TYPE_UNSUPPORTED', [
    {
      name: 'ECDSA P-384',
      d: d(),
      evidence: key('EC_secp384r1'),
      want: [reject('InvalidViewerCertificate', { keyAlgorithm: 'EC_secp384r1', certainty: 'unconfirmed' })],
    },
    {
      name: 'ECDSA P-521, CLI hyphen spelling',
      d: d(),
      evidence: key('EC-secp521r1'),
      want: [reject('InvalidViewerCertificate', { keyAlgorithm: 'EC_secp521r1' })],
    },
    {
      name: 'RSA 8192 from a PEM',
      d: d(),
      evidence: [{ ...pemEvidence(ARN, []), keyAlgorithm: 'RSA_8192' }],
      want: [reject('InvalidViewerCertificate')],
    },
    { name: 'RSA 2048', d: d(), want: [] },
    { name: 'RSA-4096 (hyphen)', d: d(), evidence: key('RSA-4096'), want: [] },
    { name: 'P-256', d: d(), evidence: key('EC_prime256v1'), want: [] },
    { name: 'RSA 1024 (W-04 warns)', d: d(), evidence: key('RSA_1024'), want: [] },
  ]);
});

describe('CF-17 CF_SNI_WITH_SSLV3', () => {
  table('CF_SNI_WITH_SSLV3', [
    {
      name: 'sni-only + SSLv3',
      d: d({ policy: 'SSLv3' }),
      want: [reject('InvalidProtocolSettings', { policy: 'SSLv3' })],
    },
    { name: 'sni-only + TLSv1', d: d({ policy: 'TLSv1' }), want: [] },
    { name: 'vip + SSLv3', d: d({ ssl: 'vip', policy: 'SSLv3' }), want: [] },
    { name: 'policy unresolved', d: d({ policy: unresolved() }), want: [] },
  ]);
});

describe('CF-18 CF_VIP_POLICY_NOT_ALLOWED', () => {
  table('CF_VIP_POLICY_NOT_ALLOWED', [
    {
      name: 'vip + TLSv1.2_2021',
      d: d({ ssl: 'vip' }),
      want: [
        reject('InvalidMinimumProtocolVersion', {
          policy: 'TLSv1.2_2021',
          allowed: ['SSLv3', 'TLSv1'],
          certainty: 'unconfirmed',
        }),
      ],
    },
    {
      name: 'vip + TLSv1_2016',
      d: d({ ssl: 'vip', policy: 'TLSv1_2016' }),
      want: [reject('InvalidMinimumProtocolVersion')],
    },
    { name: 'vip + TLSv1', d: d({ ssl: 'vip', policy: 'TLSv1' }), want: [] },
    { name: 'vip + SSLv3', d: d({ ssl: 'vip', policy: 'SSLv3' }), want: [] },
    { name: 'vip + not an enum value (CF-19)', d: d({ ssl: 'vip', policy: 'TLSv1.2' }), want: [] },
    { name: 'sni-only + TLSv1.2_2021', d: d(), want: [] },
  ]);
});

describe('CF-19 CF_INVALID_ENUM_VALUE', () => {
  table('CF_INVALID_ENUM_VALUE', [
    {
      name: 'TLSv1.2',
      d: d({ policy: 'TLSv1.2' }),
      want: [
        reject('MalformedXML', {
          field: 'ViewerCertificate.MinimumProtocolVersion',
          value: 'TLSv1.2',
          suggestion: 'TLSv1.2_2021',
        }),
      ],
    },
    { name: 'TLSv1.0', d: d({ policy: 'TLSv1.0' }), want: [reject('MalformedXML', { suggestion: 'TLSv1' })] },
    {
      name: 'wrong case',
      d: d({ policy: 'tlsv1.2_2021' }),
      want: [reject('MalformedXML', { suggestion: 'TLSv1.2_2021' })],
    },
    {
      name: 'SSLSupportMethod sni',
      d: d({ ssl: 'sni' }),
      want: [
        reject('MalformedXML', {
          field: 'ViewerCertificate.SSLSupportMethod',
          value: 'sni',
          suggestion: 'sni-only',
        }),
      ],
    },
    {
      name: 'both wrong',
      d: d({ ssl: 'SNI', policy: 'TLS1.2' }),
      want: [reject('MalformedXML'), reject('MalformedXML')],
    },
    { name: 'every enum value is accepted', d: d({ policy: 'TLSv1.3_2025' }), want: [] },
    { name: 'TLSv1_2016 (underscore)', d: d({ policy: 'TLSv1_2016' }), want: [] },
  ]);
});

describe('CF-20 CF_SSL_SUPPORT_METHOD_MISSING', () => {
  table('CF_SSL_SUPPORT_METHOD_MISSING', [
    {
      name: 'ACM certificate without SSLSupportMethod',
      d: d({ ssl: null }),
      want: [reject(undefined, { certificate: ARN, certainty: 'unconfirmed' })],
    },
    {
      name: 'IAM certificate without it',
      d: d({ arn: null, iam: 'ASCAEXAMPLEEXAMPLE12', ssl: null }),
      evidence: [],
      want: [reject(undefined)],
    },
    { name: 'set', d: d(), want: [] },
    { name: 'default certificate', d: defaultCertDistribution(), want: [] },
  ]);
});

describe('CF-21 CF_STATIC_IP_NOT_ENABLED', () => {
  table('CF_STATIC_IP_NOT_ENABLED', [
    { name: 'static-ip', d: d({ ssl: 'static-ip' }), want: [warn({ certainty: 'unconfirmed' })] },
    { name: 'sni-only', d: d(), want: [] },
  ]);
});

describe('MS-01 CF_DEFAULT_CERT_POLICY_IGNORED', () => {
  table('CF_DEFAULT_CERT_POLICY_IGNORED', [
    {
      name: 'default cert + TLSv1.2_2021, alias list unresolved (no W-01)',
      d: defaultCertDistribution({ policy: 'TLSv1.2_2021', aliasesUnresolved: '!Ref Aliases' }),
      want: [warn({ policy: 'TLSv1.2_2021', effective: 'TLSv1' })],
    },
    // one finding per fact: W-01 says the default certificate forces TLSv1, naming the policy
    {
      name: 'default cert + TLSv1.2_2021, no aliases: said by CF_DEFAULT_CERTIFICATE',
      d: defaultCertDistribution({ policy: 'TLSv1.2_2021' }),
      want: [],
    },
    { name: 'default cert + TLSv1', d: defaultCertDistribution({ policy: 'TLSv1' }), want: [] },
    { name: 'default cert, no policy', d: defaultCertDistribution(), want: [] },
    { name: 'custom certificate', d: d(), want: [] },
  ]);
});

describe('MS-08 CF_NON_SNI_CLIENTS', () => {
  table('CF_NON_SNI_CLIENTS', [
    { name: 'sni-only + TLSv1', d: d({ policy: 'TLSv1' }), want: [note({ policy: 'TLSv1' })] },
    { name: 'sni-only + TLSv1_2016', d: d({ policy: 'TLSv1_2016' }), want: [note()] },
    { name: 'sni-only + TLSv1.2_2021', d: d(), want: [] },
    { name: 'vip + TLSv1', d: d({ ssl: 'vip', policy: 'TLSv1' }), want: [] },
    // refused outright (CF_SNI_WITH_SSLV3): no note about legacy clients on top
    { name: 'sni-only + SSLv3', d: d({ policy: 'SSLv3' }), want: [] },
  ]);
});

describe('MS-09 CF_SHARED_CERTIFICATE_HTTP_VERSION', () => {
  table('CF_SHARED_CERTIFICATE_HTTP_VERSION', [
    {
      name: 'shared certificate, different HttpVersion',
      d: [
        d({ id: 'E1', httpVersion: 'http2' }),
        d({ id: 'E2', httpVersion: 'http1.1', aliases: ['x.example.com'] }),
      ],
      of: 'E1',
      want: [
        warn({ httpVersion: 'http2', others: ['E2 (http1.1)'], otherCount: 1, certainty: 'unconfirmed' }),
      ],
    },
    {
      name: 'the other side',
      d: [
        d({ id: 'E1', httpVersion: 'http2' }),
        d({ id: 'E2', httpVersion: 'http1.1', aliases: ['x.example.com'] }),
      ],
      of: 'E2',
      want: [warn({ others: ['E1 (http2)'] })],
    },
    {
      name: 'same HttpVersion',
      d: [
        d({ id: 'E1', httpVersion: 'http2' }),
        d({ id: 'E2', httpVersion: 'http2', aliases: ['x.example.com'] }),
      ],
      want: [],
    },
    {
      name: 'other HttpVersion not given',
      d: [d({ id: 'E1', httpVersion: 'http2' }), d({ id: 'E2', aliases: ['x.example.com'] })],
      want: [],
    },
    {
      name: 'different certificates',
      d: [
        d({ id: 'E1', httpVersion: 'http2' }),
        d({
          id: 'E2',
          httpVersion: 'http1.1',
          arn: 'arn:aws:acm:us-east-1:111122223333:certificate/other',
          aliases: ['x.example.com'],
        }),
      ],
      want: [],
    },
  ]);
});

describe('MS-10 CF_VIP_POLICY_ACCOUNT_WIDE', () => {
  table('CF_VIP_POLICY_ACCOUNT_WIDE', [
    {
      name: 'vip + modern policy, another vip distribution',
      d: [
        d({ id: 'E1', ssl: 'vip' }),
        d({ id: 'E2', ssl: 'vip', policy: 'TLSv1', aliases: ['x.example.com'] }),
      ],
      of: 'E1',
      want: [warn({ policy: 'TLSv1.2_2021', others: ['E2 (TLSv1)'], otherCount: 1 })],
    },
    { name: 'vip + modern policy alone', d: d({ ssl: 'vip' }), want: [warn({ otherCount: 0 })] },
    { name: 'vip + TLSv1', d: d({ ssl: 'vip', policy: 'TLSv1' }), want: [] },
    { name: 'sni-only', d: d(), want: [] },
  ]);
});

describe('MS-11 CF_TLS13_ONLY_POLICY', () => {
  table('CF_TLS13_ONLY_POLICY', [
    {
      name: 'TLSv1.3_2025',
      d: d({ policy: 'TLSv1.3_2025' }),
      want: [warn({ policy: 'TLSv1.3_2025', alternatives: ['TLSv1.2_2025', 'TLSv1.2_2021'] })],
    },
    { name: 'TLSv1.2_2025', d: d({ policy: 'TLSv1.2_2025' }), want: [] },
  ]);
});

describe('MS-12 CF_HTTP_VERSION_NEEDS_SNI', () => {
  table('CF_HTTP_VERSION_NEEDS_SNI', [
    {
      name: 'vip + http2',
      d: d({ ssl: 'vip', policy: 'TLSv1', httpVersion: 'http2' }),
      want: [note({ httpVersion: 'http2' })],
    },
    {
      name: 'vip + http2and3',
      d: d({ ssl: 'vip', policy: 'TLSv1', httpVersion: 'http2and3' }),
      want: [note()],
    },
    { name: 'vip + http1.1', d: d({ ssl: 'vip', policy: 'TLSv1', httpVersion: 'http1.1' }), want: [] },
    { name: 'sni-only + http3', d: d({ httpVersion: 'http3' }), want: [] },
  ]);

  test('notes carry no awsError', () => {
    const [f] = run('CF_HTTP_VERSION_NEEDS_SNI', {
      d: d({ ssl: 'vip', policy: 'TLSv1', httpVersion: 'http2' }),
    });
    expect(f).not.toHaveProperty('awsError');
  });
});
