/**
 * `--cert` values: `FILE` (ACM/IAM CLI JSON, or a PEM/DER/PKCS#7 chain when the inputs name one
 * certificate), `ARN=FILE` and `IAMCERTID=FILE` (a chain bound to that certificate).
 */

import { unreadableInput } from './document.js';

/** A parsed `--cert` value. */
export interface CertArgument {
  /** The value as given. */
  readonly raw: string;
  readonly file: string;
  /** The ARN or IAM server certificate id the chain is bound to. */
  readonly key?: string;
}

const ARN = /^arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:\d{12}:\S+$/;
/** IAM unique ids of server certificates start with ASCA (IAM "unique identifiers"); CloudFront takes ≤ 32 characters. */
const IAM_SERVER_CERTIFICATE_ID = /^ASCA[A-Z0-9]{8,28}$/;

/** Whether `text` is an ARN (any service; ACM is what distributions name). */
export const isArn = (text: string): boolean => ARN.test(text);

/** Whether `text` is an IAM server certificate id. */
const isIamCertificateId = (text: string): boolean => IAM_SERVER_CERTIFICATE_ID.test(text);

/**
 * Splits a `--cert` value. ARNs and IAM ids contain no `=`, so a binding splits at the first
 * `=`; a value whose part before `=` is neither is read as a file name when such a file exists.
 *
 * @throws InputError naming the value when the part before `=` is not an ARN or IAM id
 */
export async function parseCertArgument(
  raw: string,
  exists: (path: string) => Promise<boolean>,
): Promise<CertArgument> {
  const eq = raw.indexOf('=');
  if (eq === -1) return { raw, file: raw };
  const key = raw.slice(0, eq);
  const file = raw.slice(eq + 1);
  if (isArn(key) || isIamCertificateId(key)) {
    if (file === '') throw unreadableInput(`--cert ${raw}`, 'no file after =');
    return { raw, file, key };
  }
  if (await exists(raw)) return { raw, file: raw };
  throw unreadableInput(
    `--cert ${raw}`,
    `${key} is not a certificate ARN (arn:aws:acm:us-east-1:111122223333:certificate/...) or an IAM server certificate id (ASCA...)`,
  );
}
