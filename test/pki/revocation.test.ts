/**
 * Revocation against given CRLs (RFC 5280 §6.3), table first: each row is the set of CRLs given
 * for root → intermediate → leaf, the scope, and the outcome. NIST PKITS (4.4, 4.5, 4.14, 4.15 in
 * test/conformance/pkits.test.ts) covers the standard case by case; these rows name the rules.
 */

import { describe, expect, it } from 'vitest';
import type { CrlCheck } from '../../src/pki/index.js';
import { verifyChain } from '../../src/pki/index.js';
import { decodeCrl } from '../../src/x509/index.js';
import { testKey } from '../support/cert-factory.js';
import { type CrlOptions, createCrl, serialOf } from '../support/crl-builder.js';
import { int, seq, tlv } from '../support/der-writer.js';
import { ca, chain, leaf } from './fixtures.js';

const root = ca('CN=CRL Root', undefined);
const inter = ca('CN=CRL Intermediate', root);
const ee = leaf(inter, ['dns:example.com']);
const other = ca('CN=Another CA', root);

const uri = (text: string) => tlv(0x86, new TextEncoder().encode(text));
/** A leaf whose cRLDistributionPoints has one point: a URI, and for an indirect CRL a cRLIssuer. */
const leafWithPoint = (url: string, crlIssuer?: Uint8Array) =>
  leaf(inter, ['dns:example.com'], {
    extensions: [
      {
        oid: '2.5.29.31',
        value: seq(
          seq(tlv(0xa0, tlv(0xa0, uri(url))), ...(crlIssuer ? [tlv(0xa2, tlv(0xa4, crlIssuer))] : [])),
        ),
      },
    ],
  });

/** issuingDistributionPoint (RFC 5280 §5.2.5) from its fields. */
const idp = (o: { url?: string; onlyCa?: boolean; reasons?: Uint8Array; indirect?: boolean }) => ({
  oid: '2.5.29.28',
  critical: true,
  value: seq(
    ...(o.url ? [tlv(0xa0, tlv(0xa0, uri(o.url)))] : []),
    ...(o.onlyCa ? [tlv(0x82, Uint8Array.of(0xff))] : []),
    ...(o.reasons ? [tlv(0x83, o.reasons)] : []),
    ...(o.indirect ? [tlv(0x84, Uint8Array.of(0xff))] : []),
  ),
});
// ReasonFlags contents (unused-bit count, then the bits): keyCompromise (bit 1), and every
// other reason (bits 2-8)
const KEY_COMPROMISE = Uint8Array.of(6, 0x40);
const ALL_BUT_KEY_COMPROMISE = Uint8Array.of(7, 0x3f, 0x80);
const delta = (base: number) => ({ oid: '2.5.29.27', critical: true, value: int(base) });
const certificateIssuer = (name: Uint8Array) => ({
  oid: '2.5.29.29',
  critical: true,
  value: seq(tlv(0xa4, name)),
});

const rootCrl = () => createCrl({ issuer: root });
const interCrl = (o: Omit<CrlOptions, 'issuer'> = {}) => createCrl({ issuer: inter, ...o });

interface Row {
  readonly name: string;
  /** The CRLs, given the leaf's serial. */
  readonly crls: (leafSerial: Uint8Array) => Uint8Array[];
  readonly leaf?: () => ReturnType<typeof leaf>;
  readonly scope?: CrlCheck;
  readonly want: 'ok' | Record<string, unknown>;
}

