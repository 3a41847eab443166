/**
 * Path validation, Go `verifyTests` style: each row names a chain made by the test CA factory at
 * a fixed time, the options that differ, and the outcome: `ok` or the error kind, the
 * certificate it concerns and the fields that explain it.
 */

import { describe, expect, it } from 'vitest';
import { type ChainVerifyOptions, type PathError, verifyChain } from '../../src/pki/index.js';
import { createCertificate, type IssuedCertificate, testKey } from '../support/cert-factory.js';
import { AT, ca, chain, leaf, ref } from './fixtures.js';

const root = ca('CN=Test Root,O=certgate', undefined);
const inter = ca('CN=Test Intermediate,O=certgate', root, { pathLen: 0 });
const good = leaf(inter, ['dns:example.com', 'dns:www.example.com']);
const wildcard = leaf(inter, ['dns:*.example.com']);
const otherRoot = ca('CN=Other Root', undefined);

/** One row: a name, the options, and the expected outcome. */
interface VerifyTest {
  readonly name: string;
  readonly options: () => ChainVerifyOptions;
  /** `ok`, or the error kind plus fields the error must have. */
  readonly want: 'ok' | ({ kind: PathError['kind'] } & Record<string, unknown>);
}

function flipLastByte(cert: IssuedCertificate): IssuedCertificate {
  const der = Uint8Array.from(cert.der);
  der[der.length - 1] = der[der.length - 1]! ^ 0x01;
  return { ...cert, der };
}

