/** `certgate verify CHAIN_FILE`: path validation and the name check, shown as the verification flow. */

import type { Finding, Result } from '../../findings/finding.js';
import { createFinding } from '../../findings/finding.js';
import type { CrlCheck, PolicyName, Purpose } from '../../pki/types.js';
import { createColors, shouldColor } from '../../report/colors.js';
import { computeExitCode, EXIT_USAGE, type FailOn } from '../../report/exit-code.js';
import { formatJson } from '../../report/json.js';
import { buildReport } from '../../report/report.js';
import { VerifyUsageError } from '../../verify/errors.js';
import { formatVerifyText } from '../../verify/text.js';
import { verify } from '../../verify/verify.js';
import { type VerifyDetails, viewVerifyResult } from '../../verify/view.js';
import { type CliIO, errorLine } from '../io.js';
import type { OutputFormat } from '../options.js';
import {
  type CertificateFile,
  checkStdinOnce,
  readCertificateFile,
  readCrlFile,
  readRootsOption,
  reportStop,
} from '../read-inputs.js';
import { packageVersion } from '../version.js';

interface VerifyCliOptions {
  readonly format: OutputFormat;
  readonly failOn: FailOn;
  readonly at?: Date;
  readonly roots?: string;
  readonly addRoots?: readonly string[];
  readonly untrusted?: readonly string[];
  readonly crl?: readonly string[];
  readonly crlCheck: CrlCheck;
  readonly host?: string;
  readonly ip?: string;
  readonly purpose: Purpose;
  readonly policy: PolicyName;
  readonly initialPolicy?: readonly string[];
  readonly requireExplicitPolicy?: boolean;
  readonly inhibitPolicyMapping?: boolean;
  readonly inhibitAnyPolicy?: boolean;
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
  checkStdinOnce(paths);
  const read = (p: string) => readCertificateFile(p, io);
  return {
    chain: await read(chainFile),
    roots: opts.roots === undefined ? undefined : await readRootsOption(opts.roots, io),
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
function verifyInputs(inputs: Inputs, opts: VerifyCliOptions, env: NodeJS.ProcessEnv): Result<VerifyDetails> {
  const all = (files: readonly CertificateFile[]) => files.flatMap((f) => f.certificates);
  const result = verify({
    chain: inputs.chain.certificates,
    ...(inputs.roots ? { roots: inputs.roots.certificates, rootsFromProgram: opts.roots === 'system' } : {}),
    addRoots: all(inputs.addRoots),
    untrusted: all(inputs.untrusted),
    ...(opts.host !== undefined ? { host: opts.host } : {}),
    ...(opts.ip !== undefined ? { ip: opts.ip } : {}),
    ...(opts.at ? { at: opts.at } : {}),
    purpose: opts.purpose,
    policy: opts.policy,
    policySettings: {
      ...(opts.initialPolicy ? { initialPolicySet: opts.initialPolicy } : {}),
      ...(opts.requireExplicitPolicy ? { requireExplicitPolicy: true } : {}),
      ...(opts.inhibitPolicyMapping ? { inhibitPolicyMapping: true } : {}),
      ...(opts.inhibitAnyPolicy ? { inhibitAnyPolicy: true } : {}),
    },
    ...(inputs.crls.length > 0 ? { crls: inputs.crls, crlCheck: opts.crlCheck } : {}),
    // Node's default store includes NODE_EXTRA_CA_CERTS; the CLI's environment says which file
    extraCaCerts: env.NODE_EXTRA_CA_CERTS || null,
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
    result = verifyInputs(await readInputs(chainFile, opts, io), opts, io.env);
  } catch (err) {
    if (err instanceof VerifyUsageError) {
      io.stderr.write(errorLine(`--${err.option} ${JSON.stringify(err.value)}: ${err.reason}`));
      return EXIT_USAGE;
    }
    return reportStop(err, io);
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
