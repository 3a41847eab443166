/**
 * Name constraints (RFC 5280 §4.2.1.10, §6.1.3 (b)-(c), §6.1.4 (g)). Each CA's constraints are
 * checked on their own against every name of every certificate below it, which is the same as
 * intersecting permitted subtrees down the path. One generic loop (Go's `checkNameConstraints`)
 * drives a small matcher per name form in `name-forms.ts`; every comparison counts against the
 * budget at its size (Go counts 250,000 comparisons; certgate counts units of work, one per
 * comparison plus one per attribute and per 64 bytes compared, so that a huge name is not cheap).
 *
 * A name form the CA constrains but certgate cannot process (otherName, x400Address,
 * ediPartyName, registeredID) fails closed when the subordinate carries a name of that form:
 * RFC 5280 says such a name must be processed or the certificate rejected.
 */

import { formatGeneralName } from '../x509/describe.js';
import type { Certificate, ExtensionOf, GeneralName, GeneralSubtree } from '../x509/model.js';
import type { Budget } from './budget.js';
import type { PathError } from './errors.js';
import { comparisonCost, type Matcher, matcherFor } from './name-forms.js';
import type { Policy } from './policy.js';

type NameConstraints = ExtensionOf<'nameConstraints'>;

/** Where the check happens: the subordinate's and the constraining CA's place in the path. */
interface ConstraintPlace {
  readonly certIndex: number;
  readonly constrainedBy: number;
}

const EMAIL_ADDRESS = '1.2.840.113549.1.9.1';

/**
 * The names of a certificate that name constraints apply to: its subjectAltName entries, its
 * subject as a directoryName when the subject is not empty, and, when there is no
 * subjectAltName, the emailAddress attributes of the subject as rfc822Names (RFC 5280 §4.2.1.10).
 */
function constrainedNames(cert: Certificate): GeneralName[] {
  const names: GeneralName[] = [];
  const san = cert.extension('subjectAltName');
  if (san) names.push(...san.names);
  if (cert.subject.rdns.length > 0) names.push({ type: 'directoryName', value: cert.subject });
  if (san === undefined) {
    for (const rdn of cert.subject.rdns) {
      for (const a of rdn) if (a.oid === EMAIL_ADDRESS) names.push({ type: 'rfc822Name', value: a.value });
    }
  }
  return names;
}

/** One CA's subtrees, grouped by name form once, so each name meets only the subtrees of its form. */
interface SubtreesByForm {
  readonly permitted: ReadonlyMap<GeneralName['type'], readonly GeneralSubtree[]>;
  readonly excluded: ReadonlyMap<GeneralName['type'], readonly GeneralSubtree[]>;
}

function byForm(subtrees: readonly GeneralSubtree[]): Map<GeneralName['type'], GeneralSubtree[]> {
  const forms = new Map<GeneralName['type'], GeneralSubtree[]>();
  for (const subtree of subtrees) {
    const list = forms.get(subtree.base.type);
    if (list) list.push(subtree);
    else forms.set(subtree.base.type, [subtree]);
  }
  return forms;
}

// A CA's constraints are checked against every certificate below it on every candidate path:
// grouped once per extension (decoded certificates are frozen, so the grouping never goes stale)
const grouped = new WeakMap<NameConstraints, SubtreesByForm>();

function subtreesOf(constraints: NameConstraints): SubtreesByForm {
  let subtrees = grouped.get(constraints);
  if (subtrees === undefined) {
    subtrees = {
      permitted: byForm(constraints.permittedSubtrees ?? []),
      excluded: byForm(constraints.excludedSubtrees ?? []),
    };
    grouped.set(constraints, subtrees);
  }
  return subtrees;
}

/** Checks every constrained name of `cert` against one CA's name constraints. */
export function checkNameConstraints(
  cert: Certificate,
  constraints: NameConstraints,
  place: ConstraintPlace,
  policy: Policy,
  budget: Budget,
): PathError | undefined {
  const subtrees = subtreesOf(constraints);
  for (const name of constrainedNames(cert)) {
    const problem = checkName(name, subtrees, policy, budget);
    if (problem === undefined) continue;
    if (problem.kind !== 'violation') return problem;
    return {
      kind: 'NameConstraintViolation',
      certIndex: place.certIndex,
      certificate: cert.subject.text,
      name: formatGeneralName(name),
      constraint: problem.constraint,
      constrainedBy: place.constrainedBy,
    };
  }
  return undefined;
}

type NameProblem = { readonly kind: 'violation'; readonly constraint: string } | PathError;

// The budget counts the work done, not the calls: preparing the name once, then each comparison
// at its own size (`comparisonCost`), so a few huge names cost as much as many small ones.
function checkName(
  name: GeneralName,
  subtrees: SubtreesByForm,
  policy: Policy,
  budget: Budget,
): NameProblem | undefined {
  const excludedHere = subtrees.excluded.get(name.type) ?? [];
  const permittedHere = subtrees.permitted.get(name.type) ?? [];
  if (excludedHere.length === 0 && permittedHere.length === 0) return undefined;
  const prepared = budget.spendNameComparisons(comparisonCost(name));
  if (prepared) return prepared;
  const matcher = matcherFor(name, policy);
  if (typeof matcher === 'string') return { kind: 'violation', constraint: matcher };
  // RFC 5280 §6.1.4 (g)(2): excluded subtrees win over permitted ones
  for (const subtree of excludedHere) {
    const spent = budget.spendNameComparisons(comparisonCost(subtree.base));
    if (spent) return spent;
    const verdict = matcher(subtree.base, 'excluded');
    if (verdict !== false) return { kind: 'violation', constraint: describe('excluded', subtree, verdict) };
  }
  if (permittedHere.length === 0) return undefined;
  return checkPermitted(matcher, permittedHere, budget);
}

function checkPermitted(
  matcher: Matcher,
  permitted: readonly GeneralSubtree[],
  budget: Budget,
): NameProblem | undefined {
  for (const subtree of permitted) {
    const spent = budget.spendNameComparisons(comparisonCost(subtree.base));
    if (spent) return spent;
    const verdict = matcher(subtree.base, 'permitted');
    if (verdict === true) return undefined;
    if (typeof verdict === 'string')
      return { kind: 'violation', constraint: describe('permitted', subtree, verdict) };
  }
  const shown = permitted.slice(0, 3).map((s) => formatGeneralName(s.base));
  const more = permitted.length > 3 ? `, … (${permitted.length} in all)` : '';
  return { kind: 'violation', constraint: `permitted ${shown.join(', ')}${more}` };
}

// `verdict` is true (matched) or a reason the constraint itself is malformed.
function describe(which: 'permitted' | 'excluded', subtree: GeneralSubtree, verdict: true | string): string {
  const base = formatGeneralName(subtree.base);
  return verdict === true ? `${which} ${base}` : `${which} ${base} (${verdict})`;
}
