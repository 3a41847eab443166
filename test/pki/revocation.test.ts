/** Revocation against given CRLs (RFC 5280 §6.3), one row per CRL shape. */

import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/pki/index.js';
import { decodeCrl } from '../../src/x509/index.js';
import { type CrlOptions, createCrl, serialOf } from '../support/crl-builder.js';
import { ca, chain, leaf } from './fixtures.js';

const root = ca('CN=CRL Root', undefined);
const inter = ca('CN=CRL Intermediate', root);
const ee = leaf(inter, ['dns:example.com']);
const other = ca('CN=Another CA', root);

interface CrlTest {
  readonly name: string;
  readonly crl: () => Omit<CrlOptions, 'issuer'> & { issuer?: CrlOptions['issuer'] };
  readonly want: 'ok' | Record<string, unknown>;
}

const crlTests: CrlTest[] = [
  { name: 'leaf not listed', crl: () => ({ revoked: [{ serial: 12345 }] }), want: 'ok' },
  {
    name: 'leaf revoked',
    crl: () => ({ revoked: [{ serial: serialOf(ee.der), reason: 1 }] }),
    want: { kind: 'Revoked', certIndex: 0, reason: 'keyCompromise' },
  },
  {
    name: 'serial listed by another issuer',
    crl: () => ({ issuer: other, revoked: [{ serial: serialOf(ee.der) }] }),
    want: 'ok',
  },
  {
    name: 'out of date',
    crl: () => ({ nextUpdate: new Date('2025-01-01T00:00:00Z') }),
    want: { kind: 'InvalidCrl', certIndex: 0, reason: expect.stringContaining('out of date') },
  },
  {
    name: 'no cRLNumber',
    crl: () => ({ crlNumber: null }),
    want: { kind: 'InvalidCrl', reason: expect.stringContaining('cRLNumber') },
  },
  {
    name: 'critical cRLNumber',
    crl: () => ({ crlNumberCritical: true }),
    want: { kind: 'InvalidCrl', reason: expect.stringContaining('critical') },
  },
  {
    name: 'unknown critical extension',
    crl: () => ({ extensions: [{ oid: '1.3.6.1.4.1.55738.9', critical: true, value: Uint8Array.of(5, 0) }] }),
    want: { kind: 'InvalidCrl', reason: expect.stringContaining('1.3.6.1.4.1.55738.9') },
  },
];

describe('revocation', () => {
  it.each(crlTests.map((t) => [t.name, t] as const))('%s', (_name, t) => {
    const crl = createCrl({ issuer: inter, ...t.crl() });
    const outcome = verifyChain(chain(ee, [inter], [root], { crls: [crl] }));
    if (t.want === 'ok') expect(outcome.ok ? 'ok' : outcome.error).toBe('ok');
    else expect(outcome.ok ? 'ok' : outcome.error).toMatchObject(t.want);
  });

  it('rejects a CRL whose signature does not verify', () => {
    const crl = Uint8Array.from(createCrl({ issuer: inter }));
    crl[crl.length - 1] = crl[crl.length - 1]! ^ 1;
    const outcome = verifyChain(chain(ee, [inter], [root], { crls: [crl] }));
    expect(outcome.ok ? 'ok' : outcome.error).toMatchObject({
      kind: 'InvalidCrl',
      reason: expect.stringContaining('signature'),
    });
  });

  it('rejects a CRL from an issuer whose keyUsage lacks cRLSign', () => {
    const noCrlSign = ca('CN=No CRL Sign', root, { keyUsage: ['keyCertSign'] });
    const crl = createCrl({ issuer: noCrlSign });
    const outcome = verifyChain(
      chain(leaf(noCrlSign, ['dns:example.com']), [noCrlSign], [root], { crls: [crl] }),
    );
    expect(outcome.ok ? 'ok' : outcome.error).toMatchObject({
      kind: 'InvalidCrl',
      reason: expect.stringContaining('cRLSign'),
    });
  });

  it('checks intermediates too', () => {
    const crl = createCrl({ issuer: root, revoked: [{ serial: serialOf(inter.der) }] });
    const outcome = verifyChain(chain(ee, [inter], [root], { crls: [crl] }));
    expect(outcome.ok ? 'ok' : outcome.error).toMatchObject({ kind: 'Revoked', certIndex: 1 });
  });

  it('reports undecodable CRL input as InvalidCrl, not a throw', () => {
    const outcome = verifyChain(chain(ee, [inter], [root], { crls: [Uint8Array.of(0x30, 0x03, 1, 2)] }));
    expect(outcome.ok ? 'ok' : outcome.error).toMatchObject({ kind: 'InvalidCrl', certIndex: 0 });
  });

  it('decodes the CRL fields', () => {
    const crl = decodeCrl(
      createCrl({ issuer: inter, revoked: [{ serial: 0x1234, reason: 4 }], crlNumber: 7 }),
    );
    expect(crl).toMatchObject({
      version: 2,
      crlNumber: '07',
      revoked: [{ serialNumber: '1234', reason: 'superseded' }],
    });
    expect(crl.issuer.text).toBe('CN=CRL Intermediate');
  });
});
