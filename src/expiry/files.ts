/**
 * Certificates at rest: files and folders (walked recursively), PEM, DER, PKCS#7 and PKCS#12
 * (`.p12`/`.pfx`, see pkcs12.ts). A named file
 * that cannot be read, or holds no certificate, is a problem on that file; in a folder, files
 * without a certificate (keys, READMEs) are passed over, and a malformed certificate is still a
 * problem on its file. Hidden entries (`.git`) are not walked; a folder reached twice through
 * symbolic links is read once.
 */

import { closeSync, type Dirent, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../findings/input-error.js';
import { MAX_INPUT_BYTES, readInput } from '../sources/input-file.js';
import { X509DecodeError } from '../x509/errors.js';
import type { Certificate } from '../x509/model.js';
import { readCertificates } from '../x509/read.js';
import { looksLikePkcs12, readPkcs12 } from './pkcs12.js';

/** A file's certificates, in file order. */
export interface CertificateFile {
  readonly path: string;
  readonly certificates: readonly Certificate[];
}

/** A file (or path) that could not be read, and why, in one line. */
export interface FileProblem {
  readonly path: string;
  readonly reason: string;
}

/** Files read at once: enough to keep the disk busy, few enough for the file descriptor limit. */
const READ_CONCURRENCY = 16;

/** Folder entries walked at most, so a path like `/` ends with a problem instead of never. */
const MAX_FILES = 200_000;

/** Reads every certificate file under `paths`. Never throws for a bad path: it is a problem. */
export async function readCertificateFiles(
  paths: readonly string[],
  options: {
    readonly pkcs12Password?: string;
    /** Called with each file as it is read (before the run's other files are). */
    readonly onFile?: (file: CertificateFile) => void;
  } = {},
): Promise<{ files: CertificateFile[]; problems: FileProblem[] }> {
  const problems: FileProblem[] = [];
  const named: string[] = [];
  const walked: string[] = [];
  const seenDirs = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch((e: unknown) => e as NodeJS.ErrnoException);
    if (info instanceof Error) {
      problems.push({ path, reason: errnoReason(info) });
      continue;
    }
    if (info.isDirectory()) {
      const truncated = await walk(path, walked, seenDirs);
      if (truncated)
        problems.push({
          path,
          reason: `more than ${MAX_FILES} files; only the first ${MAX_FILES} were read`,
        });
    } else named.push(path);
  }
  const jobs = [
    ...named.map((p) => ({ path: p, named: true })),
    ...walked.map((p) => ({ path: p, named: false })),
  ];
  const files: (CertificateFile | undefined)[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      const job = jobs[i]!;
      // synchronous reads of a folder's files: let timers and sockets (probes run alongside) in
      if (i % 64 === 63) await new Promise((resolve) => setImmediate(resolve));
      const read = await readOne(job.path, job.named, options.pkcs12Password ?? '');
      if ('reason' in read) problems.push(read);
      else if (read.certificates.length > 0) {
        files[i] = read;
        options.onFile?.(read);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, jobs.length) }, worker));
  return { files: files.filter((f): f is CertificateFile => f !== undefined), problems };
}

/** Collects the regular files under `dir`, sorted by name; true when MAX_FILES cut it short. */
async function walk(dir: string, out: string[], seen: Set<string>): Promise<boolean> {
  const real = await realpath(dir).catch(() => dir);
  if (seen.has(real)) return false;
  seen.add(real);
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return false; // an unreadable sub-folder: its files cannot be listed, the rest still count
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    if (out.length >= MAX_FILES) return true;
    const path = join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const target = await stat(path).catch(() => undefined);
      isDir = target?.isDirectory() === true;
      isFile = target?.isFile() === true;
    }
    if (isDir) {
      if (await walk(path, out, seen)) return true;
    } else if (isFile) out.push(path);
  }
  return false;
}

const PKCS12_EXTENSION = /\.(p12|pfx)$/i;

async function readOne(
  path: string,
  named: boolean,
  password: string,
): Promise<CertificateFile | FileProblem> {
  let bytes: Uint8Array;
  try {
    // a folder's files are read in one go each (open, fstat, read, close without leaving the
    // thread): 10,000 small files through the promise API were four thread-pool round trips
    // each, most of the run; named paths may be FIFOs or devices and take the bounded reader
    bytes = named
      ? await readInput(path, undefined, undefined, 'a certificate file')
      : readRegularFile(path, MAX_INPUT_BYTES);
  } catch (e) {
    // in a folder, a file too large for a certificate is not one (an archive, a database)
    if (!named) return { path, certificates: [] };
    return { path, reason: e instanceof InputError ? stripSource(e.message, path) : String(e) };
  }
  if (PKCS12_EXTENSION.test(path) || looksLikePkcs12(bytes)) {
    const read = readPkcs12(bytes, password);
    return 'reason' in read ? { path, reason: read.reason } : { path, certificates: read.certificates };
  }
  try {
    return { path, certificates: readCertificates(bytes, { source: path }).certificates };
  } catch (e) {
    if (!(e instanceof X509DecodeError)) throw e;
    // a folder holds keys, configs and notes too; only a file that tries to be a certificate counts
    if (!named && e.reason.startsWith('no certificate found')) return { path, certificates: [] };
    return { path, reason: e.message };
  }
}

/** A regular file's bytes, read synchronously; throws when it is larger than `limit`. */
function readRegularFile(path: string, limit: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > limit) throw new InputError(path, `larger than ${limit / 1024 / 1024} MiB`);
    const buffer = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const n = readSync(fd, buffer, filled, size - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    return buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

/** `a.pem: no such file or directory` → `no such file or directory` (the finding names the file). */
function stripSource(message: string, path: string): string {
  return message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
}

function errnoReason(e: NodeJS.ErrnoException): string {
  if (e.code === 'ENOENT') return 'no such file or directory';
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  return `cannot read (${e.code ?? e.message})`;
}
