/**
 * A real server process for a test (Prometheus, Alertmanager): spawned with its own temporary
 * folder, ready once its `/-/ready` answers, stopped with SIGTERM (SIGKILL after 5 s) and its
 * folder removed. Its stderr tail is kept for the error when it exits or never gets ready.
 */

import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

export interface Daemon {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts `command args`, listening at `url`, and waits until `url/-/ready` says 200. */
export async function startDaemon(
  command: string,
  args: readonly string[],
  url: string,
  dir: string,
): Promise<Daemon> {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (b: Buffer) => {
    log = (log + b.toString()).slice(-4000);
  });
  const close = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 5000);
        child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await close();
      throw new Error(`${command} exited ${child.exitCode}: ${log}`);
    }
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { url, close };
    if (Date.now() > deadline) {
      await close();
      throw new Error(`${command} did not get ready: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
