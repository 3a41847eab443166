/**
 * The cross-distribution index, built once per run in time linear in the aliases: who holds
 * each alias (CF-23), which wildcards overlap which names (MS-03, CF-24: each alias walks its
 * own parent labels, never all pairs), who shares a certificate (MS-09), and the vip
 * certificates of the inputs (CF-22). What the rules name of a group ("also held by A, B, C and
 * 19,997 more") comes from a group sorted once (./others.ts), never from filtering the whole
 * group for each of its members.
 */

import { type Distribution, type Field, isUnresolved } from '../cloudfront/model.js';
import type { Locator } from '../findings/types.js';
import { toLowerCaseAscii } from '../names/index.js';
import type { Alias, CrossIndex, Others } from '../rules/cf/define-rule.js';
import { certificateRefOf, type ResolvedRef } from './certificate-ref.js';
import { LabelGroup, ValueGroup } from './others.js';

/** An alias held by a distribution. */
interface Holding {
  readonly alias: string;
  readonly distribution: Distribution;
}

const resolved = (value: unknown): string | undefined =>
  typeof value === 'string' && !isUnresolved(value) ? value : undefined;

const NONE: readonly never[] = Object.freeze([]);
const NO_OTHERS: Others = Object.freeze({ names: NONE, count: 0 });

/**
 * A resolved alias; its location is the field's, read only when a rule reports it (a reader may
 * make Locators on demand, and 100,000 aliases are mostly never reported).
 */
class HeldAlias implements Alias {
  readonly #field: Field<string>;
  constructor(
    readonly name: string,
    readonly lower: string,
    field: Field<string>,
  ) {
    this.#field = field;
  }
  get location(): Locator {
    return this.#field.location;
  }
}

/** What the index keeps of each distribution: its certificate reference, its resolved aliases in lower case. */
interface DistributionEntry {
  readonly ref: ResolvedRef;
  /** The aliases that resolved, lower case, in input order (a name already lower case is the same string). */
  readonly lowers: readonly string[];
}

/** The lower-case names of a distribution's resolved aliases, in input order. */
function lowersOf(d: Distribution): string[] {
  const lowers: string[] = [];
  for (const field of d.aliases) {
    const name = resolved(field.value);
    if (name !== undefined) lowers.push(toLowerCaseAscii(name));
  }
  return lowers;
}

/**
 * The resolved aliases of a distribution as its rules see them. Made for one distribution at a
 * time, while its rules run (the index keeps only the names: an object per alias of 100,000
 * that lived to the end of the run made every garbage collection copy them).
 */
export function resolvedAliases(d: Distribution, entry: DistributionEntry): Alias[] {
  const out: Alias[] = new Array(entry.lowers.length);
  let k = 0;
  for (const field of d.aliases) {
    const name = resolved(field.value);
    if (name !== undefined) out[k] = new HeldAlias(name, entry.lowers[k++]!, field);
  }
  return out;
}

/**
 * A multimap whose single values are stored bare: most aliases and certificates have one holder,
 * and 100,000 one-element arrays are measurable garbage.
 */
type MultiMap<V> = Map<string, V | V[]>;

function add<V>(map: MultiMap<V>, key: string, value: V): void {
  const held = map.get(key);
  if (held === undefined) map.set(key, value);
  else if (Array.isArray(held)) held.push(value);
  else map.set(key, [held, value]);
}

function all<V>(map: MultiMap<V>, key: string): readonly V[] {
  const held = map.get(key);
  return held === undefined ? NONE : Array.isArray(held) ? held : [held];
}

