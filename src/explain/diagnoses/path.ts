/**
 * Diagnoses of certification-path failures as TLS clients print them: an unknown issuer, a
 * self-signed certificate, a certificate out of its validity dates, and every other PathError
 * kind of `src/clients/client-errors.ts` (worded from the catalog). The commands fetch the chain
 * the server really sends and run `certgate verify` / `certgate inspect` on it.
 */

import type { ClientErrorKey } from '../../clients/client-errors.js';
import { CATALOG, docsPath } from '../../findings/catalog.js';
import { ERROR_CODES } from '../../findings/path-codes.js';
import type { PathErrorKind } from '../../pki/errors.js';
import { servedChain } from '../commands.js';
import type { Diagnosis, Extracted } from '../types.js';
import { diagnoseNameMismatch } from './name.js';
import { TLS_CAUSES } from './tls-causes.js';

const C = TLS_CAUSES;
const cause = {
  missingIntermediate: C['missing-intermediate'],
  privateCa: C['private-ca'],
  proxy: C.proxy,
  oldStore: C['client-trust-store'],
  defaultCert: C['default-certificate'],
  selfSignedOnPurpose: C['self-signed'],
  leafExpired: C['leaf-expired'],
  intermediateExpired: C['intermediate-expired'],
  clientClock: C['client-clock'],
  notYetValid: C['not-yet-valid'],
};

const docsOf = (...kinds: PathErrorKind[]) => kinds.map((k) => docsPath(ERROR_CODES[k]));

/** An unknown issuer: `unable to get local issuer certificate`, PKIX path building, Go's unknown authority. */
export function diagnoseUnknownIssuer(e: Extracted): Diagnosis {
  const leafOnly =
    e.opensslCode === 21 || e.clientCode === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || e.servedCertificates === 1;
  // Last: an expired cross-sign or root on the only path the client knows (AddTrust 2020, DST
  // Root CA X3 2021) shows as an unknown issuer in clients that stop at the first dead end.
  let causes = [
    cause.missingIntermediate(e),
    cause.privateCa(e),
    cause.proxy(e),
    cause.oldStore(e),
    cause.intermediateExpired(e),
  ];
  let diagnosis: string | undefined;
  // OpenSSL reports the certificate whose issuer it could not find: at depth 1 or more the leaf's
  // own issuer was there, so what is missing is further up, the root the client should hold
  const aboveLeaf =
    !leafOnly && e.depth !== undefined && e.depth >= 1 && (e.opensslCode === 20 || e.opensslCode === 2);
  if (e.chainBreak && !e.proxy) {
    const { index, issuer, next } = e.chainBreak;
    diagnosis = `certificate ${index} of the chain the server sent is issued by ${issuer}, but the certificate it sends after it is ${next}: the server serves the wrong intermediate (another CA's, or an old one); serve the certificate of ${issuer} after it`;
  } else if (aboveLeaf && !e.proxy) {
    causes = [
      cause.oldStore(e),
      cause.privateCa(e),
      cause.intermediateExpired(e),
      cause.proxy(e),
      cause.missingIntermediate(e),
    ];
    diagnosis = `the chain reached the certificate at depth ${e.depth}${e.issuer ? ` (issued by ${e.issuer})` : ''}, so the server's intermediate was there: the root above it is what the client lacks (its CA store, or openssl without -CAfile/-CApath), or the chain leads to a root the client does not have`;
  } else if (e.proxy) {
    causes = [cause.proxy(e), ...causes.filter((c) => c.id !== 'proxy')];
    diagnosis = `the text names ${e.proxy}${e.issuer ? ` (issuer: ${e.issuer})` : ''}: a TLS-inspection proxy re-signs the connection; add its root CA to the client`;
  } else if (leafOnly) {
    diagnosis =
      e.servedCertificates === 1
        ? 'the server sent one certificate only: its intermediate is missing from the served chain'
        : "the leaf's own issuer is neither sent by the server nor trusted by the client: almost always a missing intermediate";
  } else if (e.issuer) {
    diagnosis = `the chain the client saw ends at a certificate issued by ${e.issuer}, which the client does not trust`;
  }
  return {
    meaning:
      "The client could not build a path from the server's certificate to a root it trusts: an issuer certificate is neither in the chain the server sent nor in the client's trust store.",
    ...(diagnosis ? { diagnosis } : {}),
    causes,
    docs: docsOf('UnknownIssuer'),
  };
}

