/**
 * The default concurrency of `probe()` adapts (src/probe/concurrency.ts): the controller on a
 * fake clock, the pool with a limit that changes, the bounds a run keeps (an explicit
 * concurrency, a small run, a run that times out, the cap), and real handshakes on loopback
 * giving the same results at the adaptive default as one at a time. No assertion here depends on
 * how fast anything runs.
 */

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { verify } from '../../src/index.js';
import {
  AdaptiveConcurrency,
  DEFAULT_CONCURRENCY,
  MAX_ADAPTIVE_CONCURRENCY,
} from '../../src/probe/concurrency.js';
import { type HandshakeOutcome, type ProbeResult, type Prober, probe } from '../../src/probe/index.js';
import { runPool } from '../../src/probe/pool.js';
import { decodeCertificate } from '../../src/x509/certificate.js';
import { AT, certs } from './fixtures.js';
import { HOST, type Running, site, tlsServer } from './servers.js';

const { root, intermediate, wild, expired } = certs;

/**
 * A controller on gauges the test moves: `window(ms, busy)` completes one window of the current
 * limit in `ms`, this process using `busy` of a CPU meanwhile.
 */
function controller() {
  let now = 0;
  let cpu = 0;
  const c = new AdaptiveConcurrency(DEFAULT_CONCURRENCY, MAX_ADAPTIVE_CONCURRENCY, {
    now: () => now,
    cpu: () => cpu,
  });
  const window = (ms: number, busy = 0.5) => {
    const n = c.limit;
    for (let i = 0; i < n; i++) {
      now += ms / n;
      cpu += (busy * ms) / n;
      c.record(false);
    }
  };
  return { c, window };
}

describe('AdaptiveConcurrency', () => {
  test('starts at the old default and, while the CPU waits, tries twice that after the first window', () => {
    const { c, window } = controller();
    expect(c.limit).toBe(32);
    window(100);
    expect(c.limit).toBe(64);
  });

  test('latency-bound (each window as long, the CPU idle half the time): up to the cap and no further', () => {
    const { c, window } = controller();
    for (let i = 0; i < 10; i++) window(100);
    expect(c.limit).toBe(MAX_ADAPTIVE_CONCURRENCY);
  });

  test('CPU-bound (the process busy the whole window): the limit stays where it started', () => {
    const { c, window } = controller();
    for (let i = 0; i < 10; i++) window(100, 1);
    expect(c.limit).toBe(32);
    // and a latency-bound run that becomes CPU-bound stops growing there
    const other = controller();
    other.window(100);
    other.window(150, 0.95);
    other.window(150, 0.95);
    expect(other.c.limit).toBe(64);
  });

  test('a step after which completions come more than 10 % slower is taken back, and the limit stays', () => {
    const { c, window } = controller();
    window(100); // 32 in 100 ms; try 64
    window(100); // 64 in 100 ms: twice the rate, kept; try 128
    expect(c.limit).toBe(128);
    window(400); // 128 in 400 ms: slower than 64 in 100 ms (a server that slows down under load)
    expect(c.limit).toBe(64);
    for (let i = 0; i < 5; i++) window(10);
    expect(c.limit).toBe(64);
  });

  test('a timeout or reset halves the limit, never below the start, and ends growth', () => {
    const { c, window } = controller();
    window(100);
    window(100);
    expect(c.limit).toBe(128);
    c.record(true);
    expect(c.limit).toBe(64);
    c.record(true);
    expect(c.limit).toBe(32);
    c.record(true);
    expect(c.limit).toBe(32);
    for (let i = 0; i < 5; i++) window(1);
    expect(c.limit).toBe(32);
  });
});

