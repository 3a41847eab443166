/**
 * ACM CLI output → certificate evidence: `aws acm describe-certificate` (alone, or many in a
 * JSON array) and `aws acm list-certificates` (rulebook §5). The CLI writes key algorithms with
 * hyphens (`RSA-2048`) and, depending on version and settings, timestamps as ISO strings or
 * epoch seconds; both are accepted.
 */

import { parseAcmArn } from '../cloudfront/arn.js';
import type { CertificateEvidence, EvidenceKind, ValidationOption } from '../cloudfront/model.js';
import type { InputKind } from './detect.js';
import type { JsonPath, SourceDocument } from './document.js';
import { type Collected, isRecord, own, ownRecord, ownString, UnresolvedValue } from './fields.js';

/** ACM's key algorithm spelling (`RSA_2048`, `EC_prime256v1`) from either CLI spelling. */
export function normalizeKeyAlgorithm(text: string): string {
  return text.replace(/-/g, '_');
}

const EPOCH_SECONDS = /^\d+(\.\d+)?$/;

/**
 * A timestamp as the CLI prints it: an ISO 8601 string, or epoch seconds (a number or a numeric
 * string, fractions allowed). Undefined when it is neither.
 */
export function parseTimestamp(value: unknown): Date | undefined {
  let ms: number;
  if (typeof value === 'number') ms = value * 1000;
  else if (typeof value === 'string' && EPOCH_SECONDS.test(value.trim())) ms = Number(value) * 1000;
  else if (typeof value === 'string') ms = Date.parse(value);
  else return undefined;
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}

/** Reads the certificates of one ACM CLI document into `out.evidence`. */
export function readAcmOutput(doc: SourceDocument, kind: InputKind, out: Collected): void {
  const v = doc.value;
  if (kind === 'acm-describe') {
    const inner = ownRecord(v, 'Certificate');
    add(doc, inner ? ['Certificate'] : [], inner ?? v, 'acm-describe', out);
  } else if (kind === 'acm-describe-array' && Array.isArray(v)) {
    v.forEach((item, i) => {
      const inner = ownRecord(item, 'Certificate');
      add(doc, inner ? [i, 'Certificate'] : [i], inner ?? item, 'acm-describe', out);
    });
  } else if (kind === 'acm-list') {
    const list = own(v, 'CertificateSummaryList');
    if (Array.isArray(list))
      list.forEach((s, i) => {
        add(doc, ['CertificateSummaryList', i], s, 'acm-list', out);
      });
  }
}

function add(doc: SourceDocument, path: JsonPath, c: unknown, kind: EvidenceKind, out: Collected): void {
  const arn = ownString(c, 'CertificateArn');
  if (!isRecord(c) || arn === undefined) return;
  out.evidence.push(kind === 'acm-list' ? fromSummary(doc, path, c, arn) : fromDetail(doc, path, c, arn));
}

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : undefined;

/** The fields describe-certificate and list-certificates share, read the same way. */
function commonFields(doc: SourceDocument, path: JsonPath, c: Record<string, unknown>, arn: string) {
  const parsed = parseAcmArn(arn);
  const keyAlgorithm = ownString(c, 'KeyAlgorithm');
  return {
    key: arn,
    source: doc.source,
    location: doc.locator(path),
    arn,
    region: parsed?.region,
    accountId: parsed?.accountId,
    status: ownString(c, 'Status'),
    type: ownString(c, 'Type'),
    domainName: ownString(c, 'DomainName'),
    keyAlgorithm: keyAlgorithm === undefined ? undefined : normalizeKeyAlgorithm(keyAlgorithm),
    notBefore: parseTimestamp(own(c, 'NotBefore')),
    notAfter: parseTimestamp(own(c, 'NotAfter')),
    renewalEligibility: ownString(c, 'RenewalEligibility'),
    managedBy: ownString(c, 'ManagedBy'),
  };
}

/**
 * describe-certificate's Certificate object, as one object literal: 5,000 certificates pass
 * here, and spreading a shared part into each cost more than reading them.
 */
function fromDetail(
  doc: SourceDocument,
  path: JsonPath,
  c: Record<string, unknown>,
  arn: string,
): CertificateEvidence {
  const parsed = parseAcmArn(arn);
  const keyAlgorithm = ownString(c, 'KeyAlgorithm');
  const domainName = ownString(c, 'DomainName');
  const options = validationOptions(own(c, 'DomainValidationOptions'));
  return {
    key: arn,
    kind: 'acm-describe',
    source: doc.source,
    location: doc.locator(path),
    arn,
    region: parsed?.region,
    accountId: parsed?.accountId,
    status: ownString(c, 'Status'),
    type: ownString(c, 'Type'),
    issuer: ownString(c, 'Issuer'),
    domainName,
    keyAlgorithm: keyAlgorithm === undefined ? undefined : normalizeKeyAlgorithm(keyAlgorithm),
    notBefore: parseTimestamp(own(c, 'NotBefore')),
    notAfter: parseTimestamp(own(c, 'NotAfter')),
    renewalEligibility: ownString(c, 'RenewalEligibility'),
    managedBy: ownString(c, 'ManagedBy'),
    subjectAlternativeNames: withDomain(domainName, strings(own(c, 'SubjectAlternativeNames'))),
    inUseBy: strings(own(c, 'InUseBy')),
    renewalStatus: ownString(own(c, 'RenewalSummary'), 'RenewalStatus'),
    validationMethod: options?.find((o) => o.validationMethod)?.validationMethod,
    validationOptions: options,
    keyPairOrigin:
      ownString(c, 'CertificateKeyPairOrigin') ?? ownString(own(c, 'Options'), 'CertificateKeyPairOrigin'),
  };
}

/** list-certificates' CertificateSummary: the SAN list may be cut short, and InUse is a flag. */
function fromSummary(
  doc: SourceDocument,
  path: JsonPath,
  c: Record<string, unknown>,
  arn: string,
): CertificateEvidence {
  const common = commonFields(doc, path, c, arn);
  const truncated = own(c, 'HasAdditionalSubjectAlternativeNames') === true;
  return {
    ...common,
    kind: 'acm-list',
    subjectAlternativeNames: truncated
      ? new UnresolvedValue(
          'list-certificates shows only the first names of this certificate; use describe-certificate output',
        )
      : withDomain(common.domainName, strings(own(c, 'SubjectAlternativeNameSummaries'))),
    inUseBy: own(c, 'InUse') === false ? [] : undefined,
  };
}

/** ACM always lists the domain name among the SANs; make sure it is there. */
function withDomain(domain: string | undefined, sans: string[] | undefined): string[] | undefined {
  if (sans === undefined) return domain === undefined ? undefined : [domain];
  return domain === undefined || sans.includes(domain) ? sans : [domain, ...sans];
}

function validationOptions(value: unknown): ValidationOption[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: ValidationOption[] = [];
  for (const o of value) {
    const domainName = ownString(o, 'DomainName');
    if (domainName === undefined) continue;
    const rr = own(o, 'ResourceRecord');
    const name = ownString(rr, 'Name');
    const type = ownString(rr, 'Type');
    const val = ownString(rr, 'Value');
    // one literal, absent fields undefined-valued: one object shape for 50,000 options
    out.push({
      domainName,
      validationStatus: ownString(o, 'ValidationStatus'),
      validationMethod: ownString(o, 'ValidationMethod'),
      resourceRecord:
        name !== undefined && type !== undefined && val !== undefined
          ? { name, type, value: val }
          : undefined,
    });
  }
  return out;
}