const expired = { notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2024-06-01T00:00:00Z') };
const future = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2030-01-01T00:00:00Z') };

const verifyTests: VerifyTest[] = [
  // --- valid chains
  {
    name: 'valid chain',
    options: () => chain(good, [inter], [root], { reference: ref('example.com') }),
    want: 'ok',
  },
  {
    name: 'valid, second SAN',
    options: () => chain(good, [inter], [root], { reference: ref('www.example.com') }),
    want: 'ok',
  },
  { name: 'valid, no reference', options: () => chain(good, [inter], [root]), want: 'ok' },
  {
    name: 'valid, wildcard one label',
    options: () => chain(wildcard, [inter], [root], { reference: ref('a.example.com') }),
    want: 'ok',
  },
  {
    name: 'intermediates in any order, duplicates',
    options: () => chain(good, [root, inter, inter], [root]),
    want: 'ok',
  },
  // --- validity (RFC 5280 §6.1.3 (a)(2))
  {
    name: 'leaf expired',
    options: () => chain(leaf(inter, ['dns:example.com'], expired), [inter], [root]),
    want: { kind: 'CertExpired', certIndex: 0, notAfter: expired.notAfter, time: AT },
  },
  {
    name: 'leaf not yet valid',
    options: () => chain(leaf(inter, ['dns:example.com'], future), [inter], [root]),
    want: { kind: 'CertNotYetValid', certIndex: 0, notBefore: future.notBefore },
  },
  {
    name: 'intermediate expired',
    options: () => {
      const old = ca('CN=Test Intermediate,O=certgate', root, { pathLen: 0, ...expired });
      return chain(leaf(old, ['dns:example.com']), [old], [root]);
    },
    want: { kind: 'CertExpired', certIndex: 1 },
  },
  {
    name: 'intermediate not yet valid',
    options: () => {
      const early = ca('CN=Test Intermediate,O=certgate', root, { pathLen: 0, ...future });
      return chain(leaf(early, ['dns:example.com']), [early], [root]);
    },
    want: { kind: 'CertNotYetValid', certIndex: 1 },
  },
  {
    name: 'notAfter is inclusive',
    options: () => chain(good, [inter], [root], { at: new Date('2034-01-01T00:00:00.900Z') }),
    want: 'ok',
  },
  // --- building
  {
    name: 'missing intermediate',
    options: () => chain(good, [], [root]),
    want: { kind: 'UnknownIssuer', certIndex: 0, issuer: 'CN=Test Intermediate,O=certgate' },
  },
  {
    name: 'unknown issuer',
    options: () => chain(good, [], [otherRoot]),
    want: { kind: 'UnknownIssuer', certIndex: 0 },
  },
  {
    name: 'root not trusted (self-signed, only in the pool)',
    options: () => chain(good, [inter, root], [otherRoot]),
    want: { kind: 'UntrustedRoot', certIndex: 2 },
  },
  {
    name: 'self-signed leaf not trusted',
    options: () =>
      chain(createCertificate({ subject: 'CN=self', sans: ['dns:self'], eku: ['serverAuth'] }), [], [root]),
    want: { kind: 'UntrustedRoot', certIndex: 0 },
  },
  { name: 'the intermediate itself is the anchor', options: () => chain(good, [], [inter]), want: 'ok' },
  // --- signatures and keys
  {
    name: 'bad signature on the leaf',
    options: () => chain(flipLastByte(good), [inter], [root]),
    want: { kind: 'BadSignature', certIndex: 0 },
  },
  // --- CA-ness and path length (RFC 5280 §6.1.4)
  {
    name: 'issuer is not a CA (cA false)',
    options: () => {
      const notCa = createCertificate({
        subject: 'CN=Not A CA',
        issuer: root,
        ca: false,
        key: testKey('p256', 50),
      });
      return chain(leaf(notCa, ['dns:example.com']), [notCa], [root]);
    },
    want: { kind: 'IssuerNotCa', certIndex: 1 },
  },
  {
    name: 'pathLenConstraint exceeded',
    options: () => {
      const i2 = ca('CN=Second Intermediate', inter);
      return chain(leaf(i2, ['dns:example.com']), [inter, i2], [root]);
    },
    want: { kind: 'PathLenExceeded', certIndex: 2, pathLenConstraint: 0 },
  },
  {
    name: 'issuer keyUsage without keyCertSign',
    options: () => {
      const noSign = ca('CN=No Cert Sign', root, { keyUsage: ['digitalSignature', 'cRLSign'] });
      return chain(leaf(noSign, ['dns:example.com']), [noSign], [root]);
    },
    want: { kind: 'IssuerNotCertSigner', certIndex: 1 },
  },
  {
    name: 'a CA certificate as the leaf (cabf)',
    options: () => chain(inter, [], [root], { policy: 'cabf' }),
    want: { kind: 'CaUsedAsEndEntity', certIndex: 0 },
  },
  // --- purposes and extensions
  {
    name: 'clientAuth-only leaf for a server',
    options: () => chain(leaf(inter, ['dns:example.com'], { eku: ['clientAuth'] }), [inter], [root]),
    want: { kind: 'RequiredEkuNotFound', certIndex: 0, required: 'serverAuth', present: ['clientAuth'] },
  },
  {
    name: 'clientAuth leaf for a client',
    options: () =>
      chain(leaf(inter, ['dns:example.com'], { eku: ['clientAuth'] }), [inter], [root], {
        purpose: 'client',
      }),
    want: 'ok',
  },
  {
    name: 'unknown critical extension in the leaf',
    options: () =>
      chain(
        leaf(inter, ['dns:example.com'], {
          extensions: [{ oid: '1.3.6.1.4.1.55738.1', critical: true, value: Uint8Array.of(5, 0) }],
        }),
        [inter],
        [root],
      ),
    want: { kind: 'UnknownCriticalExtension', certIndex: 0, oid: '1.3.6.1.4.1.55738.1' },
  },
  {
    name: 'unknown non-critical extension is ignored',
    options: () =>
      chain(
        leaf(inter, ['dns:example.com'], {
          extensions: [{ oid: '1.3.6.1.4.1.55738.1', value: Uint8Array.of(5, 0) }],
        }),
        [inter],
        [root],
      ),
    want: 'ok',
  },
  {
    name: 'required keyUsage missing',
    options: () => chain(good, [inter], [root], { requiredKeyUsages: ['keyEncipherment'] }),
    want: { kind: 'KeyUsageNotAllowed', certIndex: 0, required: 'keyEncipherment' },
  },
  // --- depth
  {
    name: 'maxDepth 2 forbids an intermediate',
    options: () => chain(good, [inter], [root], { maxDepth: 2 }),
    want: { kind: 'PathTooLong', certIndex: 1, maxDepth: 2 },
  },
  { name: 'maxDepth 3 allows one', options: () => chain(good, [inter], [root], { maxDepth: 3 }), want: 'ok' },
];

describe('verifyChain', () => {
  it.each(verifyTests.map((t) => [t.name, t] as const))('%s', (_name, t) => {
    const outcome = verifyChain(t.options());
    if (t.want === 'ok') {
      expect(outcome.ok ? 'ok' : outcome.error).toBe('ok');
      return;
    }
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatchObject(t.want);
  });

  it('returns the path leaf → anchor and the SAN that matched', () => {
    const outcome = verifyChain(chain(good, [inter], [root], { reference: ref('www.example.com') }));
    expect(outcome.ok && outcome.path.map((c) => c.subject.text)).toEqual([
      'CN=example.com',
      'CN=Test Intermediate,O=certgate',
      'CN=Test Root,O=certgate',
    ]);
    expect(outcome.ok && outcome.matchedName).toBe('www.example.com');
  });

  it('returns the failing candidate path, so certIndex indexes into it', () => {
    const outcome = verifyChain(chain(good, [inter, root], [otherRoot]));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(
        outcome.path[outcome.error.kind === 'UntrustedRoot' ? outcome.error.certIndex : 0]?.subject.text,
      ).toBe('CN=Test Root,O=certgate');
  });

  it('throws only for a programmer error (an invalid date)', () => {
    expect(() => verifyChain(chain(good, [inter], [root], { at: new Date('nope') }))).toThrow(TypeError);
  });
});
