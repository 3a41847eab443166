import { describe, expect, test } from 'vitest';
import {
  ARN,
  acmEvidence,
  defaultCertDistribution,
  distribution,
  templateEvidence,
  unresolved,
} from '../../check/builders.js';
import { note, reject, run, table, warn } from './table.js';

const IVC = 'InvalidViewerCertificate';
const cert = (sans: string[], o = {}) => [
  acmEvidence({ domainName: sans[0], subjectAlternativeNames: sans, ...o }),
];

describe('CF-09 CF_ALIAS_NOT_COVERED', () => {
  table('CF_ALIAS_NOT_COVERED', [
    // not listed
    {
      name: 'alias missing from the SANs',
      d: distribution({ aliases: ['www.example.com', 'api.example.com'] }),
      evidence: cert(['www.example.com']),
      want: [
        reject(IVC, {
          alias: 'api.example.com',
          miss: 'NotListed',
          certificate: ARN,
          sans: ['www.example.com'],
          sanCount: 1,
        }),
      ],
    },
    // wildcard near misses (rulebook §2.1)
    {
      name: 'wildcard does not cover the apex',
      d: distribution({ aliases: ['example.com'] }),
      evidence: cert(['*.example.com']),
      want: [
        reject(IVC, { alias: 'example.com', miss: 'WildcardDoesNotCoverApex', wildcard: '*.example.com' }),
      ],
    },
    {
      name: 'wildcard covers one label only',
      d: distribution({ aliases: ['a.b.example.com'] }),
      evidence: cert(['*.example.com']),
      want: [reject(IVC, { miss: 'WildcardCoversOneLabel', wildcard: '*.example.com', labels: 2 })],
    },
    {
      name: 'certificate without SANs (CN handling UNCONFIRMED): warning',
      d: distribution({ aliases: ['www.example.com'] }),
      evidence: cert([], { domainName: undefined }),
      want: [warn({ miss: 'NoSubjectAltName' })],
    },
    {
      name: 'template certificate resource SANs',
      d: distribution({
        arn: unresolved('!Ref Cert'),
        certificateResource: 'cfn:stack.yaml#Cert',
        aliases: ['cdn.example.com'],
      }),
      evidence: [templateEvidence()],
      want: [reject(IVC, { alias: 'cdn.example.com', certificate: 'cfn:stack.yaml#Cert' })],
    },
    // quiet
    { name: 'exact SAN', d: distribution(), want: [] },
    {
      name: 'same-level wildcard',
      d: distribution({ aliases: ['api.example.com'] }),
      evidence: cert(['*.example.com']),
      want: [],
    },
    {
      name: 'case-insensitive match (lower case is CF-27)',
      d: distribution({ aliases: ['WWW.example.com'] }),
      want: [],
    },
    {
      name: 'domain name counts as a SAN',
      d: distribution(),
      evidence: cert(['x.example.com'], { domainName: 'www.example.com' }),
      want: [],
    },
    { name: 'wildcard alias: CF-10', d: distribution({ aliases: ['*.example.com'] }), want: [] },
    { name: 'malformed alias: CF-27', d: distribution({ aliases: ['sub.*.example.com'] }), want: [] },
    {
      name: 'default certificate: CF-01',
      d: defaultCertDistribution({ aliases: ['x.example.com'] }),
      want: [],
    },
    { name: 'no evidence', d: distribution({ aliases: ['x.example.com'] }), evidence: [], want: [] },
    {
      name: 'SANs computed at deploy time',
      d: distribution({ arn: unresolved('!Ref Cert'), certificateResource: 'cfn:stack.yaml#Cert' }),
      evidence: [templateEvidence({ subjectAlternativeNames: unresolved('!Ref DomainName') })],
      want: [],
    },
  ]);

  test('unresolved SANs are reported as skipped, naming CF-09 and CF-10', () => {
    const d = distribution({ arn: unresolved('!Ref Cert'), certificateResource: 'cfn:stack.yaml#Cert' });
    const [f] = run('INPUT_UNRESOLVED_VALUE', {
      d,
      evidence: [templateEvidence({ subjectAlternativeNames: unresolved('!Ref DomainName') })],
    });
    expect(f?.args).toMatchObject({
      field: 'SubjectAlternativeNames of cfn:stack.yaml#Cert',
      skipped: ['CF-09', 'CF-10'],
    });
  });
});

describe('CF-10 CF_WILDCARD_ALIAS_NOT_COVERED', () => {
  table('CF_WILDCARD_ALIAS_NOT_COVERED', [
    {
      name: 'specific names never cover a wildcard alias',
      d: distribution({ aliases: ['*.example.com'] }),
      evidence: cert(['www.example.com', 'api.example.com']),
      want: [reject(IVC, { alias: '*.example.com', sanCount: 2 })],
    },
    {
      name: 'a higher wildcard does not cover a deeper wildcard alias',
      d: distribution({ aliases: ['*.b.example.com'] }),
      evidence: cert(['*.example.com']),
      want: [reject(IVC, { alias: '*.b.example.com' })],
    },
    {
      name: 'identical wildcard SAN',
      d: distribution({ aliases: ['*.example.com'] }),
      evidence: cert(['*.example.com']),
      want: [],
    },
    {
      name: 'concrete alias',
      d: distribution({ aliases: ['x.example.com'] }),
      evidence: cert(['www.example.com']),
      want: [],
    },
  ]);
});

describe('MS-02 CF_WILDCARD_ALIAS_DEEPER_HOSTS', () => {
  table('CF_WILDCARD_ALIAS_DEEPER_HOSTS', [
    {
      name: 'wildcard alias',
      d: distribution({ aliases: ['*.example.com', 'example.com'] }),
      evidence: cert(['*.example.com', 'example.com']),
      want: [note({ alias: '*.example.com', example: 'a.b.example.com', certainty: 'inferred' })],
    },
    { name: 'no wildcard alias', d: distribution(), want: [] },
    {
      name: 'default certificate (CF-01 instead)',
      d: defaultCertDistribution({ aliases: ['*.example.com'] }),
      want: [],
    },
  ]);
});
