/**
 * Certificate evidence for the gate: indexed by key once, merged per certificate over every
 * source that describes it (an ACM describe-certificate JSON and a PEM chain bound to the same
 * ARN), with the SAN index and the chain check each built once per certificate however many
 * distributions share it.
 */

import type { CertificateEvidence, EvidenceKind, Unresolved } from '../cloudfront/model.js';
import { isUnresolved } from '../cloudfront/model.js';
import { EC_CURVE_ALGORITHMS } from '../cloudfront/policies.js';
import { buildSanIndex, type SanIndex } from '../names/index.js';
import type { ChainCheck, EvidenceView } from '../rules/cf/define-rule.js';
import type { Certificate } from '../x509/model.js';

/** Which source wins when several describe one certificate: the most complete first. */
const KIND_PRIORITY: readonly EvidenceKind[] = [
  'acm-describe',
  'acm-live',
  'pem',
  'acm-list',
  'cfn-resource',
  'tf-resource',
];
const TEMPLATE_KINDS: readonly EvidenceKind[] = ['cfn-resource', 'tf-resource'];

/** The merged view plus the lazily built, cached index over its names. */
export interface IndexedEvidence {
  readonly view: EvidenceView;
  /** The names CloudFront compares aliases with; Unresolved for computed template SANs. */
  readonly coverageNames?: readonly string[] | Unresolved;
  sanIndex(): SanIndex | undefined;
  /** The chain check of a PEM chain, computed on first use; undefined without a chain. */
  chainCheck(): ChainCheck | undefined;
}

/** Checks a PEM chain for CF-05..CF-08 (bound to the run's time and roots). */
type ChainChecker = (chain: readonly Certificate[]) => ChainCheck;

/** ACM's key algorithm spelling (`RSA_2048`), accepting the CLI's hyphens (`RSA-2048`). */
export function normalizeKeyAlgorithm(text: string): string {
  return text.replace(/-/g, '_');
}

/** The ACM-style key algorithm of a decoded certificate's key (`RSA_2048`, `EC_prime256v1`, `ED25519`). */
export function keyAlgorithmOf(cert: Certificate): string {
  const key = cert.publicKey;
  if (key.type === 'rsa' || key.type === 'rsa-pss') return `RSA_${key.modulusBits}`;
  if (key.type === 'ec') return EC_CURVE_ALGORITHMS[key.curve] ?? `EC_${key.curve}`;
  return key.type.toUpperCase();
}

/** The subject CN values of a certificate, most specific last as encoded. */
function commonNamesOf(cert: Certificate): string[] {
  return cert.subject.rdns.flat().flatMap((a) => (a.shortName === 'CN' ? [a.value] : []));
}

/** The dNSName SANs of a certificate (empty when it has no subjectAltName). */
export function dnsNamesOf(cert: Certificate): string[] {
  const names = cert.extension('subjectAltName')?.names ?? [];
  return names.flatMap((n) => (n.type === 'dNSName' ? [n.value] : []));
}

