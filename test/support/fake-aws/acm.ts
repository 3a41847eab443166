/**
 * ACM's JSON 1.1 API as the pinned SDK reads it (spec aws-and-expiry.md §2.8): `x-amz-target`
 * dispatch, timestamps as epoch-second numbers, `{"__type", "message"}` errors.
 */

import { FaultAnswer } from './fault.js';
import { decodeToken, encodeToken, pageFrom, pageSize } from './paging.js';
import type { Answer, FakeAccountSpec, FakeCertificate, Fault } from './types.js';

const TARGET_PREFIX = 'CertificateManager.';
const JSON_TYPE = 'application/x-amz-json-1.1';
const TIMESTAMP_FIELDS = new Set([
  'NotBefore',
  'NotAfter',
  'IssuedAt',
  'CreatedAt',
  'ImportedAt',
  'RevokedAt',
  'UpdatedAt',
  'RequestedAt',
]);
/** Fields of a fixture that are not part of DescribeCertificate's answer. */
const PRIVATE_FIELDS = new Set(['CertificatePem', 'CertificateChainPem']);
/** ListCertificates' default `Includes.keyTypes` (spec §1.3): other keys are silently left out. */
const DEFAULT_KEY_TYPES = ['RSA_1024', 'RSA_2048'];

type Operation = (
  input: Record<string, unknown>,
  certificates: FakeCertificate[],
  account: FakeAccountSpec,
) => unknown;

const OPERATIONS: Record<string, Operation> = {
  DescribeCertificate: (input, certificates) => ({
    Certificate: toWire(findCertificate(input, certificates)),
  }),
  ListCertificates: listCertificates,
  GetCertificate: getCertificate,
};

/** The operation name of an `x-amz-target`, or undefined when it is not ACM's. */
export function acmOperation(target: string): string | undefined {
  return target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
}

export function acmError(fault: Fault): Answer {
  return {
    status: fault.status,
    headers: { 'content-type': JSON_TYPE },
    body: JSON.stringify({ __type: fault.code, message: fault.message }),
  };
}

export function runAcm(operation: string, body: string, region: string, account: FakeAccountSpec): Answer {
  const handler = OPERATIONS[operation];
  if (!handler) {
    throw new FaultAnswer({
      status: 400,
      code: 'UnknownOperationException',
      message: `fake-aws does not implement ${operation}`,
    });
  }
  const input = parseInput(body);
  const output = handler(input, account.certificates[region] ?? [], account);
  return { status: 200, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify(output) };
}

function parseInput(body: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body === '' ? '{}' : body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // answered below as the service answers a body it cannot read
  }
  throw new FaultAnswer({ status: 400, code: 'SerializationException', message: 'Malformed request body' });
}

function findCertificate(input: Record<string, unknown>, certificates: FakeCertificate[]): FakeCertificate {
  const arn = input.CertificateArn;
  if (typeof arn !== 'string' || !/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/.+$/.test(arn)) {
    throw new FaultAnswer({
      status: 400,
      code: 'InvalidArnException',
      message: `String '${String(arn)}' is not a valid ARN`,
    });
  }
  // Only the certificates of the region the call was signed for: ACM is regional.
  const certificate = certificates.find((candidate) => candidate.CertificateArn === arn);
  if (!certificate) {
    throw new FaultAnswer({
      status: 400,
      code: 'ResourceNotFoundException',
      message: `Could not find certificate ${arn}.`,
    });
  }
  return certificate;
}

/** A fixture in the wire shape: ISO timestamps to epoch seconds, test-only fields dropped. */
function toWire(value: unknown, key = ''): unknown {
  if (typeof value === 'string' && TIMESTAMP_FIELDS.has(key)) return Date.parse(value) / 1000;
  if (Array.isArray(value)) return value.map((item) => toWire(item));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [field, inner] of Object.entries(value)) {
      if (!PRIVATE_FIELDS.has(field)) out[field] = toWire(inner, field);
    }
    return out;
  }
  return value;
}

function listCertificates(
  input: Record<string, unknown>,
  certificates: FakeCertificate[],
  account: FakeAccountSpec,
) {
  const includes = (input.Includes ?? {}) as { keyTypes?: string[] };
  const keyTypes = includes.keyTypes ?? DEFAULT_KEY_TYPES;
  const statuses = input.CertificateStatuses as string[] | undefined;
  const matching = certificates.filter(
    (certificate) =>
      keyTypes.includes((certificate.KeyAlgorithm ?? 'RSA-2048').replace('-', '_')) &&
      (statuses === undefined || statuses.length === 0 || statuses.includes(certificate.Status)),
  );
  const size = pageSize(input.MaxItems as number | undefined, account.pageSize ?? 2);
  const start = typeof input.NextToken === 'string' ? decodeToken(input.NextToken) : 0;
  if (start === undefined) {
    throw new FaultAnswer({
      status: 400,
      code: 'InvalidArgsException',
      message: 'The NextToken is not valid.',
    });
  }
  const page = pageFrom(matching, start, size);
  return {
    CertificateSummaryList: page.items.map(summaryOf),
    ...(page.next !== undefined ? { NextToken: encodeToken(page.next) } : {}),
  };
}

function summaryOf(certificate: FakeCertificate): unknown {
  const names = certificate.SubjectAlternativeNames ?? [certificate.DomainName];
  return toWire({
    CertificateArn: certificate.CertificateArn,
    DomainName: certificate.DomainName,
    // ListCertificates shows at most 100 names (spec §1.3).
    SubjectAlternativeNameSummaries: names.slice(0, 100),
    HasAdditionalSubjectAlternativeNames: names.length > 100,
    Status: certificate.Status,
    Type: certificate.Type ?? 'AMAZON_ISSUED',
    KeyAlgorithm: certificate.KeyAlgorithm ?? 'RSA-2048',
    InUse: (certificate.InUseBy ?? []).length > 0,
    RenewalEligibility: certificate.RenewalEligibility,
    ManagedBy: certificate.ManagedBy,
    NotBefore: certificate.NotBefore,
    NotAfter: certificate.NotAfter,
    CreatedAt: certificate.CreatedAt,
    IssuedAt: certificate.IssuedAt,
    ImportedAt: certificate.ImportedAt,
  });
}

function getCertificate(input: Record<string, unknown>, certificates: FakeCertificate[]) {
  const certificate = findCertificate(input, certificates);
  if (certificate.Status !== 'ISSUED' || !certificate.CertificatePem) {
    throw new FaultAnswer({
      status: 400,
      code: 'RequestInProgressException',
      message: `Certificate ${certificate.CertificateArn} is not yet issued or has no PEM in the fixture.`,
    });
  }
  return { Certificate: certificate.CertificatePem, CertificateChain: certificate.CertificateChainPem };
}
