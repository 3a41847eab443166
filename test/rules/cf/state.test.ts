import { describe } from 'vitest';
import {
  ARN,
  acmEvidence,
  distribution,
  pemEvidence,
  templateEvidence,
  unresolved,
} from '../../check/builders.js';
import { reject, table, warn } from './table.js';

const IVC = 'InvalidViewerCertificate';
const d = distribution();
const imported = (o = {}) => acmEvidence({ type: 'IMPORTED', validationMethod: undefined, ...o });

describe('CF-04 CF_CERTIFICATE_NOT_ISSUED', () => {
  table('CF_CERTIFICATE_NOT_ISSUED', [
    {
      name: 'pending validation',
      d,
      evidence: [acmEvidence({ status: 'PENDING_VALIDATION' })],
      want: [reject(IVC, { status: 'PENDING_VALIDATION', certificate: ARN, type: 'AMAZON_ISSUED' })],
    },
    {
      name: 'failed',
      d,
      evidence: [acmEvidence({ status: 'FAILED' })],
      want: [reject(IVC, { status: 'FAILED' })],
    },
    {
      name: 'expired without dates',
      d,
      evidence: [acmEvidence({ status: 'EXPIRED', notAfter: undefined })],
      want: [reject(IVC, { status: 'EXPIRED' })],
    },
    // quiet
    { name: 'issued', d, want: [] },
    {
      name: 'expired with dates: CF-05 reports it',
      d,
      evidence: [acmEvidence({ status: 'EXPIRED', notAfter: new Date('2026-05-01') })],
      want: [],
    },
    { name: 'status unknown (PEM only)', d, evidence: [pemEvidence(ARN, [])], want: [] },
    {
      name: 'certificate resource created by the same stack',
      d: distribution({ arn: unresolved('!Ref Cert'), certificateResource: 'cfn:stack.yaml#Cert' }),
      evidence: [templateEvidence()],
      want: [],
    },
    { name: 'no evidence', d, evidence: [], want: [] },
  ]);
});

describe('CF-05 CF_CERTIFICATE_DATE_INVALID (ACM dates)', () => {
  table('CF_CERTIFICATE_DATE_INVALID', [
    {
      name: 'expired',
      d,
      evidence: [acmEvidence({ status: 'EXPIRED', notAfter: new Date('2026-05-01T00:00:00Z') })],
      want: [
        reject(IVC, {
          state: 'expired',
          notAfter: '2026-05-01T00:00:00Z',
          at: '2026-06-01T00:00:00Z',
          certIndex: 0,
        }),
      ],
    },
    {
      name: 'not yet valid',
      d,
      evidence: [acmEvidence({ notBefore: new Date('2026-07-01T00:00:00Z') })],
      want: [reject(IVC, { state: 'not yet valid', notBefore: '2026-07-01T00:00:00Z' })],
    },
    { name: 'in date', d, want: [] },
    {
      name: 'dates unknown',
      d,
      evidence: [acmEvidence({ notAfter: undefined, notBefore: undefined })],
      want: [],
    },
  ]);
});

describe('CF-29 CF_ACME_CERTIFICATE', () => {
  table('CF_ACME_CERTIFICATE', [
    {
      name: 'ACME key pair origin',
      d,
      evidence: [acmEvidence({ keyPairOrigin: 'ACME' })],
      want: [reject(undefined, { keyPairOrigin: 'ACME', certainty: 'unconfirmed' })],
    },
    { name: 'AWS managed', d, evidence: [acmEvidence({ keyPairOrigin: 'AWS_MANAGED' })], want: [] },
    { name: 'origin not given', d, want: [] },
  ]);
});

describe('CF-30 CF_CLOUDFRONT_MANAGED_CERTIFICATE', () => {
  table('CF_CLOUDFRONT_MANAGED_CERTIFICATE', [
    {
      name: 'ManagedBy CLOUDFRONT',
      d,
      evidence: [acmEvidence({ managedBy: 'CLOUDFRONT' })],
      want: [warn({ managedBy: 'CLOUDFRONT', certainty: 'unconfirmed' })],
    },
    { name: 'not managed', d, want: [] },
  ]);
});

