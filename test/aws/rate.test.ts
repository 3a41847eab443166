/**
 * The ACM pacing: a token bucket lets `burst` calls through at once, then one per interval, in
 * order, on a fake clock driven by real timers (vitest's fake timers).
 */

import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { AcmRates, RateLimiter } from '../../src/aws/rate.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test('a burst goes at once, then one call per 1/rate seconds, in order', async () => {
  const limiter = new RateLimiter(10, 10, () => Date.now());
  const started: number[] = [];
  const t0 = Date.now();
  const calls = Array.from({ length: 25 }, (_, i) =>
    limiter.take().then(() => started.push(i === started.length ? Date.now() - t0 : -1)),
  );
  await vi.advanceTimersByTimeAsync(2000);
  await Promise.all(calls);
  expect(started).toHaveLength(25);
  expect(started.every((t) => t >= 0)).toBe(true); // in order
  expect(started.slice(0, 10)).toEqual(Array(10).fill(0));
  // the 11th waits one interval (100 ms), the 25th fifteen
  expect(started[10]).toBe(100);
  expect(started[24]).toBe(1500);
  // within any second after the burst: at most 10 starts
  for (let from = 0; from <= 1500; from += 50)
    expect(started.filter((t) => t > from && t <= from + 1000).length).toBeLessThanOrEqual(10);
});

test('each region and operation has its own bucket (ACM quotas are per region and operation)', async () => {
  const rates = new AcmRates();
  const t0 = Date.now();
  const done: string[] = [];
  const calls = [
    ...Array.from({ length: 9 }, () =>
      rates.take('us-east-1', 'ListCertificates').then(() => done.push(`l${Date.now() - t0}`)),
    ),
    ...Array.from({ length: 10 }, () =>
      rates.take('eu-west-1', 'DescribeCertificate').then(() => done.push(`d${Date.now() - t0}`)),
    ),
  ];
  await vi.advanceTimersByTimeAsync(1000);
  await Promise.all(calls);
  // 8 ListCertificates at once, the 9th after 125 ms; 10 DescribeCertificate in another region at once
  expect(done.filter((d) => d === 'l0')).toHaveLength(8);
  expect(done).toContain('l125');
  expect(done.filter((d) => d === 'd0')).toHaveLength(10);
});
