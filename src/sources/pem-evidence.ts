/**
 * Certificate evidence from decoded chains: a PEM/DER/PKCS#7 file bound to an ACM ARN or IAM
 * server certificate id (`--cert ARN=FILE`), and `aws iam get-server-certificate` output, whose
 * body and chain are PEM.
 */

import { parseAcmArn } from '../cloudfront/arn.js';
import type { CertificateEvidence } from '../cloudfront/model.js';
import { EC_CURVE_ALGORITHMS } from '../cloudfront/policies.js';
import type { Locator } from '../findings/types.js';
import type { Certificate } from '../x509/model.js';
import { readCertificates } from '../x509/read.js';
import { parseTimestamp } from './acm.js';
import { type SourceDocument, unreadableInput } from './document.js';
import { type Collected, compact, own, ownRecord, ownString } from './fields.js';

/**
 * The ACM spelling of a certificate's key (`RSA_2048`, `EC_prime256v1`); keys ACM cannot hold
 * are named in the same style (`EC_secp256k1`, `ED25519`) so a rule can say they are unsupported.
 */
export function keyAlgorithmOf(cert: Certificate): string {
  const key = cert.publicKey;
  if (key.type === 'rsa' || key.type === 'rsa-pss') return `RSA_${key.modulusBits}`;
  if (key.type === 'ec') return EC_CURVE_ALGORITHMS[key.curve] ?? `EC_${key.curve}`;
  return key.type.toUpperCase();
}

/** The dNSName SANs of a certificate (empty when it has no subjectAltName extension). */
export function dnsNamesOf(cert: Certificate): string[] {
  const names = cert.extension('subjectAltName')?.names ?? [];
  return names.flatMap((n) => (n.type === 'dNSName' ? [n.value] : []));
}

function commonName(cert: Certificate): string | undefined {
  for (const rdn of cert.subject.rdns) for (const a of rdn) if (a.shortName === 'CN') return a.value;
  return undefined;
}

/** Evidence for a chain (leaf first) bound to `key`, an ACM ARN or an IAM server certificate id. */
export function chainEvidence(
  key: string,
  chain: readonly Certificate[],
  source: string,
  location: Locator,
  extra: { iamPath?: string } = {},
): CertificateEvidence {
  const leaf = chain[0]!;
  const arn = parseAcmArn(key);
  return compact<CertificateEvidence>({
    key,
    kind: 'pem',
    source,
    location,
    arn: arn ? key : undefined,
    region: arn?.region,
    accountId: arn?.accountId,
    domainName: commonName(leaf),
    subjectAlternativeNames: dnsNamesOf(leaf),
    keyAlgorithm: keyAlgorithmOf(leaf),
    notBefore: leaf.notBefore,
    notAfter: leaf.notAfter,
    iamPath: extra.iamPath,
    chain,
  });
}

/** Reads `aws iam get-server-certificate` output: the key is the ServerCertificateId CloudFront names. */
export function readIamServerCertificate(doc: SourceDocument, out: Collected): void {
  const sc = ownRecord(doc.value, 'ServerCertificate');
  const meta = own(sc, 'ServerCertificateMetadata');
  const id = ownString(meta, 'ServerCertificateId');
  if (id === undefined)
    throw unreadableInput(
      doc.source,
      'ServerCertificate has no ServerCertificateMetadata.ServerCertificateId',
    );
  const pem = [ownString(sc, 'CertificateBody'), ownString(sc, 'CertificateChain')]
    .filter(Boolean)
    .join('\n');
  const location = doc.locator(['ServerCertificate']);
  const iamPath = ownString(meta, 'Path');
  if (pem.includes('-----BEGIN ')) {
    const { certificates } = readCertificates(pem, { source: doc.source });
    out.evidence.push(chainEvidence(id, certificates, doc.source, location, iamPath ? { iamPath } : {}));
    return;
  }
  out.evidence.push(
    compact<CertificateEvidence>({
      key: id,
      kind: 'pem',
      source: doc.source,
      location,
      iamPath,
      notAfter: parseTimestamp(own(meta, 'Expiration')),
    }),
  );
}
