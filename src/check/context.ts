/**
 * The context the engine hands each rule for one distribution. It is where Unresolved values
 * and missing evidence turn into "skipped" records instead of silent passes: every read goes
 * through it, bound to the rule that makes it, so the engine can say once per distribution which
 * rules could not check what.
 */

import { type Distribution, type Field, isUnresolved, type Unresolved } from '../cloudfront/model.js';
import { CATALOG } from '../findings/catalog.js';
import type { Finding } from '../findings/finding.js';
import { createFinding } from '../findings/finding.js';
import type { FindingArgs, Locator } from '../findings/types.js';
import type { SanIndex } from '../names/index.js';
import type {
  Alias,
  CertificateRef,
  CfRule,
  CfRuleContext,
  ChainCheck,
  EvidenceNeed,
  EvidenceView,
  ReportExtra,
} from '../rules/cf/define-rule.js';
import type { Profile } from '../rules/profile/profile.js';
import type { ResolvedRef } from './certificate-ref.js';
import { type GateIndex, resolvedAliases } from './cross-index.js';
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

/**
 * What the engine learns about one distribution while its rules run, shared by all of them: the
 * certificate reference and evidence looked up once, and what each rule could not check.
 */
export class DistributionState {
  /** Unresolved fields the rules met, by label and place (created on first use: most distributions have none). */
  skipped: Map<string, SkippedField> | undefined;
  /** Evidence needs not met, each with the rules that had them, in first-seen order. */
  needs: Map<EvidenceNeed, string[]> | undefined;
  readonly ref: ResolvedRef;
  readonly evidenceEntry: IndexedEvidence | undefined;
  /** The aliases that resolved, in input order. */
  readonly resolved: readonly Alias[];
  readonly unresolvedAliases: readonly Field<string>[];

  constructor(
    readonly distribution: Distribution,
    readonly index: GateIndex,
    evidence: EvidenceIndex,
    readonly at: Date,
    readonly warnDays: number,
  ) {
    const entry = index.entryOf(distribution);
    this.ref = entry.ref;
    this.resolved = resolvedAliases(distribution, entry);
    this.unresolvedAliases =
      entry.lowers.length === distribution.aliases.length
        ? []
        : distribution.aliases.filter((f) => isUnresolved(f.value));
    this.evidenceEntry = lookupEvidence(this.ref, distribution, evidence);
  }

  /** The view of this distribution that `rule` checks (for a profile rule, with its profile), bound to it. */
  contextFor(rule: CfRule, profile?: Profile): CfRuleContext {
    // one context per distribution, re-bound to each rule in turn: rules run one at a time and
    // keep nothing of it (10,000 distributions x 50 rules made half a million of them)
    if (this.context === undefined) this.context = new RuleContext(this, rule);
    else this.context.rule = rule;
    this.context.profile = profile;
    return this.context;
  }

  private context: RuleContext | undefined;

  /** Text naming the certificate in messages (ARN, IAM id, resource). */
  certificateLabel(): string {
    if (this.ref.key !== undefined) return this.ref.key;
    return this.ref.kind === 'unresolved'
      ? 'the certificate (unresolved)'
      : 'the default *.cloudfront.net certificate';
  }

  /** Records that `rule` could not read a field. */
  skip(rule: CfRule, label: string, reason: string, location: Locator): void {
    this.skipped ??= new Map();
    // by field and place: each unknown alias of a list is its own, so each one's finding says
    // what it kept from being checked
    const key = `${label}\u0000${location.source}\u0000${(location.path ?? []).join('\u0000')}`;
    let entry = this.skipped.get(key);
    if (!entry) {
      entry = { label, reason, location, rules: [] };
      this.skipped.set(key, entry);
    }
    if (!entry.rules.includes(rule.id)) entry.rules.push(rule.id);
  }

  /** Records that `rule` needed evidence it did not get. */
  addNeed(rule: CfRule, need: EvidenceNeed): void {
    this.needs ??= new Map();
    let rules = this.needs.get(need);
    if (!rules) {
      rules = [];
      this.needs.set(need, rules);
    }
    if (!rules.includes(rule.id)) rules.push(rule.id);
  }
}

/** One rule's view of a distribution: every read it makes is recorded against that rule. */
class RuleContext implements CfRuleContext {
  constructor(
    private readonly state: DistributionState,
    /** The running rule: every read and finding is recorded against it. */
    public rule: CfRule,
  ) {}

  /** The profile a profile rule checks; undefined for the CloudFront rules. */
  profile: Profile | undefined;

  get distribution(): Distribution {
    return this.state.distribution;
  }
  get at(): Date {
    return this.state.at;
  }
  get warnDays(): number {
    return this.state.warnDays;
  }
  get index(): GateIndex {
    return this.state.index;
  }

