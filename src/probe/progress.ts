/**
 * A progress line for long probe runs, on stderr, only when stderr is a terminal and not in CI:
 * never in CI logs, never when output is piped or captured.
 */

/** A text sink with an optional TTY flag (process.stderr fits). */
interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** A progress display; `update` is cheap to call after every target. */
interface Progress {
  update(done: number, total: number): void;
  /** Clears the line. */
  finish(): void;
}

const NONE: Progress = { update: () => {}, finish: () => {} };

/** Whether a progress line may be drawn on `stream`. */
function progressAllowed(stream: ProgressStream, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.CI && env.TERM !== 'dumb';
}

/** A progress line redrawn at most every `intervalMs`, or a no-op when not allowed. */
export function createProgress(stream: ProgressStream, env: NodeJS.ProcessEnv, intervalMs = 100): Progress {
  if (!progressAllowed(stream, env)) return NONE;
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - last < intervalMs) return;
      last = now;
      drawn = true;
      stream.write(`\r\x1b[Kcertgate: probing ${done}/${total}`);
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
