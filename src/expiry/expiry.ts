/**
 * `expiry()`: every certificate of the inventory once, judged by the date its chain stops
 * validating, not the earliest date in its file: the chain is the one clients build (RFC 5280
 * path validation through the same engine as `certgate verify`), so a cross-signed root or a
 * spare intermediate in a bundle, which no client uses, changes nothing, while an intermediate
 * on the path that expires before the leaf does.
 *
 * Which certificates are tracked: every end-entity certificate, and a CA certificate when its
 * file holds no end-entity one (a CA or intermediate kept on its own). Intermediates that come
 * with a leaf count through the leaf's chain.
 */

import type { AwsFailure } from '../aws/types.js';
import { createFinding, type Finding } from '../findings/finding.js';
import type { Locator } from '../findings/types.js';
import { verify } from '../verify/verify.js';
import type { Certificate } from '../x509/model.js';
import { readCertificates } from '../x509/read.js';
import { acmReadiness } from './acm-readiness.js';
import { readEndpoints } from './endpoints.js';
import { readCertificateFiles } from './files.js';
import { SignaturePrechecks } from './prechecks.js';
import { markStaleEdges } from './stale-edge.js';
import { type Standing, standingOf, type Thresholds, thresholdText } from './thresholds.js';
import type { ExpiryDetails, ExpiryOptions, ExpiryPlace, ExpiryResult } from './types.js';

/** Certificates found together: a file's, or the chain an endpoint served. */
interface Group {
  readonly certificates: readonly Certificate[];
  /** The file or endpoint, for findings. */
  readonly source: string;
  place(index: number): ExpiryPlace;
}

/** One distinct certificate of the inventory, with every place it was found. */
interface Entry {
  readonly certificate: Certificate;
  readonly places: ExpiryPlace[];
  /** The file or endpoint of the first place, for findings. */
  readonly source: string;
  /** The other certificates of the files it was found in: its chain as kept beside it. */
  readonly beside: Certificate[];
}

const isCa = (c: Certificate): boolean => c.extension('basicConstraints')?.ca === true;

/**
 * Tracks every certificate under `options.paths`: one result per distinct certificate (by
 * SHA-256), most urgent first, then one per file that could not be read.
 *
 * @example
 * ```ts
 * const results = await expiry({ paths: ['/etc/ssl/private', 'certs/'], at: new Date() });
 * const soon = results.filter((r) => r.details && r.details.daysLeft < 30);
 * ```
 */
export async function expiry(options: ExpiryOptions): Promise<ExpiryResult[]> {
  return (await expiryRun(options)).results;
}

/** What {@link expiryRun} gives: the results, and the AWS failure when `--aws` could read nothing. */
export interface ExpiryRun {
  readonly results: ExpiryResult[];
  readonly awsUnavailable?: AwsFailure;
}

/** {@link expiry}, also saying when the account could not be read at all (the CLI's exit 3). */
export async function expiryRun(options: ExpiryOptions): Promise<ExpiryRun> {
  const at = options.at ?? new Date();
  // signatures are checked on the thread pool as soon as a leaf and a possible issuer are read
  const prechecks = new SignaturePrechecks();
  const [{ files, problems }, given, acm] = await Promise.all([
    readCertificateFiles(options.paths ?? [], {
      onFile: (f) => prechecks.add(f.certificates),
      ...(options.pkcs12Password !== undefined ? { pkcs12Password: options.pkcs12Password } : {}),
    }),
    readEndpoints(options.targets ?? [], options.probe),
    options.aws ? readAcm(options.aws, at, options.edgePort) : undefined,
  ]);
  // the aliases of the distributions using the account's certificates, probed once they are known
  const edges = acm?.edges.length ? await readEndpoints(acm.edges, options.probe) : undefined;
  const served = {
    chains: [...given.chains, ...(edges?.chains ?? [])],
    failures: [...given.failures, ...(edges?.failures ?? [])],
  };
  const groups: Group[] = [
    ...files.map((f) => ({
      certificates: f.certificates,
      source: f.path,
      place: (index: number): ExpiryPlace => ({ kind: 'file', path: f.path, index }),
    })),
    ...served.chains.map((c) => ({
      certificates: c.certificates,
      source: c.endpoint,
      place: (index: number): ExpiryPlace => ({ kind: 'endpoint', endpoint: c.endpoint, index }),
    })),
    ...(acm?.groups ?? []),
  ];
  for (const g of groups.slice(files.length)) prechecks.add(g.certificates); // served chains, ACM
  const entries = inventory(groups);
  const intermediates = uniqueCas(groups);
  await prechecks.done();
  const judged = entries.map((e) => judge(e, intermediates, at, options, acm?.details));
  const checked =
    acm && options.dns !== false ? await withDnsReadiness(judged, acm.details, options.dns) : judged;
  const results = acm ? markStaleEdges(checked, acm.issuedAt, at) : checked;
  results.sort(byUrgency);
  results.push(...(acm?.results ?? []));
  // an endpoint that served nothing keeps the probe's finding (unreachable, refused, not TLS, ...)
  for (const f of served.failures) results.push({ subject: f.subject, findings: f.findings });
  for (const p of problems) {
    const finding = createFinding(
      'EXPIRY_FILE_UNREADABLE',
      { source: p.path },
      { path: p.path, reason: p.reason },
    );
    results.push({ subject: { kind: 'file', id: p.path, source: p.path }, findings: [finding] });
  }
  return { results, ...(acm?.unavailable ? { awsUnavailable: acm.unavailable } : {}) };
}

