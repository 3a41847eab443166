/**
 * Path building over awkward pools: cross-signed intermediates, cycles, the most specific error
 * across candidates, and hostile pools that must end quickly with a clear error (budgets).
 */

import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { Budget, verifyChain } from '../../src/pki/index.js';
import { createCertificate, generateKeyPair, testKey } from '../support/cert-factory.js';
import { AT, ca, chain, decode, leaf } from './fixtures.js';

describe('path building', () => {
  const rootA = ca('CN=Root A', undefined);
  const rootB = ca('CN=Root B', undefined);
  // one logical intermediate (same subject and key) cross-signed by two roots
  const interKey = testKey('p256', 60);
  const viaA = createCertificate({ subject: 'CN=Cross CA', issuer: rootA, ca: true, key: interKey });
  const viaB = createCertificate({ subject: 'CN=Cross CA', issuer: rootB, ca: true, key: interKey });
  const ee = leaf(viaA, ['dns:example.com']);

  it('finds the cross-signed path to the trusted root', () => {
    const outcome = verifyChain(chain(ee, [viaB, viaA], [rootA]));
    expect(outcome.ok && outcome.path.map((c) => c.subject.text)).toEqual([
      'CN=example.com',
      'CN=Cross CA',
      'CN=Root A',
    ]);
    const other = verifyChain(chain(ee, [viaA, viaB], [rootB]));
    expect(other.ok && other.path.at(-1)?.subject.text).toBe('CN=Root B');
  });

  it('keeps the most specific error across candidates (expired beats unknown issuer)', () => {
    const expiredViaA = createCertificate({
      subject: 'CN=Cross CA',
      issuer: rootA,
      ca: true,
      key: interKey,
      notAfter: new Date('2024-01-01T00:00:00Z'),
    });
    const outcome = verifyChain(chain(ee, [viaB, expiredViaA], [rootA]));
    expect(outcome.ok ? 'ok' : outcome.error).toMatchObject({ kind: 'CertExpired', certIndex: 1 });
    expect(!outcome.ok && outcome.path.map((c) => c.subject.text)).toEqual(['CN=example.com', 'CN=Cross CA']);
  });

  it('stops on a cross-sign cycle that reaches no anchor', () => {
    const keyX = testKey('p256', 61);
    const keyY = testKey('p256', 62);
    const seedX = createCertificate({ subject: 'CN=Cycle X', ca: true, key: keyX });
    const seedY = createCertificate({ subject: 'CN=Cycle Y', ca: true, key: keyY });
    const xByY = createCertificate({ subject: 'CN=Cycle X', issuer: seedY, ca: true, key: keyX });
    const yByX = createCertificate({ subject: 'CN=Cycle Y', issuer: seedX, ca: true, key: keyY });
    const start = performance.now();
    const outcome = verifyChain(chain(leaf(xByY, ['dns:example.com']), [xByY, yByX], [rootA]));
    expect(performance.now() - start).toBeLessThan(1000);
    expect(outcome.ok ? 'ok' : outcome.error.kind).toBe('UnknownIssuer');
  });

  it('ends a hostile pool of 100 same-subject intermediates with BudgetExceeded', () => {
    const pool = Array.from({ length: 100 }, () =>
      createCertificate({ subject: 'CN=Hostile CA', ca: true, key: generateKeyPair('p256') }),
    );
    const target = leaf(pool[0]!, ['dns:example.com']);
    const intermediates = decode(...pool);
    const start = performance.now();
    const outcome = verifyChain({ leaf: decode(target)[0]!, intermediates, anchors: decode(rootA), at: AT });
    expect(performance.now() - start).toBeLessThan(2000);
    expect(outcome.ok ? 'ok' : outcome.error).toMatchObject({
      kind: 'BudgetExceeded',
      budget: 'signatures',
      limit: 100,
    });
  });

  it('counts every kind of work in a Budget', () => {
    const budget = new Budget({ signatures: 1, buildSteps: 1, nameComparisons: 2 });
    expect(budget.spendSignature()).toBeUndefined();
    expect(budget.spendSignature()).toMatchObject({ kind: 'BudgetExceeded', budget: 'signatures', limit: 1 });
    expect(budget.spendBuildStep()).toBeUndefined();
    expect(budget.spendBuildStep()).toMatchObject({ budget: 'buildSteps' });
    expect(budget.spendNameComparisons(2)).toBeUndefined();
    expect(budget.spendNameComparisons()).toMatchObject({ budget: 'nameComparisons', limit: 2 });
  });

  it('ends a name-constraint bomb with BudgetExceeded', () => {
    const excluded = Array.from({ length: 600 }, (_, i) => `dns:x${i}.invalid`);
    const bomb = ca('CN=Bomb CA', rootA, { nameConstraints: { excluded } });
    const sans = Array.from({ length: 500 }, (_, i) => `dns:h${i}.example.com`);
    const outcome = verifyChain(chain(leaf(bomb, sans, { subject: 'CN=h0.example.com' }), [bomb], [rootA]));
    expect(outcome.ok ? 'ok' : outcome.error).toMatchObject({
      kind: 'BudgetExceeded',
      budget: 'nameComparisons',
    });
  });

  it('ignores a broken certificate that is not on the path', () => {
    const broken = ca('CN=Unrelated', rootA, {
      extensions: [{ oid: '1.3.6.1.4.1.55738.1', critical: true, value: Uint8Array.of(5, 0) }],
    });
    const outcome = verifyChain(chain(ee, [broken, viaA], [rootA]));
    expect(outcome.ok).toBe(true);
  });
});
