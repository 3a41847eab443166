/**
 * Name constraints (RFC 5280 §4.2.1.10, §6.1.3 (b)-(c), §6.1.4 (g)). Each CA's constraints are
 * checked on their own against every name of every certificate below it, which is the same as
 * intersecting permitted subtrees down the path. One generic loop (Go's `checkNameConstraints`)
 * drives a small matcher per name form in `name-forms.ts`; every comparison counts against the
 * budget (Go: 250,000).
 *
 * A name form the CA constrains but certgate cannot process (otherName, x400Address,
 * ediPartyName, registeredID) fails closed when the subordinate carries a name of that form:
 * RFC 5280 says such a name must be processed or the certificate rejected.
 */

import { formatGeneralName } from '../x509/describe.js';
import type { Certificate, ExtensionOf, GeneralName, GeneralSubtree } from '../x509/model.js';
import type { Budget } from './budget.js';
import type { PathError } from './errors.js';
import { type Matcher, matcherFor } from './name-forms.js';
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

/** Checks every constrained name of `cert` against one CA's name constraints. */
export function checkNameConstraints(
  cert: Certificate,
  constraints: NameConstraints,
  place: ConstraintPlace,
  policy: Policy,
  budget: Budget,
): PathError | undefined {
  const permitted = constraints.permittedSubtrees ?? [];
  const excluded = constraints.excludedSubtrees ?? [];
  for (const name of constrainedNames(cert)) {
    const problem = checkName(name, permitted, excluded, policy, budget);
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

function checkName(
  name: GeneralName,
  permitted: readonly GeneralSubtree[],
  excluded: readonly GeneralSubtree[],
  policy: Policy,
  budget: Budget,
): NameProblem | undefined {
  const sameForm = (s: GeneralSubtree): boolean => s.base.type === name.type;
  const excludedHere = excluded.filter(sameForm);
  const permittedHere = permitted.filter(sameForm);
  if (excludedHere.length === 0 && permittedHere.length === 0) return undefined;
  const matcher = matcherFor(name, policy);
  if (typeof matcher === 'string') return { kind: 'violation', constraint: matcher };
  // RFC 5280 §6.1.4 (g)(2): excluded subtrees win over permitted ones
  for (const subtree of excludedHere) {
    const spent = budget.spendNameComparisons();
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
    const spent = budget.spendNameComparisons();
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