/** Builds the index over every distribution of a run. */
export class GateIndex implements CrossIndex {
  private readonly owners: MultiMap<Distribution> = new Map();
  /** The deployed-state holders (Distribution.deployed) of each shared alias, built on first use. */
  private deployedOwners?: MultiMap<Distribution>;
  /** Holders of wildcard aliases by the wildcard's base (`*.example.com` → `example.com`). */
  private readonly wildcardOwners: MultiMap<Distribution> = new Map();
  private readonly users: MultiMap<Distribution> = new Map();
  private readonly entries = new Map<Distribution, DistributionEntry>();
  /** Variants (one reading per condition assignment) → the distribution they are readings of. */
  private readonly bases = new Map<Distribution, Distribution>();
  /** Distributions with at least one alias another entry also holds (most have none). */
  private readonly sharing = new Set<Distribution>();
  private under?: Map<string, Holding[]>;
  private overlaps?: Map<string, Holding[]>;
  /** Sorted groups, built on first use: alias owners, the overlaps of a wildcard, a certificate's HttpVersions. */
  private readonly aliasGroups = new Map<string, LabelGroup>();
  private readonly deployedAliasGroups = new Map<string, LabelGroup>();
  private readonly overlapGroups = new Map<string, LabelGroup>();
  /** A certificate's users' HttpVersions: the one version when they all agree (most), else the sorted group. */
  private readonly versionGroups = new Map<string, ValueGroup | string>();
  private readonly accountGroups = new Map<string, ValueGroup>();
  readonly dedicatedIpCertificates: readonly string[];
  readonly vipDistributions: readonly Distribution[];
  /** Whether the inputs name more than one account (MS-04 has nothing to compare otherwise). */
  private readonly manyAccounts: boolean;

  /** The account's own holder of each alias (read live with `--aws`): CloudFront allows one per alias. */
  private readonly accountHolders = new Map<string, Distribution>();
  /** A holder of each alias in another account (pre-flight with `--aws`). */
  private readonly elsewhereHolders = new Map<string, Distribution>();

  /**
   * `context`: distributions that are the account's, `elsewhere`: holders in other accounts; both
   * a subset of `distributions`, held but not checked.
   */
  constructor(
    distributions: readonly Distribution[],
    context: readonly Distribution[] = NONE,
    elsewhere: readonly Distribution[] = NONE,
  ) {
    holdersByAlias(context, this.accountHolders);
    holdersByAlias(elsewhere, this.elsewhereHolders);
    const vipKeys = new Set<string>();
    const vip: Distribution[] = [];
    let account: string | undefined;
    let manyAccounts = false;
    for (const d of distributions) {
      if (d.accountId !== undefined) {
        account ??= d.accountId;
        if (d.accountId !== account) manyAccounts = true;
      }
      const lowers: string[] = [];
      for (const field of d.aliases) {
        const name = resolved(field.value);
        if (name === undefined) continue;
        const lower = toLowerCaseAscii(name);
        lowers.push(lower);
        // one lookup per alias (add() would make a second): 100,000 aliases in a large run
        const held = this.owners.get(lower);
        if (held === undefined) this.owners.set(lower, d);
        else {
          this.sharing.add(d);
          // the holders before were marked when the second joined: marking them again per joiner was n^2
          if (Array.isArray(held)) held.push(d);
          else {
            this.owners.set(lower, [held, d]);
            this.sharing.add(held);
          }
        }
        if (lower.startsWith('*.')) add(this.wildcardOwners, lower.slice(2), d);
      }
      const ref = certificateRefOf(d);
      this.entries.set(d, { ref, lowers });
      const key = ref.key;
      if (key !== undefined) add(this.users, key, d);
      // on the default certificate `vip` is an echo of GetDistributionConfig, not dedicated IPs
      const custom = ref.kind !== 'default' && ref.kind !== 'none';
      if (custom && resolved(d.viewerCertificate?.sslSupportMethod?.value) === 'vip') {
        vip.push(d);
        if (key !== undefined) vipKeys.add(key);
      }
    }
    this.dedicatedIpCertificates = [...vipKeys];
    this.vipDistributions = vip;
    this.manyAccounts = manyAccounts;
  }

  /** The certificate reference and resolved alias names of a distribution of the run. */
  entryOf(distribution: Distribution): DistributionEntry {
    let entry = this.entries.get(distribution);
    if (!entry) {
      entry = { ref: certificateRefOf(distribution), lowers: lowersOf(distribution) };
      this.entries.set(distribution, entry);
    }
    return entry;
  }

  /**
   * Registers a variant of `base` (src/check/variants.ts): it has its own entry, and the
   * cross-distribution rules see it as `base` (never as another holder of base's aliases).
   */
  addVariant(variant: Distribution, base: Distribution): void {
    this.entries.set(variant, { ref: certificateRefOf(variant), lowers: lowersOf(variant) });
    this.bases.set(variant, base);
  }

  private baseOf(distribution: Distribution): Distribution {
    return this.bases.get(distribution) ?? distribution;
  }