/** Renewal statuses the DNS checks matter for: ACM is (or should be) renewing the certificate. */
const RENEWING: ReadonlySet<string> = new Set(['managed', 'late', 'failing']);

/**
 * Each ACM-issued certificate ACM is renewing, checked against DNS (validation records, CAA); a
 * problem found makes a `managed` renewal `at-risk`. Lookups run a few at once, one resolver.
 */
async function withDnsReadiness(
  results: readonly ExpiryResult[],
  details: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
  dns: ExpiryOptions['dns'],
): Promise<ExpiryResult[]> {
  const { dnsReadiness, makeResolver } = await import('./dns-readiness.js');
  const resolver = makeResolver(dns || {});
  const checked: ExpiryResult[] = [...results];
  let next = 0;
  const worker = async () => {
    while (next < checked.length) {
      const i = next++;
      const r = checked[i]!;
      const d = r.details;
      const place = d?.places.find((p) => p.kind === 'acm' && p.index === 0);
      const detail = place?.kind === 'acm' ? details.get(place.arn) : undefined;
      if (!d || place?.kind !== 'acm' || !detail || !RENEWING.has(d.renewal.status)) continue;
      const found = await dnsReadiness(detail, {
        resolver,
        name: d.name,
        arn: place.arn,
        location: { source: place.arn },
      });
      if (found.length === 0) continue;
      const atRisk = d.renewal.status === 'managed' && found.some((f) => f.severity !== 'note');
      checked[i] = {
        ...r,
        findings: [...r.findings, ...found],
        details: atRisk
          ? { ...d, renewal: { status: 'at-risk', reason: 'a DNS check says the next renewal will fail' } }
          : d,
      };
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, checked.length) }, worker));
  return checked;
}

/**
 * The account's ACM certificates as groups (issued ones, with their PEMs), each one's detail by
 * ARN, results for those with no certificate to date (pending, failed, expired without a PEM),
 * and what failed. The AWS layer is imported only here: runs without --aws never load the SDK.
 */
async function readAcm(aws: NonNullable<ExpiryOptions['aws']>, at: Date, edgePort?: number) {
  const { fetchAcmInventory } = await import('../aws/acm-inventory.js');
  const { failureFindings, ACCOUNT_SOURCE } = await import('../aws/failure-findings.js');
  const inventory = await fetchAcmInventory({ ...aws, distributions: aws.probeEdges === true });
  const groups: Group[] = [];
  const details = new Map<string, Readonly<Record<string, unknown>>>();
  const results: ExpiryResult[] = [];
  for (const c of inventory.certificates) {
    const inUseBy = Array.isArray(c.detail.InUseBy)
      ? c.detail.InUseBy.filter((x): x is string => typeof x === 'string')
      : [];
    let certificates: readonly Certificate[] = [];
    if (c.pem !== undefined) {
      try {
        certificates = readCertificates(c.pem, { source: c.arn }).certificates;
      } catch {
        certificates = []; // dated by ACM's fields below instead
      }
    }
    if (certificates.length > 0) {
      details.set(c.arn, c.detail);
      groups.push({
        certificates,
        source: c.arn,
        place: (index: number): ExpiryPlace => ({
          kind: 'acm',
          arn: c.arn,
          region: c.region,
          index,
          inUseBy,
        }),
      });
      continue;
    }
    const name = typeof c.detail.DomainName === 'string' ? c.detail.DomainName : c.arn;
    const status = typeof c.detail.Status === 'string' ? c.detail.Status : 'UNKNOWN';
    const notAfter = typeof c.detail.NotAfter === 'string' ? c.detail.NotAfter : undefined;
    const finding =
      status === 'EXPIRED' && notAfter
        ? createFinding(
            'EXPIRY_EXPIRED',
            { source: c.arn },
            {
              name,
              notAfter: notAfter.slice(0, 10),
              daysAgo: Math.max(0, Math.floor((at.getTime() - Date.parse(notAfter)) / 86_400_000)),
            },
          )
        : createFinding(
            'EXPIRY_ACM_NOT_ISSUED',
            { source: c.arn },
            { certificate: c.arn, name, region: c.region, status },
          );
    results.push({ subject: { kind: 'acm-certificate', id: c.arn, source: c.region }, findings: [finding] });
  }
  const failures = failureFindings(inventory.failed).map((f) => f.finding);
  if (failures.length > 0)
    results.push({
      subject: { kind: 'aws', id: ACCOUNT_SOURCE, source: ACCOUNT_SOURCE },
      findings: failures,
    });
  // each alias of a distribution using one of these certificates, dialled at the distribution's domain
  const arns = new Set(inventory.certificates.map((c) => c.arn));
  const using = inventory.distributions.filter((d) => {
    const arn = d.viewerCertificate?.acmCertificateArn?.value;
    return typeof arn === 'string' && arns.has(arn);
  });
  const { targetsFromDistributions } = await import('../probe/from.js');
  const edges = targetsFromDistributions(using, {
    viaDistributionDomain: true,
    ...(edgePort !== undefined ? { port: edgePort } : {}),
  }).targets;
  const issuedAt = new Map(
    [...details].map(([arn, d]) => [arn, typeof d.IssuedAt === 'string' ? d.IssuedAt : undefined] as const),
  );
  return {
    groups,
    details,
    issuedAt,
    edges,
    results,
    ...(inventory.nothingRead ? { unavailable: inventory.nothingRead } : {}),
  };
}

