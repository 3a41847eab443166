/**
 * The contract of the gate: the settings of one run and what comes back. What goes in
 * (`GateInputs`) is the sources' contract, in `src/sources/types.ts`.
 */

import type { Result } from '../findings/finding.js';
import type { Profile } from '../rules/profile/profile.js';
import type { Certificate } from '../x509/model.js';

/** Settings of one gate run. */
export interface GateOptions {
  /** "Now" for validity and expiry. */
  readonly at: Date;
  /** Expiry warning window in days (default 30). */
  readonly warnDays: number;
  /** Trust anchors for PEM evidence; undefined = Node's Mozilla roots. */
  readonly roots?: readonly Certificate[];
  /** A team's pins (`profiles:` in .certgate.yaml): each distribution is checked against those that apply to it. */
  readonly profiles?: readonly Profile[];
}

/** One result per distribution, findings in decision order (rulebook §1.1 inside it). */
export type GateResult = Result<{
  readonly format: string;
  readonly aliases: readonly string[];
  /** Why (some of) the aliases are unknown before deploy, e.g. `!GetAtt Site.Outputs.Domain is resolved at deploy time`. */
  readonly aliasesUnresolved?: readonly string[];
  readonly certificate?: string;
}>;
