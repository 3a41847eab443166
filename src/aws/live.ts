/**
 * `check --aws`: the account as a source of evidence. For the checked distributions it fetches
 * every certificate they name (DescribeCertificate in the ARN's own region), every distribution
 * and distribution tenant of the account (ListDistributions, ListDistributionTenants, all pages:
 * context for the alias-conflict index and for tenants whose parent is not in the inputs, never
 * reported as checked), the certificates such parents give their tenants, and with `preflight`
 * the conflicts in other accounts. The IAM server certificates they name are read from IAM
 * (ListServerCertificates, GetServerCertificate; src/aws/iam-certificates.ts). Each failed call is
 * a finding on what it could not check; a run where every call failed says so.
 */

import { parseAcmArn } from '../cloudfront/arn.js';
import type { CertificateEvidence, Distribution } from '../cloudfront/model.js';
import { createFinding, type Finding } from '../findings/finding.js';
import type { GateInputs } from '../sources/types.js';
import { describeCertificate } from './acm.js';
import { listDistributions, listDistributionTenants } from './cloudfront.js';
import { accountDistributions, liveCertificateEvidence } from './documents.js';
import { type FailedCall, failureFindings } from './failure-findings.js';
import { iamCertificates } from './iam-certificates.js';
import { mapLimit } from './pool.js';
import { preflight } from './preflight.js';
import { type CertificateRef, certificateRefs, iamRefs, parentCertificateRefs } from './references.js';
import { AwsSession } from './session.js';
import { TENANTS_UNCHECKED, tenantContext } from './tenants.js';
import type { AwsFailure, AwsOptions } from './types.js';

/** What live mode adds to the inputs. */
export interface LiveInputs {
  readonly evidence: readonly CertificateEvidence[];
  /** The account's distributions and tenants: indexed for conflicts, not checked. */
  readonly context: readonly Distribution[];
  /** Holders of the inputs' aliases in other accounts (pre-flight): indexed for conflicts, not checked. */
  readonly elsewhere: readonly Distribution[];
  readonly sourceFindings: readonly { readonly distributionId?: string; readonly finding: Finding }[];
  /** Set when every call failed: nothing was checked against the account (exit 3). */
  readonly nothingChecked?: AwsFailure;
}

/** DescribeCertificate calls at once per run: ACM allows 10 a second per region. */
const DESCRIBE_CONCURRENCY = 4;

/** Fetches what the checked distributions need from the account. Never throws for an AWS failure. */
export async function fetchLiveInputs(inputs: GateInputs, options: AwsOptions = {}): Promise<LiveInputs> {
  const session = await AwsSession.open(options);
  try {
    return await fetchWith(session, inputs, options);
  } finally {
    session.close();
  }
}

