/**
 * Windows and .NET: .NET's `RemoteCertificateValidationCallback` statuses and chain statuses,
 * .NET Framework / PowerShell's WebException texts, Schannel and CryptoAPI codes (as curl's
 * schannel backend, git for Windows and SQL Server print them), WinINet / WinHTTP error numbers
 * and Edge / Internet Explorer's `DLG_FLAGS_*` page codes.
 */

import type { ClientErrorKey } from '../../clients/client-errors.js';
import {
  diagnoseHandshakeFailure,
  diagnoseNotTls,
  diagnoseRevocationUnknown,
} from '../diagnoses/handshake.js';
import { diagnoseNameMismatch } from '../diagnoses/name.js';
import { diagnoseClientErrorKeys, diagnoseExpired, diagnoseUnknownIssuer } from '../diagnoses/path.js';
import { tlsCauses } from '../diagnoses/tls-causes.js';
import { phrase } from '../input.js';
import { clientPattern, type Pattern } from '../pattern.js';
import type { Diagnosis, Extracted } from '../types.js';

/** What each .NET / Windows status word means, as the diagnosis that fits it. */
const BY_STATUS: Readonly<Record<string, (e: Extracted) => Diagnosis>> = {
  namemismatch: diagnoseNameMismatch,
  remotecertificatenamemismatch: diagnoseNameMismatch,
  nottimevalid: diagnoseExpired,
  revocationstatusunknown: diagnoseRevocationUnknown,
  offlinerevocation: diagnoseRevocationUnknown,
};

/** .NET chain statuses (X509ChainStatusFlags) that name one path failure of the client-error table. */
const STATUS_KINDS: Readonly<Record<string, ClientErrorKey>> = {
  untrustedroot: 'UntrustedRoot',
  revoked: 'Revoked',
  notsignaturevalid: 'BadSignature',
  hasweaksignature: 'WeakSignatureAlgorithm',
  notvalidforusage: 'RequiredEkuNotFound',
  invalidbasicconstraints: 'IssuerNotCa',
  hasnotpermittednameconstraint: 'NameConstraintViolation',
  hasexcludednameconstraint: 'NameConstraintViolation',
};

/**
 * .NET's and .NET Framework's messages without the status: any validation failure prints them
 * (an untrusted chain, a name mismatch, an expired certificate), so every one stays listed.
 */
function diagnoseUnspecified(e: Extracted): Diagnosis {
  const issuer = diagnoseUnknownIssuer(e);
  return {
    meaning:
      ".NET rejected the server's certificate without saying which check failed: an untrusted or incomplete chain, a name that does not match (often a connection by IP address), or a certificate out of its dates all print this message.",
    causes: [...issuer.causes, ...tlsCauses(e, ['leaf-expired', 'name-not-listed', 'ip-san'])],
    ...(issuer.docs ? { docs: issuer.docs } : {}),
  };
}

/** The diagnosis for a status word (`RemoteCertificateChainErrors`, `PartialChain`, ...). */
function byStatus(e: Extracted): Diagnosis {
  const status = (e.clientCode ?? '').toLowerCase();
  if (status === '') return diagnoseUnspecified(e);
  const kind = STATUS_KINDS[status];
  if (kind) return diagnoseClientErrorKeys([kind], e);
  return (BY_STATUS[status] ?? diagnoseUnknownIssuer)(e);
}

const status = (code: string | undefined): Extracted => (code ? { clientCode: code } : {});

