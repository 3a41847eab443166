/**
 * Reading input files (or stdin, `-`) with errors a person can act on. Inputs are untrusted:
 * sizes are bounded so a wrong path (a disk image, /dev/zero) cannot exhaust memory.
 */

import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { InputError } from '../findings/input-error.js';

/** The largest input certgate reads: far above any real certificate bundle or template. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/**
 * The largest gate input (`certgate check`): `aws cloudfront list-distributions` for 10,000
 * distributions is 15–30 MB of JSON (the CLI indents with four spaces), and a JSON array of
 * 5,000 describe-certificate outputs about 15 MB, so 16 MiB is too tight for accounts of that
 * size. JSON is parsed natively; YAML has its own, smaller bound (DOCUMENT_LIMITS.maxYamlBytes).
 */
export const MAX_GATE_INPUT_BYTES = 64 * 1024 * 1024;

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
  what: string,
): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > limit) throw new InputError(source, `larger than ${limit / 1024 / 1024} MiB; not ${what}`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Reads a file of `size` bytes into one buffer; undefined when it holds more (it grew). */
async function readExactly(path: string, size: number): Promise<Buffer | undefined> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(size + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) return buffer.subarray(0, filled);
      filled += bytesRead;
      if (filled > size) return undefined;
    }
  } finally {
    await handle.close();
  }
}

/**
 * Reads a file, or standard input when `path` is `-`. Throws `InputError` for a missing path, a
 * directory, an unreadable or oversized file. `what` names the expected input in the oversize
 * message (`larger than 16 MiB; not a certificate input`).
 */
export async function readInput(
  path: string,
  stdin: AsyncIterable<Uint8Array> = process.stdin,
  limit: number = MAX_INPUT_BYTES,
  what = 'a certificate input',
): Promise<Uint8Array> {
  if (path === '-') return readBounded(stdin, '<stdin>', limit, what);
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError(path, 'is a directory, not a file');
    // Devices and FIFOs have no meaningful size; the bounded read below still protects us.
    if (info.isFile() && info.size > limit) {
      throw new InputError(path, `larger than ${limit / 1024 / 1024} MiB; not ${what}`);
    }
    // a regular file is read into one buffer of its size (no chunk copies: gate inputs reach
    // tens of MB); one that grew since stat is read again through the bounded stream
    if (info.isFile()) {
      const bytes = await readExactly(path, info.size);
      if (bytes) return bytes;
    }
    return await readBounded(createReadStream(path), path, limit, what);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(path, reasonOf(err));
  }
}
