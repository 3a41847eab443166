/** `certgate verify CHAIN_FILE`: path validation and the name check, shown as the verification flow. */

import type { Finding, Result } from '../../findings/finding.js';
import { createFinding } from '../../findings/finding.js';
import type { PolicyName, Purpose } from '../../pki/types.js';
import { createColors, shouldColor } from '../../report/colors.js';
import { computeExitCode, EXIT_USAGE, type FailOn } from '../../report/exit-code.js';
import { formatJson } from '../../report/json.js';
import { buildReport } from '../../report/report.js';
import { InputError, readInput } from '../../sources/input-file.js';
import { VerifyUsageError } from '../../verify/errors.js';
import { formatVerifyText } from '../../verify/text.js';
import { verify } from '../../verify/verify.js';
import { type VerifyDetails, viewVerifyResult } from '../../verify/view.js';
import { decodeCrl } from '../../x509/crl.js';
import { X509DecodeError } from '../../x509/errors.js';
import type { Certificate } from '../../x509/model.js';
import { readPemBlocks } from '../../x509/pem.js';
import { readCertificates } from '../../x509/read.js';
import { type CliIO, errorLine } from '../io.js';
import type { OutputFormat } from '../options.js';
import { packageVersion } from '../version.js';

interface VerifyCliOptions {
  readonly format: OutputFormat;
  readonly failOn: FailOn;
  readonly at?: Date;
  readonly roots?: string;
  readonly addRoots?: readonly string[];
  readonly untrusted?: readonly string[];
  readonly crl?: readonly string[];
  readonly host?: string;
  readonly ip?: string;
  readonly purpose: Purpose;
  readonly policy: PolicyName;
}

/** A file's certificates, and how many private keys it held. */
interface CertificateFile {
  readonly source: string;
  readonly certificates: readonly Certificate[];
  readonly privateKeys: number;
}

/** Something that stops the run before a verdict: one line on stderr, exit 2. */
class UsageStop extends Error {}

async function readCertificateFile(path: string, io: CliIO): Promise<CertificateFile> {
  const source = path === '-' ? '<stdin>' : path;
  try {
    const bundle = readCertificates(await readInput(path, io.stdin), { source });
    return { source, certificates: bundle.certificates, privateKeys: bundle.privateKeysSkipped };
  } catch (err) {
    if (err instanceof InputError) throw new UsageStop(err.message);
    if (err instanceof X509DecodeError) throw new UsageStop(`${source}: ${err.message}`);
    throw err;
  }
}

/**
 * Reads a CRL file (PEM `X509 CRL` blocks or DER) and checks each CRL decodes, so a malformed one
 * is bad input (exit 2) rather than a revocation verdict.
 */
async function readCrlFile(path: string, io: CliIO): Promise<Uint8Array[]> {
  const source = path === '-' ? '<stdin>' : path;
  try {
    const bytes = await readInput(path, io.stdin);
    const crls =
      bytes[0] === 0x30
        ? [new Uint8Array(bytes)]
        : readPemBlocks(bytes.toString('latin1'))
            .filter((b) => b.label === 'X509 CRL')
            .map((b) => b.der);
    if (crls.length === 0)
      throw new UsageStop(`--crl ${source}: no CRL found (expected PEM "X509 CRL" or DER)`);
    for (const der of crls) decodeCrl(der);
    return crls;
  } catch (err) {
    if (err instanceof InputError) throw new UsageStop(`--crl ${err.message}`);
    if (err instanceof X509DecodeError) throw new UsageStop(`--crl ${source}: ${err.message}`);
    throw err;
  }
}

