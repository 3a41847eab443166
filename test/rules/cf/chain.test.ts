import { describe, expect, test } from 'vitest';
import { decodeCertificate } from '../../../src/x509/certificate.js';
import type { Certificate } from '../../../src/x509/model.js';
import { ARN, acmEvidence, distribution, findingsOf, gate, pemEvidence } from '../../check/builders.js';
import { createCertificate, type IssuedCertificate, testKey } from '../../support/cert-factory.js';
import { makeChain, makeIntermediate, makeLeaf, makeRoot } from '../../verify/chains.js';
import { reject, run, table, warn } from './table.js';

const IVC = 'InvalidViewerCertificate';
const dec = (c: IssuedCertificate): Certificate => decodeCertificate(c.der);
const d = distribution();

// root → intermediate → leaf for www.example.com, valid 2024..2034 (AT is 2026-06-01).
const good = makeChain();
const root = dec(good.root);
const goodChain = [dec(good.leaf), dec(good.intermediate)];
const trusted = { roots: [root] };

/** root → n intermediates → leaf: a chain of n + 1 certificates without the root. */
function longChain(n: number): Certificate[] {
  let issuer = makeRoot();
  const cas: IssuedCertificate[] = [];
  for (let i = 0; i < n; i++) {
    issuer = createCertificate({
      subject: `CN=Intermediate ${i}`,
      issuer,
      ca: true,
      key: testKey('p256', 10 + i),
    });
    cas.push(issuer);
  }
  return [dec(makeLeaf(issuer)), ...cas.reverse().map(dec)];
}

const expiredLeaf = dec(
  makeLeaf(good.intermediate, ['dns:www.example.com'], { notAfter: new Date('2026-05-01T00:00:00Z') }),
);
const expiredIntermediate = makeIntermediate(good.root, { notAfter: new Date('2026-03-01T00:00:00Z') });
const selfSigned = dec(
  createCertificate({
    subject: 'CN=www.example.com',
    sans: ['dns:www.example.com'],
    key: testKey('p256', 5),
  }),
);
const v1 = dec(
  createCertificate({
    subject: 'CN=www.example.com',
    issuer: good.intermediate,
    version: 1,
    key: testKey('p256', 6),
  }),
);

describe('CF-05 CF_CERTIFICATE_DATE_INVALID (PEM chain: every certificate)', () => {
  table('CF_CERTIFICATE_DATE_INVALID', [
    {
      name: 'expired leaf',
      d,
      evidence: [pemEvidence(ARN, [expiredLeaf, dec(good.intermediate)])],
      options: trusted,
      want: [reject(IVC, { certIndex: 0, state: 'expired', notAfter: '2026-05-01T00:00:00Z' })],
    },
    {
      name: 'expired intermediate',
      d,
      evidence: [pemEvidence(ARN, [dec(makeLeaf(expiredIntermediate)), dec(expiredIntermediate)])],
      options: trusted,
      want: [reject(IVC, { certIndex: 1, state: 'expired', subject: '"Verify Test Intermediate"' })],
    },
    { name: 'all in date', d, evidence: [pemEvidence(ARN, goodChain)], options: trusted, want: [] },
  ]);
});

describe('CF-06 CF_CHAIN_TOO_LONG', () => {
  table('CF_CHAIN_TOO_LONG', [
    {
      name: '7 certificates',
      d,
      evidence: [pemEvidence(ARN, longChain(6))],
      want: [reject(IVC, { length: 7, max: 5, leafCountUnconfirmed: false })],
    },
    {
      name: '6 certificates: whether the leaf counts is UNCONFIRMED',
      d,
      evidence: [pemEvidence(ARN, longChain(5))],
      want: [warn({ length: 6, leafCountUnconfirmed: true })],
    },
    { name: '5 certificates', d, evidence: [pemEvidence(ARN, longChain(4))], want: [] },
    { name: 'ACM-issued certificate (no chain given or needed)', d, want: [] },
  ]);
});

