/**
 * `--expect`: is the served leaf the certificate that should be there? By SHA-256 fingerprint,
 * by the certificate itself (PEM/DER), or by an ACM certificate's evidence (its SAN set and
 * validity must match the served leaf, and its chain's leaf when the evidence has one).
 */

import type { Finding } from '../findings/finding.js';
import { createFinding } from '../findings/finding.js';
import type { FindingArgs, Locator } from '../findings/types.js';
import { toCertificates } from '../verify/input.js';
import type { Certificate } from '../x509/model.js';
import { ProbeUsageError } from './errors.js';
import type { ProbeExpectation } from './types.js';

/** An expectation ready to compare: everything decoded and normalised once per run. */
export interface ResolvedExpectation {
  readonly label: string;
  /** Lower-case hex without separators. */
  readonly sha256?: string;
  /** Lower-case dNSName set, sorted. */
  readonly sans?: readonly string[];
  readonly notBefore?: Date;
  readonly notAfter?: Date;
}

/** `AB:CD:...`, `abcd...` or `sha256:abcd...` → `abcd...`; undefined when not 32 bytes of hex. */
export function normalizeFingerprint(text: string): string | undefined {
  const hex = text
    .trim()
    .replace(/^sha-?256[:=]/i, '')
    .replace(/[:\s]/g, '')
    .toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
}

/** Fingerprint as certgate prints it elsewhere: upper-case hex pairs with colons. */
const colon = (hex: string): string => hex.toUpperCase().replace(/(..)(?!$)/g, '$1:');

const dnsNames = (cert: Certificate): string[] =>
  (cert.extension('subjectAltName')?.names ?? []).flatMap((n) =>
    n.type === 'dNSName' ? [n.value.toLowerCase()] : [],
  );

const sortedSet = (names: readonly string[]): string[] =>
  [...new Set(names.map((n) => n.toLowerCase()))].sort();

/**
 * Decodes and normalises an expectation.
 *
 * @throws ProbeUsageError for a fingerprint that is not SHA-256 hex or a certificate input without a certificate
 */
export function resolveExpectation(expect: ProbeExpectation): ResolvedExpectation {
  switch (expect.kind) {
    case 'fingerprint': {
      const sha256 = normalizeFingerprint(expect.sha256);
      if (!sha256)
        throw new ProbeUsageError('expect', expect.sha256, 'not a SHA-256 fingerprint (64 hex digits)');
      return { label: expect.label ?? `SHA-256 ${colon(sha256)}`, sha256 };
    }
    case 'certificate': {
      const leaf = toCertificates(expect.certificate)[0];
      if (!leaf) throw new ProbeUsageError('expect', expect.label ?? '', 'no certificate in the input');
      return {
        label: expect.label ?? leaf.subject.text,
        sha256: normalizeFingerprint(leaf.sha256Fingerprint)!,
      };
    }
    case 'evidence':
      return {
        label: expect.label,
        sans: sortedSet(expect.sans),
        ...(expect.sha256 ? { sha256: normalizeFingerprint(expect.sha256)! } : {}),
        ...(expect.notBefore ? { notBefore: expect.notBefore } : {}),
        ...(expect.notAfter ? { notAfter: expect.notAfter } : {}),
      };
  }
}

const seconds = (d: Date): number => Math.floor(d.getTime() / 1000);
const day = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The mismatches between the served leaf and the expectation (empty when it matches). */
export function checkExpectation(
  leaf: Certificate,
  expected: ResolvedExpectation,
  location: Locator,
  base: FindingArgs,
): Finding[] {
  const served = normalizeFingerprint(leaf.sha256Fingerprint)!;
  const args = { ...base, expected: expected.label };
  if (expected.sha256 !== undefined && expected.sha256 !== served) {
    return [
      createFinding('PROBE_EXPECTATION_MISMATCH', location, {
        ...args,
        aspect: 'fingerprint',
        expectedValue: `SHA-256 ${colon(expected.sha256)}`,
        servedValue: `SHA-256 ${colon(served)}`,
        servedSubject: leaf.subject.text,
      }),
    ];
  }
  const findings: Finding[] = [];
  if (expected.sans !== undefined) {
    const have = sortedSet(dnsNames(leaf));
    const missing = expected.sans.filter((n) => !have.includes(n));
    const extra = have.filter((n) => !expected.sans!.includes(n));
    if (missing.length > 0 || extra.length > 0) {
      findings.push(
        createFinding('PROBE_EXPECTATION_MISMATCH', location, {
          ...args,
          aspect: 'sans',
          expectedValue: expected.sans,
          servedValue: have,
          missing,
          extra,
        }),
      );
    }
  }
  const { notBefore, notAfter } = expected;
  const differs = (a: Date | undefined, b: Date) => a !== undefined && seconds(a) !== seconds(b);
  if (differs(notBefore, leaf.notBefore) || differs(notAfter, leaf.notAfter)) {
    const range = (from: Date | undefined, to: Date | undefined) =>
      `from ${from ? day(from) : '?'} to ${to ? day(to) : '?'}`;
    findings.push(
      createFinding('PROBE_EXPECTATION_MISMATCH', location, {
        ...args,
        aspect: 'validity',
        expectedValue: range(notBefore, notAfter),
        servedValue: range(leaf.notBefore, leaf.notAfter),
      }),
    );
  }
  return findings;
}