  aliasOwners(lower: string): readonly Distribution[] {
    return all(this.owners, lower);
  }

  hasSharedAlias(distribution: Distribution): boolean {
    const base = this.bases.get(distribution);
    if (base === undefined) return this.sharing.has(distribution);
    const lowers = this.entries.get(distribution)?.lowers ?? NONE;
    return lowers.some((lower) => all(this.owners, lower).some((d) => d !== base));
  }

  isShared(lower: string): boolean {
    return Array.isArray(this.owners.get(lower));
  }

  certificateUsers(key: string): readonly Distribution[] {
    return all(this.users, key);
  }

  certificateKeyOf(distribution: Distribution): string | undefined {
    return this.entries.get(distribution)?.ref.key;
  }

  isSame(x: Distribution, y: Distribution): boolean {
    const [a, b] = [this.baseOf(x), this.baseOf(y)];
    return a === b || (a.format === 'aws-cli' && b.format === 'aws-cli' && a.id === b.id);
  }

  /**
   * Wildcard aliases held anywhere that cover `lower` for routing, nearest first: CloudFront
   * routes a name to a wildcard alias at any depth below it (D-WILD), to the most specific match.
   */
  coveringWildcards(lower: string): readonly Holding[] {
    if (this.wildcardOwners.size === 0) return NONE;
    let out: Holding[] | undefined;
    const name = lower.startsWith('*.') ? lower.slice(2) : lower;
    for (let dot = name.indexOf('.'); dot !== -1; dot = name.indexOf('.', dot + 1)) {
      const base = name.slice(dot + 1);
      const owners = all(this.wildcardOwners, base);
      if (owners.length === 0) continue;
      out ??= [];
      for (const d of owners) out.push({ alias: `*.${base}`, distribution: d });
    }
    return out ?? NONE;
  }

  /** More specific aliases held anywhere that a wildcard alias overlaps (MS-03), built on first use. */
  overlapsUnder(wildcard: string): readonly Holding[] {
    if (!this.overlaps) {
      const map = new Map<string, Holding[]>();
      for (const [distribution, entry] of this.entries) {
        for (const lower of entry.lowers) {
          for (const w of this.coveringWildcards(lower)) push(map, w.alias, { alias: lower, distribution });
        }
      }
      this.overlaps = map;
    }
    return this.overlaps.get(wildcard) ?? NONE;
  }

  accountHolderOf(lower: string): Distribution | undefined {
    return this.accountHolders.get(lower);
  }

  elsewhereHolderOf(lower: string): Distribution | undefined {
    return this.elsewhereHolders.get(lower);
  }

  otherAliasHolders(lower: string, distribution: Distribution, max: number): Others {
    return this.holdersOtherThan(this.owners, this.aliasGroups, lower, distribution, max);
  }

  otherDeployedAliasHolders(lower: string, distribution: Distribution, max: number): Others {
    // only shared aliases are asked about, so only they are indexed (a list-distributions file is
    // all deployed state: a second map of its 100,000 aliases was measurable)
    if (this.deployedOwners === undefined) {
      this.deployedOwners = new Map();
      for (const [alias, held] of this.owners) {
        if (!Array.isArray(held)) continue;
        for (const d of held) if (d.deployed) add(this.deployedOwners, alias, d);
      }
    }
    return this.holdersOtherThan(this.deployedOwners, this.deployedAliasGroups, lower, distribution, max);
  }

  private holdersOtherThan(
    owners: MultiMap<Distribution>,
    groups: Map<string, LabelGroup>,
    lower: string,
    distribution: Distribution,
    max: number,
  ): Others {
    const held = owners.get(lower);
    if (held === undefined) return NO_OTHERS;
    if (!Array.isArray(held))
      return this.isSame(held, distribution) ? NO_OTHERS : { names: [held.id].slice(0, max), count: 1 };
    let group = groups.get(lower);
    if (!group) {
      group = new LabelGroup(held.map((d) => ({ label: d.id, distribution: d })));
      groups.set(lower, group);
    }
    return group.othersThan(this.baseOf(distribution), max);
  }

