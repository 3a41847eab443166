/**
 * The renewal checks that need DNS (spec §5 R5, R6): ACM renews a DNS-validated certificate only
 * while every validation CNAME it asked for is in public DNS with the value it gave, and only if
 * CAA lets Amazon issue for every name. Lookups go through `dns.promises.Resolver` (the system's
 * servers, or the ones given), so tests run them against a DNS server on loopback.
 */

import { Resolver } from 'node:dns/promises';
import { createFinding, type Finding } from '../findings/finding.js';
import type { Locator } from '../findings/types.js';
import type { DnsOptions } from './types.js';

type Detail = Readonly<Record<string, unknown>>;

/**
 * What the checks ask of a resolver (`dns.promises.Resolver` fits); written out so the published
 * types carry no Node types.
 */
export interface DnsResolver {
  resolveCname(name: string): Promise<string[]>;
  resolveCaa(name: string): Promise<readonly object[]>;
}

/** The issuer domains Amazon's CAA records may name (ACM "setup-caa"). */
const AMAZON_CAA = new Set(['amazon.com', 'amazontrust.com', 'awstrust.com', 'amazonaws.com']);

const normal = (name: string): string => name.trim().toLowerCase().replace(/\.$/, '');

/** A resolver for the run: one per set of options, shared by every certificate. */
export function makeResolver(options: DnsOptions = {}): DnsResolver {
  const resolver = new Resolver({ timeout: options.timeoutMs ?? 2000, tries: 2 });
  if (options.servers?.length) resolver.setServers([...options.servers]);
  return resolver;
}

/** NXDOMAIN or no record of the type: an answer; anything else (SERVFAIL, a timeout) is not. */
const isAbsent = (e: unknown): boolean => {
  const code = (e as { code?: string }).code;
  return code === 'ENOTFOUND' || code === 'ENODATA';
};

const errorCode = (e: unknown): string => (e as { code?: string }).code ?? String(e);

/** Each distinct validation record the certificate asked for, with the names it validates. */
function validationRecords(d: Detail): { name: string; value: string; domains: string[] }[] {
  const summary = (d.RenewalSummary ?? {}) as Detail;
  const options = [
    ...(Array.isArray(summary.DomainValidationOptions) ? summary.DomainValidationOptions : []),
    ...(Array.isArray(d.DomainValidationOptions) ? d.DomainValidationOptions : []),
  ];
  const byName = new Map<string, { name: string; value: string; domains: string[] }>();
  for (const o of options) {
    const option = (o ?? {}) as Detail;
    const rr = (option.ResourceRecord ?? {}) as Detail;
    if (option.ValidationMethod === 'EMAIL' || option.ValidationMethod === 'HTTP') continue;
    if (rr.Type !== 'CNAME' || typeof rr.Name !== 'string' || typeof rr.Value !== 'string') continue;
    const key = normal(rr.Name);
    const entry = byName.get(key) ?? { name: rr.Name, value: rr.Value, domains: [] };
    if (typeof option.DomainName === 'string' && !entry.domains.includes(option.DomainName))
      entry.domains.push(option.DomainName);
    byName.set(key, entry);
  }
  return [...byName.values()];
}

/** R5: every validation CNAME in DNS, pointing where ACM said. */
async function checkValidationRecords(
  d: Detail,
  ctx: { resolver: DnsResolver; name: string; arn: string; location: Locator },
): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const record of validationRecords(d)) {
    const base = {
      name: ctx.name,
      certificate: ctx.arn,
      record: normal(record.name),
      expected: normal(record.value),
      domains: record.domains,
    };
    let answers: string[];
    try {
      answers = await ctx.resolver.resolveCname(normal(record.name));
    } catch (e) {
      if (!isAbsent(e)) {
        out.push(
          createFinding('EXPIRY_DNS_LOOKUP_FAILED', ctx.location, {
            ...base,
            query: `CNAME ${normal(record.name)}`,
            error: errorCode(e),
          }),
        );
        continue;
      }
      out.push(
        createFinding('EXPIRY_ACM_VALIDATION_RECORD_MISSING', ctx.location, { ...base, found: 'nothing' }),
      );
      continue;
    }
    const targets = answers.map(normal);
    if (!targets.includes(normal(record.value)))
      out.push(
        createFinding('EXPIRY_ACM_VALIDATION_RECORD_MISSING', ctx.location, {
          ...base,
          found: targets.join(', '),
        }),
      );
  }
  return out;
}

