/**
 * Certificates for the probe tests, from the tests' own CA (test/support/cert-factory.ts): one
 * root and intermediate, leaves for a few names, an expired leaf, and a leaf from an unknown CA.
 * Validity is fixed, so every test passes `AT` as the validation time.
 */

import { createHash } from 'node:crypto';
import { createCertificate, createTestChain, type IssuedCertificate } from '../support/cert-factory.js';

/** Inside every good leaf's validity (2024-01-01 .. 2034-01-01), after the expired one's end. */
export const AT = new Date('2026-06-01T00:00:00Z');
export const AT_TEXT = '2026-06-01T00:00:00Z';

const { root, intermediate, leaf: a } = createTestChain({ sans: ['dns:a.example.test'] });

const leaf = (names: readonly string[], extra: Partial<Parameters<typeof createCertificate>[0]> = {}) =>
  createCertificate({
    subject: `CN=${names[0]}`,
    issuer: intermediate,
    sans: names.map((n) => `dns:${n}`),
    keyUsage: ['digitalSignature'],
    eku: ['serverAuth'],
    ...extra,
  });

const otherRoot = createCertificate({ subject: 'CN=some other root,O=elsewhere', ca: true });
const otherIntermediate = createCertificate({
  subject: 'CN=some other intermediate',
  issuer: otherRoot,
  ca: true,
  pathLen: 0,
});

export const certs: {
  readonly root: IssuedCertificate;
  readonly intermediate: IssuedCertificate;
  readonly a: IssuedCertificate;
  readonly b: IssuedCertificate;
  readonly wild: IssuedCertificate;
  readonly expired: IssuedCertificate;
  readonly foreign: IssuedCertificate;
  readonly foreignIntermediate: IssuedCertificate;
} = {
  root,
  intermediate,
  a,
  b: leaf(['b.example.test', 'www.b.example.test']),
  wild: leaf(['*.wild.example.test']),
  expired: leaf(['expired.example.test'], {
    notBefore: new Date('2024-01-01T00:00:00Z'),
    notAfter: new Date('2025-01-01T00:00:00Z'),
  }),
  foreign: createCertificate({
    subject: 'CN=foreign.example.test',
    issuer: otherIntermediate,
    sans: ['dns:foreign.example.test'],
    eku: ['serverAuth'],
  }),
  foreignIntermediate: otherIntermediate,
};

/** SHA-256 of a certificate's DER as upper-case hex pairs with colons. */
export function fingerprint(cert: IssuedCertificate): string {
  return createHash('sha256')
    .update(cert.der)
    .digest('hex')
    .toUpperCase()
    .replace(/(..)(?!$)/g, '$1:');
}
