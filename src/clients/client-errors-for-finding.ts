/**
 * The client texts for one finding: which row of the table applies (the code's PathError kind,
 * refined by the finding's args), and the row with its placeholders filled from those args.
 */

import type { FindingCode } from '../findings/catalog.js';
import type { Finding } from '../findings/finding.js';
import { errorKindOf, type PathErrorKindName } from '../findings/path-codes.js';
import type { FindingArgs } from '../findings/types.js';
import type { PathErrorKind } from '../pki/errors.js';
import {
  type ClientErrorKey,
  type ClientErrors,
  type ClientErrorVars,
  renderClientErrors,
} from './client-errors.js';

/** True when two unions have the same members. */
type SameUnion<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// Findings sit below the path engine, so `ERROR_CODES` spells its PathError kinds as plain keys;
// this stops the build when a kind is added to the engine without a code, or the other way round.
true satisfies SameUnion<PathErrorKind, PathErrorKindName>;

/**
 * The table row for a finding: its code's PathError kind, refined for NAME_MISMATCH by the
 * reference type and the certificate's SANs. Undefined for codes that are not path failures.
 */
export function clientErrorKeyFor(code: FindingCode, args: FindingArgs): ClientErrorKey | undefined {
  const kind = errorKindOf(code);
  // A leaf without subjectAltName: clients that ignore the CN fail on the name, the others accept.
  if (kind === 'InvalidExtension' && args.missingSan === true) return 'CommonNameOnly';
  if (kind === 'BudgetExceeded' && args.budget === 'nameComparisons') return 'NameConstraintBudgetExceeded';
  if (kind !== 'NameMismatch') return kind;
  if (args.referenceType === 'ip') return 'NameMismatchIp';
  if (args.hint === 'NoSubjectAltName' && args.commonNameWouldMatch === true) return 'CommonNameOnly';
  const dnsNames = Array.isArray(args.dnsNames) ? args.dnsNames : [];
  return dnsNames.length === 0 ? 'NameMismatchCommonName' : 'NameMismatch';
}

const text = (v: FindingArgs[string]): string | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v.join(', ') : String(v);

/** Go's wording of a name-constraint violation (`DNS name "x" is not permitted by any constraint`). */
function goConstraint(args: FindingArgs): string | undefined {
  const name = text(args.name);
  if (name === undefined) return undefined;
  const [type = '', value = ''] = name.split(/:(.*)/s);
  const constraint = text(args.constraint) ?? '';
  return constraint.startsWith('excluded')
    ? `${type} name "${value}" is excluded by constraint "${constraint.replace(/^excluded \w+:/, '')}"`
    : `${type} name "${value}" is not permitted by any constraint`;
}

/**
 * Which OpenSSL error of a row fits the case: 18 vs 19 (self-signed leaf or root in the chain),
 * 66 vs 67 (leaf or CA key), 21 before 20 when the leaf's own issuer is missing.
 */
function preferredOpensslCode(key: ClientErrorKey, a: FindingArgs): number | undefined {
  const atLeaf = Number(a.certIndex ?? 0) === 0;
  if (key === 'UntrustedRoot') return atLeaf ? 18 : 19;
  if (key === 'WeakKey') return atLeaf ? 66 : 67;
  return undefined;
}

/** Keeps only the preferred OpenSSL row (and the Node and curl texts that go with it). */
function narrow(e: ClientErrors, code: number | undefined): ClientErrors {
  const chosen = e.openssl.find((o) => o.code === code);
  if (!chosen) return e;
  const same = (t: string) => t === chosen.text || t === `SSL certificate problem: ${chosen.text}`;
  return {
    ...e,
    openssl: [chosen],
    node: e.node.filter((n) => same(n.message)),
    curl: e.curl.filter(same),
  };
}

/** The client texts for a finding, placeholders filled from its args; undefined when none apply. */
export function clientErrorsForFinding(finding: Pick<Finding, 'code' | 'args'>): ClientErrors | undefined {
  const key = clientErrorKeyFor(finding.code, finding.args);
  if (key === undefined) return undefined;
  const a = finding.args;
  return narrow(renderClientErrors(key, vars(a)), preferredOpensslCode(key, a));
}

function vars(a: FindingArgs): ClientErrorVars {
  return {
    host: text(a.reference),
    altnames: text(a.altnames),
    ips: text(a.ips),
    cn: text(a.commonName),
    names: text(a.dnsNames),
    algorithm: text(a.algorithm),
    time: text(a.time),
    notAfter: text(a.notAfter),
    notBefore: text(a.notBefore),
    reason: text(a.reason),
    purpose: a.required === 'clientAuth' ? 'client' : 'server',
    nameConstraint: goConstraint(a),
  };
}
