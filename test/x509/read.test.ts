/**
 * Input reading: PEM blocks (RFC 7468), DER, PKCS#7 (RFC 5652; real `.p7b` files made with
 * `openssl crl2pkcs7`) and OpenSSL TRUSTED CERTIFICATE, and the errors for bad input.
 */

import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { X509DecodeError } from '../../src/x509/errors.js';
import { readPemBlocks } from '../../src/x509/pem.js';
import { MAX_INPUT_BYTES, readCertificates } from '../../src/x509/read.js';
import { createTestChain } from '../support/cert-factory.js';
import { concat, explicit, hex, int, oid, pem, seq, set, tlv } from '../support/der-writer.js';

const { root, intermediate, leaf } = createTestChain({ sans: ['dns:example.com'] });
const dir = mkdtempSync(join(tmpdir(), 'certgate-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs openssl with the chain written to chain.pem; returns the output file's bytes. */
function openssl(args: string[], out: string): Buffer {
  writeFileSync(join(dir, 'chain.pem'), leaf.pem + intermediate.pem);
  writeFileSync(join(dir, 'leaf.pem'), leaf.pem);
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  return readFileSync(join(dir, out));
}

const p7bDer = new Uint8Array(
  openssl(['crl2pkcs7', '-nocrl', '-certfile', 'chain.pem', '-outform', 'DER', '-out', 'c.p7b'], 'c.p7b'),
);
const p7bPem = openssl(
  ['crl2pkcs7', '-nocrl', '-certfile', 'chain.pem', '-out', 'c.p7c'],
  'c.p7c',
).toString();
const trusted = openssl(
  ['x509', '-in', 'leaf.pem', '-trustout', '-addtrust', 'serverAuth', '-out', 't.pem'],
  't.pem',
).toString();
const keyPem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const keyBody = keyPem.split('\n')[1]!;

// BER as Windows writes it: the outer ContentInfo with an indefinite length
const berP7b = concat([
  hex('30 80'),
  p7bDer.subarray(p7bDer[1]! & 0x80 ? 2 + (p7bDer[1]! & 0x7f) : 2),
  hex('00 00'),
]);
const SIGNED_DATA = '1.2.840.113549.1.7.2';
const emptySignedData = (certs: Uint8Array[]) =>
  seq(
    oid(SIGNED_DATA),
    explicit(
      0,
      seq(
        int(1),
        set(),
        seq(oid('1.2.840.113549.1.7.1')),
        ...(certs.length ? [tlv(0xa0, certs)] : []),
        set(),
      ),
    ),
  );

const subjects = (input: Uint8Array | string) =>
  readCertificates(input).certificates.map((c) => c.subject.text);
const LEAF = 'CN=example.com';
const INTERMEDIATE = 'CN=certgate test intermediate,O=certgate';

describe('formats', () => {
  // biome-ignore format: table rows stay one line each
  test.each([
    { name: 'DER certificate', input: leaf.der, want: [LEAF] },
    { name: 'PEM certificate', input: leaf.pem, want: [LEAF] },
    { name: 'PEM as bytes', input: new Uint8Array(Buffer.from(leaf.pem)), want: [LEAF] },
    { name: 'PEM as bytes with a UTF-8 BOM', input: new Uint8Array(Buffer.from(`\ufeff${leaf.pem}`)), want: [LEAF] },
    { name: 'several blocks keep file order', input: intermediate.pem + leaf.pem + root.pem, want: [INTERMEDIATE, LEAF, 'CN=certgate test root,O=certgate'] },
    { name: 'text before, between and after', input: `subject=CN=x\n${leaf.pem}\nBag Attributes\n  localKeyID: 01\n${intermediate.pem}trailer\n`, want: [LEAF, INTERMEDIATE] },
    { name: 'CRLF line endings', input: (leaf.pem + intermediate.pem).replace(/\n/g, '\r\n'), want: [LEAF, INTERMEDIATE] },
    { name: 'indented lines and blank lines', input: leaf.pem.replace(/^/gm, '   ').replace('\n', '\n\n'), want: [LEAF] },
    { name: 'PEM bytes after text starting with 0 (0x30)', input: new Uint8Array(Buffer.from(`0 certificates follow\n${leaf.pem}`)), want: [LEAF] },
    { name: 'X509 CERTIFICATE label', input: pem('X509 CERTIFICATE', leaf.der), want: [LEAF] },
    { name: 'TRUSTED CERTIFICATE (openssl -trustout)', input: trusted, want: [LEAF] },
    { name: 'PKCS#7 DER (openssl crl2pkcs7)', input: p7bDer, want: [LEAF, INTERMEDIATE] },
    { name: 'PKCS#7 PEM (openssl crl2pkcs7)', input: p7bPem, want: [LEAF, INTERMEDIATE] },
    { name: 'CMS label', input: pem('CMS', p7bDer), want: [LEAF, INTERMEDIATE] },
    { name: 'PKCS#7 skips attribute certificates', input: emptySignedData([tlv(0xa1, hex('05 00')), leaf.der]), want: [LEAF] },
  ])('$name', ({ input, want }) => {
    expect(subjects(input)).toEqual(want);
  });
});

describe('skipped blocks', () => {
  const csr = pem('CERTIFICATE REQUEST', hex('3000'));
  const crl = pem('X509 CRL', hex('3000'));
  const legacyKey =
    '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nbm90IGEga2V5\n-----END RSA PRIVATE KEY-----\n';

  test('private keys are counted, never kept', () => {
    const bundle = readCertificates(keyPem + leaf.pem + legacyKey);
    expect(bundle.privateKeysSkipped).toBe(2);
    expect(bundle.certificates).toHaveLength(1);
    const json = JSON.stringify(bundle);
    expect(json).not.toContain(keyBody);
    expect(json).not.toContain('bm90IGEga2V5');
  });

  test('other labels are listed with their line', () => {
    const bundle = readCertificates(csr + leaf.pem + crl);
    const leafLines = leaf.pem.split('\n').length - 1;
    expect(bundle.skipped).toEqual([
      { label: 'CERTIFICATE REQUEST', line: 1 },
      { label: 'X509 CRL', line: 4 + leafLines },
    ]);
  });

  test('blocks come back with labels and BEGIN lines', () => {
    const blocks = readPemBlocks(`x\n${keyPem}${leaf.pem}`);
    expect(blocks.map((b) => [b.label, b.line, b.der.length > 0])).toEqual([
      ['PRIVATE KEY', 2, false],
      ['CERTIFICATE', 2 + keyPem.split('\n').length - 1, true],
    ]);
  });
});

function errorOf(input: Uint8Array | string, options?: { source?: string }): X509DecodeError {
  try {
    readCertificates(input, options);
  } catch (e) {
    if (e instanceof X509DecodeError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

const lines = leaf.pem.split('\n');
const badBase64 = [lines[0], lines[1]!.replace(/^./, '!'), ...lines.slice(2)].join('\n');
const truncatedDer = pem('CERTIFICATE', leaf.der.subarray(0, 100));

describe('errors', () => {
  // biome-ignore format: table rows stay one line each
  test.each([
    { name: 'empty input', input: '', want: 'no certificate found (expected PEM, DER or PKCS#7)' },
    { name: 'empty bytes', input: new Uint8Array(0), want: 'no certificate found (expected PEM, DER or PKCS#7)' },
    { name: 'plain text', input: 'hello\n', want: 'no certificate found (expected PEM, DER or PKCS#7)' },
    { name: 'random bytes', input: hex('8f 13 aa 02 77 00 19'), want: 'no certificate found (expected PEM, DER or PKCS#7)' },
    { name: 'random bytes starting like DER', input: hex('30 13 aa 02 77 00 19'), want: 'at byte 0: truncated: certificate needs 19 bytes, 5 left' },
    { name: 'only a private key', input: keyPem, want: 'no certificate found (expected PEM, DER or PKCS#7); found only 1 private key' },
    { name: 'only a CSR', input: pem('CERTIFICATE REQUEST', hex('3000')), want: 'no certificate found (expected PEM, DER or PKCS#7); found only CERTIFICATE REQUEST (line 1)' },
    { name: 'bad base64 in block 2', input: intermediate.pem + badBase64, want: `block 2 (line ${intermediate.pem.split('\n').length}): invalid base64 on line ${intermediate.pem.split('\n').length + 1}: character "!"` },
    { name: 'base64 cut short', input: leaf.pem.replace(/.\n-----END/, '\n-----END'), want: 'block 1 (line 1): invalid base64: length' },
    { name: 'data after padding', input: pem('CERTIFICATE', hex('3000')).replace('MAA=', 'MAA=\nMAA='), want: "block 1 (line 1): invalid base64 on line 3: data after '=' padding" },
    { name: 'missing END line', input: leaf.pem.replace(/-----END.*\n/, ''), want: 'block 1 (line 1): missing "-----END CERTIFICATE-----" line' },
    { name: 'END label mismatch', input: leaf.pem.replace('END CERTIFICATE', 'END X509 CRL'), want: 'block 1 (line 1): END label "X509 CRL" on line' },
    { name: 'PEM headers in a certificate', input: leaf.pem.replace('-----\n', '-----\nProc-Type: 4,ENCRYPTED\n'), want: 'block 1 (line 1): PEM headers are not supported (line 2)' },
    { name: 'empty block', input: '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n', want: 'block 1 (line 1): empty PEM block' },
    { name: 'truncated DER in block 2', input: leaf.pem + truncatedDer, want: `block 2 (line ${lines.length}): at byte 0: truncated: certificate needs` },
    { name: 'trailing data after a PEM certificate', input: pem('CERTIFICATE', concat([leaf.der, hex('00')])), want: `block 1 (line 1): at byte ${leaf.der.length}: unexpected data after the end of certificate` },
    { name: 'BER (indefinite length) PKCS#7', input: berP7b, want: 'at byte 1: BER indefinite-length encoding is not DER; convert with openssl pkcs7 -inform DER -in bundle.p7b -print_certs -out certs.pem' },
    { name: 'PKCS#7 that is not signedData', input: seq(oid('1.2.840.113549.1.7.1'), explicit(0, hex('04 00'))), want: 'at byte 2: PKCS#7 content type 1.2.840.113549.1.7.1 is not signedData' },
    { name: 'PKCS#7 without certificates', input: emptySignedData([]), want: 'no certificate found (expected PEM, DER or PKCS#7): the PKCS#7 bundle is empty' },
    { name: 'PKCS#7 with a truncated certificate', input: emptySignedData([leaf.der.subarray(0, 50)]), want: 'truncated' },
  ])('$name', ({ input, want }) => {
    expect(errorOf(input).message).toContain(want);
  });

  test('the source is recorded on the error but left out of the message', () => {
    const err = errorOf(leaf.pem + truncatedDer, { source: 'chain.pem' });
    expect(err.source).toBe('chain.pem');
    expect(err.context).toBe(`block 2 (line ${lines.length})`);
    expect(err.message.startsWith('block 2')).toBe(true);
  });

  test('input over 16 MiB is rejected', () => {
    expect(errorOf(new Uint8Array(MAX_INPUT_BYTES + 1)).reason).toBe('input is larger than 16 MiB');
  });

  test('wrong input type is an X509DecodeError', () => {
    expect(errorOf(42 as unknown as string).reason).toBe('input must be a string or Uint8Array');
  });
});

describe('certificates read again are decoded once', () => {
  const chain = [leaf, intermediate, root];
  const pemText = chain.map((c) => c.pem).join('');

  test('the same PEM or DER gives the same frozen certificate object', () => {
    const a = readCertificates(pemText).certificates;
    const b = readCertificates(pemText).certificates;
    expect(b[0]).toBe(a[0]);
    expect(readCertificates(chain[0]!.der).certificates[0]).toBe(a[0]);
    expect(Object.isFrozen(a[0])).toBe(true);
  });

  test('a caller reusing its DER buffer does not change a certificate decoded from it', () => {
    const buffer = Uint8Array.from(chain[1]!.der);
    const cert = readCertificates(buffer).certificates[0]!;
    const subject = cert.subject.text;
    const fingerprint = cert.sha256Fingerprint;
    buffer.fill(0);
    expect(cert.subject.text).toBe(subject);
    expect(Buffer.from(cert.der).equals(Buffer.from(chain[1]!.der))).toBe(true);
    expect(readCertificates(chain[1]!.der).certificates[0]!.sha256Fingerprint).toBe(fingerprint);
  });
});
