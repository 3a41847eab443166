import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CLIENT_ERRORS, type ClientErrorKey, renderClientErrors } from '../../src/clients/client-errors.js';
import { clientErrorKeyFor, clientErrorsForFinding } from '../../src/clients/client-errors-for-finding.js';
import { docsPath } from '../../src/findings/catalog.js';
import { ERROR_CODES, errorKindOf } from '../../src/findings/path-codes.js';
import { ERROR_RANK, type PathErrorKind } from '../../src/pki/errors.js';
import { describeFinding } from '../../src/report/messages.js';

const kinds = Object.keys(ERROR_RANK) as PathErrorKind[];

describe('every PathError kind has a code, a docs page naming what clients say, and texts', () => {
  // Kinds no TLS client checks when it connects (policy rules for CAs): their page says so instead.
  const noClientCheck = new Set(['CommonNameNotInSan']);
  test.each(kinds.filter((k) => noClientCheck.has(k)))(
    '%s: no client text, and the page says why',
    (kind) => {
      const e = CLIENT_ERRORS[kind];
      expect([...e.openssl, ...e.node, ...e.curl, ...e.browser, ...e.java, ...e.go]).toEqual([]);
      expect(readFileSync(docsPath(ERROR_CODES[kind]), 'utf8')).toMatch(
        /do not check it when they\s+connect/,
      );
    },
  );
  test.each(kinds.filter((k) => !noClientCheck.has(k)))('%s', (kind) => {
    const code = ERROR_CODES[kind];
    expect(errorKindOf(code)).toBe(kind);
    const e = CLIENT_ERRORS[kind];
    const texts = [...e.openssl.map((o) => o.text), ...e.browser, ...e.go];
    expect(texts.length, `${kind} has no client text`).toBeGreaterThan(0);
    const page = readFileSync(docsPath(code), 'utf8');
    expect(page).toContain('## What clients say');
    // the first OpenSSL text, else the first browser code, appears on the page
    expect(page).toContain(e.openssl[0]?.text ?? e.browser[0]!);
  });
});

test('the texts the brief lists are in the table, exactly as clients print them', () => {
  const all = JSON.stringify(CLIENT_ERRORS);
  for (const text of [
    'unable to get local issuer certificate',
    'self-signed certificate in certificate chain',
    'certificate has expired',
    'certificate is not yet valid',
    'certificate signature failure',
    'invalid CA certificate',
    'path length constraint exceeded',
    'unsuitable certificate purpose',
    'certificate revoked',
    'unhandled critical extension',
    'permitted subtree violation',
    'excluded subtree violation',
    'key usage does not include certificate signing',
    'certificate chain too long',
    'hostname mismatch',
    'EE certificate key too weak',
    'CA certificate key too weak',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_HAS_EXPIRED',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'SSL certificate problem: unable to get local issuer certificate',
    "SSL: no alternative certificate subject name matches target host name '{host}'",
    'NET::ERR_CERT_AUTHORITY_INVALID',
    'NET::ERR_CERT_DATE_INVALID',
    'NET::ERR_CERT_COMMON_NAME_INVALID',
    'NET::ERR_CERT_INVALID',
    'PKIX path building failed',
    'No subject alternative DNS name matching {host} found.',
  ]) {
    expect(all, text).toContain(text);
  }
});

test('placeholders are filled, and missing values become an ellipsis', () => {
  const e = renderClientErrors('NameMismatch', { host: 'api.example.com', altnames: 'DNS:www.example.com' });
  expect(e.node[0]?.message).toBe(
    "Hostname/IP does not match certificate's altnames: Host: api.example.com. is not in the cert's altnames: DNS:www.example.com",
  );
  expect(e.curl[0]).toBe(
    "SSL: no alternative certificate subject name matches target host name 'api.example.com'",
  );
  expect(renderClientErrors('NameMismatch').java[0]).toBe(
    'No subject alternative DNS name matching … found.',
  );
});

describe('the row of a finding', () => {
  const rows: [string, Record<string, unknown>, ClientErrorKey | undefined][] = [
    ['NAME_MISMATCH', { referenceType: 'dns', dnsNames: ['a'] }, 'NameMismatch'],
    ['NAME_MISMATCH', { referenceType: 'ip', dnsNames: ['a'] }, 'NameMismatchIp'],
    ['NAME_MISMATCH', { referenceType: 'dns', dnsNames: [] }, 'NameMismatchCommonName'],
    ['NAME_MISMATCH', { hint: 'NoSubjectAltName', commonNameWouldMatch: true }, 'CommonNameOnly'],
    ['PATH_INVALID_EXTENSION', { missingSan: true }, 'CommonNameOnly'],
    ['PATH_INVALID_EXTENSION', {}, 'InvalidExtension'],
    ['CERT_EXPIRED', {}, 'CertExpired'],
    ['CERT_EXPIRES_SOON', {}, undefined],
  ];
  test.each(rows)('%s %j → %s', (code, args, key) => {
    expect(clientErrorKeyFor(code as never, args as never)).toBe(key);
  });

  test('a self-signed leaf is error 18, a root in the chain 19; a weak leaf key 66, a CA key 67', () => {
    const openssl = (code: string, certIndex: number) =>
      clientErrorsForFinding({ code: code as never, args: { certIndex } })?.openssl.map((o) => o.code);
    expect(openssl('PATH_UNTRUSTED_ROOT', 0)).toEqual([18]);
    expect(openssl('PATH_UNTRUSTED_ROOT', 2)).toEqual([19]);
    expect(openssl('PATH_WEAK_KEY', 0)).toEqual([66]);
    expect(openssl('PATH_WEAK_KEY', 1)).toEqual([67]);
  });
});

test('messages carry what clients say, so a pasted error can be found', () => {
  const unknownIssuer = describeFinding({
    code: 'PATH_UNKNOWN_ISSUER',
    args: { certIndex: 0, subject: '"x"' },
  });
  expect(unknownIssuer.message).toContain(
    '"unable to get local issuer certificate" (OpenSSL 20, Node.js UNABLE_TO_GET_ISSUER_CERT_LOCALLY, curl)',
  );
  expect(unknownIssuer.message).toContain('NET::ERR_CERT_AUTHORITY_INVALID');
  const expired = describeFinding({
    code: 'CERT_EXPIRED',
    args: { subject: '"x"', notAfter: 'y', daysAgo: 3 },
  });
  expect(expired.message).toContain('"certificate has expired" (OpenSSL 10, Node.js CERT_HAS_EXPIRED, curl)');
});
