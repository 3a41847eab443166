/**
 * `certgate check INPUT...`: the pre-deploy CloudFront gate. Reads distribution configs and
 * certificate evidence, predicts CloudFront's verdict per distribution, and reports it as text,
 * JSON, SARIF, JUnit, GitHub annotations or GitLab Code Quality (several from one run, with the
 * file flags), with the exit code that gates the pipeline.
 */

import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import type { AwsOptions } from '../../aws/types.js';
import { type CheckPolicy, check } from '../../check/check.js';
import { formatCheckText } from '../../check/text.js';
import { type CertgateConfig, ignoreRules } from '../../config/config.js';
import { ConfigError } from '../../config/parse.js';
import { toProfiles } from '../../config/profiles.js';
import type { Result } from '../../findings/finding.js';
import { computeExitCode, EXIT_USAGE, type FailOn } from '../../report/exit-code.js';
import { buildReport } from '../../report/report.js';
import { forTerminal } from '../../report/terminal.js';
import type { Profile } from '../../rules/profile/profile.js';
import type { Certificate } from '../../x509/model.js';
import { readBaselineFile, writeBaselineFile } from '../baseline-file.js';
import { applyConfig, configFlags, loadConfig } from '../config-file.js';
import { type CliIO, errorLine } from '../io.js';
import { type CheckFormat, parseRegion } from '../options.js';
import { checkStdinOnce, readRootsOption, reportStop, UsageStop } from '../read-inputs.js';
import { fingerprintRootFor } from '../repo-root.js';
import { clearReportFiles, planReportOutputs, writeReports } from '../report-output.js';
import { packageVersion } from '../version.js';

interface CheckCliOptions {
  readonly format: CheckFormat;
  readonly failOn: FailOn;
  readonly at?: Date;
  readonly warnDays: number;
  readonly cert?: readonly string[];
  readonly parameter?: Readonly<Record<string, string>>;
  readonly region?: string;
  readonly account?: string;
  readonly tfDir?: string;
  readonly roots?: string;
  readonly output?: string;
  /** More reports of the same run, each to its file: --sarif, --junit, --json, --gitlab. */
  readonly sarif?: string;
  readonly junit?: string;
  readonly json?: string;
  readonly gitlab?: string;
  /** `--docs-url BASE`: where SARIF rules link their help. */
  readonly docsUrl?: string;
  readonly verbose?: boolean;
  readonly allowEmpty?: boolean;
  /** `--config FILE`, or false for `--no-config` (read by runCheckCommand). */
  readonly config?: string | false;
  /** False for `--no-ignore`: every ignore and the baseline are set aside. */
  readonly ignore?: boolean;
  readonly baseline?: string;
  readonly writeBaseline?: string;
  /** `--aws`, `--profile NAME`, `--aws-preflight`: live evidence (the last two imply the first). */
  readonly aws?: boolean;
  readonly profile?: string;
  readonly awsPreflight?: boolean;
  /** `--distribution-id ID...`, `--all-distributions`: deployed distributions from the account (imply --aws). */
  readonly distributionId?: readonly string[];
  readonly allDistributions?: boolean;
}

/** The live options of a run, or undefined when it stays offline. */
function awsOptions(opts: CheckCliOptions): AwsOptions | undefined {
  const ids = opts.distributionId ?? [];
  const live =
    opts.aws || opts.profile !== undefined || opts.awsPreflight || ids.length > 0 || opts.allDistributions;
  if (!live) return undefined;
  return {
    ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
    ...(opts.awsPreflight ? { preflight: true } : {}),
    ...(ids.length > 0 ? { distributionIds: ids } : {}),
    ...(opts.allDistributions ? { allDistributions: true } : {}),
  };
}

/** Standard input can feed one input only: an INPUT, a --cert file or --roots. */
function checkStdinUse(inputs: readonly string[], opts: CheckCliOptions): void {
  const certFiles = (opts.cert ?? []).map((c) => c.slice(c.lastIndexOf('=') + 1));
  checkStdinOnce([...inputs, ...certFiles, opts.roots]);
}

type Root = readonly Certificate[] | undefined;

/**
 * Where a stack deploys: `--region`, else the region the AWS CLI and SDKs would use
 * (`AWS_REGION`, then `AWS_DEFAULT_REGION`; a value that is no region name is ignored), and
 * `--account`.
 */
