/**
 * What differs between two environments' copies of one distribution, as findings. Some values
 * differ by design (each environment has its own aliases and usually its own certificate): those
 * are notes. The TLS settings a team means to keep alike (security policy, SSL support method,
 * where the certificate comes from, its key type) are warnings when they drift. And one mistake
 * is an error: an environment still pointing at a certificate the other has replaced, seen when
 * both certificates carry the same names and one was issued after the other (the stale ARN of the
 * seed's incident: one environment's template was not updated when the certificate was).
 */

import { type Distribution, type Field, isUnresolved } from '../cloudfront/model.js';
import { createFinding, type Finding } from '../findings/finding.js';
import type { Locator } from '../findings/types.js';
import { toLowerCaseAscii } from '../names/index.js';
import type { CertificateRef, EvidenceView } from '../rules/cf/define-rule.js';

/** One side of a comparison: its distribution, certificate and evidence (when given). */
export interface DiffSide {
  readonly distribution: Distribution;
  /** How the environment is named in messages: its input. */
  readonly label: string;
  readonly ref: CertificateRef;
  readonly evidence?: EvidenceView;
}

const MS_PER_DAY = 86_400_000;

/** A field's value as text for messages: `(not set)` when absent, `(computed)` when unresolved. */
function shown(field: Field<unknown> | undefined): string {
  if (field === undefined) return '(not set)';
  return isUnresolved(field.value) ? '(computed)' : String(field.value);
}

/** The certificate a side names, comparable across environments (a template resource by its logical name). */
function certificateIdentity(ref: CertificateRef): string | undefined {
  if (ref.key === undefined) return undefined;
  if (ref.kind !== 'resource') return ref.key;
  // `cfn:prod.yaml#SiteCert` and `cfn:staging.yaml#SiteCert` are the same resource of two templates
  const hash = ref.key.lastIndexOf('#');
  return hash === -1 ? ref.key : `resource ${ref.key.slice(hash + 1)}`;
}

/** Where a certificate comes from, in the words of the API: ACM, IAM, the default certificate. */
function certificateSource(ref: CertificateRef): string {
  switch (ref.kind) {
    case 'acm':
      return 'ACM';
    case 'iam':
      return 'IAM';
    case 'resource':
      return 'a certificate resource of the input';
    case 'default':
      return 'the default *.cloudfront.net certificate';
    case 'none':
      return 'no viewer certificate';
    default:
      return '(computed)';
  }
}

/** A certificate's names as one comparable key (lower case, sorted), when the evidence lists them. */
function namesKey(view: EvidenceView | undefined): string | undefined {
  const names = view?.coverageNames;
  if (names === undefined || isUnresolved(names) || names.length === 0) return undefined;
  return [...new Set(names.map(toLowerCaseAscii))].sort().join(' ');
}

const isoDay = (d: Date | undefined): string | undefined => d?.toISOString().slice(0, 10);

/**
 * The side that points at the older generation of one certificate, when the evidence shows it:
 * same names on both, issued strictly before the other and expiring no later.
 */
function staleSide(a: DiffSide, b: DiffSide): { stale: DiffSide; current: DiffSide } | undefined {
  const [ka, kb] = [namesKey(a.evidence), namesKey(b.evidence)];
  if (ka === undefined || ka !== kb) return undefined;
  const issued = (s: DiffSide) => s.evidence?.notBefore?.getTime();
  const expires = (s: DiffSide) => s.evidence?.notAfter?.getTime();
  const [ia, ib] = [issued(a), issued(b)];
  if (ia === undefined || ib === undefined || ia === ib) return undefined;
  const [older, newer] = ia < ib ? [a, b] : [b, a];
  const [eo, en] = [expires(older), expires(newer)];
  if (eo !== undefined && en !== undefined && eo > en) return undefined;
  return { stale: older, current: newer };
}

/** The place a side's certificate is named (where its fix goes). */
const certificateLocation = (s: DiffSide): Locator => s.ref.location;

