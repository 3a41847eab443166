/**
 * The contract of the gate: what the sources hand to the check engine, and what comes back.
 */

import type { CertificateEvidence, Distribution } from '../cloudfront/model.js';
import type { Finding, Result } from '../findings/finding.js';
import type { Certificate } from '../x509/model.js';

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
}

/** Settings of one gate run. */
export interface GateOptions {
  /** "Now" for validity and expiry. */
  readonly at: Date;
  /** Expiry warning window in days (default 30). */
  readonly warnDays: number;
  /** Trust anchors for PEM evidence; undefined = Node's Mozilla roots. */
  readonly roots?: readonly Certificate[];
}

/** One result per distribution, findings in decision order (DESIGN.md; rulebook §1.1 inside it). */
export type GateResult = Result<{
  readonly format: string;
  readonly aliases: readonly string[];
  readonly certificate?: string;
}>;

/** Options for reading gate inputs (the `certgate check` flags that concern sources). */
export interface LoadOptions {
  /** Raw `--cert` values: `FILE` (ACM JSON, or a PEM/DER chain when one certificate is referenced), `ARN=FILE`, `IAMCERTID=FILE`. */
  readonly certs: readonly string[];
  /** `--parameter KEY=VALUE` overrides for CloudFormation Parameters. */
  readonly parameters: Readonly<Record<string, string>>;
  /** `--region`: the region a CloudFormation/CDK stack deploys to (its own ACM certificates live there). */
  readonly region?: string;
}

/** An input that could not be read at all (exit 2): the source and a one-line message naming it. */
export interface LoadError {
  readonly source: string;
  readonly message: string;
}

// The two functions the CLI calls (each implemented in its own folder):
//   src/sources/load.ts:  loadGateInputs(files: readonly string[], options: LoadOptions, stdin?: AsyncIterable<Uint8Array>)
//                           → Promise<{ inputs: GateInputs; errors: LoadError[] }>
//   src/check/run-gate.ts: runGate(inputs: GateInputs, options: GateOptions) → GateResult[]
