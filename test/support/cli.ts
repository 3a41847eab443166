/** Runs the CLI in-process with captured streams, as a user would from a shell. */

import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `certgate ...argv`; `stdin` feeds standard input, `env` replaces the environment. */
export async function runCli(
  argv: readonly string[],
  options: { stdin?: Uint8Array | string; env?: NodeJS.ProcessEnv; isTTY?: boolean } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.isTTY ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}