async function fetchWith(session: AwsSession, inputs: GateInputs, options: AwsOptions): Promise<LiveInputs> {
  const checked = inputs.distributions;
  const refs = certificateRefs(checked);
  const failed: FailedCall[] = [];
  const findings: { distributionId?: string; finding: Finding }[] = [];
  let calls = 0;
  let succeeded = 0;

  const describeAll = async (list: readonly CertificateRef[], report: boolean) => {
    const evidence: CertificateEvidence[] = [];
    await mapLimit(list, DESCRIBE_CONCURRENCY, async (ref) => {
      calls++;
      const got = await describeCertificate(session, ref.arn, ref.region);
      // a missing certificate is ACM's answer (a fact), not a failed check
      if (got.ok || got.failure.kind === 'not-found') succeeded++;
      if (got.ok) evidence.push(...liveCertificateEvidence(got.value, ref.region));
      else if (report) describeFailed(ref, got.failure, failed, findings);
    });
    return evidence;
  };

  const [listed, tenants, evidence, iam] = await Promise.all([
    listDistributions(session),
    listDistributionTenants(session),
    describeAll(refs, true),
    iamCertificates(session, iamRefs(checked)),
  ]);
  calls += 2 + iam.calls;
  succeeded += iam.succeeded;
  evidence.push(...iam.evidence);
  findings.push(...iam.findings);
  failed.push(...iam.failed);
  let context: Distribution[] = [];
  let elsewhere: Distribution[] = [];
  if (listed.ok) {
    succeeded++;
    context = accountDistributions(withoutInputs(listed.value, checked));
  } else {
    failed.push({
      failure: listed.failure,
      unchecked: 'alias conflicts with the distributions of the account (CNAMEAlreadyExists)',
    });
  }
  if (tenants.ok) {
    succeeded++;
    const read = tenantContext(tenants.value, checked);
    context.push(...read.tenants);
    findings.push(...read.findings);
  } else {
    failed.push({ failure: tenants.failure, unchecked: TENANTS_UNCHECKED });
  }
  // tenants of the inputs whose parent is the account's: that parent's certificate serves them
  const described = new Set(refs.map((r) => r.arn));
  const parents = parentCertificateRefs(checked, context).filter((r) => !described.has(r.arn));
  if (parents.length > 0) evidence.push(...(await describeAll(parents, true)));
  if (options.preflight && listed.ok) {
    const more = (arns: readonly string[]) =>
      describeAll(
        arns.map((arn) => ({ arn, region: parseAcmArn(arn)?.region ?? 'us-east-1', uses: [] })),
        false,
      );
    const pre = await preflight(session, checked, context, [...inputs.evidence, ...evidence], more);
    elsewhere = pre.context;
    findings.push(...pre.findings);
    failed.push(...pre.failed);
    calls += pre.calls;
    succeeded += pre.succeeded;
  }
  const classified = refusedEverywhere(failed);
  findings.push(...failureFindings(classified));
  const first = classified[0]?.failure;
  return {
    evidence,
    context,
    elsewhere,
    sourceFindings: findings,
    ...(calls > 0 && succeeded === 0 && first ? { nothingChecked: first } : {}),
  };
}

/** A DescribeCertificate that failed: a missing certificate is CloudFront's refusal; anything else, what was not checked. */
function describeFailed(
  ref: CertificateRef,
  failure: AwsFailure,
  failed: FailedCall[],
  findings: { distributionId?: string; finding: Finding }[],
): void {
  for (const use of ref.uses) {
    if (failure.kind === 'not-found') {
      const args = {
        arn: ref.arn,
        distribution: use.distribution,
        region: ref.region,
        reason: failure.message,
      };
      const finding = createFinding('AWS_CERTIFICATE_NOT_FOUND', use.location, args, {
        awsError: 'InvalidViewerCertificate',
      });
      findings.push({ distributionId: use.distribution, finding });
      continue;
    }
    failed.push({
      failure,
      unchecked: `certificate ${ref.arn} (status, names, dates, key)`,
      location: use.location,
      distributionId: use.distribution,
    });
  }
}

/**
 * An opt-in region that is not enabled and a key AWS does not know give the same answer
 * (UnrecognizedClientException); when us-east-1 refused the credentials too, it is the key.
 */
function refusedEverywhere(failed: readonly FailedCall[]): FailedCall[] {
  if (!failed.some((c) => c.failure.kind === 'no-credentials')) return [...failed];
  return failed.map((c) =>
    c.failure.kind === 'region-disabled' ? { ...c, failure: { ...c.failure, kind: 'no-credentials' } } : c,
  );
}

/**
 * The account's list without the distributions the inputs are a new version of: get-distribution-
 * config output has no Id, but its ETag is the distribution's current one, which the list shows;
 * its aliases are that distribution's own, not a conflict.
 */
function withoutInputs(
  list: { DistributionList: { Items: unknown[] } },
  checked: readonly Distribution[],
): { DistributionList: { Items: unknown[] } } {
  const etags = new Set(checked.flatMap((d) => (d.etag === undefined ? [] : [d.etag])));
  if (etags.size === 0) return list;
  const etagOf = (item: unknown) => (item as { ETag?: unknown }).ETag;
  const items = list.DistributionList.Items.filter((i) => {
    const etag = etagOf(i);
    return !(typeof etag === 'string' && etags.has(etag));
  });
  return { DistributionList: { Items: items } };
}
