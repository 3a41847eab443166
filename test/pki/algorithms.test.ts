/** Signature algorithms and keys: the web PKI policy refuses SHA-1 and RSA-1024, rfc5280 accepts them. */

import { describe, expect, it } from 'vitest';
import { type ChainVerifyOptions, verifyChain } from '../../src/pki/index.js';
import { decodeCertificate } from '../../src/x509/index.js';
import { createCertificate, testKey } from '../support/cert-factory.js';
import { chain, leaf, resignWithSha1, rsaKey } from './fixtures.js';

describe('weak algorithms: webpki refuses, rfc5280 accepts', () => {
  const rsaRoot = createCertificate({ subject: 'CN=RSA Root', ca: true, key: testKey('rsa2048', 0) });
  const weakLeafKey = rsaKey(1024);
  const rsa1024Leaf = leaf(rsaRoot, ['dns:example.com'], { key: weakLeafKey });
  const sha1Leaf = leaf(rsaRoot, ['dns:example.com'], { key: testKey('p256', 91) });
  const sha1Options = (policy: 'cabf' | 'rfc5280'): ChainVerifyOptions => ({
    ...chain(sha1Leaf, [], [rsaRoot], { policy }),
    leaf: decodeCertificate(resignWithSha1(sha1Leaf, rsaRoot.keyPair)),
  });
  const rows = [
    [
      'RSA-1024 leaf key, webpki',
      () => chain(rsa1024Leaf, [], [rsaRoot]),
      { kind: 'WeakKey', certIndex: 0, key: 'RSA 1024' },
    ],
    ['RSA-1024 leaf key, rfc5280', () => chain(rsa1024Leaf, [], [rsaRoot], { policy: 'rfc5280' }), 'ok'],
    [
      'SHA-1 signature, webpki',
      () => sha1Options('cabf'),
      { kind: 'WeakSignatureAlgorithm', certIndex: 0, algorithm: 'sha1WithRSAEncryption' },
    ],
    ['SHA-1 signature, rfc5280', () => sha1Options('rfc5280'), 'ok'],
  ] as const;
  it.each(rows)('%s', (_name, options, want) => {
    const outcome = verifyChain(options());
    if (want === 'ok') expect(outcome.ok ? 'ok' : outcome.error).toBe('ok');
    else expect(outcome.ok ? 'ok' : outcome.error).toMatchObject(want);
  });
});