  otherOverlapsUnder(wildcard: string, distribution: Distribution, max: number): Others {
    let group = this.overlapGroups.get(wildcard);
    if (!group) {
      const under = this.overlapsUnder(wildcard);
      if (under.length === 0) return NO_OTHERS;
      group = new LabelGroup(
        under.map((h) => ({ label: `${h.alias} (${h.distribution.id})`, distribution: h.distribution })),
      );
      this.overlapGroups.set(wildcard, group);
    }
    return group.othersThan(this.baseOf(distribution), max);
  }

  otherHttpVersions(key: string, distribution: Distribution, version: string, max: number): Others {
    let group = this.versionGroups.get(key);
    if (group === undefined) {
      // most certificates' users agree: the answer is then the one version, no group to sort
      group = this.sharedHttpVersion(key) ?? new ValueGroup(this.httpVersionsOf(key));
      this.versionGroups.set(key, group);
    }
    if (typeof group === 'string') {
      if (group === version) return NO_OTHERS;
      // a variant's own reading differs from what every user has: compare against them all
      group = new ValueGroup(this.httpVersionsOf(key));
      this.versionGroups.set(key, group);
    }
    return group.differentFrom(this.baseOf(distribution), version, max);
  }

  /** The explicit HttpVersion every user of a certificate that has one has, when they agree. */
  private sharedHttpVersion(key: string): string | undefined {
    let only: string | undefined;
    for (const d of this.certificateUsers(key)) {
      const v = resolved(d.httpVersion?.value);
      if (v === undefined) continue;
      if (only === undefined) only = v;
      else if (v !== only) return undefined;
    }
    return only;
  }

  /** The explicit HttpVersion of each user of a certificate, labelled for a message. */
  private httpVersionsOf(key: string): { label: string; value: string; distribution: Distribution }[] {
    const entries = [];
    for (const d of this.certificateUsers(key)) {
      const v = resolved(d.httpVersion?.value);
      if (v !== undefined) entries.push({ label: `${d.id} (${v})`, value: v, distribution: d });
    }
    return entries;
  }

  otherAccountAliases(
    sans: readonly string[],
    account: string,
    distribution: Distribution,
    max: number,
  ): Others {
    // one account in all the inputs (an account's own list-distributions): nothing to find
    if (!this.manyAccounts) return NO_OTHERS;
    const names = new Set(sans.map((s) => s.toLowerCase()));
    let count = 0;
    const first: string[] = [];
    for (const san of names) {
      // a name its certificate's own wildcard covers adds nothing the wildcard has not (labels stay distinct)
      const dot = san.indexOf('.');
      if (!san.startsWith('*.') && dot !== -1 && names.has(`*${san.slice(dot)}`)) continue;
      const others = this.accountGroup(san).differentFrom(this.baseOf(distribution), account, max);
      count += others.count;
      first.push(...others.names);
    }
    return count === 0 ? NO_OTHERS : { names: first.sort().slice(0, max), count };
  }

  /** Who holds the aliases one SAN covers, by account: each `alias (id, account N)` once. */
  private accountGroup(san: string): ValueGroup {
    let group = this.accountGroups.get(san);
    if (group) return group;
    const held = san.startsWith('*.')
      ? this.aliasesUnder(san.slice(2))
      : this.aliasOwners(san).map((distribution) => ({ alias: san, distribution }));
    const seen = new Set<string>();
    const entries = [];
    for (const h of held) {
      const other = h.distribution.accountId;
      if (other === undefined) continue;
      const label = `${h.alias} (${h.distribution.id}, account ${other})`;
      if (seen.has(label)) continue;
      seen.add(label);
      entries.push({ label, value: other, distribution: h.distribution });
    }
    group = new ValueGroup(entries, true);
    this.accountGroups.set(san, group);
    return group;
  }

  aliasesUnder(parent: string): readonly Holding[] {
    if (!this.under) {
      const map = new Map<string, Holding[]>();
      for (const [distribution, entry] of this.entries) {
        for (const lower of entry.lowers) {
          const dot = lower.indexOf('.');
          if (!lower.startsWith('*.') && dot !== -1)
            push(map, lower.slice(dot + 1), { alias: lower, distribution });
        }
      }
      this.under = map;
    }
    return this.under.get(parent) ?? NONE;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Each resolved alias of `distributions` (lower case) → the distribution holding it. */
function holdersByAlias(distributions: readonly Distribution[], into: Map<string, Distribution>): void {
  for (const d of distributions) for (const lower of lowersOf(d)) into.set(lower, d);
}
