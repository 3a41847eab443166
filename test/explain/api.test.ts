import { expect, test } from 'vitest';
import * as certgate from '../../src/index.js';

test('explain and its formatter are part of the library API', () => {
  const explanation = certgate.explain(
    "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for 'api.example.com'. (_ssl.c:1006)",
  );
  expect(explanation.matches.map((m) => [m.id, m.extracted.host])).toEqual([
    ['openssl.hostname-mismatch', 'api.example.com'],
  ]);
  expect(certgate.formatExplanationText(explanation)).toContain('certgate verify - --host api.example.com');
  expect(certgate.MAX_EXPLAIN_INPUT).toBe(64 * 1024);
  expect(certgate.KNOWN_MESSAGES.join('\n')).toContain('InvalidViewerCertificate');
});
