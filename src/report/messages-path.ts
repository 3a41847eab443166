/**
 * Words for path-validation findings (`PATH_*`): what failed on which certificate, with the
 * RFC 5280 / CA/B Forum rule, and the fix. The "clients say" clause is appended by
 * `describeFinding` from the client-error table, so these sentences state the problem only.
 */

import type { FindingCode } from '../findings/catalog.js';
import type { FindingArgs } from '../findings/types.js';
import { str } from './wording.js';

type Wording = (args: FindingArgs) => { readonly message: string; readonly fix?: string };

const TOO_MANY_PATHS = {
  why: 'the certificates offer too many candidate paths',
  fix: 'send only the certificates of one chain; remove duplicate and cross-signed intermediates from the chain file and --untrusted',
};
/** Per budget: what was counted, why it ran out, and what to change (each cause its own advice). */
const BUDGETS: Readonly<Record<string, { what: string; why: string; fix: string }>> = {
  signatures: { what: 'path building stopped after {limit} signature checks', ...TOO_MANY_PATHS },
  buildSteps: { what: 'path building stopped after {limit} path-building steps', ...TOO_MANY_PATHS },
  nameComparisons: {
    what: 'name-constraint checking stopped after {limit} units of work (one per name compared with a constraint, plus one per attribute and per 64 bytes compared)',
    why: "a CA's name constraints and the names of the certificates below it are too many or too large to check",
    fix: 'this is not about the order or number of certificates: have the CA reissue its certificate with fewer or smaller name constraints, or the certificate with fewer and shorter names (subjectAltName entries, subject attributes)',
  },
  policyNodes: {
    what: 'certificate-policy processing stopped after {limit} policy-graph steps',
    why: 'the certificatePolicies and policyMappings of the path are too many to process',
    fix: 'have the CAs reissue their certificates with fewer certificate policies and policy mappings',
  },
};

const isLeafOnly = (a: FindingArgs): boolean => Number(a.certIndex ?? 0) === 0;
const purposeOf = (a: FindingArgs): string => (str(a.required) === 'clientAuth' ? 'client' : 'server');

/** A leaf without subjectAltName, told as the name problem it is for clients. */
function missingSan(a: FindingArgs): { message: string; fix: string } {
  const cn = a.commonName ? `its subject CN "${str(a.commonName)}"` : 'it has no subject CN either';
  return {
    message: `${str(a.subject)} has no subjectAltName extension, which the web PKI requires (CA/B BR §7.1.2.7.12); browsers and Go ignore the subject CN (RFC 9525 §6.3), so no host name matches it, while OpenSSL, Node.js, curl and Java still fall back to ${cn}`,
    fix: `reissue the certificate with ${a.reference ? str(a.reference) : 'every host name'} as a DNS subjectAltName (ACM always adds one)`,
  };
}

/**
 * What every issuance-profile warning says: the validation accepts it, the profile does not.
 * Under `client` that is TLS clients against the CA/B Forum; under `rfc5280`, RFC 5280's path
 * validation (§6) against its certificate profile (§4).
 */
function accepted(a: FindingArgs): string {
  return str(a.policy) === 'rfc5280'
    ? 'RFC 5280 path validation (§6) accepts it, but a conforming CA must not issue it (RFC 5280 §4)'
    : 'TLS clients (Chrome, OpenSSL and the curl, Node.js and Python clients built on it) accept it, but a publicly-trusted CA would not issue it';
}
const PRIVATE_CA_OK = 'nothing to do for a private CA that only your own clients trust';
const profileOf = (a: FindingArgs): string =>
  str(a.policy) === 'rfc5280' ? "RFC 5280's certificate profile" : 'the CA/B Forum profile';

