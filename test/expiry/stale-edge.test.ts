/**
 * Renewed but not deployed: ACM has issued a new certificate for the names, and the edge (a real
 * TLS server on loopback) still serves the old one.
 */

import { afterAll, beforeAll, expect, test } from 'vitest';
import { expiry } from '../../src/expiry/expiry.js';
import { type Running, site, tlsServer } from '../probe/servers.js';
import { createCertificate, serverLeaf } from '../support/cert-factory.js';
import type { FakeCertificate } from '../support/fake-aws.js';
import { fakeAwsInProcess } from '../support/fake-aws-in-process.js';

const ACCOUNT = '111122223333';
const root = createCertificate({ subject: 'CN=Edge Root', ca: true });
const intermediate = createCertificate({
  subject: 'CN=Edge Intermediate',
  issuer: root,
  ca: true,
  pathLen: 0,
});
const old = serverLeaf('shop.example.test', intermediate, '2026-06-01Z', '2026-12-18Z');
const renewed = serverLeaf('shop.example.test', intermediate, '2026-11-28Z', '2027-06-14Z');
const ARN = `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/0a1b2c3d-0000-4000-8000-0000000005e0`;

let edge: Running;
beforeAll(async () => {
  edge = await tlsServer([site(['shop.example.test'], old, intermediate)]);
});
afterAll(async () => {
  await edge.close();
});

const useFake = fakeAwsInProcess(1);

/** The renewed certificate as ACM describes it, issued at `issuedAt`, in use by `distribution`. */
const renewedInAcm = (issuedAt: string, distribution: string): FakeCertificate => ({
  CertificateArn: ARN,
  DomainName: 'shop.example.test',
  SubjectAlternativeNames: ['shop.example.test'],
  Status: 'ISSUED',
  Type: 'AMAZON_ISSUED',
  KeyAlgorithm: 'EC-prime256v1',
  NotBefore: '2026-11-28T00:00:00.000Z',
  NotAfter: '2027-06-14T00:00:00.000Z',
  IssuedAt: issuedAt,
  InUseBy: [`arn:aws:cloudfront::${ACCOUNT}:distribution/${distribution}`],
  RenewalEligibility: 'ELIGIBLE',
  RenewalSummary: { RenewalStatus: 'SUCCESS' },
  CertificatePem: renewed.pem,
  CertificateChainPem: intermediate.pem,
});

async function run(issuedAt: string, at: string) {
  await useFake({
    accountId: ACCOUNT,
    distributions: [],
    certificates: {
      'us-east-1': [renewedInAcm(issuedAt, 'E1EXAMPLE')],
    },
  });
  return expiry({
    aws: { regions: ['us-east-1'] },
    dns: false,
    targets: [`shop.example.test:${edge.port}`],
    probe: { resolve: [`*:${edge.port}:127.0.0.1`] },
    at: new Date(at),
    roots: root.pem,
  });
}

test('the edge still serving the replaced certificate a day after ACM renewed: a warning on the endpoint', async () => {
  const results = await run('2026-11-28T00:00:00.000Z', '2026-12-01T00:00:00Z');
  const served = results.find((r) => r.details?.places.some((p) => p.kind === 'endpoint'))!;
  expect(served.details!.places.map((p) => p.kind)).toEqual(['endpoint']);
  const stale = served.findings.find((f) => f.code === 'EXPIRY_EDGE_SERVES_OLD');
  expect(stale).toMatchObject({ severity: 'warning', args: { certificate: ARN, propagating: false } });
  // the renewed one in ACM is fine, and is a separate entry
  const inAcm = results.find((r) => r.details?.places.some((p) => p.kind === 'acm'))!;
  expect(inAcm.details!.renewal.status).toBe('managed');
  expect(inAcm.findings).toEqual([]);
});

test('within a day of the renewal it is a note: CloudFront picks renewals up asynchronously', async () => {
  const results = await run('2026-11-30T20:00:00.000Z', '2026-12-01T00:00:00Z');
  const stale = results.flatMap((r) => r.findings).find((f) => f.code === 'EXPIRY_EDGE_SERVES_OLD');
  expect(stale).toMatchObject({ severity: 'note', args: { propagating: true } });
});

test('--probe-edges: the aliases of the distributions using the certificate are probed at their own domain', async () => {
  await useFake({
    accountId: ACCOUNT,
    distributions: [
      {
        Id: 'E1SHOPEXAMPLE1',
        DomainName: 'd111111abcdef8.cloudfront.net',
        Aliases: ['shop.example.test'],
        ViewerCertificate: { ACMCertificateArn: ARN, SSLSupportMethod: 'sni-only' },
      },
      {
        Id: 'E2OTHEREXAMPL2',
        DomainName: 'd222222abcdef8.cloudfront.net',
        Aliases: ['other.example.test'],
        ViewerCertificate: { CloudFrontDefaultCertificate: true },
      },
    ],
    certificates: {
      'us-east-1': [renewedInAcm('2026-11-28T00:00:00.000Z', 'E1SHOPEXAMPLE1')],
    },
  });
  const results = await expiry({
    aws: { regions: ['us-east-1'], probeEdges: true },
    dns: false,
    edgePort: edge.port,
    probe: { resolve: [`d111111abcdef8.cloudfront.net:${edge.port}:127.0.0.1`] },
    at: new Date('2026-12-01T00:00:00Z'),
    roots: root.pem,
  });
  const served = results.find((r) => r.details?.places.some((p) => p.kind === 'endpoint'))!;
  expect(served.details!.places).toEqual([
    { kind: 'endpoint', endpoint: `shop.example.test:${edge.port} (127.0.0.1)`, index: 0 },
  ]);
  expect(served.findings.map((f) => f.code)).toContain('EXPIRY_EDGE_SERVES_OLD');
  // only the distribution using an ACM certificate of the account is probed
  expect(JSON.stringify(results)).not.toContain('other.example.test');
});
