/**
 * Fuzzing: random bytes and mutated real certificates (bit flips, byte replacements, insertions,
 * deletions, truncations, length-field tweaks). Every call must return a certificate or throw
 * X509DecodeError, never anything else, and never hang. Seeded, so failures reproduce.
 */

import { rootCertificates } from 'node:tls';
import { describe, expect, test } from 'vitest';
import { decodeCertificate } from '../../src/x509/certificate.js';
import { DerReader } from '../../src/x509/der.js';
import { X509DecodeError } from '../../src/x509/errors.js';
import { readCertificates } from '../../src/x509/read.js';
import { createCertificate, ext, testKey } from '../support/cert-factory.js';
import { cpuNowMs } from '../support/cpu-time.js';
import { concat, pem } from '../support/der-writer.js';
import { limboCertificates } from '../support/limbo.js';
import { prng } from '../support/prng.js';

const SEED = 0x5eed_c0de;
/** Bound per call, in CPU time (a loaded machine does not trip it): only catches hangs and pathological blow-ups. */
const MAX_MS = 200;

const pemToDer = (text: string) =>
  new Uint8Array(Buffer.from(text.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));

const seeds: Uint8Array[] = [
  createCertificate({
    key: testKey('p256'),
    sans: [
      'dns:example.com',
      'ip:192.0.2.1',
      'ip:2001:db8::1',
      'email:a@example.com',
      'dn:CN=x',
      'other:1.2.3=y',
    ],
    ca: true,
    pathLen: 1,
    eku: ['serverAuth'],
    nameConstraints: { permitted: ['dns:example.com', 'ip:10.0.0.0/8'], excluded: ['ip:2001:db8::/32'] },
    policies: [{ oid: '2.23.140.1.2.1', cps: 'https://example.com/cps' }],
    aia: { ocsp: ['http://ocsp.example'], caIssuers: ['http://ca.example'] },
    crlDistributionPoints: ['http://crl.example/a.crl'],
    sctLogIds: [new Uint8Array(32).fill(1)],
    extensions: [ext.policyConstraints({ requireExplicitPolicy: 0 }), ext.inhibitAnyPolicy(0)],
  }).der,
  pemToDer(rootCertificates[0]!),
  pemToDer(rootCertificates[rootCertificates.length - 1]!),
  ...limboCertificates()
    .slice(0, 3)
    .map((c) => pemToDer(c.pem)),
];

/** Offsets of every length octet in a valid DER tree (for length-field tweaks). */
function lengthOffsets(der: Uint8Array): number[] {
  const out: number[] = [];
  const walk = (r: DerReader): void => {
    while (r.hasMore) {
      const el = r.next('element');
      out.push(el.offset + 1);
      if (el.tag & 0x20 && r.depth < 30) walk(r.enter(el));
    }
  };
  walk(new DerReader(der));
  return out;
}

type Mutator = (der: Uint8Array, rand: () => number) => Uint8Array;
const pick = (rand: () => number, n: number) => Math.floor(rand() * n);

const MUTATORS: Record<string, Mutator> = {
  bitFlips: (der, rand) => {
    const out = der.slice();
    for (let i = 0, n = 1 + pick(rand, 4); i < n; i++) out[pick(rand, out.length)]! ^= 1 << pick(rand, 8);
    return out;
  },
  byteReplace: (der, rand) => {
    const out = der.slice();
    const specials = [0x00, 0x7f, 0x80, 0x81, 0x82, 0x84, 0xff, 0x30, 0x1f];
    out[pick(rand, out.length)] = rand() < 0.5 ? specials[pick(rand, specials.length)]! : pick(rand, 256);
    return out;
  },
  insert: (der, rand) => {
    const at = pick(rand, der.length + 1);
    const junk = Uint8Array.from({ length: 1 + pick(rand, 8) }, () => pick(rand, 256));
    return concat([der.subarray(0, at), junk, der.subarray(at)]);
  },
  delete: (der, rand) => {
    const at = pick(rand, der.length);
    return concat([der.subarray(0, at), der.subarray(at + 1 + pick(rand, 8))]);
  },
  truncate: (der, rand) => der.subarray(0, pick(rand, der.length)),
  lengthTweak: (der, rand) => {
    const offsets = lengthOffsets(der);
    const out = der.slice();
    const at = offsets[pick(rand, offsets.length)]!;
    const tweaks = [1, -1, 0x80, 0x7f, 0xff, 2, -2];
    out[at] = (out[at]! + tweaks[pick(rand, tweaks.length)]!) & 0xff;
    return out;
  },
};

/** Decodes `input` and returns what happened; fails the test on anything but the two outcomes. */
function attempt(run: () => unknown, label: string): 'ok' | 'error' {
  const start = cpuNowMs();
  let outcome: 'ok' | 'error' = 'ok';
  try {
    run();
  } catch (e) {
    if (!(e instanceof X509DecodeError) || e.reason.startsWith('internal error')) {
      throw new Error(`${label}: unexpected ${String(e)}`);
    }
    outcome = 'error';
  }
  const ms = cpuNowMs() - start;
  if (ms > MAX_MS) throw new Error(`${label}: took ${ms.toFixed(0)} ms of CPU`);
  return outcome;
}

/** Decodes, then touches the lazy parts (text, fingerprints) so they are fuzzed too. */
function decodeFully(der: Uint8Array): void {
  const cert = decodeCertificate(der);
  void [cert.subject.text, cert.issuer.text, cert.sha256Fingerprint, cert.sha1Fingerprint];
}

describe('fuzz', () => {
  test('random bytes', () => {
    const rand = prng(SEED);
    for (let i = 0; i < 3000; i++) {
      const len = pick(rand, 300);
      const bytes = Uint8Array.from({ length: len }, () => pick(rand, 256));
      // half of them look like a SEQUENCE so the reader gets past the first octet
      if (i % 2 === 0 && len > 2) bytes[0] = 0x30;
      attempt(() => decodeFully(bytes), `random #${i}`);
      attempt(() => readCertificates(bytes), `random read #${i}`);
    }
  });

  // Changing the size of a valid certificate always breaks its outer length, so strict DER must
  // refuse every such input. In-place changes must land on both sides: some are refused (the
  // mutator reaches the decoder's error paths) and some still decode (it reaches the deep parts).
  const SIZE_CHANGING = new Set(['insert', 'delete', 'truncate']);

  test.each(Object.keys(MUTATORS))('mutations: %s', (name) => {
    const rand = prng(SEED ^ name.length ^ name.charCodeAt(0));
    const mutate = MUTATORS[name]!;
    const outcomes = { ok: 0, error: 0 };
    for (let i = 0; i < 2000; i++) {
      const seed = seeds[i % seeds.length]!;
      const input = mutate(seed, rand);
      outcomes[attempt(() => decodeFully(input), `${name} #${i}`)]++;
      if (i % 7 === 0) attempt(() => readCertificates(pem('CERTIFICATE', input)), `${name} pem #${i}`);
    }
    if (SIZE_CHANGING.has(name)) {
      expect(outcomes.ok, 'an input whose size changed decoded').toBe(0);
    } else {
      expect(outcomes.error, 'no mutation was refused').toBeGreaterThan(0);
      expect(outcomes.ok, 'no mutation still decoded').toBeGreaterThan(0);
    }
  });
});
