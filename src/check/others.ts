/**
 * "Who else": the first few of the other distributions that share something (an alias, a
 * certificate, a wildcard's territory) and how many there are, in time that does not grow with
 * the size of the group. When 20,000 distributions share one alias, each of their findings names
 * five others and the count; sorting and filtering the whole group for each of them would cost
 * 20,000 x 20,000. Each group is sorted once, on first use, and asked per distribution in
 * O(names wanted + entries of that distribution's own id).
 */

import type { Distribution } from '../cloudfront/model.js';
import type { Others } from '../rules/cf/define-rule.js';

/** Code-unit order: what `Array.prototype.sort` gives strings, so the names read as before. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Two entries are one distribution when they are the same object, or one AWS distribution id
 * read twice (two list-distributions outputs of one account): `GateIndex.isSame`.
 */
function isSame(a: Distribution, b: Distribution): boolean {
  return a === b || (a.format === 'aws-cli' && b.format === 'aws-cli' && a.id === b.id);
}

/** Who holds one label (an id, or `alias (id)`): enough to say whether anyone but `self` does. */
interface LabelHolders {
  readonly first: Distribution;
  /** Whether a second, different object holds it. */
  manyObjects: boolean;
  /** Holders not read from AWS CLI output (an aws-cli `self` is the same as every aws-cli holder of its id). */
  notCli: number;
}

/**
 * Distinct labels of a group, each naming one distribution id; a label counts for `self` when a
 * holder of it is not the same distribution as `self`. Used for alias owners (label = id) and
 * for the aliases under a wildcard (label = `alias (id)`).
 */
export class LabelGroup {
  private readonly labels: string[];
  private readonly holders = new Map<string, LabelHolders>();
  /** The labels of each distribution id: the only ones `self` can take out. */
  private readonly byId = new Map<string, string[]>();

  constructor(entries: Iterable<{ readonly label: string; readonly distribution: Distribution }>) {
    for (const { label, distribution } of entries) {
      const held = this.holders.get(label);
      const notCli = distribution.format === 'aws-cli' ? 0 : 1;
      if (held === undefined) {
        this.holders.set(label, { first: distribution, manyObjects: false, notCli });
        const own = this.byId.get(distribution.id);
        if (own) own.push(label);
        else this.byId.set(distribution.id, [label]);
        continue;
      }
      if (held.first !== distribution) {
        held.manyObjects = true;
        held.notCli += notCli;
      }
    }
    this.labels = [...this.holders.keys()].sort(byCodeUnits);
  }

  /** The labels someone other than `self` holds: the first `max` in order, and their number. */
  othersThan(self: Distribution, max: number): Others {
    const excluded = new Set<string>();
    for (const label of this.byId.get(self.id) ?? []) {
      if (!this.heldByOther(label, self)) excluded.add(label);
    }
    const names: string[] = [];
    for (let i = 0; i < this.labels.length && names.length < max; i++) {
      const label = this.labels[i]!;
      if (!excluded.has(label)) names.push(label);
    }
    return { names, count: this.labels.length - excluded.size };
  }

  private heldByOther(label: string, self: Distribution): boolean {
    const held = this.holders.get(label)!;
    if (self.format === 'aws-cli') return held.notCli > 0 || !isSame(held.first, self);
    return held.manyObjects || held.first !== self;
  }
}

/** One labelled entry with the value it is compared by (an HTTP version, an account). */
interface ValueEntry {
  readonly label: string;
  readonly value: string;
  readonly distribution: Distribution;
}

/**
 * The entries of a group whose value differs from a distribution's own (MS-09: the other users of
 * a certificate with another HttpVersion), sorted by label once. A query jumps over each run of
 * entries with the asker's value in one step, so it costs the names it returns.
 */
export class ValueGroup {
  private readonly entries: ValueEntry[];
  /** For each position, the next one whose value differs from the value there. */
  private readonly nextOtherValue: Int32Array;
  private readonly countByValue = new Map<string, number>();
  /** aws-cli entries per id and value: another read of the asker itself, never an "other". */
  private readonly cliByIdValue = new Map<string, Map<string, number>>();

  /** `sameCounts`: whether another read of the asker (isSame) counts as an other; MS-09 says no, MS-04 compares accounts only. */
  constructor(
    entries: readonly ValueEntry[],
    private readonly sameCounts = false,
  ) {
    // by label, then value, so equal values sit together inside a label's run
    this.entries = [...entries].sort(
      (a, b) => byCodeUnits(a.label, b.label) || byCodeUnits(a.value, b.value),
    );
    const n = this.entries.length;
    this.nextOtherValue = new Int32Array(n);
    for (let i = n - 1; i >= 0; i--) {
      const next = this.entries[i + 1];
      this.nextOtherValue[i] =
        next === undefined ? n : next.value !== this.entries[i]!.value ? i + 1 : this.nextOtherValue[i + 1]!;
    }
    for (const e of this.entries) {
      this.countByValue.set(e.value, (this.countByValue.get(e.value) ?? 0) + 1);
      if (e.distribution.format !== 'aws-cli') continue;
      let values = this.cliByIdValue.get(e.distribution.id);
      if (!values) {
        values = new Map();
        this.cliByIdValue.set(e.distribution.id, values);
      }
      values.set(e.value, (values.get(e.value) ?? 0) + 1);
    }
  }

  /**
   * Entries whose value is not `value` (`self`'s own) and whose distribution is not `self` (nor
   * another read of it): the first `max` labels in order, and how many there are (repeats counted).
   */
  differentFrom(self: Distribution, value: string, max: number): Others {
    let count = this.entries.length - (this.countByValue.get(value) ?? 0);
    const sameCli =
      self.format === 'aws-cli' && !this.sameCounts ? this.cliByIdValue.get(self.id) : undefined;
    if (sameCli) for (const [v, c] of sameCli) if (v !== value) count -= c;
    const names: string[] = [];
    for (let i = 0; i < this.entries.length && names.length < max; ) {
      const e = this.entries[i]!;
      if (e.value === value) {
        i = this.nextOtherValue[i]!;
        continue;
      }
      if (this.sameCounts || !isSame(e.distribution, self)) names.push(e.label);
      i++;
    }
    return { names, count };
  }
}