/** Windows' and .NET's patterns. */
export const WINDOWS_PATTERNS: readonly Pattern[] = [
  clientPattern(
    'dotnet',
    'dotnet.remote-certificate-invalid',
    '.NET: the remote certificate is invalid',
    'dotnet',
    `${phrase('The remote certificate is invalid')}\\s+(?:${phrase('according to the validation procedure')}|${phrase('because of errors in the certificate chain')})(?:[:.]?\\s*(?:SslPolicyErrors\\.)?(RemoteCertificate(?:NameMismatch|ChainErrors|NotAvailable)|PartialChain|UntrustedRoot|NotTimeValid|RevocationStatusUnknown|OfflineRevocation|NotSignatureValid|Revoked|HasWeakSignature|NotValidForUsage|InvalidBasicConstraints|HasNotPermittedNameConstraint|HasExcludedNameConstraint))?`,
    byStatus,
    (m) => status(m[1]),
  ),
  clientPattern(
    'dotnet',
    'dotnet.ssl-policy-errors',
    '.NET SslPolicyErrors: the certificate failed validation',
    'dotnet',
    '\\b(RemoteCertificateNameMismatch|RemoteCertificateChainErrors)\\b',
    byStatus,
    (m) => status(m[1]),
  ),
  clientPattern(
    'windows',
    'windows.trust-relationship',
    '.NET Framework / PowerShell: could not establish trust relationship for the SSL/TLS secure channel',
    'path:UnknownIssuer',
    phrase('Could not establish trust relationship for the SSL/TLS secure channel'),
    diagnoseUnspecified,
  ),
  clientPattern(
    'windows',
    'windows.untrusted-authority',
    'Windows: the certificate chain was issued by an authority that is not trusted',
    'path:UntrustedRoot',
    `${phrase('The certificate chain was issued by an authority that is not trusted')}|\\bSEC_E_UNTRUSTED_ROOT\\b|\\bCERT_E_UNTRUSTEDROOT\\b|0x80090325|0x800B0109`,
    (e) => diagnoseClientErrorKeys(['UntrustedRoot'], e),
  ),
  clientPattern(
    'windows',
    'windows.chaining',
    'Windows: a certificate chain could not be built to a trusted root',
    'path:UnknownIssuer',
    `${phrase('A certificate chain could not be built to a trusted root authority')}|\\bCERT_E_CHAINING\\b|0x800B010A`,
    diagnoseUnknownIssuer,
  ),
  clientPattern(
    'windows',
    'windows.wrong-principal',
    'Windows: the target principal name is incorrect (name mismatch)',
    'name',
    `${phrase('The target principal name is incorrect')}|\\bSEC_E_WRONG_PRINCIPAL\\b|\\bCERT_E_CN_NO_MATCH\\b|0x80090322|0x800B010F`,
    diagnoseNameMismatch,
  ),
  clientPattern(
    'windows',
    'windows.cert-expired',
    'Windows: a required certificate is not within its validity period',
    'path:CertExpired',
    `${phrase('A required certificate is not within its validity period')}|\\bSEC_E_CERT_EXPIRED\\b|\\bCERT_E_EXPIRED\\b|0x80090328|0x800B0101`,
    diagnoseExpired,
  ),
  clientPattern(
    'windows',
    'windows.revocation-unknown',
    'Windows: the revocation function was unable to check revocation',
    'revocation',
    `${phrase('The revocation function was unable to check revocation')}|\\bCRYPT_E_NO_REVOCATION_CHECK\\b|\\bCRYPT_E_REVOCATION_OFFLINE\\b|0x80092012|0x80092013`,
    diagnoseRevocationUnknown,
  ),
  clientPattern(
    'windows',
    'windows.revoked',
    'Windows: the certificate is revoked',
    'path:Revoked',
    `${phrase('The certificate is revoked')}|${phrase('A certificate was explicitly revoked by its issuer')}|\\bCRYPT_E_REVOKED\\b|\\bCERT_E_REVOKED\\b|0x80092010|0x800B010C`,
    (e) => diagnoseClientErrorKeys(['Revoked'], e),
  ),
  clientPattern(
    'windows',
    'windows.illegal-message',
    'Schannel: the message received was unexpected or badly formatted',
    'handshake:diagnoseHandshakeFailure',
    `${phrase('The message received was unexpected or badly formatted')}|\\bSEC_E_ILLEGAL_MESSAGE\\b|0x80090326`,
    diagnoseHandshakeFailure,
  ),
  clientPattern(
    'windows',
    'windows.invalid-token',
    'Schannel: the token supplied to the function is invalid',
    'handshake:diagnoseNotTls',
    `${phrase('The token supplied to the function is invalid')}|\\bSEC_E_INVALID_TOKEN\\b|0x80090308`,
    diagnoseNotTls,
  ),
  // WinINet / WinHTTP numbers: only with a word that says they are an error number.
  clientPattern(
    'windows',
    'windows.wininet-error',
    'WinINet / WinHTTP certificate error',
    'wininet',
    '\\b(?:ERROR_INTERNET_(SEC_CERT_CN_INVALID|SEC_CERT_DATE_INVALID|INVALID_CA|SEC_CERT_REV_FAILED|SEC_CERT_NO_REV|SEC_INVALID_CERT)|ERROR_WINHTTP_SECURE_FAILURE|(?:error|code)[ :=(#]{1,3}(12037|12038|12045|12056|12057|12169|12175))\\b',
    (e) => {
      const code = e.clientCode ?? '';
      if (/CN_INVALID|12038/.test(code)) return diagnoseNameMismatch(e);
      if (/DATE_INVALID|12037/.test(code)) return diagnoseExpired(e);
      if (/REV|1205[67]/.test(code)) return diagnoseRevocationUnknown(e);
      return diagnoseUnknownIssuer(e);
    },
    (m) => status(m[1] ?? m[2] ?? 'ERROR_WINHTTP_SECURE_FAILURE'),
  ),
  clientPattern(
    'browser',
    'browser.DLG_FLAGS',
    'Edge / Internet Explorer: DLG_FLAGS certificate error page',
    'dlg-flags',
    '\\bDLG_FLAGS_(SEC_CERT_CN_INVALID|INVALID_CA|SEC_CERT_DATE_INVALID|SEC_CERT_REV_FAILED)\\b',
    (e) => {
      const code = e.clientCode ?? '';
      if (code.endsWith('CN_INVALID')) return diagnoseNameMismatch(e);
      if (code.endsWith('DATE_INVALID')) return diagnoseExpired(e);
      if (code.endsWith('REV_FAILED')) return diagnoseRevocationUnknown(e);
      return diagnoseUnknownIssuer(e);
    },
    (m) => status(`DLG_FLAGS_${m[1]}`),
  ),
];
