import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import * as certgate from '../src/index.js';

test('the library reads, matches and inspects through the public API alone', () => {
  const pem = readFileSync('examples/certs/fullchain.pem', 'utf8');
  const { certificates } = certgate.readCertificates(pem, { source: 'fullchain.pem' });
  expect(certificates).toHaveLength(2);
  const san = certificates[0]!.extension('subjectAltName')!;
  const dnsNames = san.names.flatMap((n) => (n.type === 'dNSName' ? [n.value] : []));
  const ref = certgate.parseReferenceName('img.static.example.com');
  expect(ref.ok).toBe(true);
  if (!ref.ok) return;
  expect(certgate.matchHostname({ dnsNames, ipAddresses: [] }, ref.value)).toMatchObject({
    matched: true,
    by: '*.static.example.com',
  });
  expect(certgate.buildSanIndex(dnsNames).covers('api.example.com')).toMatchObject({ covered: false });

  const results = certgate.inspectCertificates(pem, {
    source: 'fullchain.pem',
    at: new Date('2027-01-01T00:00:00Z'),
  });
  const report = certgate.buildReport({ command: 'inspect', version: '0', results, failOn: 'error' });
  expect(report.verdict).toBe('pass');
  expect(certgate.computeExitCode({ findings: results.flatMap((r) => r.findings), failOn: 'error' })).toBe(
    certgate.EXIT_OK,
  );
});

test('a malformed certificate throws the decoder error, never another kind', () => {
  expect(() => certgate.decodeCertificate(new Uint8Array([0x30, 0x03, 0x02, 0x01]))).toThrow(
    certgate.X509DecodeError,
  );
});
