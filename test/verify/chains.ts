/**
 * Chains for the verify tests, made with the test CA factory: a good root → intermediate → leaf
 * and one variant per classic failure. Keys come from `testKey` slots (one key per role per test
 * file); every test validates at `AT`.
 */

import { generateKeyPairSync } from 'node:crypto';
import {
  type CertificateOptions,
  createCertificate,
  type IssuedCertificate,
  type KeyPair,
  testKey,
} from '../support/cert-factory.js';
import { nul } from '../support/der-writer.js';

/** The validation time every verify test uses (inside the factory's 2024–2034 default validity). */
export const AT = new Date('2026-01-01T00:00:00Z');

const ROOT_SUBJECT = 'CN=Verify Test Root,O=certgate';
const INTERMEDIATE_SUBJECT = 'CN=Verify Test Intermediate,O=certgate';

/** The test root (self-signed CA). */
export function makeRoot(o: CertificateOptions = {}): IssuedCertificate {
  return createCertificate({ subject: ROOT_SUBJECT, ca: true, key: testKey('p256', 1), ...o });
}

/** An intermediate CA under `issuer` (pathLen 0 unless overridden). */
export function makeIntermediate(issuer: IssuedCertificate, o: CertificateOptions = {}): IssuedCertificate {
  return createCertificate({
    subject: INTERMEDIATE_SUBJECT,
    issuer,
    ca: true,
    pathLen: 0,
    key: testKey('p256', 2),
    ...o,
  });
}

/** A TLS server leaf for `sans` (CN = the first SAN, serverAuth, digitalSignature). */
export function makeLeaf(
  issuer: IssuedCertificate,
  sans: readonly string[] = ['dns:www.example.com'],
  o: CertificateOptions = {},
): IssuedCertificate {
  return createCertificate({
    subject: `CN=${(sans[0] ?? 'dns:leaf').replace(/^\w+:/, '')}`,
    issuer,
    ...(sans.length ? { sans } : {}),
    keyUsage: ['digitalSignature'],
    eku: ['serverAuth'],
    key: testKey('p256', 3),
    ...o,
  });
}

/** A chain as the factory made it. */
export interface TestChain {
  readonly root: IssuedCertificate;
  readonly intermediate: IssuedCertificate;
  readonly leaf: IssuedCertificate;
}

/** root → intermediate → leaf, with options for each. */
export function makeChain(
  o: { sans?: readonly string[]; leaf?: CertificateOptions; intermediate?: CertificateOptions } = {},
): TestChain {
  const root = makeRoot();
  const intermediate = makeIntermediate(root, o.intermediate);
  const leaf = makeLeaf(intermediate, o.sans, o.leaf);
  return { root, intermediate, leaf };
}

/** The chain as a server sends it: leaf then intermediate, one PEM text. */
export const pemChain = (c: TestChain): string => c.leaf.pem + c.intermediate.pem;

/** A leaf signed by a key other than its issuer's, with the issuer's name and key id. */
export function makeForgedChain(): TestChain {
  const root = makeRoot();
  const intermediate = makeIntermediate(root);
  const impostor = { ...intermediate, keyPair: testKey('p256', 9) };
  return { root, intermediate, leaf: makeLeaf(impostor) };
}

/** root → intermediate (pathLen 0) → second intermediate → leaf. */
export function makeTooDeepChain(): TestChain & { second: IssuedCertificate } {
  const root = makeRoot();
  const intermediate = makeIntermediate(root);
  const second = createCertificate({
    subject: 'CN=Verify Test Second Intermediate,O=certgate',
    issuer: intermediate,
    ca: true,
    key: testKey('p256', 4),
  });
  return { root, intermediate, second, leaf: makeLeaf(second) };
}

/** An unknown critical extension (a private OID with a NULL value). */
export const UNKNOWN_CRITICAL = { oid: '1.3.6.1.4.1.55555.1', critical: true, value: nul() };

let rsa1024: KeyPair | undefined;

/**
 * An RSA-1024 key pair, made once per file. The factory has no such key type; typing it as
 * `rsa2048` is fine for a leaf, whose key never signs anything.
 */
export function weakRsaKey(): KeyPair {
  if (rsa1024 === undefined) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 1024 });
    rsa1024 = { type: 'rsa2048', privateKey: pair.privateKey, publicKey: pair.publicKey };
  }
  return rsa1024;
}
