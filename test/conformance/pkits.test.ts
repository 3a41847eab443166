/**
 * NIST PKITS 1.0.1 (249 cases, subparts counted), the RFC 5280 §6 path validation suite: every
 * case runs under the `rfc5280` policy with its own user-initial settings (initial policy set,
 * explicit policy, inhibit mapping / anyPolicy), through the same mapping as the limbo harness
 * (scripts/limbo-runner.mjs). A divergence from the expected result fails unless
 * exceptions.pkits.json lists it with a reason; a listed case that no longer diverges fails as
 * stale; the score may not drop below the floor.
 */

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type LimboCaseResult, type LimboTestcase, runLimboCase } from '../../scripts/limbo-runner.mjs';
import { parseIpAddress, parseReferenceName } from '../../src/names/index.js';
import { verifyChain } from '../../src/pki/index.js';
import { readCertificates, readPemBlocks } from '../../src/x509/index.js';

interface Exception {
  readonly expected: string;
  readonly actual: string;
  readonly reason: string;
}

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8'));
const suite = read('./pkits/pkits.limbo.json') as { testcases: LimboTestcase[] };
const settings = read('./pkits/pkits.settings.json') as Record<
  string,
  { source: string; settings: Record<string, unknown> }
>;
const exceptions = read('./exceptions.pkits.json') as Record<string, Exception>;
const engine = { verifyChain, readCertificates, readPemBlocks, parseIpAddress, parseReferenceName };

/** The smallest score allowed: every case but the listed exceptions. */
const FLOOR = 249;

describe('NIST PKITS under rfc5280, with each case settings', () => {
  const results = new Map<string, LimboCaseResult>();

  beforeAll(() => {
    for (const testcase of suite.testcases)
      results.set(testcase.id, runLimboCase(engine, testcase, { policy: 'rfc5280', settings }));
  });

  it('has every case and its settings', () => {
    expect(suite.testcases).toHaveLength(249);
    expect(suite.testcases.filter((t) => settings[t.id] === undefined).map((t) => t.id)).toEqual([]);
  });

  it.each(suite.testcases.map((t) => [`${settings[t.id]?.source ?? t.id}`, t] as const))(
    '%s',
    (_name, testcase) => {
      const result = results.get(testcase.id)!;
      const exception = exceptions[testcase.id];
      if (exception === undefined) {
        expect(result.actual_result, `${testcase.id}: ${result.context}`).toBe(testcase.expected_result);
        return;
      }
      expect(exception.expected).toBe(testcase.expected_result);
      expect(result.actual_result, `${testcase.id} is listed but no longer diverges (stale)`).toBe(
        exception.actual,
      );
      expect(exception.reason.length, `${testcase.id}: an exception needs a reason`).toBeGreaterThan(20);
    },
  );

  it(`scores at least ${FLOOR} of 249`, () => {
    const passed = suite.testcases.filter((t) => results.get(t.id)!.actual_result === t.expected_result);
    expect(passed.length).toBeGreaterThanOrEqual(FLOOR);
  });
});