/** What a PEM chain says about fields ACM JSON would otherwise give. */
function fromChain(chain: readonly Certificate[]): Partial<EvidenceView> {
  const leaf = chain[0];
  if (!leaf) return {};
  return {
    subjectAlternativeNames: dnsNamesOf(leaf),
    notBefore: leaf.notBefore,
    notAfter: leaf.notAfter,
    keyAlgorithm: keyAlgorithmOf(leaf),
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Merges the evidence of one key: for each field, the first source (by priority) that has it. */
function mergeEvidence(items: readonly CertificateEvidence[], checker?: ChainChecker): IndexedEvidence {
  // most certificates have one source (5,000 ACM outputs in a large run): nothing to sort or merge
  const sorted =
    items.length === 1
      ? items
      : [...items].sort((a, b) => KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind));
  const first = sorted[0]!;
  const view: Mutable<EvidenceView> = {
    key: first.key,
    location: first.location,
    kinds: sorted.length === 1 ? [first.kind] : [...new Set(sorted.map((e) => e.kind))],
    sources: sorted.length === 1 ? [first.source] : [...new Set(sorted.map((e) => e.source))],
    isTemplate: sorted.every((e) => TEMPLATE_KINDS.includes(e.kind)),
    commonNames: [],
  };
  let coverageNames: readonly string[] | Unresolved | undefined;
  for (const e of sorted) {
    const derived = e.kind === 'pem' && e.chain ? fromChain(e.chain) : {};
    fill(view, e);
    fill(view, derived);
    if (coverageNames === undefined) coverageNames = namesFor(e, derived);
    if (e.kind === 'pem' && e.chain?.[0] && view.commonNames.length === 0) {
      view.commonNames = commonNamesOf(e.chain[0]);
    }
  }
  if (view.keyAlgorithm) view.keyAlgorithm = normalizeKeyAlgorithm(view.keyAlgorithm);
  if (coverageNames !== undefined) view.coverageNames = coverageNames;
  const frozen = Object.freeze(view) as EvidenceView;
  let index: SanIndex | undefined;
  let chainCheck: ChainCheck | undefined;
  return {
    view: frozen,
    ...(coverageNames !== undefined ? { coverageNames } : {}),
    sanIndex() {
      if (index === undefined && Array.isArray(coverageNames)) {
        index = buildSanIndex(coverageNames, { commonNames: frozen.commonNames });
      }
      return index;
    },
    chainCheck() {
      if (chainCheck === undefined && frozen.chain && checker) chainCheck = checker(frozen.chain);
      return chainCheck;
    },
  };
}

/** Copies the fields `view` does not have yet (the evidence's own kind and source excepted). */
function fill(view: object, from: object): void {
  const target = view as Record<string, unknown>;
  for (const k in from) {
    if (k === 'kind' || k === 'source') continue;
    const v = (from as Record<string, unknown>)[k];
    if (v !== undefined && target[k] === undefined) target[k] = v;
  }
}

/**
 * The names aliases are checked against: the SANs; for ACM and template evidence also the
 * domain name (ACM always copies it into the SANs, ACM-LIM), never a PEM leaf's CN (D-REQ).
 */
function namesFor(
  e: CertificateEvidence,
  derived: Partial<EvidenceView>,
): readonly string[] | Unresolved | undefined {
  if (e.kind === 'pem') return e.subjectAlternativeNames ?? derived.subjectAlternativeNames;
  const sans = e.subjectAlternativeNames;
  if (isUnresolved(sans)) return sans;
  if (sans === undefined) return e.domainName === undefined ? undefined : [e.domainName];
  return e.domainName === undefined || sans.includes(e.domainName) ? sans : [e.domainName, ...sans];
}

/** Every piece of evidence, looked up by key or ARN in O(1), each certificate merged once. */
export class EvidenceIndex {
  private readonly byKey = new Map<string, CertificateEvidence[]>();
  private readonly arnToKey = new Map<string, string>();
  private readonly merged = new Map<string, IndexedEvidence>();
  private readonly used = new Set<string>();

  constructor(
    evidence: readonly CertificateEvidence[],
    private readonly checker?: ChainChecker,
  ) {
    for (const e of evidence) {
      const list = this.byKey.get(e.key);
      if (list) list.push(e);
      else this.byKey.set(e.key, [e]);
      if (e.arn !== undefined && e.arn !== e.key && !this.arnToKey.has(e.arn))
        this.arnToKey.set(e.arn, e.key);
    }
  }

  /** The merged evidence for a key (an ARN, IAM id or resource key), if any. */
  lookup(key: string): IndexedEvidence | undefined {
    const k = this.byKey.has(key) ? key : this.arnToKey.get(key);
    if (k === undefined) return undefined;
    this.used.add(k);
    let m = this.merged.get(k);
    if (!m) {
      m = mergeEvidence(this.byKey.get(k)!, this.checker);
      this.merged.set(k, m);
    }
    return m;
  }

  /** Evidence no lookup asked for, in input order. */
  unmatched(): CertificateEvidence[] {
    const out: CertificateEvidence[] = [];
    for (const [key, list] of this.byKey) if (!this.used.has(key)) out.push(list[0]!);
    return out;
  }
}
