/**
 * Signature checks started early: every leaf's signature by each CA of the run with its issuer's
 * name is checked on libuv's thread pool (precheckSignature) as soon as both are read, while the
 * main thread goes on reading and decoding files; path validation then finds the results. On a
 * folder of 10,000 chains this is most of the run, moved onto every core.
 */

import { precheckSignature } from '../pki/signature.js';
import type { Certificate } from '../x509/model.js';

/** Checks in flight at once: enough to keep the thread pool busy, few enough to bound memory. */
const IN_FLIGHT = 64;

const isCa = (c: Certificate): boolean => c.extension('basicConstraints')?.ca === true;

export class SignaturePrechecks {
  private readonly casBySubject = new Map<string, Certificate[]>();
  private readonly caSeen = new Set<string>();
  /** Leaves by their issuer's name, for a CA read after them. */
  private readonly leavesByIssuer = new Map<string, Certificate[]>();
  private readonly queue: [Certificate, Certificate][] = [];
  private running = 0;
  private idle: (() => void) | undefined;

  /** A group of certificates read together (a file, a served chain): pair what can be paired now. */
  add(certificates: readonly Certificate[]): void {
    for (const c of certificates) {
      if (!isCa(c) || this.caSeen.has(c.sha256Fingerprint)) continue;
      this.caSeen.add(c.sha256Fingerprint);
      const list = this.casBySubject.get(c.subject.key);
      if (list) list.push(c);
      else this.casBySubject.set(c.subject.key, [c]);
      for (const leaf of this.leavesByIssuer.get(c.subject.key) ?? []) this.enqueue(leaf, c);
    }
    for (const c of certificates) {
      if (isCa(c)) continue;
      const waiting = this.leavesByIssuer.get(c.issuer.key);
      if (waiting) waiting.push(c);
      else this.leavesByIssuer.set(c.issuer.key, [c]);
      for (const ca of this.casBySubject.get(c.issuer.key) ?? []) this.enqueue(c, ca);
    }
  }

  /** Resolves once every check started has finished. */
  done(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.idle = resolve;
    });
  }

  private enqueue(leaf: Certificate, issuer: Certificate): void {
    this.queue.push([leaf, issuer]);
    this.pump();
  }

  private pump(): void {
    while (this.running < IN_FLIGHT && this.queue.length > 0) {
      const [leaf, issuer] = this.queue.shift()!;
      this.running++;
      void precheckSignature(leaf, issuer).then(() => {
        this.running--;
        this.pump();
        if (this.running === 0 && this.queue.length === 0) this.idle?.();
      });
    }
  }
}
