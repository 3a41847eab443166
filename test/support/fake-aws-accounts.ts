/**
 * Ready-made fake AWS accounts for the live (`--aws`) tests. `gateAccount()` holds one case per
 * outcome of the done-when list; the constants below let a test write a CloudFormation
 * template whose distributions meet each case (or use `gateTemplate()`).
 *
 * Dates: certificates are valid 2026-11-01 .. 2027-05-18 (198 days); judge them `--at` GATE_AT,
 * far from expiry and from the renewal window, so no expiry finding mixes into the gate's verdicts.
 */

import type { FakeAccountSpec, FakeCertificate, FakeDistribution } from './fake-aws.js';

export const GATE_ACCOUNT_ID = '111122223333';
export const GATE_AT = '2026-12-15';

const arn = (region: string, id: string) => `arn:aws:acm:${region}:${GATE_ACCOUNT_ID}:certificate/${id}`;

/** Certificate ARNs, by the case they stand for. */
export const GATE_CERTS = {
  /** us-east-1, ISSUED, covers GATE_ALIASES.good. */
  good: arn('us-east-1', '0a1b2c3d-0000-4000-8000-00000000600d'),
  /** eu-west-1, ISSUED: CloudFront only takes us-east-1 certificates. */
  wrongRegion: arn('eu-west-1', '0a1b2c3d-0000-4000-8000-0000000e0e51'),
  /** us-east-1, PENDING_VALIDATION (DNS record not created yet). */
  pending: arn('us-east-1', '0a1b2c3d-0000-4000-8000-00000000bead'),
  /** us-east-1, ISSUED for narrow.example.com only, not GATE_ALIASES.narrowUncovered. */
  narrow: arn('us-east-1', '0a1b2c3d-0000-4000-8000-0000000a770e'),
  /** us-east-1, ISSUED `*.example.com`: attached to the holder distribution; covers taken and elsewhere. */
  wildcard: arn('us-east-1', '0a1b2c3d-0000-4000-8000-00000000caf0'),
  /** us-east-1, ISSUED `*.example.org`: attached to every filler distribution. */
  filler: arn('us-east-1', '0a1b2c3d-0000-4000-8000-00000000f111'),
  /** ap-southeast-2, ISSUED, used by no distribution (a third region for inventory). */
  sydney: arn('ap-southeast-2', '0a1b2c3d-0000-4000-8000-00000005d4e1'),
} as const;

/** Aliases, by case. */
export const GATE_ALIASES = {
  good: ['app.example.com', 'www.app.example.com'],
  wrongRegion: ['eu.example.com'],
  pending: ['pending.example.com'],
  narrow: ['narrow.example.com', 'api.narrow.example.com'],
  /** The alias of GATE_ALIASES.narrow that GATE_CERTS.narrow does not cover. */
  narrowUncovered: 'api.narrow.example.com',
  /** Held by GATE_DISTRIBUTIONS.holder in this account: CNAMEAlreadyExists. */
  taken: 'taken.example.com',
  /** Held by a distribution in another account (pre-flight finds it through GATE_DISTRIBUTIONS.holder). */
  elsewhere: 'elsewhere.example.com',
} as const;

export const GATE_DISTRIBUTIONS = {
  /** Holds taken.example.com and static.example.com with the `*.example.com` certificate. */
  holder: 'E2HOLDEREXAMPL',
  /** The first of the filler distributions (E0FILLER00001 ...). */
  firstFiller: 'E0FILLER00001',
} as const;

export const FILLER_COUNT = 32;

/** The other account's holder of GATE_ALIASES.elsewhere, masked as CloudFront shows it. */
export const ELSEWHERE_HOLDER = { distributionId: '*******EXAMPLE', accountId: '******444455' } as const;

const VALID = { NotBefore: '2026-11-01T00:00:00.000Z', NotAfter: '2027-05-18T23:59:59.000Z' };

function validation(name: string, status: 'SUCCESS' | 'PENDING_VALIDATION') {
  const label = name.replace(/^\*\./, '');
  return {
    DomainName: name,
    ValidationDomain: label,
    ValidationStatus: status,
    ValidationMethod: 'DNS' as const,
    ResourceRecord: {
      Name: `_3b1f0c2e9a7d.${label}.`,
      Type: 'CNAME',
      Value: `_9c2d4e6f8a0b.jkddzztszm.acm-validations.aws.`,
    },
  };
}

function issued(certificateArn: string, names: string[], inUseBy: string[] = []): FakeCertificate {
  return {
    CertificateArn: certificateArn,
    DomainName: names[0]!,
    SubjectAlternativeNames: names,
    DomainValidationOptions: names.map((name) => validation(name, 'SUCCESS')),
    Serial: '0e:4f:1c:77:a2:00:00:00:00:00:00:00:00:00:00:01',
    Subject: `CN=${names[0]}`,
    Issuer: 'Amazon',
    CreatedAt: '2026-11-01T00:00:00.000Z',
    IssuedAt: '2026-11-01T00:05:00.000Z',
    ...VALID,
    Status: 'ISSUED',
    KeyAlgorithm: 'RSA-2048',
    SignatureAlgorithm: 'SHA256WITHRSA',
    InUseBy: inUseBy,
    Type: 'AMAZON_ISSUED',
    KeyUsages: [{ Name: 'DIGITAL_SIGNATURE' }, { Name: 'KEY_ENCIPHERMENT' }],
    ExtendedKeyUsages: [{ Name: 'TLS_WEB_SERVER_AUTHENTICATION', OID: '1.3.6.1.5.5.7.3.1' }],
    RenewalEligibility: inUseBy.length > 0 ? 'ELIGIBLE' : 'INELIGIBLE',
    Options: { CertificateTransparencyLoggingPreference: 'ENABLED', Export: 'DISABLED' },
  };
}

