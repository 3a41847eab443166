/**
 * The default concurrency of `probe()`: adaptive. A run starts with DEFAULT_CONCURRENCY
 * handshakes in flight, as before, and doubles that, up to MAX_ADAPTIVE_CONCURRENCY, while it
 * waits on the network: over real networks a handshake is mostly round trips, and 32 at once
 * leave the CPU idle between bursts; on loopback, or once the CPU is the limit, more in flight
 * only adds latency. The limit never drops below the starting value; a run of fewer targets has
 * only those in flight; a server that answers slower, times out or resets as connections are
 * added brings the limit back down.
 *
 * The run is judged in windows of `limit` completed targets. At the end of a window:
 *  - after a step up, when the rate of completions fell by more than 10 % (a server that slows
 *    down as connections are added), the limit goes back to what it was and stays there;
 *  - otherwise, below the cap, it doubles when this process used less than 90 % of a
 *    CPU during the window (the handshakes were waiting, not queued behind each other here).
 * A target that timed out, was reset or ran out of sockets (signs of an overloaded server or
 * host) halves the limit towards the start at once, and it stays there for the rest of the run.
 */

import { performance } from 'node:perf_hooks';

/** Handshakes in flight at the start of a run (and the fixed default before it was adaptive). */
export const DEFAULT_CONCURRENCY = 32;

/** The most handshakes in flight the adaptive default goes to: sockets stay far below the usual 1024 descriptors. */
export const MAX_ADAPTIVE_CONCURRENCY = 128;

/** A step up is taken back when the completion rate falls below this share of the rate before it. */
const KEEP = 0.9;

/** Grow only while the process used less than this share of one CPU in the window. */
const BUSY = 0.9;

/** What the controller measures with, in milliseconds: the real clock and CPU unless a test passes its own. */
export interface Gauges {
  /** Wall time, monotonic. */
  now(): number;
  /** CPU time this process has used (user + system). */
  cpu(): number;
}

const realGauges: Gauges = {
  now: () => performance.now(),
  cpu: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
};

/** The adaptive limit of one run: read `limit` before starting a target, `record` each one done. */
export class AdaptiveConcurrency {
  readonly #initial: number;
  readonly #max: number;
  readonly #gauges: Gauges;
  #limit: number;
  #settled = false;
  #windowStart: number;
  #windowDone = 0;
  #windowCpu: number;
  /** The completion rate before the last step up, while that step is on trial. */
  #rateBefore: number | undefined;
  #limitBefore: number;

  constructor(initial = DEFAULT_CONCURRENCY, max = MAX_ADAPTIVE_CONCURRENCY, gauges: Gauges = realGauges) {
    this.#initial = initial;
    this.#max = Math.max(initial, max);
    this.#gauges = gauges;
    this.#limit = initial;
    this.#limitBefore = initial;
    this.#windowStart = gauges.now();
    this.#windowCpu = gauges.cpu();
  }

  /** How many targets may be in flight now. */
  get limit(): number {
    return this.#limit;
  }

  /** One target done; `trouble` when it timed out, was reset or ran out of sockets. */
  record(trouble: boolean): void {
    if (trouble) {
      this.#limit = Math.max(this.#initial, Math.floor(this.#limit / 2));
      this.#settled = true;
    }
    if (this.#settled) return;
    this.#windowDone++;
    if (this.#windowDone >= this.#limit) this.#endWindow();
  }

  #endWindow(): void {
    const now = this.#gauges.now();
    const cpu = this.#gauges.cpu();
    const wall = Math.max(now - this.#windowStart, 0.001);
    const rate = this.#windowDone / wall;
    const busy = (cpu - this.#windowCpu) / wall;
    if (this.#rateBefore !== undefined && rate < this.#rateBefore * KEEP) {
      this.#limit = this.#limitBefore;
      this.#settled = true;
      return;
    }
    this.#rateBefore = undefined;
    if (this.#limit < this.#max && busy < BUSY) {
      this.#rateBefore = rate;
      this.#limitBefore = this.#limit;
      this.#limit = Math.min(this.#max, this.#limit * 2);
    }
    this.#windowStart = now;
    this.#windowCpu = cpu;
    this.#windowDone = 0;
  }
}