describe('CF-07 CF_CERTIFICATE_UNTRUSTED', () => {
  table('CF_CERTIFICATE_UNTRUSTED', [
    {
      name: 'chain to a root that is not trusted (the test root is not a Mozilla root)',
      d,
      evidence: [pemEvidence(ARN, goodChain)],
      want: [reject(IVC, { pathCode: 'PATH_UNKNOWN_ISSUER', certIndex: 1 })],
    },
    {
      name: 'self-signed leaf',
      d,
      evidence: [pemEvidence(ARN, [selfSigned])],
      options: trusted,
      want: [reject(IVC, { pathCode: 'PATH_UNTRUSTED_ROOT' })],
    },
    {
      name: 'ACM private CA certificate (INFERRED)',
      d,
      evidence: [acmEvidence({ type: 'PRIVATE' })],
      want: [reject(IVC, { privateCa: true, certainty: 'inferred' })],
    },
    {
      name: 'trust is checked even when the chain is expired (CF-05 has the dates)',
      d,
      evidence: [pemEvidence(ARN, [expiredLeaf, dec(good.intermediate)])],
      want: [reject(IVC, { pathCode: 'PATH_UNKNOWN_ISSUER' })],
    },
    // quiet
    {
      name: 'chain to a trusted root',
      d,
      evidence: [pemEvidence(ARN, goodChain)],
      options: trusted,
      want: [],
    },
    {
      name: 'expired but trusted',
      d,
      evidence: [pemEvidence(ARN, [expiredLeaf, dec(good.intermediate)])],
      options: trusted,
      want: [],
    },
    { name: 'ACM-issued', d, want: [] },
  ]);
});

describe('CF-08 CF_CERTIFICATE_MALFORMED', () => {
  table('CF_CERTIFICATE_MALFORMED', [
    {
      name: 'X.509 v1 leaf',
      d,
      evidence: [pemEvidence(ARN, [v1, dec(good.intermediate)])],
      options: trusted,
      want: [reject(IVC, { certIndex: 0, reason: 'X.509 version 1, not v3' })],
    },
    { name: 'well-formed chain', d, evidence: [pemEvidence(ARN, goodChain)], options: trusted, want: [] },
  ]);
});

describe('PEM evidence answers the other checks too', () => {
  test('coverage, key type and expiry come from the leaf', () => {
    const other = makeChain({ sans: ['dns:api.example.com'] });
    const findings = findingsOf(
      gate([d], [pemEvidence(ARN, [dec(other.leaf), dec(other.intermediate)])], { roots: [dec(other.root)] }),
    );
    expect(findings.filter((f) => f.severity !== 'note').map((f) => f.code)).toEqual([
      'CF_ALIAS_NOT_COVERED',
    ]);
    expect(findings[0]?.args).toMatchObject({ alias: 'www.example.com', sans: ['api.example.com'] });
  });

  test('a P-384 leaf is an unsupported key type', () => {
    const p384 = dec(makeLeaf(good.intermediate, ['dns:www.example.com'], { key: testKey('p384', 3) }));
    const [f] = run('CF_KEY_TYPE_UNSUPPORTED', {
      d,
      evidence: [pemEvidence(ARN, [p384, dec(good.intermediate)])],
      options: trusted,
    });
    expect(f?.args.keyAlgorithm).toBe('EC_secp384r1');
  });

  test('an imported certificate without its chain: chain and trust are listed as not checked', () => {
    const [f] = run('CF_CERTIFICATE_EVIDENCE_PARTIAL', { d, evidence: [acmEvidence({ type: 'IMPORTED' })] });
    expect(f).toMatchObject({
      severity: 'note',
      args: { checks: ['chain'], skipped: ['CF-06', 'CF-07', 'CF-08'] },
    });
  });

  test('describe-certificate JSON and a PEM chain for one ARN are merged', () => {
    const evidence = [
      acmEvidence({ type: 'IMPORTED' }),
      pemEvidence(ARN, [expiredLeaf, dec(good.intermediate)]),
    ];
    const codes = findingsOf(gate([d], evidence, trusted)).map((f) => f.code);
    // dates from the chain, type (IMPORTED: no W-05) and status from the JSON: nothing left unchecked
    expect(codes).toEqual(['CF_CERTIFICATE_DATE_INVALID']);
  });
});
