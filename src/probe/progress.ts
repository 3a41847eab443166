/**
 * A progress line for long probe runs, on stderr, only when stderr is a terminal and not in CI:
 * never in CI logs, never when output is piped or captured.
 */

import type { Environment } from '../report/colors.js';

/** A text sink with an optional TTY flag (process.stderr fits). */
interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** A progress display; `update` is cheap to call after every target. */
interface Progress {
  update(done: number, total: number): void;
  /** Clears the line, so what is written next starts a clean line; later updates draw nothing. */
  finish(): void;
  /**
   * As `finish`, after Ctrl-C: the line is cleared even when no progress was drawn yet, since
   * the terminal echoed `^C` on it.
   */
  interrupt(): void;
}

const NONE: Progress = { update: () => {}, finish: () => {}, interrupt: () => {} };

/** Whether a progress line may be drawn on `stream`. */
function progressAllowed(stream: ProgressStream, env: Environment): boolean {
  return stream.isTTY === true && !env.CI && env.TERM !== 'dumb';
}

/** A progress line redrawn at most every `intervalMs`, or a no-op when not allowed. */
export function createProgress(stream: ProgressStream, env: Environment, intervalMs = 100): Progress {
  if (!progressAllowed(stream, env)) return NONE;
  let last = 0;
  let drawn = false;
  let finished = false;
  return {
    update(done, total) {
      if (finished) return;
      const now = Date.now();
      if (done < total && now - last < intervalMs) return;
      last = now;
      drawn = true;
      stream.write(`\r\x1b[Kcertgate: probing ${done}/${total}`);
    },
    finish() {
      if (drawn && !finished) stream.write('\r\x1b[K');
      finished = true;
    },
    interrupt() {
      if (!finished) stream.write('\r\x1b[K');
      finished = true;
    },
  };
}