/** The distinct certificates to track, in first-seen order. */
function inventory(groups: readonly Group[]): Entry[] {
  const byFingerprint = new Map<string, Entry>();
  for (const group of groups) {
    const hasLeaf = group.certificates.some((c) => !isCa(c));
    group.certificates.forEach((certificate, index) => {
      if (hasLeaf && isCa(certificate)) return;
      const place = group.place(index);
      const known = byFingerprint.get(certificate.sha256Fingerprint);
      const beside = group.certificates.filter((c) => c !== certificate);
      if (known) {
        known.places.push(place);
        known.beside.push(...beside);
      } else
        byFingerprint.set(certificate.sha256Fingerprint, {
          certificate,
          places: [place],
          source: group.source,
          beside,
        });
    });
  }
  return [...byFingerprint.values()];
}

/** Every CA certificate of the run, once: any of them may complete another file's chain. */
function uniqueCas(files: readonly Group[]): Certificate[] {
  const seen = new Map<string, Certificate>();
  for (const f of files) for (const c of f.certificates) if (isCa(c)) seen.set(c.sha256Fingerprint, c);
  return [...seen.values()];
}

/** The chain clients build for `leaf`: verified at a moment inside its validity, so expiry itself never hides the path. */
function chainOf(
  e: Entry,
  intermediates: readonly Certificate[],
  at: Date,
  options: ExpiryOptions,
): { path: readonly Certificate[] } | { reason: string } {
  const leaf = e.certificate;
  const inside = new Date(
    Math.min(Math.max(at.getTime(), leaf.notBefore.getTime()), leaf.notAfter.getTime()),
  );
  const result = verify({
    chain: [leaf],
    untrusted: [...e.beside, ...intermediates],
    at: inside,
    ...(options.roots !== undefined ? { roots: options.roots } : {}),
    ...(options.addRoots !== undefined ? { addRoots: options.addRoots } : {}),
    source: e.source,
  });
  if (result.verdict === 'pass' && result.path) {
    // the anchor is the trust store's, not a certificate clients check the dates of
    const anchored = result.origins?.at(-1) !== 'chain' && result.origins?.at(-1) !== 'untrusted';
    return { path: anchored ? result.path.slice(0, -1) : result.path };
  }
  const first = result.findings.find((f) => f.severity === 'error') ?? result.findings[0];
  return { reason: first ? first.code : 'no path to a trusted root' };
}

/** The name people know a certificate by: its first DNS name, else its CN, else its subject. */
function nameOf(c: Certificate): string {
  const dns = c.extension('subjectAltName')?.names.find((n) => n.type === 'dNSName');
  if (dns && dns.type === 'dNSName') return dns.value;
  const cn = c.subject.rdns.flat().find((a) => a.shortName === 'CN');
  return cn?.value ?? c.subject.text;
}

