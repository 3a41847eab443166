/**
 * Runs the real executable (bin/certgate.js over dist/) in a child process with a heap cap, a
 * hang guard and a peak-memory reading: for hostile inputs, where an in-process run could take
 * the test worker down with it. dist/ is built by test/global-setup.ts.
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface SpawnedRun {
  /** The exit code, or null when the process was killed (by the hang guard or a signal). */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall-clock milliseconds. */
  readonly ms: number;
  /** Peak resident set size in MiB (0 when the process died before it could say). */
  readonly peakMiB: number;
  /** Whether the hang guard killed it. */
  readonly timedOut: boolean;
}

export interface SpawnOptions {
  readonly stdin?: string | Uint8Array;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Hang guard: kill after this long (a bound for pathological cases, not a timing test). */
  readonly timeoutMs?: number;
  /** V8 old-space cap in MiB; going over it aborts the process (exit 134), which tests catch. */
  readonly maxHeapMiB?: number;
}

/** Runs `certgate ...args` and collects what it did. */
export function spawnCertgate(args: readonly string[], options: SpawnOptions = {}): Promise<SpawnedRun> {
  const dir = mkdtempSync(join(tmpdir(), 'certgate-rss-'));
  const rssFile = join(dir, 'rss');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${options.maxHeapMiB ?? 512}`,
      '--import',
      join(ROOT, 'test/support/rss-on-exit.mjs'),
      join(ROOT, 'bin/certgate.js'),
      ...args,
    ],
    {
      cwd: options.cwd ?? ROOT,
      env: { NO_COLOR: '1', PATH: process.env.PATH, ...options.env, CERTGATE_TEST_RSS_FILE: rssFile },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  child.stdin.on('error', () => {}); // the child may exit before reading all of stdin
  child.stdin.end(options.stdin ?? '');
  let timedOut = false;
  const guard = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs ?? 60_000);
  return new Promise((done) => {
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      let peakMiB = 0;
      try {
        peakMiB = Number(readFileSync(rssFile, 'utf8')) / 2 ** 20;
      } catch {
        // killed before the exit hook ran
      }
      rmSync(dir, { recursive: true, force: true });
      done({ code, signal, stdout, stderr, ms: performance.now() - started, peakMiB, timedOut });
    });
  });
}
