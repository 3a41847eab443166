/**
 * `check()`: the library form of `certgate check`. Reads the inputs (files, `cdk.out` folders, or
 * `-`), runs every CloudFront rule and returns one result per distribution plus the inputs that
 * could not be read.
 */

import type { AwsFailure, AwsOptions } from '../aws/types.js';
import type { Result } from '../findings/finding.js';
import type { UnreadableInput } from '../findings/input-error.js';
import { applyPolicy, type FindingPolicy } from '../findings/suppress.js';
import { CF_RULES } from '../rules/cf/index.js';
import type { Profile } from '../rules/profile/profile.js';
import { loadGateInputs } from '../sources/load.js';
import type { GateInputs } from '../sources/types.js';
import type { Certificate } from '../x509/model.js';
import { emptyInputs } from './empty-inputs.js';
import { inlineIgnores } from './inline-ignores.js';
import { runGate } from './run-gate.js';
import type { GateResult } from './types.js';

/** Options of {@link check}; each matches a `certgate check` flag. */
export interface CheckOptions {
  /** `--cert` values: `FILE`, `ARN=FILE` or `IAMCERTID=FILE`. */
  readonly certs?: readonly string[];
  /** `--parameter KEY=VALUE` overrides for CloudFormation parameters. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** `--region`: where a CloudFormation stack deploys. */
  readonly region?: string;
  /** `--account`: the account a CloudFormation stack deploys to (`AWS::AccountId`), 12 digits. */
  readonly account?: string;
  /** `--tf-dir`: the `.tf` folder of a Terraform plan's root module (default: the plan's folder when it has `.tf` files). */
  readonly tfDir?: string;
  /** "Now"; default the current time. */
  readonly at?: Date;
  /** Expiry warning window in days; default 30. */
  readonly warnDays?: number;
  /** Trust anchors for PEM evidence; default Node's Mozilla roots. */
  readonly roots?: readonly Certificate[];
  /** Standard input, for an input named `-`. */
  readonly stdin?: AsyncIterable<Uint8Array>;
  /**
   * `--allow-empty`: an input without any distribution or tenant is a note, not an error
   * (INPUT_NO_DISTRIBUTION).
   */
  readonly allowEmpty?: boolean;
  /**
   * What the team's policy does to the findings: severity overrides per code, config ignores, a
   * baseline, and the inputs' own inline ignores unless `inline` is false (`--no-ignore`).
   * Suppressed findings stay in the results, marked with their `suppression`.
   */
  readonly policy?: CheckPolicy;
  /** A team's pins (`profiles:` of .certgate.yaml), each with the distributions it applies to. */
  readonly profiles?: readonly Profile[];
  /**
   * `--aws` (with `--profile`, `--aws-preflight`, `--distribution-id`, `--all-distributions`): the
   * account as evidence, merged with the files (a file wins), and deployed distributions read
   * from it; the AWS SDK is loaded only then.
   */
  readonly aws?: AwsOptions;
}

/** The policy of a run; the inline ignores come from the inputs themselves. */
export interface CheckPolicy extends Omit<FindingPolicy, 'inline'> {
  /** Apply the inputs' inline ignores (default true). */
  readonly inline?: boolean;
}

/**
 * Predicts CloudFront's verdict for every distribution in `inputs`, in decision order. Inputs that
 * cannot be read are returned in `errors` (the others are still checked); nothing throws for bad
 * input.
 *
 * @example
 * ```ts
 * const { results } = await check(['template.yaml'], { certs: ['acm.json'], region: 'us-east-1' });
 * for (const r of results) console.log(r.subject.id, r.findings.map((f) => f.code));
 * ```
 */
export async function check(
  inputs: readonly string[],
  options: CheckOptions = {},
): Promise<{
  results: GateResult[];
  errors: UnreadableInput[];
  distributions: number;
  /** With a policy baseline: how many of its entries matched no finding. */
  baselineUnmatched?: number;
  /** With `aws`: set when every AWS call failed, so nothing was checked against the account. */
  awsUnavailable?: AwsFailure;
}> {
  const {
    inputs: offlineInputs,
    errors,
    empty: emptyRead,
  } = await loadGateInputs(
    inputs,
    {
      certs: options.certs ?? [],
      parameters: options.parameters ?? {},
      ...(options.region !== undefined ? { region: options.region } : {}),
      ...(options.account !== undefined ? { accountId: options.account } : {}),
      ...(options.tfDir !== undefined ? { tfDir: options.tfDir } : {}),
    },
    options.stdin,
  );
  const { inputs: gateInputs, awsUnavailable } = options.aws
    ? await withAccount(offlineInputs, errors, options.aws)
    : { inputs: offlineInputs, awsUnavailable: undefined };
  const live = awsUnavailable ? { awsUnavailable } : {};
  const results = runGate(gateInputs, {
    at: options.at ?? new Date(),
    warnDays: options.warnDays ?? 30,
    ...(options.roots ? { roots: options.roots } : {}),
    ...(options.profiles ? { profiles: options.profiles } : {}),
  });
  // an input that gave nothing to check is a finding of its own, never a silent pass
  const empty = emptyInputs(emptyRead, {
    ...(options.allowEmpty ? { allowEmpty: true } : {}),
    nothingChecked: gateInputs.distributions.length === 0,
  });
  const named = results.map(namedSkips);
  const fresh = mergeEmpty(named, empty);
  const all = [...named, ...fresh];
  const distributions = gateInputs.distributions.length;
  const policy = options.policy;
  if (!policy) return { results: all, errors, distributions, ...live };
  const inline = policy.inline === false ? [] : inlineIgnores(gateInputs);
  const applied = applyPolicy(all, { ...policy, inline });
  return {
    results: applied.results,
    errors,
    distributions,
    ...(policy.baseline ? { baselineUnmatched: applied.baselineUnmatched } : {}),
    ...live,
  };
}

