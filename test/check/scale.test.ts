import { performance } from 'node:perf_hooks';
import { expect, test } from 'vitest';
import { runGate } from '../../src/check/run-gate.js';
import type { CertificateEvidence, Distribution } from '../../src/cloudfront/model.js';
import { AT, acmEvidence, arnIn, distribution } from './builders.js';

/**
 * The engine alone on synthetic model objects (the scale target: 10,000 distributions × 10 aliases
 * against 5,000 certificates in under 2 s end to end, linear cost). Certificate j has its zone's
 * apex, a wildcard, a wildcard one level down and seven names; distributions 2j and 2j+1 use it;
 * every 20th has an uncovered alias and every 100th repeats its neighbour's alias.
 */
function synthetic(n: number): { distributions: Distribution[]; evidence: CertificateEvidence[] } {
  const evidence: CertificateEvidence[] = [];
  const distributions: Distribution[] = [];
  const arnOf = (j: number) => arnIn('us-east-1', String(j));
  for (let j = 0; j < n / 2; j++) {
    const z = `app${j}.example.com`;
    const sans = [
      z,
      `*.${z}`,
      `*.api.${z}`,
      ...Array.from({ length: 7 }, (_, m) => `svc${m}.app${j}.example.org`),
    ];
    const arn = `${arnOf(j)}-${j}`;
    evidence.push(acmEvidence({ key: arn, arn, domainName: z, subjectAlternativeNames: sans }));
  }
  const aliasesOf = (i: number): string[] => {
    const z = `app${i >> 1}.example.com`;
    const a =
      i % 2 === 0
        ? [z, `www.${z}`, `static.${z}`, `img.${z}`, `cdn.${z}`, `m.${z}`, `v1.api.${z}`, `v2.api.${z}`]
        : [0, 1, 2, 3, 4, 5, 6].map((m) => `svc${m}.app${i >> 1}.example.org`).concat(`eu.${z}`);
    while (a.length < 9) a.push(`e${a.length}-${i}.${z}`);
    a.push(i % 20 === 19 ? `deep.two.${z}` : `e9-${i}.${z}`);
    if (i % 100 === 99) a[0] = aliasesOf(i - 1)[1]!;
    return a;
  };
  for (let i = 0; i < n; i++) {
    const j = i >> 1;
    distributions.push(
      distribution({ id: `E${String(i).padStart(12, '0')}`, arn: `${arnOf(j)}-${j}`, aliases: aliasesOf(i) }),
    );
  }
  return { distributions, evidence };
}

test('10,000 distributions × 10 aliases against 5,000 certificates, linear', () => {
  const time = (n: number) => {
    const inputs = synthetic(n);
    const start = performance.now();
    const results = runGate({ ...inputs, sourceFindings: [] }, { at: AT, warnDays: 30 });
    const ms = performance.now() - start;
    return { ms, results };
  };
  time(1000); // warm up
  const small = Math.min(time(1000).ms, time(1000).ms, time(1000).ms);
  const big = time(10_000);
  const conflicts = big.results
    .flatMap((r) => r.findings)
    .filter((f) => f.code === 'CF_ALIAS_ALREADY_EXISTS');
  const uncovered = big.results.flatMap((r) => r.findings).filter((f) => f.code === 'CF_ALIAS_NOT_COVERED');
  expect(big.results).toHaveLength(10_000);
  expect(conflicts).toHaveLength(200);
  expect(uncovered).toHaveLength(500);
  // Generous bounds: a guard against quadratic work (100x for 10x the input), not a benchmark;
  // bench/check.mjs measures. Measured alone: about 0.4 s cold, 0.25 s warm for 10k.
  expect(big.ms).toBeLessThan(10_000);
  expect(big.ms / Math.max(small, 1)).toBeLessThan(60);
});