const rows: Row[] = [
  // --- the basic verdicts
  {
    name: 'nobody revoked',
    crls: () => [interCrl({ revoked: [{ serial: 12345 }] }), rootCrl()],
    want: 'ok',
  },
  {
    name: 'the leaf revoked',
    crls: (serial) => [interCrl({ revoked: [{ serial, reason: 1 }] }), rootCrl()],
    want: { kind: 'Revoked', certIndex: 0, reason: 'keyCompromise' },
  },
  {
    name: 'the intermediate revoked by the root',
    crls: () => [interCrl(), createCrl({ issuer: root, revoked: [{ serial: serialOf(inter.der) }] })],
    want: { kind: 'Revoked', certIndex: 1 },
  },
  {
    name: "the leaf's serial on another issuer's CRL",
    crls: (serial) => [interCrl(), rootCrl(), createCrl({ issuer: other, revoked: [{ serial }] })],
    want: 'ok',
  },
  // --- completeness: every certificate in scope needs a CRL
  {
    name: "all: the intermediate without its root's CRL",
    crls: () => [interCrl()],
    want: { kind: 'RevocationUnknown', certIndex: 1, reason: 'no CRL from "CN=CRL Root" was given' },
  },
  { name: 'leaf: the leaf alone needs a CRL', crls: () => [interCrl()], scope: 'leaf', want: 'ok' },
  {
    name: "leaf: only the root's CRL",
    crls: () => [rootCrl()],
    scope: 'leaf',
    want: { kind: 'RevocationUnknown', certIndex: 0 },
  },
  // --- a CRL that cannot be used
  {
    name: 'out of date',
    crls: () => [interCrl({ nextUpdate: new Date('2025-01-01T00:00:00Z') }), rootCrl()],
    want: { kind: 'InvalidCrl', certIndex: 0, reason: expect.stringContaining('out of date') },
  },
  {
    name: 'an old CRL beside the current one is ignored',
    crls: () => [interCrl({ nextUpdate: new Date('2025-01-01T00:00:00Z') }), interCrl(), rootCrl()],
    want: 'ok',
  },
  {
    name: 'no cRLNumber',
    crls: () => [interCrl({ crlNumber: null }), rootCrl()],
    want: { kind: 'InvalidCrl', reason: expect.stringContaining('cRLNumber') },
  },
  {
    name: 'critical cRLNumber',
    crls: () => [interCrl({ crlNumberCritical: true }), rootCrl()],
    want: { kind: 'InvalidCrl', reason: expect.stringContaining('critical') },
  },
  {
    name: 'unknown critical extension',
    crls: () => [
      interCrl({ extensions: [{ oid: '1.3.6.1.4.1.55738.9', critical: true, value: Uint8Array.of(5, 0) }] }),
      rootCrl(),
    ],
    want: { kind: 'InvalidCrl', reason: expect.stringContaining('1.3.6.1.4.1.55738.9') },
  },
  // --- delta CRLs (§5.2.4)
  {
    name: 'a delta CRL revokes the leaf',
    crls: (serial) => [
      interCrl({ crlNumber: 5 }),
      interCrl({ crlNumber: 6, extensions: [delta(5)], revoked: [{ serial, reason: 1 }] }),
      rootCrl(),
    ],
    want: { kind: 'Revoked', certIndex: 0, reason: 'keyCompromise' },
  },
  {
    name: 'a delta CRL lifts a hold (removeFromCRL)',
    crls: (serial) => [
      interCrl({ crlNumber: 5, revoked: [{ serial, reason: 6 }] }),
      interCrl({ crlNumber: 6, extensions: [delta(5)], revoked: [{ serial, reason: 8 }] }),
      rootCrl(),
    ],
    want: 'ok',
  },
  {
    name: 'a delta for a newer complete CRL than the one given is not used',
    crls: (serial) => [
      interCrl({ crlNumber: 5 }),
      interCrl({ crlNumber: 9, extensions: [delta(8)], revoked: [{ serial, reason: 1 }] }),
      rootCrl(),
    ],
    want: 'ok',
  },
  {
    name: 'a delta CRL alone says nothing',
    crls: () => [interCrl({ crlNumber: 6, extensions: [delta(5)] }), rootCrl()],
    want: { kind: 'RevocationUnknown', certIndex: 0, reason: expect.stringContaining('delta') },
  },
  // --- scope: issuingDistributionPoint and the certificate's distribution points
  {
    name: 'a CRL for CA certificates only does not cover the leaf',
    crls: () => [interCrl({ extensions: [idp({ onlyCa: true })] }), rootCrl()],
    want: {
      kind: 'RevocationUnknown',
      certIndex: 0,
      reason: expect.stringContaining('only CA certificates'),
    },
  },
  {
    name: 'onlySomeReasons: keyCompromise alone leaves the other reasons unknown',
    crls: () => [interCrl({ extensions: [idp({ reasons: KEY_COMPROMISE })] }), rootCrl()],
    want: { kind: 'RevocationUnknown', reason: expect.stringContaining('only some revocation reasons') },
  },
  {
    name: 'onlySomeReasons: two partitions together cover every reason',
    crls: () => [
      interCrl({ extensions: [idp({ reasons: KEY_COMPROMISE })] }),
      interCrl({ extensions: [idp({ reasons: ALL_BUT_KEY_COMPROMISE })] }),
      rootCrl(),
    ],
    want: 'ok',
  },
  {
    name: "the CRL of the leaf's distribution point",
    leaf: () => leafWithPoint('http://crl.example/a.crl'),
    crls: () => [interCrl({ extensions: [idp({ url: 'http://crl.example/a.crl' })] }), rootCrl()],
    want: 'ok',
  },
  {
    name: "another distribution point's CRL does not cover the leaf",
    leaf: () => leafWithPoint('http://crl.example/a.crl'),
    crls: () => [interCrl({ extensions: [idp({ url: 'http://crl.example/b.crl' })] }), rootCrl()],
    want: { kind: 'RevocationUnknown', reason: expect.stringContaining('another distribution point') },
  },
  // --- indirect CRLs: the leaf names another CA as its CRL issuer (§5.2.5, §5.3.3)
  {
    name: 'an indirect CRL revokes the leaf through certificateIssuer',
    leaf: () => leafWithPoint('http://crl.example/indirect.crl', other.subjectName),
    crls: (serial) => [
      createCrl({
        issuer: other,
        extensions: [idp({ url: 'http://crl.example/indirect.crl', indirect: true })],
        revoked: [{ serial, extensions: [certificateIssuer(inter.subjectName)] }],
      }),
      rootCrl(),
    ],
    want: { kind: 'Revoked', certIndex: 0 },
  },
  {
    name: "an indirect CRL's entry for the same serial under another issuer does not revoke the leaf",
    leaf: () => leafWithPoint('http://crl.example/indirect.crl', other.subjectName),
    crls: (serial) => [
      createCrl({
        issuer: other,
        extensions: [idp({ url: 'http://crl.example/indirect.crl', indirect: true })],
        revoked: [{ serial }],
      }),
      rootCrl(),
    ],
    want: 'ok',
  },
  {
    name: 'a CRL issuer that does not mark its CRL indirect',
    leaf: () => leafWithPoint('http://crl.example/indirect.crl', other.subjectName),
    crls: () => [
      createCrl({ issuer: other, extensions: [idp({ url: 'http://crl.example/indirect.crl' })] }),
      rootCrl(),
    ],
    want: { kind: 'RevocationUnknown', reason: expect.stringContaining('not an indirect CRL') },
  },
];

