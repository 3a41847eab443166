/**
 * `diffEnvironments()`: the library form of `certgate diff A B`. Reads two environments'
 * distribution configs (templates, plans, CDK assemblies, AWS CLI output), pairs their
 * distributions (./pair.ts) and reports what differs in their viewer-certificate and alias
 * settings (./compare.ts), one result per pair.
 */

import { certificateRefOf } from '../check/certificate-ref.js';
import { EvidenceIndex } from '../check/evidence.js';
import type { CertificateEvidence } from '../cloudfront/model.js';
import type { Result } from '../findings/finding.js';
import type { UnreadableInput } from '../findings/input-error.js';
import { displayName } from '../sources/document.js';
import { loadGateInputs } from '../sources/load.js';
import { compareSides, type DiffSide, unpaired } from './compare.js';
import { type DistributionPair, pairDistributions } from './pair.js';

/** Options of {@link diffEnvironments}; each matches a `certgate diff` flag. */
export interface DiffOptions {
  /** `--cert` values (as for `check`): evidence for the certificates of either side. */
  readonly certs?: readonly string[];
  /** `--parameter KEY=VALUE` for CloudFormation parameters, on both sides. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** `--region`: where the stacks deploy. */
  readonly region?: string;
  /** "Now", for the days a stale certificate has left; default the current time. */
  readonly at?: Date;
}

/** What a pair's result carries for the JSON report. */
export interface PairDetails {
  /** How the two were paired: by id, by construct path without the stack, or as the only pair left. */
  readonly pairedBy: DistributionPair['by'];
  readonly a?: { readonly id: string; readonly source: string; readonly certificate?: string };
  readonly b?: { readonly id: string; readonly source: string; readonly certificate?: string };
}

export type DiffResult = Result<PairDetails>;

/**
 * Compares two environments. Inputs that cannot be read are returned in `errors`; nothing throws
 * for bad input.
 *
 * @example
 * ```ts
 * const { results } = await diffEnvironments('staging.yaml', 'prod.yaml', { certs: ['acm.json'] });
 * for (const r of results) console.log(r.subject.id, r.findings.map((f) => f.code));
 * ```
 */
export async function diffEnvironments(
  a: string,
  b: string,
  options: DiffOptions = {},
): Promise<{ results: DiffResult[]; errors: UnreadableInput[] }> {
  const load = (file: string, certs: readonly string[]) =>
    loadGateInputs([file], {
      certs,
      parameters: options.parameters ?? {},
      ...(options.region !== undefined ? { region: options.region } : {}),
    });
  // the evidence is read once, for both sides: an ARN names one certificate in any environment
  const [left, right] = [await load(a, options.certs ?? []), await load(b, [])];
  const errors = [...left.errors, ...right.errors];
  if (errors.length > 0) return { results: [], errors };
  const evidence = new EvidenceIndex([
    ...left.inputs.evidence,
    ...right.inputs.evidence,
  ] as CertificateEvidence[]);
  const [labelA, labelB] = [displayName(a), displayName(b)];
  const side = (d: NonNullable<DistributionPair['a']>, label: string): DiffSide => {
    const ref = certificateRefOf(d);
    const found = ref.key === undefined ? undefined : evidence.lookup(ref.key);
    return { distribution: d, label, ref, ...(found ? { evidence: found.view } : {}) };
  };
  const at = options.at ?? new Date();
  const results = pairDistributions(left.inputs.distributions, right.inputs.distributions).map(
    (pair): DiffResult => {
      const sa = pair.a ? side(pair.a, labelA) : undefined;
      const sb = pair.b ? side(pair.b, labelB) : undefined;
      const findings =
        sa && sb ? compareSides(sa, sb, at) : sa ? [unpaired(sa, labelB)] : [unpaired(sb!, labelA)];
      const id =
        sa && sb
          ? sa.distribution.id === sb.distribution.id
            ? sa.distribution.id
            : `${sa.distribution.id} / ${sb.distribution.id}`
          : (sa ?? sb)!.distribution.id;
      const summary = (s: DiffSide | undefined) =>
        s && {
          id: s.distribution.id,
          source: s.distribution.source,
          ...(s.ref.key !== undefined ? { certificate: s.ref.key } : {}),
        };
      return {
        subject: { kind: 'distribution pair', id, source: (sa ?? sb)!.distribution.source },
        findings,
        details: {
          pairedBy: pair.by,
          ...(sa ? { a: summary(sa)! } : {}),
          ...(sb ? { b: summary(sb)! } : {}),
        },
      };
    },
  );
  return { results, errors };
}
