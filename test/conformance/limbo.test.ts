/**
 * x509-limbo conformance: every testcase in limbo.json runs in-process through the same mapping
 * as the harness (scripts/limbo-runner.mjs) with the src/ engine, once under each policy that is
 * meant for it: `client` (the default) and `cabf`. One policy runs every case, as upstream
 * harnesses do. A divergence from expected_result fails unless that policy's exceptions file
 * lists it with a reason, and an exception that no longer diverges fails as stale, so each list
 * stays exactly the set of deliberate differences, and a score that drops fails the suite.
 */

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type LimboCaseResult, type LimboTestcase, runLimboCase } from '../../scripts/limbo-runner.mjs';
import { parseIpAddress, parseReferenceName } from '../../src/names/index.js';
import { verifyChain } from '../../src/pki/index.js';
import { readCertificates, readPemBlocks } from '../../src/x509/index.js';

interface LimboException {
  readonly expected: string;
  readonly actual: string;
  readonly reason: string;
}

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8'));
const limbo = read('./limbo.json') as { testcases: LimboTestcase[] };
const engine = { verifyChain, readCertificates, readPemBlocks, parseIpAddress, parseReferenceName };

/** Each policy the suite runs under, with the smallest score it may reach (the listed divergences). */
const RUNS = [
  { policy: 'client', floor: 166 },
  { policy: 'cabf', floor: 191 },
] as const;

describe.each(RUNS)('x509-limbo under $policy', ({ policy, floor }) => {
  const exceptions = read(`./exceptions.${policy}.json`) as Record<string, LimboException>;
  const results = new Map<string, LimboCaseResult>();

  // The suite's run time is a benchmark (bench/limbo.mjs: under 5 s), not a test.
  beforeAll(() => {
    for (const testcase of limbo.testcases)
      results.set(testcase.id, runLimboCase(engine, testcase, { policy }));
  });

  it.each(limbo.testcases.map((t) => [t.id, t] as const))('%s', (id, testcase) => {
    const result = results.get(id)!;
    const exception = exceptions[id];
    expect(result.actual_result, `${id} was skipped: ${result.context}`).not.toBe('SKIPPED');
    if (exception === undefined) {
      expect(result.actual_result, `${id}: ${result.context}`).toBe(testcase.expected_result);
      return;
    }
    expect(exception.expected, `${id}: the exceptions file has the wrong expected result`).toBe(
      testcase.expected_result,
    );
    expect(result.actual_result, `${id} is listed as an exception but no longer diverges (stale)`).toBe(
      exception.actual,
    );
    expect(exception.reason.length, `${id}: an exception needs a reason`).toBeGreaterThan(20);
  });

  it('lists only testcases that exist', () => {
    const ids = new Set(limbo.testcases.map((t) => t.id));
    expect(Object.keys(exceptions).filter((id) => !ids.has(id))).toEqual([]);
  });

  it(`scores at least ${floor} of ${limbo.testcases.length}`, () => {
    const passed = limbo.testcases.filter((t) => results.get(t.id)!.actual_result === t.expected_result);
    expect(passed.length).toBeGreaterThanOrEqual(floor);
  });
});
