/**
 * The shape of a CloudFront gate rule and what it sees. A rule is a small pure unit (the shape of
 * `../rule.ts`): an id from the rulebook (`CF-09`), a stable finding code, the CloudFront error it
 * predicts, its decision group, and a `check` that reads one distribution (and, through
 * `ctx.index`, the others) and returns findings. Wording lives in `src/report/messages-cf.ts`;
 * policy values in `src/cloudfront/policies.ts`.
 */

import type { CertificateEvidence, Distribution, Field, Unresolved } from '../../cloudfront/model.js';
import type { FindingCode } from '../../findings/catalog.js';
import type { Finding } from '../../findings/finding.js';
import type { FindingArgs, Locator, Severity } from '../../findings/types.js';
import type { SanIndex } from '../../names/index.js';
import type { Profile } from '../profile/profile.js';
import { declareRule, type Rule, type RuleReporter, type RuleSpec } from '../rule.js';

/**
 * The gate's decision order, in which findings most often explain a failure: 1 placement,
 * 2 state, 3 name coverage, 4 TLS policy and key type, 5 alias conflicts, syntax and quotas,
 * 6 chain and trust, 7 early warnings.
 */
export type DecisionGroup = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * How sure the rulebook is of the CloudFront error a rule predicts: documented by AWS, observed
 * in public reports, inferred from documented facts, or unconfirmed. Anything but `documented`
 * is said in the finding's text.
 */
export type Certainty = 'documented' | 'observed' | 'inferred' | 'unconfirmed';

/** What a rule needs to know about the certificate, as listed when the evidence does not say. */
export type EvidenceNeed =
  | 'region'
  | 'status'
  | 'expiry'
  | 'coverage'
  | 'key type'
  | 'chain'
  | 'renewal'
  | 'origin'
  | 'iam path';

/** One resolved alias: as written, ASCII-lower-cased, and where it is. */
export interface Alias {
  readonly name: string;
  readonly lower: string;
  readonly location: Locator;
}

/** Which certificate a distribution names, and how the gate looks its evidence up. */
export interface CertificateRef {
  /** `none`: no ViewerCertificate source at all; `unresolved`: the reference is computed at deploy time. */
  readonly kind: 'acm' | 'iam' | 'resource' | 'default' | 'none' | 'unresolved';
  /** The evidence key (ARN, IAM id, template resource key). */
  readonly key?: string;
  readonly location: Locator;
}

/** What a PEM chain of the evidence looks like to CloudFront (CF-05..CF-08), computed once per certificate. */
export interface ChainCheck {
  readonly length: number;
  /** Certificates outside their validity at the gate's time. */
  readonly outOfDate: readonly {
    readonly index: number;
    readonly subject: string;
    readonly state: 'expired' | 'not yet valid';
    readonly notBefore: string;
    readonly notAfter: string;
  }[];
  /** A path-validation failure other than dates (PATH_* code), when verify() found one. */
  readonly untrusted?: {
    readonly pathCode: FindingCode;
    readonly subject: string;
    readonly certIndex: number;
  };
  /** Structural problems CloudFront calls "isn't formatted correctly". */
  readonly malformed: readonly {
    readonly index: number;
    readonly subject: string;
    readonly reason: string;
  }[];
}

/** One certificate's evidence, merged over every source that describes it (ACM JSON, PEM chain, template). */
export interface EvidenceView extends Omit<CertificateEvidence, 'kind' | 'source'> {
  readonly kinds: readonly CertificateEvidence['kind'][];
  readonly sources: readonly string[];
  /** Only a template/plan resource: a certificate this deploy creates (no status or dates yet). */
  readonly isTemplate: boolean;
  /** Subject CNs of a PEM leaf (coverage hint for SAN-less certificates). */
  readonly commonNames: readonly string[];
  /** The names aliases are checked against (SANs, plus the ACM domain name); Unresolved when computed. */
  readonly coverageNames?: readonly string[] | Unresolved;
}

/** The first few of many others (in code-unit order) and how many there are: what a finding names. */
export interface Others {
  readonly names: readonly string[];
  readonly count: number;
}

