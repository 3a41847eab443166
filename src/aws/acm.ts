/** ACM calls: DescribeCertificate in the certificate's own region. */

import { toCliJson } from './cli-shape.js';
import type { AwsSession } from './session.js';
import type { AwsResult } from './types.js';

/** `aws acm describe-certificate` output for one ARN: `{ "Certificate": {...} }`. */
export async function describeCertificate(
  session: AwsSession,
  arn: string,
  region: string,
): Promise<AwsResult<{ Certificate: unknown }>> {
  const { DescribeCertificateCommand } = session.sdk.acm;
  const result = await session.call(
    { operation: 'DescribeCertificate', iamAction: 'acm:DescribeCertificate', region },
    // the output is the API's DescribeCertificateResponse
    async () =>
      (await session.acm(region).send(new DescribeCertificateCommand({ CertificateArn: arn }))) as {
        Certificate?: unknown;
      },
  );
  if (!result.ok) return result;
  return { ok: true, value: { Certificate: toCliJson(result.value.Certificate ?? {}) } };
}
