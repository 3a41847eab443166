/**
 * The OID registry: every object identifier certgate names, grouped by what it identifies, with
 * the friendly names the `inspect` command prints. Sources: RFC 5280 (PKIX), RFC 4519 (attribute
 * types), RFC 8017 / RFC 4055 (RSA), RFC 5758 / RFC 5480 (ECDSA, curves), RFC 8410 (EdDSA),
 * RFC 6962 (Certificate Transparency), CA/Browser Forum BR §7.1.6.1 (policy ids).
 */

/** OIDs the decoder and the rest of certgate refer to by name. */
export const OID = {
  // RFC 5280 §4.2.1 standard extensions
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  issuerAltName: '2.5.29.18',
  basicConstraints: '2.5.29.19',
  nameConstraints: '2.5.29.30',
  cRLDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  policyMappings: '2.5.29.33',
  authorityKeyIdentifier: '2.5.29.35',
  policyConstraints: '2.5.29.36',
  extKeyUsage: '2.5.29.37',
  freshestCRL: '2.5.29.46',
  inhibitAnyPolicy: '2.5.29.54',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  subjectInfoAccess: '1.3.6.1.5.5.7.1.11',
  tlsFeature: '1.3.6.1.5.5.7.1.24',
  // RFC 6962 §3.3 and §3.1
  signedCertificateTimestampList: '1.3.6.1.4.1.11129.2.4.2',
  ctPrecertificatePoison: '1.3.6.1.4.1.11129.2.4.3',
  // RFC 5280 §4.2.1.4, §4.2.1.12, §4.2.2.1
  anyPolicy: '2.5.29.32.0',
  anyExtendedKeyUsage: '2.5.29.37.0',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  OCSPSigning: '1.3.6.1.5.5.7.3.9',
  ocsp: '1.3.6.1.5.5.7.48.1',
  caIssuers: '1.3.6.1.5.5.7.48.2',
  cps: '1.3.6.1.5.5.7.2.1',
  userNotice: '1.3.6.1.5.5.7.2.2',
  // public key algorithms
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  ed25519: '1.3.101.112',
  ed448: '1.3.101.113',
  dsa: '1.2.840.10040.4.1',
  // curves (RFC 5480 §2.1.1.1, SEC 2)
  p256: '1.2.840.10045.3.1.7',
  p384: '1.3.132.0.34',
  p521: '1.3.132.0.35',
  secp256k1: '1.3.132.0.10',
  // RFC 5652 §5.1 (PKCS#7 / CMS)
  pkcs7Data: '1.2.840.113549.1.7.1',
  pkcs7SignedData: '1.2.840.113549.1.7.2',
} as const;

/** Short name (RFC 4514 §3 keyword, or OpenSSL's short name) for each well-known attribute type. */
const ATTRIBUTES = new Map<string, string>([
  ['2.5.4.3', 'CN'],
  ['2.5.4.4', 'SN'],
  ['2.5.4.5', 'serialNumber'],
  ['2.5.4.6', 'C'],
  ['2.5.4.7', 'L'],
  ['2.5.4.8', 'ST'],
  ['2.5.4.9', 'STREET'],
  ['2.5.4.10', 'O'],
  ['2.5.4.11', 'OU'],
  ['2.5.4.12', 'title'],
  ['2.5.4.13', 'description'],
  ['2.5.4.15', 'businessCategory'],
  ['2.5.4.17', 'postalCode'],
  ['2.5.4.42', 'GN'],
  ['2.5.4.43', 'initials'],
  ['2.5.4.44', 'generationQualifier'],
  ['2.5.4.45', 'x500UniqueIdentifier'],
  ['2.5.4.46', 'dnQualifier'],
  ['2.5.4.65', 'pseudonym'],
  ['2.5.4.97', 'organizationIdentifier'],
  ['0.9.2342.19200300.100.1.1', 'UID'],
  ['0.9.2342.19200300.100.1.25', 'DC'],
  ['1.2.840.113549.1.9.1', 'emailAddress'],
  ['1.3.6.1.4.1.311.60.2.1.1', 'jurisdictionL'],
  ['1.3.6.1.4.1.311.60.2.1.2', 'jurisdictionST'],
  ['1.3.6.1.4.1.311.60.2.1.3', 'jurisdictionC'],
]);