function stackEnvironment(opts: CheckCliOptions, io: CliIO): { region?: string; account?: string } {
  const fromEnv = [io.env.AWS_REGION, io.env.AWS_DEFAULT_REGION].find(
    (r) => r !== undefined && r !== '' && isRegionName(r),
  );
  const region = opts.region ?? fromEnv;
  return {
    ...(region !== undefined ? { region } : {}),
    ...(opts.account !== undefined ? { account: opts.account } : {}),
  };
}

function isRegionName(value: string): boolean {
  try {
    parseRegion(value);
    return true;
  } catch {
    return false;
  }
}

/** Reads the inputs and runs the gate; unreadable inputs are reported on stderr, one line each. */
async function gate(
  inputs: readonly string[],
  opts: CheckCliOptions,
  roots: Root,
  io: CliIO,
  policy: CheckPolicy | undefined,
  profiles: readonly Profile[],
) {
  const aws = awsOptions(opts);
  const { results, errors, distributions, baselineUnmatched, awsUnavailable } = await check(inputs, {
    certs: opts.cert ?? [],
    parameters: opts.parameter ?? {},
    ...stackEnvironment(opts, io),
    ...(opts.tfDir !== undefined ? { tfDir: opts.tfDir } : {}),
    ...(opts.at ? { at: opts.at } : {}),
    warnDays: opts.warnDays,
    ...(roots ? { roots } : {}),
    stdin: io.stdin,
    ...(opts.allowEmpty ? { allowEmpty: true } : {}),
    ...(policy ? { policy } : {}),
    ...(profiles.length > 0 ? { profiles } : {}),
    ...(aws ? { aws } : {}),
  });
  for (const e of errors) io.stderr.write(errorLine(e.message));
  // every AWS call failed: one line, and exit 3 (the offline checks are still in the report)
  if (awsUnavailable)
    io.stderr.write(
      errorLine(
        `--aws: nothing could be checked against the account: ${awsUnavailable.operation} failed (${awsUnavailable.kind}): ${awsUnavailable.message}`,
      ),
    );
  // A gate that checked nothing must not look like a pass in a CI log (a wrong path, a stack
  // without its distribution): say so on stderr too, whatever the format and --output.
  const voice = opts.allowEmpty ? 'warning' : 'error';
  const empty = results.filter((r) => r.findings.some((f) => f.code === 'INPUT_NO_DISTRIBUTION'));
  if (distributions === 0 && errors.length === 0 && !awsUnavailable)
    io.stderr.write(`certgate: ${voice}: no CloudFront distribution in the inputs; nothing was checked\n`);
  else
    for (const r of empty)
      io.stderr.write(
        `certgate: ${voice}: ${forTerminal(r.subject.source)}: no CloudFront distribution; nothing in it was checked\n`,
      );
  return { results, errors, baselineUnmatched, awsUnavailable: awsUnavailable !== undefined };
}

/**
 * `certgate check` as the command line runs it: the config file (found, `--config`, or none
 * with `--no-config`) fills the flags the command line does not give, then the gate runs.
 */
export async function runCheckCommand(
  inputs: readonly string[],
  command: Command,
  io: CliIO,
): Promise<number> {
  const cwd = process.cwd();
  let config: CertgateConfig | undefined;
  try {
    const loaded = await loadConfig((command.opts() as CheckCliOptions).config, cwd, configFlags(command));
    if (loaded) applyConfig(command, loaded.config.flags, { file: loaded.config.file, dir: loaded.dir, cwd });
    config = loaded?.config;
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    for (const line of e.lines) io.stderr.write(errorLine(line));
    return EXIT_USAGE;
  }
  return runCheck(inputs, command.opts() as CheckCliOptions, io, config);
}

/**
 * The policy of the run: the config's severity overrides and ignores, the baseline and the
 * inputs' inline ignores (the last three set aside by `--no-ignore`), and the config's own
 * findings (an ignore past its date).
 */
