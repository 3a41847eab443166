/**
 * `check()`: the library form of `certgate check`. Reads the inputs (files, `cdk.out` folders, or
 * `-`), runs every CloudFront rule and returns one result per distribution plus the inputs that
 * could not be read.
 */

import type { UnreadableInput } from '../findings/input-error.js';
import { loadGateInputs } from '../sources/load.js';
import type { Certificate } from '../x509/model.js';
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
): Promise<{ results: GateResult[]; errors: UnreadableInput[]; distributions: number }> {
  const { inputs: gateInputs, errors } = await loadGateInputs(
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
  const results = runGate(gateInputs, {
    at: options.at ?? new Date(),
    warnDays: options.warnDays ?? 30,
    ...(options.roots ? { roots: options.roots } : {}),
  });
  return { results, errors, distributions: gateInputs.distributions.length };
}
