/**
 * IAM server certificates (global, us-east-1; the Query protocol): CloudFront names one by its
 * ServerCertificateId (`ASCA...`), GetServerCertificate takes its name, so every page of
 * ListServerCertificates (all paths: one at a wrong path is found, and CF-14 says so) maps ids to
 * names, then GetServerCertificate gives the PEM body and chain. The client's package is loaded
 * only when a distribution names an IAM certificate.
 */

import { toCliJson } from './cli-shape.js';
import type { AwsSession } from './session.js';
import type { AwsResult } from './types.js';

const IAM = { region: 'us-east-1' } as const;

/** Pages followed at most, against a service (or fake) that never stops answering IsTruncated. */
const MAX_PAGES = 10_000;

/** One item of `aws iam list-server-certificates` (timestamps as ISO strings). */
export interface ServerCertificateMetadata {
  readonly Path?: string;
  readonly ServerCertificateName?: string;
  readonly ServerCertificateId?: string;
  readonly Arn?: string;
  readonly UploadDate?: string;
  readonly Expiration?: string;
}

/** Every server certificate of the account (ListServerCertificates, every page, no PathPrefix). */
export async function listServerCertificates(
  session: AwsSession,
): Promise<AwsResult<ServerCertificateMetadata[]>> {
  return session.call(
    { operation: 'ListServerCertificates', iamAction: 'iam:ListServerCertificates', ...IAM },
    async () => {
      const { client, iam } = await session.iam();
      const items: ServerCertificateMetadata[] = [];
      let marker: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const input = { MaxItems: 1000, ...(marker ? { Marker: marker } : {}) };
        // the output is the API's ListServerCertificatesResponse
        const out = (await client.send(new iam.ListServerCertificatesCommand(input))) as {
          ServerCertificateMetadataList?: unknown[];
          IsTruncated?: boolean;
          Marker?: string;
        };
        items.push(
          ...((out.ServerCertificateMetadataList ?? []).map(toCliJson) as ServerCertificateMetadata[]),
        );
        marker = out.IsTruncated ? out.Marker : undefined;
        if (!marker) break;
      }
      return items;
    },
  );
}

/** `aws iam get-server-certificate --server-certificate-name NAME` output: `{ "ServerCertificate": {...} }`. */
export async function getServerCertificate(
  session: AwsSession,
  name: string,
): Promise<AwsResult<{ ServerCertificate: unknown }>> {
  const result = await session.call(
    { operation: 'GetServerCertificate', iamAction: 'iam:GetServerCertificate', ...IAM },
    async () => {
      const { client, iam } = await session.iam();
      // the output is the API's GetServerCertificateResponse
      return (await client.send(new iam.GetServerCertificateCommand({ ServerCertificateName: name }))) as {
        ServerCertificate?: unknown;
      };
    },
  );
  if (!result.ok) return result;
  return { ok: true, value: { ServerCertificate: toCliJson(result.value.ServerCertificate ?? {}) } };
}
