/** What the CloudFront operations of the fake share: answers, errors, argument checks. */

import { FaultAnswer } from './fault.js';
import { decodeToken } from './paging.js';
import type { Answer, FakeAccountSpec, FakeDistribution, Fault } from './types.js';
import { document, errorResponse, type XmlElement } from './xml.js';

export const API = '/2020-05-31';
/** LastModifiedTime / CreatedTime of fixtures that do not give one. */
export const DEFAULT_TIME = '2026-01-05T10:00:00.000Z';

export interface CloudFrontRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
}

/** CloudFront's error body; the SDK names the error after `<Code>`. */
export function cloudFrontError(fault: Fault, requestId: string): Answer {
  const body = document(errorResponse(fault, requestId));
  return { status: fault.status, headers: { 'content-type': 'text/xml' }, body };
}

export function ok(root: XmlElement, headers: Record<string, string> = {}): Answer {
  return { status: 200, headers: { 'content-type': 'text/xml', ...headers }, body: document(root) };
}

export function invalidArgument(message: string): FaultAnswer {
  return new FaultAnswer({ status: 400, code: 'InvalidArgument', message });
}

/** A MaxItems argument (query or body), undefined when absent. */
export function maxItems(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw invalidArgument(`MaxItems ${value} is not a valid number.`);
  return parsed;
}

export function find(account: FakeAccountSpec, id: string): FakeDistribution {
  const distribution = account.distributions.find((candidate) => candidate.Id === id);
  if (!distribution) {
    throw new FaultAnswer({
      status: 404,
      code: 'NoSuchDistribution',
      message: 'The specified distribution does not exist.',
    });
  }
  return distribution;
}

/** The index an opaque marker the fake issued stands for (the conflict and tenant lists). */
export function markerIndex(marker: string | null | undefined): number {
  if (marker === null || marker === undefined || marker === '') return 0;
  const index = decodeToken(marker);
  if (index === undefined) throw invalidArgument('The marker is not valid.');
  return index;
}
