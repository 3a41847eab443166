/**
 * The context the engine hands each rule for one distribution. It is where Unresolved values
 * and missing evidence turn into "skipped" records instead of silent passes: every read goes
 * through it, and it remembers which rule wanted what, so the engine can report it once.
 */

import { type Distribution, type Field, isUnresolved } from '../cloudfront/model.js';
import type { Finding } from '../findings/finding.js';
import { createFinding } from '../findings/finding.js';
import type { FindingArgs, Locator, Severity } from '../findings/types.js';
import type { SanIndex } from '../names/index.js';
import type {
  Alias,
  CertificateRef,
  CfRule,
  CfRuleContext,
  ChainCheck,
  EvidenceNeed,
  EvidenceView,
} from '../rules/cf/define-rule.js';
import type { ResolvedRef } from './certificate-ref.js';
import type { GateIndex } from './cross-index.js';
import type { EvidenceIndex, IndexedEvidence } from './evidence.js';

/** One unresolved field and the rules that could not run because of it. */
export interface SkippedField {
  readonly label: string;
  readonly reason: string;
  readonly location: Locator;
  readonly rules: string[];
}

/**
 * Needs that a template/plan certificate resource cannot answer and need not: the certificate is
 * created by this deploy, so it has no status, dates or chain yet (CloudFormation waits for
 * ISSUED), and renewal starts from a fresh certificate.
 */
const TEMPLATE_NOT_APPLICABLE: ReadonlySet<EvidenceNeed> = new Set([
  'status',
  'expiry',
  'chain',
  'renewal',
  'origin',
  'key type',
]);

/**
 * ACM types whose chain CloudFront never needs from the user: AMAZON_ISSUED chains are ACM's
 * own; PRIVATE is refused by type (CF-07) whatever the chain.
 */
const CHAIN_NOT_NEEDED: readonly string[] = ['AMAZON_ISSUED', 'PRIVATE'];

/** A rule's view of one distribution; the engine sets `rule` before each check. */
export class DistributionContext implements CfRuleContext {
  rule: CfRule | undefined;
  /** Unresolved fields the rules met, by label (created on first use: most distributions have none). */
  skipped: Map<string, SkippedField> | undefined;
  /** Evidence needs not met, each with the rules that had them, in first-seen order. */
  needs: Map<EvidenceNeed, string[]> | undefined;
  readonly ref: ResolvedRef;
  readonly evidenceEntry: IndexedEvidence | undefined;
  private readonly resolved: readonly Alias[];
  private readonly unresolvedAliases: readonly Field<string>[];

  constructor(
    readonly distribution: Distribution,
    readonly index: GateIndex,
    evidence: EvidenceIndex,
    readonly at: Date,
    readonly warnDays: number,
  ) {
    const entry = index.entryOf(distribution);
    this.ref = entry.ref;
    this.resolved = entry.aliases;
    this.unresolvedAliases =
      entry.aliases.length === distribution.aliases.length
        ? []
        : distribution.aliases.filter((f) => isUnresolved(f.value));
    this.evidenceEntry = lookupEvidence(this.ref, distribution, evidence);
  }

  read<T>(field: Field<T> | undefined, label: string): T | undefined {
    if (!field) return undefined;
    if (isUnresolved(field.value)) {
      this.skip(label, field.value.reason, field.location);
      return undefined;
    }
    return field.value;
  }

  aliases(): readonly Alias[] {
    for (const f of this.unresolvedAliases) this.read(f, 'Aliases');
    const whole = this.distribution.aliasesUnresolved;
    if (whole) this.skip('Aliases', whole.reason, whole.location);
    return this.resolved;
  }

  /** The resolved aliases without recording anything (for result details). */
  resolvedAliases(): readonly Alias[] {
    return this.resolved;
  }

  certificate(): CertificateRef {
    const u = this.ref.unresolved;
    if (u) this.skip(u.label, u.reason, u.location);
    return this.ref;
  }

  certificateLabel(): string {
    if (this.ref.key !== undefined) return this.ref.key;
    return this.ref.kind === 'unresolved'
      ? 'the certificate (unresolved)'
      : 'the default *.cloudfront.net certificate';
  }

  evidence(need: EvidenceNeed): EvidenceView | undefined {
    const ref = this.certificate();
    if (ref.key === undefined) return undefined;
    if (!this.evidenceEntry) {
      this.addNeed(need);
      return undefined;
    }
    return this.evidenceEntry.view;
  }

  evidenceField<K extends keyof EvidenceView>(need: EvidenceNeed, key: K): EvidenceView[K] | undefined {
    const view = this.evidence(need);
    if (!view) return undefined;
    const value = view[key];
    if (value !== undefined) return value;
    if (!(view.isTemplate && TEMPLATE_NOT_APPLICABLE.has(need))) this.addNeed(need);
    return undefined;
  }

  sanIndex(): SanIndex | undefined {
    const view = this.evidence('coverage');
    if (!view || !this.evidenceEntry) return undefined;
    const names = this.evidenceEntry.coverageNames;
    if (isUnresolved(names)) {
      this.skip(`SubjectAlternativeNames of ${view.key}`, names.reason, view.location);
      return undefined;
    }
    if (names === undefined) {
      this.addNeed('coverage');
      return undefined;
    }
    return this.evidenceEntry.sanIndex();
  }

  chain(): ChainCheck | undefined {
    const view = this.evidence('chain');
    if (!view || !this.evidenceEntry) return undefined;
    const check = this.evidenceEntry.chainCheck();
    if (check) return check;
    if (!view.isTemplate && !CHAIN_NOT_NEEDED.includes(view.type ?? '')) this.addNeed('chain');
    return undefined;
  }

  /**
   * A finding of the running rule. Notes carry no `awsError`: they say what cannot be decided
   * offline, not what CloudFront will return.
   */
  report(location: Locator, args: FindingArgs = {}, extra: { severity?: Severity } = {}): Finding {
    const rule = this.rule!;
    const certainty = rule.certainty && rule.certainty !== 'documented' ? { certainty: rule.certainty } : {};
    const finding = createFinding(rule.code, location, {
      distribution: this.distribution.id,
      ...args,
      ...certainty,
    });
    const severity = extra.severity ?? finding.severity;
    const awsError = severity === 'note' ? undefined : rule.awsError;
    return { ...finding, severity, ...(awsError ? { awsError } : {}) };
  }

  private skip(label: string, reason: string, location: Locator): void {
    this.skipped ??= new Map();
    let entry = this.skipped.get(label);
    if (!entry) {
      entry = { label, reason, location, rules: [] };
      this.skipped.set(label, entry);
    }
    if (this.rule && !entry.rules.includes(this.rule.id)) entry.rules.push(this.rule.id);
  }

  private addNeed(need: EvidenceNeed): void {
    this.needs ??= new Map();
    let rules = this.needs.get(need);
    if (!rules) {
      rules = [];
      this.needs.set(need, rules);
    }
    if (this.rule && !rules.includes(this.rule.id)) rules.push(this.rule.id);
  }
}

/** Evidence by the ARN or IAM id the config names, else by the template resource it refers to. */
function lookupEvidence(
  ref: ResolvedRef,
  d: Distribution,
  evidence: EvidenceIndex,
): IndexedEvidence | undefined {
  if (ref.key === undefined) return undefined;
  const direct = evidence.lookup(ref.key);
  if (direct || d.certificateResource === undefined || ref.kind === 'resource') return direct;
  return evidence.lookup(d.certificateResource);
}
