/**
 * `probe --from-aws`: the account's deployed distributions (every one, or the ids given) and the
 * certificate each has attached, read with DescribeCertificate in the ARN's own region, so each
 * alias is probed at its distribution's own domain and expected to serve that certificate.
 */

import type { CertificateEvidence } from '../cloudfront/model.js';
import { describeCertificate } from './acm.js';
import { type DeployedInputs, type DeployedSelection, readDeployed } from './deployed.js';
import { liveCertificateEvidence } from './documents.js';
import { mapLimit } from './pool.js';
import { certificateRefs } from './references.js';
import { AwsSession } from './session.js';
import type { AwsFailure, AwsOptions } from './types.js';

/** A certificate that could not be read: its aliases are probed without an expected certificate. */
export interface UnreadCertificate {
  readonly arn: string;
  readonly distributions: readonly string[];
  readonly failure: AwsFailure;
}

/** The distributions to probe, the evidence of their certificates, and what could not be read. */
export interface AccountProbeInputs extends DeployedInputs {
  readonly evidence: readonly CertificateEvidence[];
  readonly unread: readonly UnreadCertificate[];
}

/** DescribeCertificate calls at once: ACM allows 10 a second per region. */
const DESCRIBE_CONCURRENCY = 4;

/** Reads what `probe --from-aws` probes. Never throws for an AWS failure. */
export async function fetchProbeInputs(
  selection: DeployedSelection,
  options: AwsOptions = {},
): Promise<AccountProbeInputs> {
  const session = await AwsSession.open(options);
  try {
    const deployed = await readDeployed(session, selection);
    const evidence: CertificateEvidence[] = [];
    const unread: UnreadCertificate[] = [];
    await mapLimit(certificateRefs(deployed.distributions), DESCRIBE_CONCURRENCY, async (ref) => {
      const got = await describeCertificate(session, ref.arn, ref.region);
      if (got.ok) evidence.push(...liveCertificateEvidence(got.value, ref.region));
      else
        unread.push({
          arn: ref.arn,
          distributions: [...new Set(ref.uses.map((u) => u.distribution))],
          failure: got.failure,
        });
    });
    return { ...deployed, evidence, unread };
  } finally {
    session.close();
  }
}