/** A distribution as other distributions' rules see it. */
export interface CrossIndex {
  /** Distributions holding this alias (ASCII lower case), in input order. */
  aliasOwners(lower: string): readonly Distribution[];
  /** Whether more than one entry holds this alias (cheap; no list is built). */
  isShared(lower: string): boolean;
  /** Whether any alias of this distribution is also held by another entry. */
  hasSharedAlias(distribution: Distribution): boolean;
  /** Distributions whose certificate has this evidence key. */
  certificateUsers(key: string): readonly Distribution[];
  /** The evidence key of a distribution's certificate, when it names one. */
  certificateKeyOf(distribution: Distribution): string | undefined;
  /** Distinct certificates served on dedicated IPs (vip) across the inputs. */
  readonly dedicatedIpCertificates: readonly string[];
  /** Distributions using vip, in input order. */
  readonly vipDistributions: readonly Distribution[];
  /** Wildcard aliases (any holder) that route `lower` by being above it, nearest first (D-WILD). */
  coveringWildcards(
    lower: string,
  ): readonly { readonly alias: string; readonly distribution: Distribution }[];
  /** More specific aliases (any holder) below a wildcard alias, at any depth (MS-03). */
  overlapsUnder(wildcard: string): readonly { readonly alias: string; readonly distribution: Distribution }[];
  /** Concrete aliases one label below `parent` (`www.example.com` under `example.com`), with owners. */
  aliasesUnder(parent: string): readonly { readonly alias: string; readonly distribution: Distribution }[];
  /**
   * The ids of the other distributions holding this alias (not `distribution`, nor another read
   * of it): the first `max` and the count, in time independent of how many hold it (CF-23, CF-24).
   */
  otherAliasHolders(lower: string, distribution: Distribution, max: number): Others;
  /** The account's own distribution holding this alias, when the account was read (`--aws`). */
  accountHolderOf(lower: string): Distribution | undefined;
  /** A holder of this alias in another account (pre-flight with `--aws`), when one was found. */
  elsewhereHolderOf(lower: string): Distribution | undefined;
  /** As `otherAliasHolders`, among the holders that are deployed state only (Distribution.deployed). */
  otherDeployedAliasHolders(lower: string, distribution: Distribution, max: number): Others;
  /** `alias (id)` of the more specific aliases other distributions hold below a wildcard alias (MS-03), bounded. */
  otherOverlapsUnder(wildcard: string, distribution: Distribution, max: number): Others;
  /** `id (version)` of the other users of a certificate whose explicit HttpVersion is not `version` (MS-09), bounded. */
  otherHttpVersions(key: string, distribution: Distribution, version: string, max: number): Others;
  /**
   * `alias (id, account N)` of the aliases the certificate names `sans` cover that distributions of
   * another account than `account` hold (MS-04), each once: the first `max` and the count.
   */
  otherAccountAliases(
    sans: readonly string[],
    account: string,
    distribution: Distribution,
    max: number,
  ): Others;
  /** Whether two entries are one distribution (the same object, or one AWS distribution id read twice). */
  isSame(a: Distribution, b: Distribution): boolean;
}

/** What a rule sees. Reading a field through `read` is what makes an Unresolved value skip, not pass. */
export interface CfRuleContext extends RuleReporter {
  readonly distribution: Distribution;
  /** "Now" for validity and expiry. */
  readonly at: Date;
  readonly warnDays: number;
  readonly index: CrossIndex;
  /** For the rules of `rules/profile/`: the profile being checked (the engine runs them once per applicable profile). */
  readonly profile?: Profile;
  /** A field's value; undefined when absent or unresolved (an unresolved one is recorded as skipped). */
  read<T>(field: Field<T> | undefined, label: string): T | undefined;
  /** The resolved aliases; unresolved ones are recorded as skipped. */
  aliases(): readonly Alias[];
  /** The certificate the distribution names. */
  certificate(): CertificateRef;
  /** Text naming the certificate in messages (ARN, IAM id, resource). */
  certificateLabel(): string;
  /** The evidence when it can answer `need`; otherwise undefined, with the need recorded. */
  evidence(need: EvidenceNeed): EvidenceView | undefined;
  /** An evidence field when known; otherwise undefined, with the need recorded unless it cannot apply. */
  evidenceField<K extends keyof EvidenceView>(need: EvidenceNeed, key: K): EvidenceView[K] | undefined;
  /** The certificate's SAN index (built once per certificate); undefined when unknown. */
  sanIndex(): SanIndex | undefined;
  /** The PEM chain's check (computed once per certificate); undefined without a chain. */
  chain(): ChainCheck | undefined;
  /**
   * A finding of the running rule, with its code, awsError and the distribution in the args.
   * Notes carry no awsError: they say what cannot be decided offline, not what CloudFront returns.
   */
  report(location: Locator, args?: FindingArgs, extra?: ReportExtra): Finding;
}

/**
 * What a rule may change of its finding: the severity, one of the rule's `otherCodes`, how sure
 * the error is, or the error itself (`null`: something before CloudFront refuses, such as
 * CloudFormation's resource handler, so CloudFront returns nothing).
 */
export interface ReportExtra {
  readonly severity?: Severity;
  readonly code?: FindingCode;
  readonly certainty?: Certainty;
  readonly awsError?: string | null;
}

/** What a CloudFront rule module declares (one rulebook row). */
export interface CfRuleSpec extends RuleSpec<CfRuleContext> {
  /** Rulebook id: `CF-01`..`CF-30`, `MS-01`..`MS-12`, `W-01`..`W-05`; `PR-01`.. for profile pins. */
  readonly id: string;
  /** The error CloudFront returns, where the rulebook names one. */
  readonly awsError?: string;
  /** How sure the rulebook is of `awsError` (default `documented`). */
  readonly certainty?: Certainty;
  /** Where its findings go in the decision order; the engine sorts by it. */
  readonly group: DecisionGroup;
  /**
   * Further codes of the same rulebook row, each a fact of its own (CF-02: an ARN outside
   * us-east-1, a value that is no ARN at all); reported with `extra.code`.
   */
  readonly otherCodes?: readonly FindingCode[];
}

/** A CloudFront gate rule, as declared. */
export type CfRule = Rule<CfRuleContext, CfRuleSpec>;

/** Declares a CloudFront rule (frozen, with its code's default severity). */
export function defineRule(spec: CfRuleSpec): CfRule {
  return declareRule<CfRuleContext, CfRuleSpec>(spec);
}