async function runPolicy(
  opts: CheckCliOptions,
  config: CertgateConfig | undefined,
): Promise<{ policy?: CheckPolicy; configResults: Result[] }> {
  const use = opts.ignore !== false;
  const { rules, expired } = config ? ignoreRules(config, opts.at ?? new Date()) : { rules: [], expired: [] };
  const baseline = use && opts.baseline !== undefined ? await readBaselineFile(opts.baseline) : undefined;
  const severity = config?.severity ?? {};
  const policy: CheckPolicy = {
    root: fingerprintRootFor(process.cwd()),
    severity,
    inline: use,
    ...(use && rules.length > 0 ? { ignores: rules } : {}),
    ...(baseline ? { baseline } : {}),
  };
  return { policy, configResults: expired };
}

/** Runs `check` and returns the exit code. */
export async function runCheck(
  inputs: readonly string[],
  opts: CheckCliOptions,
  io: CliIO,
  config?: CertgateConfig,
): Promise<number> {
  const startedAt = new Date(); // JUnit's timestamp and time
  const outputs = planReportOutputs(opts, io);
  if (!outputs) return EXIT_USAGE;
  let roots: Root;
  let policy: Awaited<ReturnType<typeof runPolicy>>;
  try {
    if (inputs.length === 0 && (opts.distributionId ?? []).length === 0 && !opts.allDistributions)
      throw new UsageStop(
        "missing required argument 'input' (or --distribution-id ID / --all-distributions)",
      );
    checkStdinUse(inputs, opts);
    policy = await runPolicy(opts, config);
    if (opts.tfDir !== undefined && !(await stat(opts.tfDir).catch(() => undefined))?.isDirectory())
      throw new UsageStop(`--tf-dir ${opts.tfDir}: not a folder`);
    if (opts.roots !== undefined) roots = (await readRootsOption(opts.roots, io)).certificates;
  } catch (err) {
    return reportStop(err, io);
  }
  if (!(await clearReportFiles(outputs, io))) return EXIT_USAGE;
  // the team's pins: `match.path` globs are repository-relative, as the ignores' are
  const profiles = config
    ? toProfiles(
        config.profiles,
        { file: config.file, lineOf: config.lineOf },
        fingerprintRootFor(process.cwd()),
      )
    : [];
  const gated = await gate(inputs, opts, roots, io, policy.policy, profiles);
  const { errors } = gated;
  const results = [...gated.results, ...policy.configResults];
  const baseline = policy.policy?.baseline;
  const report = buildReport({
    command: 'check',
    version: packageVersion(),
    results,
    failOn: opts.failOn,
    errors,
    ...(baseline ? { baseline: { file: baseline.file, unmatched: gated.baselineUnmatched ?? 0 } } : {}),
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
  });
  const verbose = opts.verbose === true;
  const formatText: typeof formatCheckText = (r, o) => formatCheckText(r, { ...o, verbose });
  const subjects = { noun: 'distribution', verb: 'checked' };
  if (!(await writeReports(report, outputs, { ...opts, formatText }, io, subjects))) return EXIT_USAGE;
  if (opts.writeBaseline !== undefined) return writeBaseline(opts.writeBaseline, results, errors.length, io);
  return computeExitCode({
    // suppressed findings are reported, never counted
    findings: results.flatMap((r) => r.findings.filter((f) => f.suppression === undefined)),
    failOn: opts.failOn,
    inputErrors: errors.length,
    operationalErrors: gated.awsUnavailable ? 1 : 0,
  });
}

/**
 * `--write-baseline FILE`: the fingerprints of every finding of the run, so the next runs fail
 * only on new ones; exit 0. With an unreadable input the baseline would miss its findings, so
 * nothing is written and the exit is 2.
 */
async function writeBaseline(
  file: string,
  results: readonly Result[],
  unreadable: number,
  io: CliIO,
): Promise<number> {
  if (unreadable > 0) {
    io.stderr.write(
      errorLine(`--write-baseline ${file}: not written, as ${unreadable} input(s) could not be read`),
    );
    return EXIT_USAGE;
  }
  const written = await writeBaselineFile(file, results, fingerprintRootFor(process.cwd()), packageVersion());
  if ('error' in written) {
    io.stderr.write(errorLine(`--write-baseline ${file}: cannot write the baseline (${written.error})`));
    return EXIT_USAGE;
  }
  const n = written.entries;
  io.stderr.write(`certgate: baseline of ${n} finding${n === 1 ? '' : 's'} written to ${file}\n`);
  return 0;
}
