import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import * as certgate from '../../src/index.js';

const ex = (name: string) => readFileSync(`examples/certs/${name}`, 'utf8');
const at = new Date('2027-03-01T00:00:00Z');

test('verify through the public API: the README example', () => {
  const result = certgate.verify({
    chain: ex('fullchain.pem'),
    roots: ex('root.pem'),
    host: 'api.example.com',
    at,
  });
  expect(result.verdict).toBe('fail');
  expect(certgate.failedStep(result.steps)).toEqual({
    step: 'name',
    status: 'failed',
    code: 'NAME_MISMATCH',
  });
  const words = certgate.describeFinding(result.findings[0]!);
  expect(words.message).toContain("Host: api.example.com. is not in the cert's altnames");
  const report = certgate.buildReport({
    command: 'verify',
    version: '0',
    failOn: 'error',
    results: [
      {
        subject: { kind: 'chain', id: 'api.example.com', source: 'fullchain.pem' },
        findings: result.findings,
        details: certgate.viewVerifyResult(result),
      },
    ],
  });
  const text = certgate.formatVerifyText(report, { colors: certgate.createColors(false) });
  expect(text).toContain('FAIL  step "name" failed');
});

test('the Mozilla roots are decoded once and include the Amazon roots', () => {
  const roots = certgate.mozillaRoots();
  expect(roots.length).toBeGreaterThan(100);
  expect(certgate.mozillaRoots()).toBe(roots);
  expect(roots.map((r) => r.subject.text)).toContain('CN=Amazon Root CA 1,O=Amazon,C=US');
});

test('the client-error table is exported for explain', () => {
  expect(certgate.CLIENT_ERRORS.UnknownIssuer.openssl[0]).toEqual({
    code: 20,
    text: 'unable to get local issuer certificate',
  });
  expect(certgate.ERROR_CODES.NameMismatch).toBe('NAME_MISMATCH');
  expect(() => certgate.verify({ chain: ex('fullchain.pem'), host: 'a', ip: '192.0.2.1' })).toThrow(
    certgate.VerifyUsageError,
  );
});
