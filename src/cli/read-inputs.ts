/**
 * Reading the files a command is given, the same way for every command: standard input (`-`) at
 * most once, the size limits of `sources/input-file.ts`, and a file that cannot be used stopping
 * the run with one line naming the option and the file (exit 2), never a stack trace.
 */

import { readdir, stat } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { InputError } from '../findings/input-error.js';
import { badTargetResult } from '../probe/bad-target.js';
import { parseTargetsText } from '../probe/targets.js';
import type { ProbeResult, ProbeTarget } from '../probe/types.js';
import { EXIT_USAGE } from '../report/exit-code.js';
import { displayName } from '../sources/document.js';
import { MAX_INPUT_BYTES, readInput } from '../sources/input-file.js';
import { decodeCrl } from '../x509/crl.js';
import { X509DecodeError } from '../x509/errors.js';
import type { Certificate } from '../x509/model.js';
import { readPemBlocks } from '../x509/pem.js';
import { readCertificates } from '../x509/read.js';
import { type CliIO, errorLine } from './io.js';

/** Something that stops the run before a verdict: one line on stderr, exit 2. */
export class UsageStop extends Error {
  override readonly name = 'UsageStop';
}

/**
 * Writes a stopped run's line and returns exit 2; any other error is rethrown (a bug, which
 * `main` reports as an internal error).
 */
export function reportStop(err: unknown, io: CliIO): number {
  if (!(err instanceof UsageStop)) throw err;
  io.stderr.write(errorLine(err.message));
  return EXIT_USAGE;
}

/** Stops the run when more than one of `paths` is `-`: standard input can be read only once. */
export function checkStdinOnce(paths: readonly (string | undefined)[]): void {
  if (paths.filter((p) => p === '-').length > 1)
    throw new UsageStop("standard input ('-') can be read only once");
}

/** `--roots plan.json: …`, or the message alone when no option is named. */
const prefixed = (what: string, message: string): string => (what ? `${what} ${message}` : message);

/** The bytes of a file, or standard input for `-`; a file that cannot be read stops the run. */
export async function readFileOrStop(path: string, io: CliIO, what = ''): Promise<Uint8Array> {
  try {
    return await readInput(path, io.stdin);
  } catch (err) {
    if (err instanceof InputError) throw new UsageStop(prefixed(what, err.message));
    throw err;
  }
}

/** A file's certificates, and how many private keys it held (skipped, never printed). */
export interface CertificateFile {
  readonly source: string;
  readonly certificates: readonly Certificate[];
  readonly privateKeys: number;
}

/**
 * Reads a PEM, DER or PKCS#7 file of certificates. `what` names the option in errors
 * (`--roots`); with `required`, a file holding no certificate stops the run too.
 */
export async function readCertificateFile(
  path: string,
  io: CliIO,
  options: { readonly what?: string; readonly required?: boolean } = {},
): Promise<CertificateFile> {
  const what = options.what ?? '';
  const source = displayName(path);
  const bytes = await readFileOrStop(path, io, what);
  try {
    const bundle = readCertificates(bytes, { source });
    if (options.required && bundle.certificates.length === 0)
      throw new UsageStop(prefixed(what, `${source}: no certificate in the file`));
    return { source, certificates: bundle.certificates, privateKeys: bundle.privateKeysSkipped };
  } catch (err) {
    if (err instanceof X509DecodeError) throw new UsageStop(prefixed(what, `${source}: ${err.message}`));
    throw err;
  }
}

/**
 * Where Linux distributions keep their CA bundle, in the order OpenSSL builds and Go
 * (crypto/x509 root_linux.go) look: Debian/Ubuntu/Alpine, Fedora/RHEL, openSUSE, RHEL's
 * extracted bundle, and the BSDs' and macOS's cert.pem.
 */
const SYSTEM_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
];

/** An OpenSSL hashed directory entry: the subject hash and a sequence number (`9d6523ce.0`). */
const HASHED_NAME = /^[0-9a-f]{8}\.\d+$/;
/** Certificate files in a plain folder of roots. */
const CERT_FILE = /\.(pem|crt|cer|der)$/i;

/**
 * `--roots FILE | DIR | system`: a file of roots; a folder of them (an OpenSSL hashed directory,
 * `c_rehash` / `openssl rehash`, read by its hashed names only, as OpenSSL reads it; otherwise
 * every .pem/.crt/.cer/.der file); or `system`, the store OpenSSL itself uses: `SSL_CERT_FILE`
 * and `SSL_CERT_DIR` when set, else the distribution's CA bundle. The source says which.
 */
export async function readRootsOption(value: string, io: CliIO, what = '--roots'): Promise<CertificateFile> {
  if (value === 'system') return readSystemRoots(io, what);
  if (value !== '-' && (await isDirectory(value))) return readRootsDirectory(value, io, what);
  return readCertificateFile(value, io, { what, required: true });
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false; // the file reader says what is wrong with it
  }
}