/** Resolves after `ms` on the timer queue. */
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('runPool', () => {
  test('reads the limit again as tasks end: more start when it grows, none past it when it shrinks', async () => {
    let limit = 2;
    let running = 0;
    const seen: number[] = [];
    const started: number[] = [];
    await runPool(
      12,
      () => limit,
      async (i) => {
        started.push(i);
        running++;
        seen.push(running);
        expect(running).toBeLessThanOrEqual(limit);
        await sleep(1);
        if (i === 3) limit = 5;
        if (i === 8) limit = 1;
        running--;
      },
    );
    expect(started).toEqual([...Array(12).keys()]);
    expect(Math.max(...seen)).toBe(5);
  });

  test('a fixed limit, no tasks, and the first error (no task starts after it)', async () => {
    let most = 0;
    let running = 0;
    await runPool(20, 3, async () => {
      running++;
      most = Math.max(most, running);
      await sleep(1);
      running--;
    });
    expect(most).toBe(3);
    await expect(runPool(0, 3, async () => {})).resolves.toBeUndefined();
    const started: number[] = [];
    await expect(
      runPool(10, 1, async (i) => {
        started.push(i);
        if (i === 2) throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await sleep(5);
    expect(started).toEqual([0, 1, 2]);
  });
});

/** A prober that answers after `ms` and counts the handshakes in flight. */
function countingProber(outcome: HandshakeOutcome, ms = 2) {
  const counter = { now: 0, most: 0 };
  const prober: Prober = {
    lookup: async () => ({ ok: true, value: [{ address: '192.0.2.1', family: 4 }] }),
    handshake: async () => {
      counter.now++;
      counter.most = Math.max(counter.most, counter.now);
      await sleep(ms);
      counter.now--;
      return outcome;
    },
  };
  return { prober, counter };
}

const timeout: HandshakeOutcome = {
  ok: false,
  error: { kind: 'timeout', phase: 'handshake', message: 'no handshake within 5 ms', timings: {} },
};
const refused: HandshakeOutcome = {
  ok: false,
  error: { kind: 'refused', phase: 'connect', message: 'connection refused', timings: {} },
};
const targets = (n: number) => Array.from({ length: n }, (_, i) => `n${i}.example.test`);

describe('probe() concurrency bounds', () => {
  test('an explicit concurrency is fixed: never more in flight, however the run goes', async () => {
    const { prober, counter } = countingProber(refused);
    const results = await probe(targets(300), { prober, concurrency: 32 });
    expect(results).toHaveLength(300);
    expect(counter.most).toBe(32);
  });

  test('the default never goes past the cap, and a small run has only its own targets in flight', async () => {
    const big = countingProber(refused, 1);
    await probe(targets(1000), { prober: big.prober });
    expect(big.counter.most).toBeGreaterThanOrEqual(DEFAULT_CONCURRENCY);
    expect(big.counter.most).toBeLessThanOrEqual(MAX_ADAPTIVE_CONCURRENCY);
    const small = countingProber(refused);
    await probe(targets(5), { prober: small.prober });
    expect(small.counter.most).toBe(5);
  });

  test('targets that time out keep the default at its start: a struggling server gets no more connections', async () => {
    const { prober, counter } = countingProber(timeout);
    const results = await probe(targets(200), { prober });
    expect(results.every((r) => r.findings[0]?.code === 'PROBE_TIMEOUT')).toBe(true);
    expect(counter.most).toBe(DEFAULT_CONCURRENCY);
  });
});

describe('real handshakes on loopback', () => {
  let edge: Running;
  beforeAll(async () => {
    // the wildcard site first: it answers every name no site lists
    edge = await tlsServer([
      site(['*.wild.example.test'], wild, intermediate),
      site(['expired.example.test'], expired, intermediate),
    ]);
  });
  afterAll(async () => {
    await edge.close();
  });

  /** The results without what varies between runs (timings). */
  const stable = (results: readonly ProbeResult[]) =>
    results.map((r) => ({ ...r, details: { ...r.details, timings: {} } }));

  test('the adaptive default gives the same results as one handshake at a time', async () => {
    // one wildcard chain for most names and for names it does not cover (its path built once, the
    // name checked per name), and an expired chain, interleaved
    const names = Array.from({ length: 150 }, (_, i) =>
      i % 10 === 3
        ? `other${i}.example.test`
        : i % 10 === 7
          ? 'expired.example.test'
          : `n${i}.wild.example.test`,
    );
    const list = names.map((n) => `${n}:${edge.port}`);
    const options = { roots: [root.pem], at: AT, resolve: [`*:${edge.port}:${HOST}`] };
    const adaptive = await probe(list, options);
    const serial = await probe(list, { ...options, concurrency: 1 });
    expect(stable(adaptive)).toEqual(stable(serial));
    const codes = (i: number) => adaptive[i]!.findings.map((f) => f.code);
    expect(codes(0)).toEqual([]);
    expect(codes(3)).toContain('NAME_MISMATCH');
    expect(codes(7)).toContain('CERT_EXPIRED');
  });
});

describe('path building shared across names', () => {
  test('verify() with one decoded chain for many names equals verify() on a fresh decode per name', () => {
    const shared = [decodeCertificate(wild.der), decodeCertificate(intermediate.der)];
    const roots = [decodeCertificate(root.der)];
    const names = ['x.wild.example.test', 'nope.example.test', 'y.wild.example.test', 'wild.example.test'];
    for (const host of names) {
      const cached = verify({ chain: shared, roots, at: AT, host });
      const fresh = verify({
        chain: [decodeCertificate(wild.der), decodeCertificate(intermediate.der)],
        roots: [decodeCertificate(root.der)],
        at: AT,
        host,
      });
      expect(JSON.stringify(cached)).toBe(JSON.stringify(fresh));
    }
    expect(verify({ chain: shared, roots, at: AT, host: 'nope.example.test' }).verdict).toBe('fail');
    expect(verify({ chain: shared, roots, at: AT, host: 'x.wild.example.test' }).verdict).toBe('pass');
    // a failing path is shared too, and still reports each name
    const late = new Date('2040-01-01T00:00:00Z');
    const a1 = verify({ chain: shared, roots, at: late, host: 'x.wild.example.test' });
    const a2 = verify({ chain: shared, roots, at: late, host: 'nope.example.test' });
    expect(a1.verdict).toBe('fail');
    expect(a1.reference?.value).toBe('x.wild.example.test');
    expect(a2.reference?.value).toBe('nope.example.test');
  });
});
