/**
 * The IAM server certificates the checked distributions name (ViewerCertificate.IAMCertificateId,
 * the ServerCertificateId): one ListServerCertificates sweep maps ids to names and paths, then
 * GetServerCertificate per certificate gives the chain, read as `aws iam get-server-certificate`
 * output is offline, so the same rules fire (CF-14 path, chain, names, expiry). An id the account
 * does not have is CloudFront's refusal (AWS_IAM_CERTIFICATE_NOT_FOUND); a failed call is a
 * finding on what it could not check.
 */

import type { CertificateEvidence } from '../cloudfront/model.js';
import { createFinding, type Finding } from '../findings/finding.js';
import { liveIamEvidence } from './documents.js';
import { safeMessage } from './errors.js';
import type { FailedCall } from './failure-findings.js';
import { getServerCertificate, listServerCertificates } from './iam.js';
import { mapLimit } from './pool.js';
import type { Use } from './references.js';
import type { AwsSession } from './session.js';

/** What reading the IAM certificates adds to a run. */
export interface IamResult {
  readonly evidence: CertificateEvidence[];
  readonly findings: { distributionId: string; finding: Finding }[];
  readonly failed: FailedCall[];
  readonly calls: number;
  readonly succeeded: number;
}

/** GetServerCertificate calls at once (IAM's read quota is per account, not published per call). */
const GET_CONCURRENCY = 2;

const unchecked = (id: string) => `IAM server certificate ${id} (path, chain, names, dates, key)`;

export async function iamCertificates(
  session: AwsSession,
  refs: readonly { id: string; use: Use }[],
): Promise<IamResult> {
  const result = {
    evidence: [] as CertificateEvidence[],
    findings: [] as IamResult['findings'],
    failed: [] as FailedCall[],
    calls: 0,
    succeeded: 0,
  };
  if (refs.length === 0) return result;
  const byId = new Map<string, Use[]>();
  for (const { id, use } of refs) byId.set(id, [...(byId.get(id) ?? []), use]);

  result.calls++;
  const listed = await listServerCertificates(session);
  if (!listed.ok) {
    for (const [id, uses] of byId)
      for (const u of uses)
        result.failed.push({
          failure: listed.failure,
          unchecked: unchecked(id),
          location: u.location,
          distributionId: u.distribution,
        });
    return result;
  }
  result.succeeded++;
  const names = new Map<string, string>();
  for (const m of listed.value)
    if (m.ServerCertificateId !== undefined && m.ServerCertificateName !== undefined)
      names.set(m.ServerCertificateId, m.ServerCertificateName);

  const notFound = (id: string, uses: readonly Use[], reason: string) => {
    for (const u of uses) {
      const finding = createFinding(
        'AWS_IAM_CERTIFICATE_NOT_FOUND',
        u.location,
        { id, distribution: u.distribution, reason },
        { awsError: 'InvalidViewerCertificate' },
      );
      result.findings.push({ distributionId: u.distribution, finding });
    }
  };
  await mapLimit([...byId], GET_CONCURRENCY, async ([id, uses]) => {
    const name = names.get(id);
    if (name === undefined) {
      notFound(
        id,
        uses,
        'no server certificate of the account has this ServerCertificateId (ListServerCertificates)',
      );
      return;
    }
    result.calls++;
    const got = await getServerCertificate(session, name);
    // deleted between the list and the get: IAM's answer (a fact), not a failed check
    if (got.ok || got.failure.kind === 'not-found') result.succeeded++;
    if (!got.ok) {
      if (got.failure.kind === 'not-found') notFound(id, uses, got.failure.message);
      else
        for (const u of uses)
          result.failed.push({
            failure: got.failure,
            unchecked: unchecked(id),
            location: u.location,
            distributionId: u.distribution,
          });
      return;
    }
    try {
      result.evidence.push(...liveIamEvidence(got.value, name));
    } catch (e) {
      // a body the reader cannot decode: said as the call's failure, the rest still runs
      const message = safeMessage(
        `the certificate body could not be read: ${e instanceof Error ? e.message : String(e)}`,
      );
      for (const u of uses)
        result.failed.push({
          failure: {
            operation: 'GetServerCertificate',
            iamAction: 'iam:GetServerCertificate',
            kind: 'other',
            message,
          },
          unchecked: unchecked(id),
          location: u.location,
          distributionId: u.distribution,
        });
    }
  });
  return result;
}
