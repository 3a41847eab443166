/** The streams and environment a CLI run uses, injectable so tests run the CLI in-process. */

/** A text sink with an optional TTY flag (process.stdout and process.stderr fit). */
export interface OutputStream {
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
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/** A one-line error for stderr, in the CLI's voice. */
export function errorLine(message: string): string {
  return `certgate: error: ${message}\n`;
}
