/**
 * What the sources hand to the gate: every distribution and piece of certificate evidence read
 * from the inputs, and the findings the sources raised themselves. The gate (`src/check/`)
 * consumes this; the sources never import the gate.
 */

import type { CertificateEvidence, Distribution } from '../cloudfront/model.js';
import type { FindingCode } from '../findings/catalog.js';
import type { Finding } from '../findings/finding.js';
import type { Locator } from '../findings/types.js';

/** Everything read from the inputs. */
export interface GateInputs {
  readonly distributions: readonly Distribution[];
  readonly evidence: readonly CertificateEvidence[];
  /**
   * Findings the sources raised themselves (an unresolvable value, evidence matching nothing, a
   * template section that is not understood), attached by the engine to the distribution named
   * by `location.source` + `subject`, or reported on their own.
   */
  readonly sourceFindings: readonly { readonly distributionId?: string; readonly finding: Finding }[];
  /** Inline ignores written on resources (template Metadata, `.tf` comments); absent when there are none. */
  readonly ignores?: readonly InlineIgnore[];
  /**
   * Distributions that are context, not subjects (the account's own, read live with `--aws`):
   * the cross-distribution index sees them (CNAMEAlreadyExists), the results do not list them.
   */
  readonly context?: readonly Distribution[];
  /**
   * Holders of the inputs' aliases in other accounts (`--aws-preflight`): context too, but never
   * the account's own holder, so never the distribution itself deployed before.
   */
  readonly elsewhere?: readonly Distribution[];
}

/**
 * An inline ignore (`Metadata.certgate.ignore`, `# certgate:ignore`) with a known code and a
 * reason. It is written on a distribution or tenant (by its id in the input), or on a certificate
 * resource (by its evidence key), and accepts that code on the results of what it is written on.
 */
export interface InlineIgnore {
  readonly on: { readonly distribution: string } | { readonly certificate: string };
  /** The input the resource is read from. */
  readonly source: string;
  readonly code: FindingCode;
  readonly reason: string;
  /** Where it is written (for a Terraform comment, `origin` is its `.tf` line). */
  readonly location: Locator;
}

/** Options for reading gate inputs (the `certgate check` flags that concern sources). */
export interface LoadOptions {
  /** Raw `--cert` values: `FILE` (ACM JSON, or a PEM/DER chain when one certificate is referenced), `ARN=FILE`, `IAMCERTID=FILE`. */
  readonly certs: readonly string[];
  /** `--parameter KEY=VALUE` overrides for CloudFormation Parameters. */
  readonly parameters: Readonly<Record<string, string>>;
  /** `--region`: the region a CloudFormation/CDK stack deploys to (its own ACM certificates live there). */
  readonly region?: string;
  /** `--account`: the account a CloudFormation stack deploys to (`AWS::AccountId`). */
  readonly accountId?: string;
  /** `--tf-dir`: the `.tf` folder of the root module a Terraform plan was made from (default: the plan's folder when it has `.tf` files). */
  readonly tfDir?: string;
}
