/**
 * `expiry --aws`: every ACM certificate of the account, in every region asked for (default:
 * every commercial region; opt-in regions the account has not enabled are passed over). Each is
 * listed with every key type and key-pair origin (ListCertificates hides ECDSA, RSA 3072/4096 and
 * ACME-issued certificates unless asked, spec §1.3), described for its renewal fields, and, once
 * issued, fetched with GetCertificate, so it is dated by its chain and recognised when a file or an
 * endpoint holds the same certificate.
 */

import type { Distribution } from '../cloudfront/model.js';
import { toCliJson } from './cli-shape.js';
import { listDistributions } from './cloudfront.js';
import { accountDistributions } from './documents.js';
import type { FailedCall } from './failure-findings.js';
import { mapLimit } from './pool.js';
import { AcmRates } from './rate.js';
import { AWS_REGIONS } from './regions.js';
import type { AcmKeyAlgorithm } from './sdk.js';
import { AwsSession } from './session.js';
import type { AwsFailure, AwsOptions } from './types.js';

const KEY_TYPES: AcmKeyAlgorithm[] = [
  'RSA_1024',
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'EC_prime256v1',
  'EC_secp384r1',
  'EC_secp521r1',
];

/** One ACM certificate: its describe-certificate detail (AWS CLI shape) and, once issued, its PEMs. */
export interface AcmCertificate {
  readonly arn: string;
  readonly region: string;
  readonly detail: Readonly<Record<string, unknown>>;
  /** GetCertificate: the certificate, then its chain, as PEM. */
  readonly pem?: string;
}

/** What the account gave, what failed, and the regions passed over. */
export interface AcmInventory {
  readonly certificates: readonly AcmCertificate[];
  /** The account's CloudFront distributions (where ACM certificates are in use), when asked for. */
  readonly distributions: readonly Distribution[];
  readonly failed: readonly FailedCall[];
  /** Opt-in regions the account has not enabled. */
  readonly disabledRegions: readonly string[];
  /** Set when no call succeeded at all (no credentials, no network): exit 3. */
  readonly nothingRead?: AwsFailure;
}

/** Regions listed at once, and calls at once per region (ACM allows 8-10 a second per region). */
const REGION_CONCURRENCY = 8;
const CALL_CONCURRENCY = 4;

/** Reads every ACM certificate of the regions. Never throws for an AWS failure. */
export async function fetchAcmInventory(
  options: AwsOptions & { readonly regions?: readonly string[]; readonly distributions?: boolean },
): Promise<AcmInventory> {
  const session = await AwsSession.open(options);
  try {
    // where the certificates are used: CloudFront is global, one listing
    const listed = options.distributions ? listDistributions(session) : undefined;
    const regions = options.regions?.length ? options.regions : AWS_REGIONS;
    const failed: FailedCall[] = [];
    const disabledRegions: string[] = [];
    let succeeded = 0;
    const rates = new AcmRates();
    const perRegion = await mapLimit(regions, REGION_CONCURRENCY, async (region) => {
      const arns = await listArns(session, region, rates);
      if (!arns.ok) {
        if (arns.failure.kind === 'region-disabled') disabledRegions.push(region);
        else failed.push({ failure: arns.failure, unchecked: `the ACM certificates of ${region}` });
        return [];
      }
      succeeded++;
      return mapLimit(arns.value, CALL_CONCURRENCY, async (arn) => {
        const described = await describe(session, arn, region, rates);
        if (!described.ok) {
          failed.push({ failure: described.failure, unchecked: `certificate ${arn}` });
          return undefined;
        }
        const detail = described.value;
        const pem =
          detail.Status === 'ISSUED' ? await fetchPem(session, arn, region, failed, rates) : undefined;
        return { arn, region, detail, ...(pem !== undefined ? { pem } : {}) };
      });
    });
    const certificates = perRegion.flat().filter((c): c is AcmCertificate => c !== undefined);
    let distributions: Distribution[] = [];
    const list = await listed;
    if (list?.ok) distributions = accountDistributions(list.value);
    else if (list)
      failed.push({
        failure: list.failure,
        unchecked: 'which CloudFront distributions use the certificates (their aliases not probed)',
      });
    const first = failed[0]?.failure;
    return {
      certificates,
      distributions,
      failed,
      disabledRegions: disabledRegions.sort(),
      ...(succeeded === 0 && first ? { nothingRead: first } : {}),
    };
  } finally {
    session.close();
  }
}

async function listArns(session: AwsSession, region: string, rates: AcmRates) {
  const { ListCertificatesCommand } = session.sdk.acm;
  return session.call(
    { operation: 'ListCertificates', iamAction: 'acm:ListCertificates', region },
    async () => {
      const arns: string[] = [];
      let token: string | undefined;
      do {
        await rates.take(region, 'ListCertificates');
        const page = (await session.acm(region).send(
          new ListCertificatesCommand({
            Includes: { keyTypes: KEY_TYPES },
            CertificateKeyPairOrigins: ['AWS_MANAGED', 'CUSTOMER_PROVIDED', 'ACME'],
            MaxItems: 1000,
            ...(token !== undefined ? { NextToken: token } : {}),
          }),
        )) as { CertificateSummaryList?: { CertificateArn?: string }[]; NextToken?: string };
        for (const s of page.CertificateSummaryList ?? []) if (s.CertificateArn) arns.push(s.CertificateArn);
        token = page.NextToken;
      } while (token);
      return arns;
    },
  );
}

async function describe(session: AwsSession, arn: string, region: string, rates: AcmRates) {
  const { DescribeCertificateCommand } = session.sdk.acm;
  const got = await session.call(
    { operation: 'DescribeCertificate', iamAction: 'acm:DescribeCertificate', region },
    async () => {
      await rates.take(region, 'DescribeCertificate');
      return (await session.acm(region).send(new DescribeCertificateCommand({ CertificateArn: arn }))) as {
        Certificate?: unknown;
      };
    },
  );
  if (!got.ok) return got;
  return { ok: true as const, value: toCliJson(got.value.Certificate ?? {}) as Record<string, unknown> };
}

async function fetchPem(
  session: AwsSession,
  arn: string,
  region: string,
  failed: FailedCall[],
  rates: AcmRates,
): Promise<string | undefined> {
  const { GetCertificateCommand } = session.sdk.acm;
  const got = await session.call(
    { operation: 'GetCertificate', iamAction: 'acm:GetCertificate', region },
    async () => {
      await rates.take(region, 'GetCertificate');
      return (await session.acm(region).send(new GetCertificateCommand({ CertificateArn: arn }))) as {
        Certificate?: string;
        CertificateChain?: string;
      };
    },
  );
  if (!got.ok) {
    failed.push({ failure: got.failure, unchecked: `the chain of ${arn} (dated by ACM's NotAfter only)` });
    return undefined;
  }
  const { Certificate = '', CertificateChain = '' } = got.value;
  return Certificate === '' ? undefined : `${Certificate.trim()}\n${CertificateChain.trim()}\n`;
}