  read<T>(field: Field<T> | undefined, label: string): T | undefined {
    if (!field) return undefined;
    if (isUnresolved(field.value)) {
      this.state.skip(this.rule, label, field.value.reason, field.location);
      return undefined;
    }
    return field.value;
  }

  aliases(): readonly Alias[] {
    for (const f of this.state.unresolvedAliases) this.read(f, 'Aliases');
    const whole = this.state.distribution.aliasesUnresolved;
    if (whole) this.state.skip(this.rule, 'Aliases', whole.reason, whole.location);
    return this.state.resolved;
  }

  certificate(): CertificateRef {
    const { ref } = this.state;
    if (ref.unresolved)
      this.state.skip(this.rule, ref.unresolved.label, ref.unresolved.reason, ref.unresolved.location);
    return ref;
  }

  certificateLabel(): string {
    return this.state.certificateLabel();
  }

  evidence(need: EvidenceNeed): EvidenceView | undefined {
    const ref = this.certificate();
    if (ref.key === undefined) return undefined;
    if (!this.state.evidenceEntry) {
      this.state.addNeed(this.rule, need);
      return undefined;
    }
    return this.state.evidenceEntry.view;
  }

  evidenceField<K extends keyof EvidenceView>(need: EvidenceNeed, key: K): EvidenceView[K] | undefined {
    const view = this.evidence(need);
    if (!view) return undefined;
    const value = view[key];
    if (value !== undefined) return value;
    if (view.isTemplate && TEMPLATE_NOT_APPLICABLE.has(need)) return undefined;
    // a template's own certificate is made in the stack's region: when that is not given, the
    // template reader already says so (INPUT_UNRESOLVED_VALUE for AWS::Region): one fact, one finding
    if (need === 'region' && view.kinds.length === 1 && view.kinds[0] === 'cfn-resource') return undefined;
    this.state.addNeed(this.rule, need);
    return undefined;
  }

  sanIndex(): SanIndex | undefined {
    const view = this.evidence('coverage');
    const entry = this.state.evidenceEntry;
    if (!view || !entry) return undefined;
    const names = entry.coverageNames;
    if (isUnresolved(names)) {
      this.state.skip(this.rule, `SubjectAlternativeNames of ${view.key}`, names.reason, view.location);
      return undefined;
    }
    if (names === undefined) {
      this.state.addNeed(this.rule, 'coverage');
      return undefined;
    }
    return entry.sanIndex();
  }

  chain(): ChainCheck | undefined {
    const view = this.evidence('chain');
    const entry = this.state.evidenceEntry;
    if (!view || !entry) return undefined;
    const check = entry.chainCheck();
    if (check) return check;
    if (!view.isTemplate && !CHAIN_NOT_NEEDED.includes(view.type ?? ''))
      this.state.addNeed(this.rule, 'chain');
    return undefined;
  }

  report(location: Locator, args: FindingArgs = {}, extra: ReportExtra = {}): Finding {
    const { rule } = this;
    const code = extra.code ?? rule.code;
    if (code !== rule.code && !rule.otherCodes?.includes(code))
      throw new Error(`${rule.id} reports ${code}, which it does not declare`);
    const tenant = this.state.distribution.tenant;
    // CreateDistributionTenant lists no InvalidViewerCertificate: which error a tenant gets is unknown
    const unsure = tenant !== undefined && rule.awsError === 'InvalidViewerCertificate';
    const level = unsure ? 'unconfirmed' : (extra.certainty ?? rule.certainty);
    const certainty = level && level !== 'documented' ? { certainty: level } : {};
    const severity = extra.severity ?? (code === rule.code ? rule.severity : CATALOG[code].severity);
    const awsError =
      severity === 'note' || extra.awsError === null ? undefined : (extra.awsError ?? rule.awsError);
    const parent = tenantArgs(this.state.distribution);
    return createFinding(
      code,
      location,
      { distribution: this.state.distribution.id, ...parent, ...args, ...certainty },
      { severity, ...(awsError ? { awsError } : {}) },
    );
  }
}

/** How a finding names a tenant's parent: its id, or `(computed)` when the input computes it. */
function tenantParentName(value: string | Unresolved): string {
  return isUnresolved(value) ? '(computed)' : value;
}

/** The `tenantOf` arg every finding on a tenant carries (the rules' and the engine's own); {} for a distribution. */
export function tenantArgs(d: Distribution): { tenantOf?: string } {
  return d.tenant === undefined ? {} : { tenantOf: tenantParentName(d.tenant.parent.value) };
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