/** Live mode: the deployed distributions asked for, then the account's evidence for everything checked. */
async function withAccount(
  inputs: GateInputs,
  errors: UnreadableInput[],
  aws: AwsOptions,
): Promise<{ inputs: GateInputs; awsUnavailable?: AwsFailure }> {
  const deployed = await withDeployed(inputs, errors, aws);
  if (deployed?.awsUnavailable) return deployed;
  return withLiveEvidence(deployed?.inputs ?? inputs, aws);
}

/**
 * The inputs with the deployed distributions `--distribution-id` / `--all-distributions` name,
 * read from the account; an id the account does not have joins `errors` (exit 2).
 */
async function withDeployed(
  inputs: GateInputs,
  errors: UnreadableInput[],
  aws: AwsOptions,
): Promise<{ inputs: GateInputs; awsUnavailable?: AwsFailure } | undefined> {
  const ids = aws.distributionIds ?? [];
  if (ids.length === 0 && !aws.allDistributions) return undefined;
  const { fetchDeployed } = await import('../aws/deployed.js');
  const read = await fetchDeployed(aws.allDistributions ? { all: true } : { ids }, aws);
  errors.push(...read.errors);
  return {
    inputs: {
      ...inputs,
      distributions: [...inputs.distributions, ...read.distributions],
      sourceFindings: [...inputs.sourceFindings, ...read.sourceFindings],
    },
    ...(read.nothingRead ? { awsUnavailable: read.nothingRead } : {}),
  };
}

/** The inputs with the account's evidence and distributions added (src/aws/, imported only here). */
async function withLiveEvidence(
  inputs: GateInputs,
  aws: AwsOptions,
): Promise<{ inputs: GateInputs; awsUnavailable?: AwsFailure }> {
  if (inputs.distributions.length === 0) return { inputs };
  const { fetchLiveInputs } = await import('../aws/live.js');
  const live = await fetchLiveInputs(inputs, aws);
  return {
    inputs: {
      ...inputs,
      evidence: [...inputs.evidence, ...live.evidence],
      sourceFindings: [...inputs.sourceFindings, ...live.sourceFindings],
      context: [...(inputs.context ?? []), ...live.context],
      elsewhere: [...(inputs.elsewhere ?? []), ...live.elsewhere],
    },
    ...(live.nothingChecked ? { awsUnavailable: live.nothingChecked } : {}),
  };
}

/** The empty inputs' results; one that already has an input result gets its finding first there. */
function mergeEmpty(results: GateResult[], empty: readonly Result[]): GateResult[] {
  const fresh: GateResult[] = [];
  for (const e of empty) {
    const i = results.findIndex((r) => r.subject.kind === 'input' && r.subject.source === e.subject.source);
    if (i === -1) fresh.push(e as GateResult);
    else results[i] = { ...results[i]!, findings: [...e.findings, ...results[i]!.findings] };
  }
  return fresh;
}

/** Rulebook id → finding code: what a user can look up in `certgate rules` and docs/rules/. */
const CODE_OF_RULE = new Map<string, string>(CF_RULES.map((r) => [r.id, r.code]));

const nameRules = (text: string): string =>
  text.replace(/\b(?:CF|MS|W)-\d+\b/g, (id) => CODE_OF_RULE.get(id) ?? id);

/** A result whose "not checked" lists name finding codes, not the rulebook's internal ids. */
function namedSkips(r: GateResult): GateResult {
  if (!r.findings.some((f) => f.args.skipped !== undefined)) return r;
  const findings = r.findings.map((f) => {
    const skipped = f.args.skipped;
    if (skipped === undefined) return f;
    const named = Array.isArray(skipped)
      ? [...new Set((skipped as readonly string[]).map(nameRules))]
      : typeof skipped === 'string'
        ? nameRules(skipped)
        : skipped;
    return { ...f, args: { ...f.args, skipped: named } };
  });
  return { ...r, findings };
}