/** The wording of each PATH_ code. */
export const PATH_WORDINGS: Record<Extract<FindingCode, `PATH_${string}`>, Wording> = {
  PATH_UNKNOWN_ISSUER: (a) =>
    isLeafOnly(a)
      ? {
          message: `no certificate for the issuer of ${str(a.subject)} ("${str(a.issuer)}") is in the chain or among the trust anchors (${str(a.trustStore)}): the chain is missing its intermediate CA certificate`,
          fix: 'serve the full chain, the leaf followed by every intermediate (fullchain.pem, not cert.pem); pass intermediates kept elsewhere with --untrusted',
        }
      : {
          message: `the issuer of ${str(a.subject)} ("${str(a.issuer)}") is not among the trust anchors (${str(a.trustStore)}) and not in the chain: the chain leads to a CA the clients do not trust`,
          fix: 'for a private CA, trust its root with --roots or --add-roots (and install it on every client); otherwise serve the intermediate that chains to a public root',
        },
  PATH_UNTRUSTED_ROOT: (a) => ({
    message: isLeafOnly(a)
      ? `${str(a.subject)} is self-signed and is not a trust anchor (${str(a.trustStore)})`
      : `the chain ends in the self-signed ${str(a.subject)}, which is not a trust anchor (${str(a.trustStore)})`,
    fix: 'use a certificate from a publicly trusted CA, or trust this root explicitly with --roots or --add-roots (and on every client); sending a root in the chain does not make it trusted',
  }),
  PATH_TOO_LONG: (a) => ({
    message: `the path through ${str(a.subject)} is longer than ${str(a.maxDepth)} certificates, the policy's limit`,
    fix: 'serve the chain that leads to the nearest trusted root; leave out cross-certificates that make the path longer',
  }),
  PATH_BUDGET_EXCEEDED: (a) => {
    const b = BUDGETS[str(a.budget)] ?? {
      what: 'path validation stopped after {limit} steps',
      ...TOO_MANY_PATHS,
    };
    return { message: `${b.what.replace('{limit}', str(a.limit))}: ${b.why}`, fix: b.fix };
  },
  PATH_BAD_SIGNATURE: (a) => ({
    message: `the signature on ${str(a.subject)} does not verify with the public key of ${str(a.issuerLabel)}: it was not issued by that key, or it was altered (RFC 5280 §6.1.3 (a)(1))`,
    fix: 'pair each certificate with the CA certificate that issued it (a reissued intermediate has a new key): download the intermediate again from the CA',
  }),
  PATH_UNSUPPORTED_SIGNATURE_ALGORITHM: (a) => ({
    message: `${str(a.subject)} is signed with ${str(a.algorithm)}, which the validator does not support`,
    fix: 'reissue from a CA that signs with RSA (PKCS#1 v1.5 or PSS) and SHA-256 or better, or ECDSA P-256/P-384',
  }),
  PATH_WEAK_SIGNATURE_ALGORITHM: (a) => ({
    message: `${str(a.subject)} is signed with ${str(a.algorithm)}, which the policy refuses: SHA-1 and MD5 signatures can be forged by collision (CA/B Forum BR §7.1.3.2)`,
    fix: 'reissue from a CA that signs with SHA-256 or better',
  }),
  PATH_WEAK_KEY: (a) => ({
    message: `the key of ${str(a.subject)} (${str(a.key)}) is weaker than the ${str(a.policy) || 'validation'} policy allows: RSA of at least ${str(a.minRsaBits) || '2048'} bits, or ECDSA on P-256, P-384 or P-521${str(a.policy) === 'client' ? ' (OpenSSL at security level 2, the default of Debian, Ubuntu and RHEL, refuses smaller RSA keys; Chrome verifies ECDSA on those curves only)' : ' (CA/B Forum BR §6.1.5)'}`,
    fix: 'generate a new RSA 2048+ or ECDSA P-256 key and reissue the certificate',
  }),
  PATH_SIGNATURE_ALGORITHM_MISMATCH: (a) => ({
    message: `${str(a.subject)} names one signature algorithm inside (tbsCertificate.signature) and another outside (signatureAlgorithm); RFC 5280 §4.1.1.2 requires them to be equal`,
    fix: 'the certificate is malformed: have the CA reissue it',
  }),
  PATH_REVOKED: (a) => ({
    message: `${str(a.subject)} is revoked${a.revokedAt ? ` since ${str(a.revokedAt)}` : ''}${a.reason ? ` (reason: ${str(a.reason)})` : ''} (RFC 5280 §6.1.3 (a)(3))`,
    fix: 'deploy a newly issued certificate; if the key was compromised, generate a new key first',
  }),
  PATH_INVALID_CRL: (a) => ({
    message: `the revocation status of ${str(a.subject)} is unknown: a CRL${a.crlIssuer ? ` from "${str(a.crlIssuer)}"` : ''} given for it cannot be used (${str(a.reason)}; RFC 5280 §6.3.3)`,
    fix: 'give the current CRL from the CA (its cRLDistributionPoints URL), signed by the CA that issued the certificate',
  }),
  PATH_REVOCATION_UNKNOWN: (a) => ({
    message: `the revocation status of ${str(a.subject)} is unknown: ${str(a.reason)} (RFC 5280 §6.3.3)`,
    fix: "give the current CRL of the certificate's issuer too (its cRLDistributionPoints URL), or check only the leaf with --crl-check leaf",
  }),
  PATH_ISSUER_NOT_CA: (a) => ({
    message: `${str(a.subject)} signs another certificate of the path but is not a CA certificate: its basicConstraints does not say cA=TRUE (RFC 5280 §4.2.1.9, §6.1.4 (k))`,
    fix: 'the chain holds a server certificate where an intermediate CA belongs: serve the intermediate your CA provides',
  }),
  PATH_LEN_EXCEEDED: (a) => ({
    message: `${str(a.subject)} allows ${str(a.pathLenConstraint)} intermediate CA certificate${Number(a.pathLenConstraint) === 1 ? '' : 's'} below it (pathLenConstraint) and the path has more (RFC 5280 §4.2.1.9, §6.1.4 (l))`,
    fix: 'serve a chain without the extra intermediate, or issue from a CA whose pathLenConstraint allows the hierarchy',
  }),
  PATH_ISSUER_NOT_CERT_SIGNER: (a) => ({
    message: `${str(a.subject)} signs a certificate of the path but its keyUsage lacks keyCertSign (RFC 5280 §4.2.1.3, §6.1.4 (n))`,
    fix: 'serve the CA certificate that is meant to issue (keyUsage keyCertSign), or reissue the CA certificate with it',
  }),
  PATH_CA_USED_AS_END_ENTITY: (a) => ({
    message: `${str(a.subject)} is a CA certificate (basicConstraints cA=TRUE) used as the end-entity certificate; the CA/B Forum profile wants a server certificate with cA=FALSE (BR §7.1.2.7.8)`,
    fix: 'issue an end-entity certificate (CA:FALSE) for the server from this CA and serve that',
  }),
  PATH_EKU_MISMATCH: (a) => ({
    message: `${str(a.subject)} has extendedKeyUsage ${str(a.present) || '(empty)'} without ${str(a.required)}, so it cannot be used for TLS ${purposeOf(a)} authentication (RFC 5280 §4.2.1.12)`,
    fix: `reissue with extendedKeyUsage ${str(a.required) || 'serverAuth'}; an intermediate that lists extendedKeyUsage must include it too`,
  }),
  PATH_KEY_USAGE_NOT_ALLOWED: (a) => ({
    message: `the keyUsage of ${str(a.subject)} does not include ${str(a.required)}, which the TLS purpose needs (RFC 5280 §4.2.1.3)`,
    fix: 'reissue with keyUsage digitalSignature (plus keyEncipherment for an RSA key used with RSA key exchange)',
  }),
  PATH_UNKNOWN_CRITICAL_EXTENSION: (a) => ({
    message: `${str(a.subject)} has a critical extension ${str(a.extension)}${a.oid && a.oid !== a.extension ? ` (${str(a.oid)})` : ''} that the validator does not process; RFC 5280 §4.2 requires rejecting the certificate`,
    fix: 'reissue without that extension, or with it marked non-critical',
  }),
  PATH_INVALID_EXTENSION: (a) =>
    a.missingSan === true
      ? missingSan(a)
      : {
          message: `the ${str(a.extension)} extension of ${str(a.subject)} is not acceptable: ${str(a.reason)}`,
          fix: 'reissue the certificate with the extension as the profile requires (RFC 5280 §4.2, CA/B Forum BR §7.1.2)',
        },
  PATH_COMMON_NAME_NOT_IN_SAN: (a) => ({
    message: `${str(a.subject)} has the subject CN '${str(a.commonName)}', which is not one of its subjectAltNames (${str(a.sans) || 'none'}); the CA/Browser Forum requires publicly-trusted certificates to repeat the CN as a SAN (BR §7.1.4.3), so the cabf policy rejects it, although browsers, Node.js, curl and OpenSSL do not check this when they connect`,
    fix: 'for a public certificate, have the CA reissue it with the CN among the SANs (or without a CN); for a private CA, verify with the default --policy client, which reports this as a warning',
  }),
  PATH_INVALID_CERTIFICATE: (a) => ({
    message: `${str(a.subject)} breaks the certificate profile: ${str(a.reason)}`,
    fix: 'have the CA reissue the certificate; clients that check the profile reject it',
  }),
  PATH_PROFILE_CN_NOT_IN_SAN: (a) => ({
    message: `${str(a.subject)} has the subject CN '${str(a.commonName)}', which is not one of its subjectAltNames (${str(a.sans) || 'none'}): ${accepted(a)} (CA/B Forum BR §7.1.4.3)`,
    fix: `${PRIVATE_CA_OK}; a public certificate should be reissued with the CN among the SANs, or without a CN`,
  }),
  PATH_PROFILE_EXTENSION: (a) => ({
    message: `the ${str(a.extension)} extension of ${str(a.subject)} breaks ${profileOf(a)} (${str(a.reason) || 'critical and not processed'}): ${accepted(a)}`,
    fix: `${PRIVATE_CA_OK}; a public CA should reissue the certificate with the extension as ${str(a.policy) === 'rfc5280' ? 'RFC 5280 §4.2 describes' : 'the Baseline Requirements (§7.1.2) describe'}`,
  }),
  PATH_PROFILE_FIELD: (a) => ({
    message: `${str(a.subject)} breaks ${profileOf(a)}: ${str(a.reason) || 'its signature algorithm fields differ'}; ${accepted(a)}`,
    fix: `${PRIVATE_CA_OK}; a public CA should reissue the certificate`,
  }),
  PATH_PROFILE_WEAK_KEY: (a) => ({
    message: `the key of ${str(a.subject)} (${str(a.key)}) is below the CA/B Forum minimum (RSA 2048, ECDSA P-256/P-384/P-521; BR §6.1.5): ${accepted(a)}`,
    fix: 'generate an RSA 2048+ or ECDSA P-256 key and reissue the certificate before clients raise their minimum',
  }),
  PATH_PROFILE_CA_AS_LEAF: (a) => ({
    message: `${str(a.subject)} is a CA certificate (basicConstraints cA=TRUE) used as the end-entity certificate: ${accepted(a)} (BR §7.1.2.7.8)`,
    fix: 'issue an end-entity certificate (CA:FALSE) for the server and serve that; a CA key should not sit on a server',
  }),
  PATH_PROFILE_PURPOSE: (a) => ({
    message: `${str(a.subject)} ${a.present ? `has extendedKeyUsage ${str(a.present) || '(empty)'} without ${str(a.required)}` : `has keyUsage without ${str(a.required)}`}, which ${profileOf(a)} requires: ${accepted(a)}`,
    fix: `${PRIVATE_CA_OK}; a public CA should reissue the certificate with extendedKeyUsage serverAuth`,
  }),
  PATH_NO_VALID_POLICY: (a) => ({
    message: `no certificate policy the path accepts (${str(a.accepted)}) is valid for the path through ${str(a.subject)}, and ${str(a.requiredBy)} requires one (RFC 5280 §6.1.3 (f), §6.1.5 (g))${a.emptiedBy ? `; the valid policies ran out at ${str(a.emptiedBy)}, which asserts none that continues the path` : ''}`,
    fix: "have each CA below the one that requires an explicit policy assert a policy the path accepts (certificatePolicies, or policyMappings from the issuer's policies), or give --initial-policy for a policy the chain does assert",
  }),
  PATH_INVALID_POLICY_MAPPING: (a) => ({
    message: `${str(a.subject)} maps ${str(a.issuerDomainPolicy)} to ${str(a.subjectDomainPolicy)}; RFC 5280 §6.1.4 (a) forbids anyPolicy on either side of a policy mapping`,
    fix: 'have the CA reissue the certificate without anyPolicy in policyMappings',
  }),
  PATH_NAME_CONSTRAINT_VIOLATION: (a) => ({
    message: `${str(a.subject)} carries ${str(a.name)}, outside the name constraints of ${str(a.constrainedBy)} (${str(a.constraint)}; RFC 5280 §4.2.1.10)`,
    fix: 'request the certificate only for names the constrained CA may issue for, or from a CA without that constraint',
  }),
};
