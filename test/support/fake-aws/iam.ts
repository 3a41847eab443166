/**
 * IAM's Query API as the pinned SDK speaks it (measured against @aws-sdk/client-iam 3.1178.0):
 * `POST /` with a form-encoded body `Action=...&Version=2010-05-08&...`, signed for us-east-1/iam;
 * answers `text/xml` as `<{Action}Response><{Action}Result>...</{Action}Result><ResponseMetadata>`,
 * list items as `<member>`, timestamps ISO-8601; errors as `<ErrorResponse><Error><Type><Code>
 * <Message></Error><RequestId>` (the SDK names `NoSuchEntity` NoSuchEntityException). The server
 * certificates CloudFront can use: ListServerCertificates (Marker/IsTruncated paging, PathPrefix)
 * and GetServerCertificate (by name).
 */

import { FaultAnswer } from './fault.js';
import { decodeToken, encodeToken, pageFrom, pageSize } from './paging.js';
import type { Answer, FakeAccountSpec, FakeServerCertificate, Fault } from './types.js';
import { el, errorResponse, escapeXml, leaf, render, type XmlElement } from './xml.js';

export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';
const IAM_VERSION = '2010-05-08';
const FORM = 'application/x-www-form-urlencoded';

/** The parameters of a Query request, or undefined when the request is not IAM's. */
export function iamParams(method: string, pathname: string, headers: Record<string, string>, body: string) {
  if (method !== 'POST' || pathname !== '/' || !(headers['content-type'] ?? '').startsWith(FORM))
    return undefined;
  const params = new URLSearchParams(body);
  return params.get('Version') === IAM_VERSION && params.has('Action') ? params : undefined;
}

function document(root: XmlElement): string {
  const rendered = render(root);
  return `<${root.name} xmlns="${IAM_NAMESPACE}">${rendered.slice(root.name.length + 2)}`;
}

export function iamError(fault: Fault, requestId: string): Answer {
  const body = document(errorResponse(fault, requestId));
  return { status: fault.status, headers: { 'content-type': 'text/xml' }, body };
}

function answer(action: string, requestId: string, ...result: (XmlElement | undefined)[]): Answer {
  const root = el(
    `${action}Response`,
    el(`${action}Result`, ...result),
    el('ResponseMetadata', leaf('RequestId', requestId)),
  );
  return { status: 200, headers: { 'content-type': 'text/xml' }, body: document(root) };
}

const arnOf = (account: FakeAccountSpec, c: FakeServerCertificate) =>
  c.Arn ?? `arn:aws:iam::${account.accountId}:server-certificate${c.Path ?? '/'}${c.ServerCertificateName}`;

function metadata(account: FakeAccountSpec, c: FakeServerCertificate): XmlElement {
  return el(
    'ServerCertificateMetadata',
    leaf('Path', c.Path ?? '/'),
    leaf('ServerCertificateName', c.ServerCertificateName),
    leaf('ServerCertificateId', c.ServerCertificateId),
    leaf('Arn', arnOf(account, c)),
    leaf('UploadDate', c.UploadDate ?? '2026-01-05T10:00:00Z'),
    leaf('Expiration', c.Expiration),
  );
}

function invalidInput(message: string): FaultAnswer {
  return new FaultAnswer({ status: 400, code: 'InvalidInput', message });
}

function listServerCertificates(
  params: URLSearchParams,
  account: FakeAccountSpec,
  requestId: string,
): Answer {
  const prefix = params.get('PathPrefix') ?? '/';
  const all = (account.serverCertificates ?? []).filter((c) => (c.Path ?? '/').startsWith(prefix));
  const marker = params.get('Marker');
  const start = marker ? decodeToken(marker) : 0;
  if (start === undefined) throw invalidInput('Invalid Marker.');
  const requested = params.get('MaxItems');
  const size = pageSize(requested ? Number(requested) : undefined, account.iamPageSize ?? 100);
  const page = pageFrom(all, start, size);
  // the list is a <member> per item (the metadata's own element name is not used in lists)
  const members = page.items.map((c) => ({ ...metadata(account, c), name: 'member' }));
  return answer(
    'ListServerCertificates',
    requestId,
    el('ServerCertificateMetadataList', ...members),
    leaf('IsTruncated', page.next !== undefined),
    page.next !== undefined ? leaf('Marker', encodeToken(page.next)) : undefined,
  );
}

function getServerCertificate(params: URLSearchParams, account: FakeAccountSpec, requestId: string): Answer {
  const name = params.get('ServerCertificateName');
  if (!name) throw invalidInput('ServerCertificateName is required.');
  const c = (account.serverCertificates ?? []).find((s) => s.ServerCertificateName === name);
  if (!c) {
    throw new FaultAnswer({
      status: 404,
      code: 'NoSuchEntity',
      message: `The Server Certificate with name ${escapeXml(name).slice(0, 64)} cannot be found.`,
    });
  }
  return answer(
    'GetServerCertificate',
    requestId,
    el(
      'ServerCertificate',
      metadata(account, c),
      leaf('CertificateBody', c.CertificateBody),
      leaf('CertificateChain', c.CertificateChain),
    ),
  );
}

/** One IAM request; a fault thrown from a handler becomes IAM's error body. */
export function runIam(params: URLSearchParams, account: FakeAccountSpec, requestId: string): Answer {
  const action = params.get('Action');
  if (action === 'ListServerCertificates') return listServerCertificates(params, account, requestId);
  if (action === 'GetServerCertificate') return getServerCertificate(params, account, requestId);
  throw new FaultAnswer({
    status: 400,
    code: 'InvalidAction',
    message: 'fake-aws does not implement this IAM action',
  });
}
