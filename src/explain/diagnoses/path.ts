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
import type { CauseText } from './cloudfront-causes.js';
import { diagnoseNameMismatch } from './name.js';

const ADD_ROOT =
  '(Node.js: NODE_EXTRA_CA_CERTS=corp-root.pem; curl: --cacert; Python: REQUESTS_CA_BUNDLE; Java: keytool -importcert into cacerts; Go and OpenSSL: SSL_CERT_FILE)';

const cause = {
  missingIntermediate: (e: Extracted): CauseText => ({
    cause:
      "the server sends its certificate without the intermediate CA certificate(s): browsers often hide this by fetching or caching the intermediate, Node.js, curl, Java and Go don't",
    check:
      'count the certificates the server sends: one (the leaf alone) means the intermediate is missing; serve the full chain (fullchain.pem, or import the chain into ACM with --certificate-chain)',
    command: servedChain(e, 'inspect'),
    code: 'PATH_UNKNOWN_ISSUER',
  }),
  privateCa: (e: Extracted): CauseText => ({
    cause: "the certificate comes from a private or internal CA that is not in the client's trust store",
    check: `the chain ends at your organisation's CA: verify with that root added; if it passes, add the root to the client ${ADD_ROOT}`,
    command: servedChain(e, 'verify', ' --add-roots corp-root.pem'),
    code: 'PATH_UNKNOWN_ISSUER',
  }),
  proxy: (e: Extracted): CauseText => ({
    cause:
      'a TLS-inspection proxy (Zscaler, Netskope, a corporate firewall, antivirus) re-signs the traffic with its own CA, which the client does not trust',
    check: `the issuer of the certificate the client sees names the proxy, and differs from what a machine outside the network sees; add the proxy's root CA to the client ${ADD_ROOT}`,
    command: servedChain(e, 'inspect'),
  }),
  oldStore: (e: Extracted): CauseText => ({
    cause:
      'the client has an old trust store without the root the chain ends at (old Java, Android, Docker base image, pinned certifi)',
    check:
      'the chain verifies with current Mozilla roots but not on the client: update the CA bundle or the runtime',
    command: servedChain(e, 'verify'),
  }),
  defaultCert: (e: Extracted): CauseText => ({
    cause:
      "the server sends a self-signed placeholder: an appliance's or ingress controller's default certificate, served because no configured site matches the name (SNI) asked for",
    check:
      'read the subject of the certificate served: a default or "fake" certificate means the host name, SNI or TLS configuration does not reach your site',
    command: servedChain(e, 'inspect'),
    code: 'PATH_UNTRUSTED_ROOT',
  }),
  selfSignedOnPurpose: (e: Extracted): CauseText => ({
    cause: 'a self-signed certificate is deployed on purpose (development, internal service)',
    check: `replace it with a CA-issued certificate, or trust exactly that certificate on the client ${ADD_ROOT}`,
    command: servedChain(e, 'verify', ' --add-roots server.pem'),
    code: 'PATH_UNTRUSTED_ROOT',
  }),
  leafExpired: (e: Extracted): CauseText => ({
    cause:
      'the leaf certificate expired: renewal failed, or the renewed certificate is not deployed (imported ACM certificates never renew; CloudFront takes up to 24 hours to pick up a reimport)',
    check: 'the notAfter and days left of the leaf the server sends (certificate #0)',
    command: servedChain(e, 'inspect'),
    code: 'CERT_EXPIRED',
  }),
  intermediateExpired: (e: Extracted): CauseText => ({
    cause:
      'an intermediate or cross-signed certificate in the served chain expired (an old chain bundle kept when the leaf was renewed)',
    check: 'the notAfter of every certificate after #0; serve the chain that came with the current leaf',
    command: servedChain(e, 'inspect'),
    code: 'CERT_EXPIRED',
  }),
  clientClock: (e: Extracted): CauseText => ({
    cause:
      "the client's clock is wrong (a VM or container after suspend, a device without a real-time clock)",
    check:
      "compare 'date -u' on the client with the certificate's notBefore/notAfter; verify with --at to see the verdict at another time",
    command: servedChain(e, 'verify'),
  }),
  notYetValid: (e: Extracted): CauseText => ({
    cause:
      "a certificate was deployed before its notBefore (issued for a future date, or the issuing CA's clock ran ahead)",
    check: 'the notBefore of each certificate the server sends, against the current UTC time',
    command: servedChain(e, 'inspect'),
    code: 'CERT_NOT_YET_VALID',
  }),
};

const docsOf = (...kinds: PathErrorKind[]) => kinds.map((k) => docsPath(ERROR_CODES[k]));

/** An unknown issuer: `unable to get local issuer certificate`, PKIX path building, Go's unknown authority. */
export function diagnoseUnknownIssuer(e: Extracted): Diagnosis {
  const leafOnly =
    e.opensslCode === 21 || e.clientCode === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || e.servedCertificates === 1;
  let causes = [cause.missingIntermediate(e), cause.privateCa(e), cause.proxy(e), cause.oldStore(e)];
  let diagnosis: string | undefined;
  if (e.proxy) {
    causes = [cause.proxy(e), ...causes.filter((c) => c.cause !== cause.proxy(e).cause)];
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
