/**
 * `--from INPUT...`: the aliases of every distribution in the inputs `certgate check` reads
 * (AWS CLI JSON, CloudFormation, Terraform plans, CDK cloud assemblies) as probe targets.
 *
 * A wildcard alias (`*.example.com`) routes many names and no single one stands for it: it is
 * skipped with a PROBE_ALIAS_SKIPPED note, unless a label is given, in which case
 * `LABEL.example.com` is probed as its representative (any name under the wildcard reaches the
 * same distribution and must be covered by the same certificate). An alias known only at
 * deploy time is skipped with the same note.
 *
 * When the inputs hold evidence for a distribution's certificate (ACM describe-certificate JSON,
 * a PEM chain bound to its ARN, a certificate resource of the same template or plan), each of
 * its aliases is expected to serve that certificate: same SAN set, same validity and, for a PEM
 * chain, the same leaf. A post-deploy probe then catches an edge that still serves the old one.
 */

import type { CertificateEvidence, Distribution } from '../cloudfront/model.js';
import { isUnresolved } from '../cloudfront/model.js';
import { createFinding } from '../findings/finding.js';
import { DEFAULT_PORT, endpointText, parseTarget } from './targets.js';
import type { ProbeExpectation, ProbeResult, ProbeTarget } from './types.js';

/** Options of {@link targetsFromDistributions}. */
export interface FromOptions {
  /** Probe `LABEL.rest` for each wildcard alias `*.rest` instead of skipping it. */
  readonly wildcardLabel?: string;
  /** Port to probe (default 443, CloudFront's HTTPS port). */
  readonly port?: number;
  /** Certificate evidence: each alias is expected to serve its distribution's certificate. */
  readonly evidence?: readonly CertificateEvidence[];
  /**
   * Connect to each deployed distribution's own domain (`d111111abcdef8.cloudfront.net`, from
   * list-/get-distribution output) with the alias as SNI, instead of resolving the alias:
   * what the alias will serve once DNS points at the distribution, whatever it points at today.
   */
  readonly viaDistributionDomain?: boolean;
}

/** The key of the certificate a distribution uses (ARN, IAM id, or template resource), if resolved. */
function certificateKey(d: Distribution): string | undefined {
  for (const f of [d.viewerCertificate?.acmCertificateArn, d.viewerCertificate?.iamCertificateId]) {
    if (f && typeof f.value === 'string' && f.value !== '') return f.value;
  }
  return d.certificateResource;
}

/** How a report names the evidence: its ARN, `SiteCertificate in template.yaml`, a Terraform address. */
function evidenceLabel(e: CertificateEvidence): string {
  if (e.arn) return e.arn;
  const cfn = /^cfn:(.*)#([^#]+)$/.exec(e.key);
  if (cfn) return `certificate ${cfn[2]} in ${cfn[1]}`;
  return e.key.startsWith('tf:') ? `certificate ${e.key.slice(3)}` : e.key;
}

/** What an alias must serve, from its distribution's certificate evidence (undefined when unknown). */
export function expectationFromEvidence(e: CertificateEvidence): ProbeExpectation | undefined {
  const sans = e.subjectAlternativeNames;
  if (sans !== undefined && !Array.isArray(sans)) return undefined; // known only at deploy time
  // ACM lists the domain name among the SANs; a PEM leaf's CN need not be one.
  const names = [...new Set([...(e.kind !== 'pem' && e.domainName ? [e.domainName] : []), ...(sans ?? [])])];
  if (names.length === 0) return undefined;
  const leaf = e.chain?.[0];
  return {
    kind: 'evidence',
    label: evidenceLabel(e),
    sans: names,
    ...(e.notBefore ? { notBefore: e.notBefore } : {}),
    ...(e.notAfter ? { notAfter: e.notAfter } : {}),
    ...(leaf ? { sha256: leaf.sha256Fingerprint } : {}),
  };
}

/** The probe targets of some distributions' aliases, and a skipped result per alias that cannot be probed. */
export function targetsFromDistributions(
  distributions: readonly Distribution[],
  options: FromOptions = {},
): { readonly targets: ProbeTarget[]; readonly skipped: ProbeResult[] } {
  const port = options.port ?? DEFAULT_PORT;
  const targets: ProbeTarget[] = [];
  const skipped: ProbeResult[] = [];
  const seen = new Set<string>();
  const skip = (alias: string, d: Distribution, reason: 'wildcard' | 'unresolved', detail: string) => {
    const endpoint = endpointText(alias, port);
    skipped.push({
      subject: { kind: 'endpoint', id: endpoint, source: d.source },
      findings: [
        createFinding('PROBE_ALIAS_SKIPPED', d.location, {
          alias,
          distribution: d.id,
          reason,
          detail,
          endpoint,
        }),
      ],
      details: { host: alias, port, sni: null, distribution: d.id, handshake: 'skipped', timings: {} },
    });
  };
  const byKey = new Map<string, ProbeExpectation | undefined>();
  for (const e of options.evidence ?? []) if (!byKey.has(e.key)) byKey.set(e.key, expectationFromEvidence(e));
  for (const d of distributions) {
    const key = certificateKey(d);
    const expect = key === undefined ? undefined : byKey.get(key);
    for (const field of d.aliases) {
      if (isUnresolved(field.value)) {
        skip(`(alias of ${d.id})`, d, 'unresolved', field.value.reason);
        continue;
      }
      let name = field.value.trim().toLowerCase();
      if (name.startsWith('*.')) {
        if (options.wildcardLabel === undefined) {
          skip(name, d, 'wildcard', 'wildcard');
          continue;
        }
        name = `${options.wildcardLabel}${name.slice(1)}`;
      }
      const parsed = parseTarget(`${name}:${port}`, d.source);
      if (!parsed.ok) continue; // alias syntax is check's business (CF_ALIAS_SYNTAX_INVALID)
      const key = endpointText(parsed.value.host, parsed.value.port);
      if (seen.has(key)) continue;
      seen.add(key);
      const connect = options.viaDistributionDomain ? d.domainName : undefined;
      targets.push({
        ...parsed.value,
        ...(connect !== undefined ? { connect } : {}),
        distribution: d.id,
        ...(expect ? { expect } : {}),
      });
    }
    if (d.aliasesUnresolved) skip(`(aliases of ${d.id})`, d, 'unresolved', d.aliasesUnresolved.reason);
  }
  return { targets, skipped };
}