function compareCertificates(a: DiffSide, b: DiffSide, at: Date): Finding[] {
  if (a.ref.kind !== b.ref.kind && !(a.ref.kind === 'unresolved' || b.ref.kind === 'unresolved')) {
    return [
      createFinding('DIFF_SETTING_DIFFERS', certificateLocation(a), {
        setting: 'certificate source',
        a: a.label,
        b: b.label,
        valueA: certificateSource(a.ref),
        valueB: certificateSource(b.ref),
      }),
    ];
  }
  const [ia, ib] = [certificateIdentity(a.ref), certificateIdentity(b.ref)];
  if (ia === undefined || ib === undefined || ia === ib) return [];
  const out: Finding[] = [];
  const stale = staleSide(a, b);
  if (stale) {
    const notAfter = stale.stale.evidence?.notAfter;
    out.push(
      createFinding('DIFF_STALE_CERTIFICATE', certificateLocation(stale.stale), {
        stale: stale.stale.label,
        current: stale.current.label,
        staleCertificate: stale.stale.ref.key,
        currentCertificate: stale.current.ref.key,
        staleIssued: isoDay(stale.stale.evidence?.notBefore),
        currentIssued: isoDay(stale.current.evidence?.notBefore),
        staleExpires: isoDay(notAfter),
        ...(notAfter ? { daysLeft: Math.floor((notAfter.getTime() - at.getTime()) / MS_PER_DAY) } : {}),
      }),
    );
  } else {
    out.push(
      createFinding('DIFF_CERTIFICATE_DIFFERS', certificateLocation(a), {
        a: a.label,
        b: b.label,
        valueA: a.ref.key,
        valueB: b.ref.key,
        sameNames: namesKey(a.evidence) !== undefined && namesKey(a.evidence) === namesKey(b.evidence),
        evidence: a.evidence !== undefined && b.evidence !== undefined,
      }),
    );
  }
  const [kA, kB] = [a.evidence?.keyAlgorithm, b.evidence?.keyAlgorithm];
  if (kA !== undefined && kB !== undefined && kA !== kB) {
    out.push(
      createFinding('DIFF_SETTING_DIFFERS', certificateLocation(a), {
        setting: 'certificate key algorithm',
        a: a.label,
        b: b.label,
        valueA: kA,
        valueB: kB,
      }),
    );
  }
  return out;
}

/** A viewer-certificate setting that differs, located at side A's field (else the block, else B's). */
function compareSetting(
  a: DiffSide,
  b: DiffSide,
  setting: string,
  pick: (d: Distribution) => Field<string> | Field<boolean> | undefined,
): Finding[] {
  const [fa, fb] = [pick(a.distribution), pick(b.distribution)];
  const [va, vb] = [shown(fa), shown(fb)];
  if (va === vb || va === '(computed)' || vb === '(computed)') return [];
  const location =
    fa?.location ?? a.distribution.viewerCertificate?.location ?? fb?.location ?? a.distribution.location;
  return [
    createFinding('DIFF_SETTING_DIFFERS', location, {
      setting,
      a: a.label,
      b: b.label,
      valueA: va,
      valueB: vb,
    }),
  ];
}

/** The resolved aliases of a distribution, lower case, in input order. */
function aliasNames(d: Distribution): string[] {
  const out: string[] = [];
  for (const f of d.aliases) if (!isUnresolved(f.value)) out.push(toLowerCaseAscii(f.value));
  return out;
}

/** The first label of a name (`www` of `www.staging.example.com`): what environments share. */
const hostLabel = (name: string): string =>
  name.slice(0, name.indexOf('.') === -1 ? undefined : name.indexOf('.'));

/**
 * Aliases with no counterpart on the other side. Environments usually differ in their domain
 * (`www.staging.example.com`, `www.example.com`), so when the names differ the first labels are
 * compared: a `admin.` alias in one and none in the other is what a review wants to see.
 */
function compareAliases(a: DiffSide, b: DiffSide): Finding[] {
  const [na, nb] = [aliasNames(a.distribution), aliasNames(b.distribution)];
  const [sa, sb] = [new Set(na), new Set(nb)];
  const shared = na.filter((n) => sb.has(n));
  const samePlace = shared.length > 0;
  const keyOf = samePlace ? (n: string) => n : hostLabel;
  const [ka, kb] = [new Set(na.map(keyOf)), new Set(nb.map(keyOf))];
  const onlyA = na.filter((n) => !kb.has(keyOf(n)));
  const onlyB = nb.filter((n) => !ka.has(keyOf(n)));
  if (onlyA.length === 0 && onlyB.length === 0) return [];
  if (sa.size === 0 && sb.size === 0) return [];
  // at the first alias without a counterpart, in whichever environment has it
  const fieldOf = (d: Distribution, name: string) =>
    d.aliases.find((f) => !isUnresolved(f.value) && toLowerCaseAscii(f.value) === name);
  const location =
    (onlyA[0] !== undefined ? fieldOf(a.distribution, onlyA[0]) : fieldOf(b.distribution, onlyB[0]!))
      ?.location ?? a.distribution.location;
  return [
    createFinding('DIFF_ALIASES_DIFFER', location, {
      a: a.label,
      b: b.label,
      onlyA,
      onlyB,
      byLabel: !samePlace,
    }),
  ];
}

/** Every difference between two copies of one distribution, certificate first. */
export function compareSides(a: DiffSide, b: DiffSide, at: Date): Finding[] {
  return [
    ...compareCertificates(a, b, at),
    ...compareSetting(
      a,
      b,
      'ViewerCertificate.MinimumProtocolVersion',
      (d) => d.viewerCertificate?.minimumProtocolVersion,
    ),
    ...compareSetting(
      a,
      b,
      'ViewerCertificate.SSLSupportMethod',
      (d) => d.viewerCertificate?.sslSupportMethod,
    ),
    ...compareAliases(a, b),
  ];
}

/** The finding for a distribution one environment has and the other does not. */
export function unpaired(side: DiffSide, other: string): Finding {
  return createFinding('DIFF_ONLY_IN_ONE', side.distribution.location, {
    distribution: side.distribution.id,
    in: side.label,
    other,
  });
}
