/**
 * Reading input files (or stdin, `-`) with errors a person can act on. Inputs are untrusted:
 * sizes are bounded so a wrong path (a disk image, /dev/zero) cannot exhaust memory.
 */

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/** The largest input certgate reads: far above any real certificate bundle or template. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** An input that could not be read. `message` is one line, naming the source. */
export class InputError extends Error {
  readonly source: string;
  readonly reason: string;
  constructor(source: string, reason: string) {
    super(`${source}: ${reason}`);
    this.name = 'InputError';
    this.source = source;
    this.reason = reason;
  }
}

const ERRNO_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'path is too long',
};

function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return (code && ERRNO_REASONS[code]) ?? `cannot read (${code ?? String(err)})`;
}

/** Reads all of a stream, failing once it passes `limit` bytes. */
async function readBounded(
  stream: AsyncIterable<Uint8Array>,
  source: string,
  limit: number,
): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > limit)
      throw new InputError(source, `larger than ${limit / 1024 / 1024} MiB; not a certificate input`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a file, or standard input when `path` is `-`. Throws `InputError` for a missing path, a
 * directory, an unreadable or oversized file.
 */
export async function readInput(
  path: string,
  stdin: AsyncIterable<Uint8Array> = process.stdin,
  limit: number = MAX_INPUT_BYTES,
): Promise<Buffer> {
  if (path === '-') return readBounded(stdin, '<stdin>', limit);
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError(path, 'is a directory, not a file');
    // Devices and FIFOs have no meaningful size; the bounded read below still protects us.
    if (info.isFile() && info.size > limit) {
      throw new InputError(path, `larger than ${limit / 1024 / 1024} MiB; not a certificate input`);
    }
    return await readBounded(createReadStream(path), path, limit);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(path, reasonOf(err));
  }
}
