/**
 * A token bucket: at most `perSecond` calls a second on average, `burst` at once. ACM's quotas
 * are per account and region and per operation (10 DescribeCertificate and GetCertificate a
 * second, 8 ListCertificates: spec §1.1); calls beyond them are throttled and retried by the SDK,
 * which slows a sweep more than pacing it does, and eats into the quota other tools of the
 * account share (an exporter rescanning every hour must not starve a deploy pipeline).
 */

export class RateLimiter {
  readonly #intervalMs: number;
  readonly #burst: number;
  #tokens: number;
  #last: number;
  #queue: Promise<void> = Promise.resolve();
  readonly #now: () => number;

  constructor(perSecond: number, burst = perSecond, now: () => number = Date.now) {
    this.#intervalMs = 1000 / perSecond;
    this.#burst = burst;
    this.#tokens = burst;
    this.#now = now;
    this.#last = now();
  }

  /** Resolves when a call may start; callers are served in order. */
  take(): Promise<void> {
    const turn = this.#queue.then(async () => {
      this.#refill();
      if (this.#tokens < 1) {
        const waitMs = (1 - this.#tokens) * this.#intervalMs;
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        this.#refill();
      }
      this.#tokens -= 1;
    });
    this.#queue = turn;
    return turn;
  }

  #refill(): void {
    const now = this.#now();
    this.#tokens = Math.min(this.#burst, this.#tokens + (now - this.#last) / this.#intervalMs);
    this.#last = now;
  }
}

/** Per region and operation: the ACM quotas of spec §1.1. */
export class AcmRates {
  readonly #limits = new Map<string, RateLimiter>();

  take(
    region: string,
    operation: 'ListCertificates' | 'DescribeCertificate' | 'GetCertificate',
  ): Promise<void> {
    const key = `${region}\u0000${operation}`;
    let limiter = this.#limits.get(key);
    if (!limiter) {
      limiter = new RateLimiter(operation === 'ListCertificates' ? 8 : 10);
      this.#limits.set(key, limiter);
    }
    return limiter.take();
  }
}