async function readRootsDirectory(dir: string, io: CliIO, what: string): Promise<CertificateFile> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (err) {
    throw new UsageStop(
      `${what} ${dir}: ${(err as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : String(err)}`,
    );
  }
  const hashed = names.filter((n) => HASHED_NAME.test(n));
  const chosen = hashed.length > 0 ? hashed : names.filter((n) => CERT_FILE.test(n));
  const files = [];
  for (const name of chosen) files.push(await readCertificateFile(join(dir, name), io, { what }));
  const certificates = uniqueCertificates(files);
  const privateKeys = files.reduce((n, f) => n + f.privateKeys, 0);
  if (certificates.length === 0) {
    throw new UsageStop(
      `${what} ${dir}: no certificate in the folder (looked for OpenSSL hashed names like 9d6523ce.0, then *.pem, *.crt, *.cer, *.der)`,
    );
  }
  return { source: dir, certificates, privateKeys };
}

async function readSystemRoots(io: CliIO, what: string): Promise<CertificateFile> {
  const file = io.env.SSL_CERT_FILE;
  const dir = io.env.SSL_CERT_DIR;
  const parts: CertificateFile[] = [];
  if (file)
    parts.push(
      await readCertificateFile(file, io, { what: `${what} system (SSL_CERT_FILE)`, required: true }),
    );
  // SSL_CERT_DIR may list several folders, separated as PATH is
  for (const folder of (dir ?? '').split(delimiter).filter(Boolean)) {
    parts.push(await readRootsDirectory(folder, io, `${what} system (SSL_CERT_DIR)`));
  }
  if (parts.length === 0) {
    for (const bundle of SYSTEM_BUNDLES) {
      if (await isFile(bundle)) {
        parts.push(await readCertificateFile(bundle, io, { what: `${what} system`, required: true }));
        break;
      }
    }
  }
  if (parts.length === 0) {
    throw new UsageStop(
      `${what} system: no system trust store found (SSL_CERT_FILE and SSL_CERT_DIR are unset, and none of ${SYSTEM_BUNDLES.join(', ')} exists); give ${what} FILE`,
    );
  }
  return {
    source: `system (${parts.map((p) => p.source).join(', ')})`,
    certificates: uniqueCertificates(parts),
    privateKeys: parts.reduce((n, p) => n + p.privateKeys, 0),
  };
}

/** The certificates of several files, each once (a hashed directory links the same file twice). */
function uniqueCertificates(files: readonly CertificateFile[]): Certificate[] {
  const seen = new Set<string>();
  const out: Certificate[] = [];
  for (const cert of files.flatMap((f) => f.certificates)) {
    if (seen.has(cert.sha256Fingerprint)) continue;
    seen.add(cert.sha256Fingerprint);
    out.push(cert);
  }
  return out;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Reads a CRL file (PEM `X509 CRL` blocks or DER) and checks each CRL decodes, so a malformed one
 * is bad input (exit 2) rather than a revocation verdict.
 */
export async function readCrlFile(path: string, io: CliIO): Promise<Uint8Array[]> {
  const source = displayName(path);
  const bytes = await readFileOrStop(path, io, '--crl');
  try {
    const crls =
      bytes[0] === 0x30
        ? [new Uint8Array(bytes)]
        : readPemBlocks(Buffer.from(bytes).toString('latin1'))
            .filter((b) => b.label === 'X509 CRL')
            .map((b) => b.der);
    if (crls.length === 0)
      throw new UsageStop(`--crl ${source}: no CRL found (expected PEM "X509 CRL" or DER)`);
    for (const der of crls) decodeCrl(der);
    return crls;
  } catch (err) {
    if (err instanceof X509DecodeError) throw new UsageStop(`--crl ${source}: ${err.message}`);
    throw err;
  }
}

/**
 * Reads standard input, keeping its first `keepBytes` bytes; the rest is drained (so the writer
 * does not fail on a closed pipe) up to the size any input may have. `what` names the expected
 * input in the oversize message (`<stdin>: larger than 16 MiB; not an error message`).
 */
export async function readStdinPrefix(
  stdin: AsyncIterable<Uint8Array>,
  keepBytes: number,
  what: string,
): Promise<string> {
  const chunks: Uint8Array[] = [];
  let kept = 0;
  let total = 0;
  for await (const chunk of stdin) {
    total += chunk.length;
    if (total > MAX_INPUT_BYTES) {
      throw new UsageStop(`<stdin>: larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB; not ${what}`);
    }
    if (kept < keepBytes) {
      const part = chunk.subarray(0, keepBytes - kept);
      chunks.push(part);
      kept += part.length;
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The targets of each `--targets FILE` (one a line, `#` comments), and a PROBE_BAD_TARGET result
 * for every line that is not one; a file that cannot be read stops the run (UsageStop).
 */
export async function readTargetFiles(
  files: readonly string[],
  port: number,
  io: CliIO,
): Promise<{ targets: ProbeTarget[]; bad: ProbeResult[] }> {
  const targets: ProbeTarget[] = [];
  const bad: ProbeResult[] = [];
  for (const file of files) {
    const text = new TextDecoder().decode(await readFileOrStop(file, io, '--targets'));
    const source = displayName(file);
    const read = parseTargetsText(text, source, port);
    targets.push(...read.targets);
    for (const e of read.errors) bad.push(badTargetResult(e.text, e.reason, { source, line: e.line }));
  }
  return { targets, bad };
}