/** Reads every input file; certificates are decoded here so errors name the file. */
async function readInputs(chainFile: string, opts: VerifyCliOptions, io: CliIO) {
  const paths = [
    chainFile,
    opts.roots,
    ...(opts.addRoots ?? []),
    ...(opts.untrusted ?? []),
    ...(opts.crl ?? []),
  ];
  if (paths.filter((p) => p === '-').length > 1)
    throw new UsageStop("standard input ('-') can be read only once");
  const read = (p: string) => readCertificateFile(p, io);
  return {
    chain: await read(chainFile),
    roots: opts.roots === undefined ? undefined : await read(opts.roots),
    addRoots: await Promise.all((opts.addRoots ?? []).map(read)),
    untrusted: await Promise.all((opts.untrusted ?? []).map(read)),
    crls: (await Promise.all((opts.crl ?? []).map((p) => readCrlFile(p, io)))).flat(),
  };
}

type Inputs = Awaited<ReturnType<typeof readInputs>>;

/** Where each certificate came from, for the path view (the chain file wins over the others). */
function sourceIndex(inputs: Inputs): (sha256: string) => string | undefined {
  const files = [
    inputs.chain,
    ...inputs.untrusted,
    ...(inputs.roots ? [inputs.roots] : []),
    ...inputs.addRoots,
  ];
  const map = new Map<string, string>();
  for (const file of files.reverse())
    for (const c of file.certificates) map.set(c.sha256Fingerprint, file.source);
  return (sha256) => map.get(sha256);
}

/** Runs the verification and wraps it as the report's one result. */
function verifyInputs(inputs: Inputs, opts: VerifyCliOptions): Result<VerifyDetails> {
  const all = (files: readonly CertificateFile[]) => files.flatMap((f) => f.certificates);
  const result = verify({
    chain: inputs.chain.certificates,
    ...(inputs.roots ? { roots: inputs.roots.certificates } : {}),
    addRoots: all(inputs.addRoots),
    untrusted: all(inputs.untrusted),
    ...(opts.host !== undefined ? { host: opts.host } : {}),
    ...(opts.ip !== undefined ? { ip: opts.ip } : {}),
    ...(opts.at ? { at: opts.at } : {}),
    purpose: opts.purpose,
    policy: opts.policy,
    ...(inputs.crls.length > 0 ? { crls: inputs.crls } : {}),
    source: inputs.chain.source,
  });
  const { source, privateKeys } = inputs.chain;
  const keyNote: Finding[] = privateKeys
    ? [createFinding('INPUT_PRIVATE_KEY_SKIPPED', { source }, { source, count: privateKeys })]
    : [];
  const leaf = result.path?.[0] ?? inputs.chain.certificates[0];
  return {
    subject: { kind: 'chain', id: result.reference?.value ?? leaf?.subject.text ?? source, source },
    findings: [...keyNote, ...result.findings],
    details: viewVerifyResult(result, {
      roots: inputs.roots ? [inputs.roots.source] : [],
      addRoots: inputs.addRoots.map((f) => f.source),
      sourceOf: sourceIndex(inputs),
    }),
  };
}

/** Runs `verify` and returns the exit code. */
export async function runVerify(chainFile: string, opts: VerifyCliOptions, io: CliIO): Promise<number> {
  let result: Result<VerifyDetails>;
  try {
    result = verifyInputs(await readInputs(chainFile, opts, io), opts);
  } catch (err) {
    if (err instanceof UsageStop) {
      io.stderr.write(errorLine(err.message));
      return EXIT_USAGE;
    }
    if (err instanceof VerifyUsageError) {
      io.stderr.write(errorLine(`--${err.option} ${JSON.stringify(err.value)}: ${err.reason}`));
      return EXIT_USAGE;
    }
    throw err;
  }
  const report = buildReport({
    command: 'verify',
    version: packageVersion(),
    results: [result],
    failOn: opts.failOn,
  });
  if (opts.format === 'json') {
    io.stdout.write(formatJson(report));
  } else {
    io.stdout.write(formatVerifyText(report, { colors: createColors(shouldColor(io.stdout.isTTY, io.env)) }));
  }
  return computeExitCode({ findings: result.findings, failOn: opts.failOn });
}