/** A self-signed certificate: the leaf itself (depth 0) or a root in the chain the client does not trust. */
function diagnoseSelfSigned(e: Extracted): Diagnosis {
  const atLeaf =
    e.opensslCode === 18 ||
    e.clientCode === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
    e.clientCode === 'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT';
  const causes = atLeaf
    ? [cause.defaultCert(e), cause.selfSignedOnPurpose(e), cause.proxy(e)]
    : [cause.proxy(e), cause.privateCa(e), cause.defaultCert(e)];
  const diagnosis = e.proxy
    ? `the text names ${e.proxy}: a TLS-inspection proxy re-signs the connection with its own root`
    : undefined;
  return {
    meaning: atLeaf
      ? 'The server sent a self-signed certificate, which no client trusts unless told to.'
      : 'The chain the client received ends in a self-signed root that is not in its trust store.',
    ...(diagnosis ? { diagnosis } : {}),
    causes: e.proxy && atLeaf ? [cause.proxy(e), ...causes.slice(0, 2)] : causes,
    docs: docsOf('UntrustedRoot'),
  };
}

/** A certificate past its notAfter. */
export function diagnoseExpired(e: Extracted): Diagnosis {
  const clockSuspect = e.time !== undefined && /^(19|200|201[0-4])/.test(e.time);
  const order = clockSuspect
    ? [cause.clientClock(e), cause.leafExpired(e), cause.intermediateExpired(e)]
    : e.depth !== undefined && e.depth > 0
      ? [cause.intermediateExpired(e), cause.leafExpired(e), cause.clientClock(e)]
      : [cause.leafExpired(e), cause.intermediateExpired(e), cause.clientClock(e)];
  const when = e.notAfter ? ` on ${e.notAfter}` : '';
  const diagnosis =
    e.depth !== undefined
      ? `the certificate at depth ${e.depth} (${e.depth === 0 ? 'the leaf' : 'an issuer in the chain'}) expired${when}`
      : e.notAfter
        ? `the certificate expired${when}${e.time ? ` (the client's time was ${e.time})` : ''}`
        : undefined;
  return {
    meaning: 'A certificate of the chain is past its notAfter date at the time the client checked it.',
    ...(diagnosis ? { diagnosis } : {}),
    causes: order,
    docs: docsOf('CertExpired'),
  };
}

/** A certificate before its notBefore. */
export function diagnoseNotYetValid(e: Extracted): Diagnosis {
  return {
    meaning:
      'A certificate of the chain is not valid yet: its notBefore is after the time the client checked it.',
    ...(e.notBefore
      ? {
          diagnosis: `the certificate is valid from ${e.notBefore}${e.time ? `; the client's time was ${e.time}` : ''}`,
        }
      : {}),
    causes: [cause.clientClock(e), cause.notYetValid(e)],
    docs: docsOf('CertNotYetValid'),
  };
}

/** A browser's date error (expired or not yet valid; the browser does not say which). */
export function diagnoseDateInvalid(e: Extracted): Diagnosis {
  return {
    meaning:
      "The certificate is outside its validity dates for the browser's clock: expired or not yet valid.",
    causes: [cause.leafExpired(e), cause.clientClock(e), cause.intermediateExpired(e), cause.notYetValid(e)],
    docs: docsOf('CertExpired', 'CertNotYetValid'),
  };
}

/** Any other path failure, worded from the catalog entry of its code. */
function diagnoseOther(kind: PathErrorKind, e: Extracted): Diagnosis {
  const code = ERROR_CODES[kind];
  const title = CATALOG[code].title;
  return {
    meaning: `${title}.`,
    causes: [
      {
        id: code,
        cause: title.charAt(0).toLowerCase() + title.slice(1),
        check:
          'certgate verify walks the verification flow, names the certificate and the step that fails, and says how to fix it',
        command: servedChain(e, 'verify'),
        code,
      },
    ],
    docs: [docsPath(code)],
  };
}

/**
 * The diagnosis for a row (or rows) of the client-error table. A text several rows share is
 * diagnosed as the first (most common) one, except a date error that may be either.
 */
export function diagnoseClientErrorKeys(keys: readonly ClientErrorKey[], e: Extracted): Diagnosis {
  if (keys.includes('CertExpired') && keys.includes('CertNotYetValid')) return diagnoseDateInvalid(e);
  const key = keys[0] ?? 'UnknownIssuer';
  switch (key) {
    case 'UnknownIssuer':
      return diagnoseUnknownIssuer(e);
    case 'UntrustedRoot':
      return diagnoseSelfSigned(e);
    case 'CertExpired':
      return diagnoseExpired(e);
    case 'CertNotYetValid':
      return diagnoseNotYetValid(e);
    case 'NameMismatch':
    case 'NameMismatchIp':
    case 'NameMismatchCommonName':
    case 'CommonNameOnly':
      return diagnoseNameMismatch(e);
    case 'NameConstraintBudgetExceeded':
      return diagnoseOther('BudgetExceeded', e);
    default:
      return diagnoseOther(key, e);
  }
}