describe('MS-05 CF_IMPORTED_CERTIFICATE_EXPIRING', () => {
  table('CF_IMPORTED_CERTIFICATE_EXPIRING', [
    {
      name: 'imported, 10 days left',
      d,
      evidence: [imported({ notAfter: new Date('2026-06-11T00:00:00Z') })],
      want: [warn({ daysLeft: 10, warnDays: 30, store: 'ACM (imported)', insideReimportLead: false })],
    },
    {
      name: 'imported, 12 hours left: inside the 24-hour reimport lead',
      d,
      evidence: [imported({ notAfter: new Date('2026-06-01T12:00:00Z') })],
      want: [warn({ daysLeft: 0, insideReimportLead: true })],
    },
    {
      name: 'IAM certificate expiring (dates from the PEM evidence)',
      d: distribution({ arn: null, iam: 'ASCAEXAMPLEEXAMPLE12' }),
      evidence: [{ ...pemEvidence('ASCAEXAMPLEEXAMPLE12', []), notAfter: new Date('2026-06-20T00:00:00Z') }],
      want: [warn({ store: 'IAM', daysLeft: 19 })],
    },
    { name: 'imported, outside the window', d, evidence: [imported()], want: [] },
    {
      name: 'imported, already expired (CF-05)',
      d,
      evidence: [imported({ notAfter: new Date('2026-05-01') })],
      want: [],
    },
    {
      name: 'ACM-issued expiring: W-05',
      d,
      evidence: [acmEvidence({ notAfter: new Date('2026-06-11') })],
      want: [],
    },
    {
      name: 'window from --warn-days',
      d,
      evidence: [imported({ notAfter: new Date('2026-06-11T00:00:00Z') })],
      options: { warnDays: 7 },
      want: [],
    },
  ]);
});

describe('MS-06 CF_RENEWAL_NOT_READY', () => {
  const records = [
    {
      domainName: 'www.example.com',
      validationStatus: 'SUCCESS',
      resourceRecord: { name: '_x.www.example.com.', type: 'CNAME', value: '_y.acm-validations.aws.' },
    },
  ];
  table('CF_RENEWAL_NOT_READY', [
    {
      name: 'renewal pending validation',
      d,
      evidence: [acmEvidence({ renewalStatus: 'PENDING_VALIDATION', validationOptions: records })],
      want: [warn({ reason: 'renewal status PENDING_VALIDATION', records: ['_x.www.example.com.'] })],
    },
    {
      name: 'a validation record failed',
      d,
      evidence: [
        acmEvidence({ validationOptions: [{ domainName: 'www.example.com', validationStatus: 'FAILED' }] }),
      ],
      want: [warn({ reason: 'validation failed for www.example.com' })],
    },
    {
      name: 'ineligible while in use',
      d,
      evidence: [
        acmEvidence({ renewalEligibility: 'INELIGIBLE', inUseBy: ['arn:aws:cloudfront::1:distribution/E1'] }),
      ],
      want: [warn({ reason: 'renewal eligibility INELIGIBLE' })],
    },
    // quiet
    { name: 'renewal succeeded', d, evidence: [acmEvidence({ renewalStatus: 'SUCCESS' })], want: [] },
    {
      name: 'ineligible but not yet in use',
      d,
      evidence: [acmEvidence({ renewalEligibility: 'INELIGIBLE', inUseBy: [] })],
      want: [],
    },
    {
      name: 'imported (never renews: MS-05)',
      d,
      evidence: [imported({ renewalStatus: 'FAILED' })],
      want: [],
    },
  ]);
});

describe('MS-07 CF_EMAIL_VALIDATION_RENEWAL', () => {
  table('CF_EMAIL_VALIDATION_RENEWAL', [
    {
      name: 'email validated',
      d,
      evidence: [acmEvidence({ validationMethod: 'EMAIL' })],
      want: [warn({ certificate: ARN })],
    },
    {
      name: 'email in a validation option',
      d,
      evidence: [
        acmEvidence({
          validationMethod: undefined,
          validationOptions: [{ domainName: 'x', validationMethod: 'EMAIL' }],
        }),
      ],
      want: [warn()],
    },
    { name: 'DNS validated', d, want: [] },
  ]);
});