describe('revocation', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const end = row.leaf?.() ?? ee;
    const outcome = verifyChain(
      chain(end, [inter, other], [root], {
        crls: row.crls(serialOf(end.der)),
        ...(row.scope ? { crlCheck: row.scope } : {}),
      }),
    );
    if (row.want === 'ok') expect(outcome.ok ? 'ok' : outcome.error).toBe('ok');
    else expect(outcome.ok ? 'ok' : outcome.error).toMatchObject(row.want);
  });

  // §6.3.3 (f): the CA signs its CRLs with a second key, in a certificate of its own
  describe('a CRL signed by another key of the same CA', () => {
    const signer = ca('CN=CRL Intermediate', root, { key: testKey('p256', 40), keyUsage: ['cRLSign'] });
    const signed = () => createCrl({ issuer: signer });

    it('validates the signing certificate to the same root', () => {
      const outcome = verifyChain(chain(ee, [inter, signer], [root], { crls: [signed(), rootCrl()] }));
      expect(outcome.ok ? 'ok' : outcome.error).toBe('ok');
    });

    it('fails when the signing certificate is revoked', () => {
      const revokesSigner = createCrl({ issuer: root, revoked: [{ serial: serialOf(signer.der) }] });
      const outcome = verifyChain(chain(ee, [inter, signer], [root], { crls: [signed(), revokesSigner] }));
      expect(outcome.ok ? 'ok' : outcome.error).toMatchObject({
        kind: 'InvalidCrl',
        certIndex: 0,
        reason: expect.stringContaining('is revoked'),
      });
    });

    it('fails when the signing certificate is not given', () => {
      const outcome = verifyChain(chain(ee, [inter], [root], { crls: [signed(), rootCrl()] }));
      expect(outcome.ok ? 'ok' : outcome.error).toMatchObject({
        kind: 'InvalidCrl',
        reason: expect.stringContaining('signature'),
      });
    });
  });

  it('rejects a CRL whose signature does not verify', () => {
    const crl = Uint8Array.from(interCrl());
    crl[crl.length - 1] = crl[crl.length - 1]! ^ 1;
    const outcome = verifyChain(chain(ee, [inter], [root], { crls: [crl, rootCrl()] }));
    expect(outcome.ok ? 'ok' : outcome.error).toMatchObject({
      kind: 'InvalidCrl',
      reason: expect.stringContaining('signature'),
    });
  });

  it('rejects a CRL from an issuer whose keyUsage lacks cRLSign', () => {
    const noCrlSign = ca('CN=No CRL Sign', root, { keyUsage: ['keyCertSign'] });
    const crl = createCrl({ issuer: noCrlSign });
    const outcome = verifyChain(
      chain(leaf(noCrlSign, ['dns:example.com']), [noCrlSign], [root], { crls: [crl, rootCrl()] }),
    );
    expect(outcome.ok ? 'ok' : outcome.error).toMatchObject({
      kind: 'InvalidCrl',
      reason: expect.stringContaining('cRLSign'),
    });
  });

  it('reports undecodable CRL input as InvalidCrl, not a throw', () => {
    const outcome = verifyChain(chain(ee, [inter], [root], { crls: [Uint8Array.of(0x30, 0x03, 1, 2)] }));
    expect(outcome.ok ? 'ok' : outcome.error).toMatchObject({ kind: 'InvalidCrl', certIndex: 0 });
  });

  it('decodes the CRL fields', () => {
    const crl = decodeCrl(
      createCrl({
        issuer: inter,
        revoked: [
          { serial: 0x1234, reason: 4, extensions: [certificateIssuer(other.subjectName)] },
          { serial: 0x42 },
        ],
        crlNumber: 7,
        extensions: [
          delta(6),
          idp({ url: 'http://crl.example/a.crl', reasons: KEY_COMPROMISE, indirect: true }),
        ],
      }),
    );
    expect(crl).toMatchObject({
      version: 2,
      crlNumber: 7n,
      deltaBase: 6n,
      issuingDistributionPoint: {
        fullName: [{ type: 'uniformResourceIdentifier', value: 'http://crl.example/a.crl' }],
        onlySomeReasons: ['keyCompromise'],
        indirectCRL: true,
      },
      revoked: [{ serialNumber: '1234', reason: 'superseded' }, { serialNumber: '42' }],
    });
    // certificateIssuer carries over to the entries after it (RFC 5280 §5.3.3)
    const issuers = crl.revoked.map((r) => r.certificateIssuer?.[0]);
    expect(issuers.map((n) => (n?.type === 'directoryName' ? n.value.text : undefined))).toEqual([
      'CN=Another CA',
      'CN=Another CA',
    ]);
    expect(crl.issuer.text).toBe('CN=CRL Intermediate');
  });
});