/** Signature and public key algorithms, with the names `AlgorithmIdentifier.name` uses. */
const ALGORITHMS = new Map<string, string>([
  ['1.2.840.113549.1.1.1', 'rsaEncryption'],
  ['1.2.840.113549.1.1.2', 'md2WithRSAEncryption'],
  ['1.2.840.113549.1.1.4', 'md5WithRSAEncryption'],
  ['1.2.840.113549.1.1.5', 'sha1WithRSAEncryption'],
  ['1.2.840.113549.1.1.10', 'rsassa-pss'],
  ['1.2.840.113549.1.1.11', 'sha256WithRSAEncryption'],
  ['1.2.840.113549.1.1.12', 'sha384WithRSAEncryption'],
  ['1.2.840.113549.1.1.13', 'sha512WithRSAEncryption'],
  ['1.2.840.113549.1.1.14', 'sha224WithRSAEncryption'],
  ['1.3.14.3.2.29', 'sha1WithRSASignature'],
  ['1.2.840.10045.2.1', 'ecPublicKey'],
  ['1.2.840.10045.4.1', 'ecdsa-with-SHA1'],
  ['1.2.840.10045.4.3.1', 'ecdsa-with-SHA224'],
  ['1.2.840.10045.4.3.2', 'ecdsa-with-SHA256'],
  ['1.2.840.10045.4.3.3', 'ecdsa-with-SHA384'],
  ['1.2.840.10045.4.3.4', 'ecdsa-with-SHA512'],
  ['1.3.101.110', 'X25519'],
  ['1.3.101.111', 'X448'],
  ['1.3.101.112', 'Ed25519'],
  ['1.3.101.113', 'Ed448'],
  ['1.2.840.10040.4.1', 'dsa'],
  ['1.2.840.10040.4.3', 'dsa-with-SHA1'],
  ['2.16.840.1.101.3.4.3.2', 'dsa-with-SHA256'],
  ['1.2.840.113549.1.1.8', 'mgf1'],
  ['1.3.14.3.2.26', 'sha1'],
  ['2.16.840.1.101.3.4.2.1', 'sha256'],
  ['2.16.840.1.101.3.4.2.2', 'sha384'],
  ['2.16.840.1.101.3.4.2.3', 'sha512'],
  ['2.16.840.1.101.3.4.2.4', 'sha224'],
]);

/** Signature algorithms broken for certificate signatures (collisions are practical). */
const WEAK_SIGNATURES = new Set([
  '1.2.840.113549.1.1.2',
  '1.2.840.113549.1.1.4',
  '1.2.840.113549.1.1.5',
  '1.3.14.3.2.29',
  '1.2.840.10045.4.1',
  '1.2.840.10040.4.3',
]);

/** Named curves certgate knows, with their key sizes in bits. */
const CURVES = new Map<string, { readonly name: string; readonly bits: number }>([
  [OID.p256, { name: 'P-256', bits: 256 }],
  [OID.p384, { name: 'P-384', bits: 384 }],
  [OID.p521, { name: 'P-521', bits: 521 }],
  [OID.secp256k1, { name: 'secp256k1', bits: 256 }],
]);

/** Every other named OID: extensions, EKU purposes, access methods, policies, CMS types. */
const OTHERS = new Map<string, string>([
  ...Object.entries(OID)
    .filter(([, oid]) => !ALGORITHMS.has(oid) && !CURVES.has(oid))
    .map(([name, oid]): [string, string] => [oid, name]),
  ['2.5.29.9', 'subjectDirectoryAttributes'],
  ['2.16.840.1.113730.1.1', 'netscapeCertType'],
  ['2.16.840.1.113730.1.13', 'netscapeComment'],
  ['1.3.6.1.4.1.311.20.2', 'msCertificateTemplateName'],
  ['1.3.6.1.4.1.311.21.7', 'msCertificateTemplate'],
  ['1.3.6.1.4.1.311.21.10', 'msApplicationPolicies'],
  ['1.3.6.1.4.1.311.10.3.3', 'msSGC'],
  ['2.16.840.1.113730.4.1', 'nsSGC'],
  ['1.3.6.1.5.5.7.48.1.5', 'ocspNoCheck'],
  ['2.23.140.1.1', 'ev-guidelines'],
  ['2.23.140.1.2.1', 'domain-validated'],
  ['2.23.140.1.2.2', 'organization-validated'],
  ['2.23.140.1.2.3', 'individual-validated'],
]);

/** Returns the attribute type's short name (`CN`, `O`, `DC`, `emailAddress`...), if well known. */
export function attributeShortName(oid: string): string | undefined {
  return ATTRIBUTES.get(oid);
}

/** Returns the algorithm's name (`sha256WithRSAEncryption`, `ecdsa-with-SHA256`, `Ed25519`...). */
export function algorithmName(oid: string): string | undefined {
  return ALGORITHMS.get(oid);
}

/** True for MD2, MD5 and SHA-1 based signature algorithms. */
export function isWeakSignatureAlgorithm(oid: string): boolean {
  return WEAK_SIGNATURES.has(oid);
}

/** Returns the named curve (`P-256`, `P-384`, `P-521`, `secp256k1`) and its size, if known. */
export function curveInfo(oid: string): { readonly name: string; readonly bits: number } | undefined {
  return CURVES.get(oid);
}

/** Returns the friendly name of any OID in the registry, or undefined. */
export function oidName(oid: string): string | undefined {
  return ATTRIBUTES.get(oid) ?? ALGORITHMS.get(oid) ?? CURVES.get(oid)?.name ?? OTHERS.get(oid);
}

/** Returns `name (oid)` for a known OID, or the OID alone: for `inspect` output. */
export function describeOid(oid: string): string {
  const name = oidName(oid);
  return name === undefined ? oid : `${name} (${oid})`;
}
