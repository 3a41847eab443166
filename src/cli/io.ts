/** The streams and environment a CLI run uses, injectable so tests run the CLI in-process. */

import { forTerminal } from '../report/terminal.js';

/** A text sink with an optional TTY flag (process.stdout and process.stderr fit). */
interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIO {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: AsyncIterable<Uint8Array>;
  readonly env: NodeJS.ProcessEnv;
}

/** The real process streams. */
export function processIO(): CliIO {
  // `certgate ... | head` closes the pipe early: stop quietly, as Unix tools do, instead of
  // dying on an unhandled EPIPE with a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/**
 * A one-line error for stderr, in the CLI's voice. Messages quote file names, hosts and input
 * tokens: control characters are escaped and long values cut, so the line stays one line.
 */
export function errorLine(message: string): string {
  return `certgate: error: ${forTerminal(message, 2048)}\n`;
}