function pendingCertificate(certificateArn: string, names: string[]): FakeCertificate {
  return {
    CertificateArn: certificateArn,
    DomainName: names[0]!,
    SubjectAlternativeNames: names,
    DomainValidationOptions: names.map((name) => validation(name, 'PENDING_VALIDATION')),
    Subject: `CN=${names[0]}`,
    CreatedAt: '2026-12-01T00:00:00.000Z',
    Status: 'PENDING_VALIDATION',
    KeyAlgorithm: 'RSA-2048',
    SignatureAlgorithm: 'SHA256WITHRSA',
    InUseBy: [],
    Type: 'AMAZON_ISSUED',
    RenewalEligibility: 'INELIGIBLE',
    Options: { CertificateTransparencyLoggingPreference: 'ENABLED', Export: 'DISABLED' },
  };
}

const distributionArn = (id: string) => `arn:aws:cloudfront::${GATE_ACCOUNT_ID}:distribution/${id}`;

function fillerId(index: number): string {
  return `E0FILLER${String(index).padStart(5, '0')}`;
}

function fillers(): FakeDistribution[] {
  return Array.from({ length: FILLER_COUNT }, (_, i) => ({
    Id: fillerId(i + 1),
    Aliases: [`site-${String(i + 1).padStart(2, '0')}.example.org`],
    ViewerCertificate: {
      ACMCertificateArn: GATE_CERTS.filler,
      SSLSupportMethod: 'sni-only' as const,
      MinimumProtocolVersion: 'TLSv1.2_2021',
    },
    Comment: `filler ${i + 1}`,
  }));
}

/** The account the gate's live tests run against (a fresh copy each call: tests may edit it). */
export function gateAccount(): FakeAccountSpec {
  const holder: FakeDistribution = {
    Id: GATE_DISTRIBUTIONS.holder,
    DomainName: 'd2holder0example.cloudfront.net',
    Aliases: ['static.example.com', GATE_ALIASES.taken],
    ViewerCertificate: {
      ACMCertificateArn: GATE_CERTS.wildcard,
      SSLSupportMethod: 'sni-only',
      MinimumProtocolVersion: 'TLSv1.2_2021',
    },
    ETag: 'E2QWRUHAPOMQZL',
    Comment: 'holds taken.example.com',
  };
  const fillerDistributions = fillers();
  return {
    accountId: GATE_ACCOUNT_ID,
    // The holder sits between fillers, so finding it takes paging past the first pages.
    distributions: [...fillerDistributions.slice(0, 9), holder, ...fillerDistributions.slice(9)],
    certificates: {
      'us-east-1': [
        issued(
          GATE_CERTS.filler,
          ['*.example.org', 'example.org'],
          fillerDistributions.map((d) => distributionArn(d.Id)),
        ),
        issued(GATE_CERTS.good, [...GATE_ALIASES.good]),
        pendingCertificate(GATE_CERTS.pending, [...GATE_ALIASES.pending]),
        issued(GATE_CERTS.narrow, ['narrow.example.com']),
        issued(GATE_CERTS.wildcard, ['*.example.com', 'example.com'], [distributionArn(holder.Id)]),
      ],
      'eu-west-1': [issued(GATE_CERTS.wrongRegion, [...GATE_ALIASES.wrongRegion])],
      'ap-southeast-2': [issued(GATE_CERTS.sydney, ['au.example.net'])],
    },
    conflicts: [{ alias: GATE_ALIASES.elsewhere, ...ELSEWHERE_HOLDER, resourceType: 'distribution' }],
  };
}

/** One CloudFormation distribution resource with the given aliases and certificate. */
function siteResource(aliases: readonly string[], certificateArn: string) {
  return {
    Type: 'AWS::CloudFront::Distribution',
    Properties: {
      DistributionConfig: {
        Enabled: true,
        Aliases: [...aliases],
        Origins: [
          {
            Id: 'app',
            DomainName: 'app-origin.example.net',
            CustomOriginConfig: { OriginProtocolPolicy: 'https-only' },
          },
        ],
        DefaultCacheBehavior: {
          TargetOriginId: 'app',
          ViewerProtocolPolicy: 'redirect-to-https',
          CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
        },
        ViewerCertificate: {
          AcmCertificateArn: certificateArn,
          SslSupportMethod: 'sni-only',
          MinimumProtocolVersion: 'TLSv1.2_2021',
        },
      },
    },
  };
}

/**
 * A CloudFormation template (JSON-serialisable) with one distribution per case: GoodSite passes;
 * the others meet the wrong region, the pending certificate, the uncovered alias, the alias
 * taken in this account, and the alias held in another account (found with --aws-preflight).
 */
export function gateTemplate() {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      GoodSite: siteResource(GATE_ALIASES.good, GATE_CERTS.good),
      WrongRegionSite: siteResource(GATE_ALIASES.wrongRegion, GATE_CERTS.wrongRegion),
      PendingSite: siteResource(GATE_ALIASES.pending, GATE_CERTS.pending),
      NarrowSite: siteResource(GATE_ALIASES.narrow, GATE_CERTS.narrow),
      TakenSite: siteResource([GATE_ALIASES.taken], GATE_CERTS.wildcard),
      ElsewhereSite: siteResource([GATE_ALIASES.elsewhere], GATE_CERTS.wildcard),
    },
  };
}