type CaaRecord = { critical: number } & Record<string, unknown>;

/** The CAA RRset that governs `name` (RFC 8659 §3: the closest name up the tree that has one), or undefined. */
async function governingCaa(
  name: string,
  resolver: DnsResolver,
): Promise<{ at: string; records: CaaRecord[] } | { error: string; at: string } | undefined> {
  const labels = name.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const at = labels.slice(i).join('.');
    try {
      const records = (await resolver.resolveCaa(at)) as unknown as CaaRecord[];
      if (records.length > 0) return { at, records };
    } catch (e) {
      if (!isAbsent(e)) return { error: errorCode(e), at };
    }
  }
  return undefined;
}

/** The issuer domain of an `issue`/`issuewild` value (`amazon.com; key=v` → `amazon.com`; `;` → ''). */
const issuerOf = (value: unknown): string => normal(String(value ?? '').split(';')[0] ?? '');

/** Whether a CAA RRset lets Amazon issue for a name (`wildcard`: through `issuewild` first). */
function caaAllowsAmazon(records: readonly CaaRecord[], wildcard: boolean): boolean {
  const known = ['issue', 'issuewild', 'iodef', 'contactemail', 'contactphone', 'issuemail', 'issuevmc'];
  // an unknown tag marked critical: a CA must not issue (RFC 8659 §4.1)
  if (records.some((r) => (r.critical & 128) !== 0 && !Object.keys(r).some((k) => known.includes(k))))
    return false;
  const values = (tag: string) => records.flatMap((r) => (tag in r ? [issuerOf(r[tag])] : []));
  // for a wildcard, issuewild decides when there is one (RFC 8659 §4.3); otherwise issue does
  const wild = values('issuewild');
  if (wildcard && wild.length > 0) return wild.some((v) => AMAZON_CAA.has(v));
  const issue = values('issue');
  // a set with no issue property (only iodef, say) restricts nothing
  return issue.length === 0 || issue.some((v) => AMAZON_CAA.has(v));
}

/** R6: CAA lets Amazon issue for every name of the certificate. */
async function checkCaa(
  d: Detail,
  ctx: { resolver: DnsResolver; name: string; arn: string; location: Locator },
): Promise<Finding[]> {
  const names = Array.isArray(d.SubjectAlternativeNames)
    ? d.SubjectAlternativeNames.filter((n): n is string => typeof n === 'string')
    : typeof d.DomainName === 'string'
      ? [d.DomainName]
      : [];
  const out: Finding[] = [];
  for (const san of new Set(names.map(normal))) {
    const wildcard = san.startsWith('*.');
    const host = wildcard ? san.slice(2) : san;
    const caa = await governingCaa(host, ctx.resolver);
    if (caa === undefined) continue;
    if ('error' in caa) {
      out.push(
        createFinding('EXPIRY_DNS_LOOKUP_FAILED', ctx.location, {
          name: ctx.name,
          certificate: ctx.arn,
          query: `CAA ${caa.at}`,
          error: caa.error,
        }),
      );
      continue;
    }
    if (!caaAllowsAmazon(caa.records, wildcard)) {
      const shown = caa.records
        .map((r) =>
          Object.entries(r)
            .filter(([k]) => k !== 'critical')
            .map(([k, v]) => `${r.critical} ${k} "${String(v)}"`)
            .join(''),
        )
        .join('; ');
      out.push(
        createFinding('EXPIRY_ACM_CAA_FORBIDS', ctx.location, {
          name: ctx.name,
          certificate: ctx.arn,
          domain: san,
          at: caa.at,
          records: shown,
        }),
      );
    }
  }
  return out;
}

/** The DNS findings of one ACM-issued certificate: its validation records, and CAA for its names. */
export async function dnsReadiness(
  d: Detail,
  ctx: { resolver: DnsResolver; name: string; arn: string; location: Locator },
): Promise<Finding[]> {
  if (d.Type !== 'AMAZON_ISSUED') return [];
  return [...(await checkValidationRecords(d, ctx)), ...(await checkCaa(d, ctx))];
}