function judge(
  e: Entry,
  intermediates: readonly Certificate[],
  at: Date,
  options: ExpiryOptions,
  acmDetails?: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
): ExpiryResult {
  const c = e.certificate;
  const ca = isCa(c);
  // a CA tracked on its own has no chain of interest: its own dates are the answer
  const chain = ca ? { path: [c] } : chainOf(e, intermediates, at, options);
  const path = 'path' in chain ? chain.path : [c];
  let first = c;
  for (const p of path) if (p.notAfter.getTime() < first.notAfter.getTime()) first = p;
  const standing = standingOf(c.notBefore, first.notAfter, at, options.thresholds ?? {});
  const name = nameOf(c);
  const location: Locator = { source: e.source, certIndex: e.places[0]!.index };
  const limitedBy =
    first === c
      ? undefined
      : {
          subject: first.subject.text,
          notAfter: first.notAfter.toISOString(),
          fingerprint: first.sha256Fingerprint,
        };
  const findings = findingsOf(name, c, first, standing, location, options.thresholds ?? {}, limitedBy);
  if ('reason' in chain)
    findings.push(createFinding('EXPIRY_CHAIN_UNVERIFIED', location, { name, reason: chain.reason }));
  // an ACM certificate (the leaf of an ACM place): will ACM renew it in time?
  const acmPlace = e.places.find((p) => p.kind === 'acm' && p.index === 0);
  const acmDetail = acmPlace?.kind === 'acm' ? acmDetails?.get(acmPlace.arn) : undefined;
  const readiness =
    acmPlace?.kind === 'acm' && acmDetail
      ? acmReadiness(acmDetail, name, acmPlace.arn, { source: acmPlace.arn }, at)
      : undefined;
  if (readiness) findings.push(...readiness.findings);
  const details: ExpiryDetails = {
    fingerprint: c.sha256Fingerprint,
    name,
    subject: c.subject.text,
    issuer: c.issuer.text,
    serialNumber: c.serialNumber,
    sans: (c.extension('subjectAltName')?.names ?? []).flatMap((n) =>
      n.type === 'dNSName' || n.type === 'iPAddress' ? [n.value] : [],
    ),
    ca,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
    chainNotAfter: first.notAfter.toISOString(),
    ...(limitedBy ? { limitedBy } : {}),
    chainVerified: 'path' in chain,
    daysLeft: standing.daysLeft,
    lifetimeDays: standing.lifetimeDays,
    lifetimeUsed: standing.lifetimeUsed,
    level: standing.level,
    warnAt: standing.warnAt.toISOString(),
    criticalAt: standing.criticalAt.toISOString(),
    renewal: readiness?.renewal ?? {
      status: 'unknown',
      reason:
        'neither a file nor a served chain says how a certificate is renewed: whoever issued it must renew and redeploy it',
    },
    places: e.places,
  };
  return {
    subject: { kind: 'certificate', id: c.sha256Fingerprint, source: e.source },
    findings,
    details,
  };
}

function findingsOf(
  name: string,
  c: Certificate,
  first: Certificate,
  s: Standing,
  location: Locator,
  thresholds: Thresholds,
  limitedBy: ExpiryDetails['limitedBy'],
): Finding[] {
  const date = (d: Date) => d.toISOString().slice(0, 10);
  const base = {
    name,
    notAfter: date(first.notAfter),
    daysLeft: s.daysLeft,
    lifetimeDays: s.lifetimeDays,
    lifetimeUsed: s.lifetimeUsed,
    ...(limitedBy ? { limitedBy: limitedBy.subject } : {}),
  };
  const out: Finding[] = [];
  switch (s.level) {
    case 'expired':
      out.push(createFinding('EXPIRY_EXPIRED', location, { ...base, daysAgo: Math.floor(-s.daysLeft) }));
      break;
    case 'not-yet-valid':
      out.push(
        createFinding('EXPIRY_NOT_YET_VALID', location, { name, notBefore: c.notBefore.toISOString() }),
      );
      break;
    case 'critical':
      out.push(
        createFinding('EXPIRY_CRITICAL', location, {
          ...base,
          threshold: thresholds.critical
            ? thresholdText(thresholds.critical)
            : 'default: a twentieth of the lifetime left, at most 7 days',
        }),
      );
      break;
    case 'warning':
      out.push(
        createFinding('EXPIRY_WARNING', location, {
          ...base,
          threshold: thresholds.warn
            ? thresholdText(thresholds.warn)
            : 'default: a sixth of the lifetime left, at most 30 days',
        }),
      );
      break;
    default:
      break;
  }
  if (limitedBy)
    out.push(
      createFinding('EXPIRY_CHAIN_EXPIRES_FIRST', location, {
        name,
        limitedBy: limitedBy.subject,
        chainNotAfter: date(first.notAfter),
        notAfter: date(c.notAfter),
      }),
    );
  return out;
}

const URGENCY: Readonly<Record<string, number>> = {
  expired: 0,
  'not-yet-valid': 1,
  critical: 2,
  warning: 3,
  ok: 4,
};

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Most urgent first; then the earliest chain expiry; then by fingerprint (stable). */
function byUrgency(a: ExpiryResult, b: ExpiryResult): number {
  const da = a.details!;
  const db = b.details!;
  return (
    URGENCY[da.level]! - URGENCY[db.level]! ||
    compare(da.chainNotAfter, db.chainNotAfter) ||
    compare(da.fingerprint, db.fingerprint)
  );
}
