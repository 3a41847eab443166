/** The streams and environment a CLI run uses, injectable so tests run the CLI in-process. */

import type { Environment } from '../report/colors.js';
import { EXIT_OPERATIONAL } from '../report/exit-code.js';
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
  readonly env: Environment;
}

/** The real process streams. */
export function processIO(): CliIO {
  // `certgate ... | head` closes the pipe early: stop quietly, as Unix tools do. Any other write
  // error (a full disk, a closed descriptor) means the report was not delivered: one line on
  // stderr and exit 3, never a stack trace or exit 1, which a pipeline would read as "findings".
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(errorLine(`cannot write to standard output (${err.code ?? err.message})`));
    process.exit(EXIT_OPERATIONAL);
  });
  process.stderr.on('error', (err: NodeJS.ErrnoException) => {
    process.exit(err.code === 'EPIPE' ? (process.exitCode ?? 0) : EXIT_OPERATIONAL);
  });
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/**
 * A one-line error for stderr, in the CLI's voice. Messages quote file names, hosts and input
 * tokens: control characters are escaped and long values cut, so the line stays one line.
 */
export function errorLine(message: string): string {
  return `certgate: error: ${forTerminal(message, 2048)}\n`;
}
