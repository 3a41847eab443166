/**
 * One loopback HTTP server that answers as ACM (JSON 1.1, dispatched on `x-amz-target`),
 * CloudFront (REST-XML, under `/2020-05-31/`) and IAM (Query: a form-encoded `POST /` with
 * `Version=2010-05-08`), so the real SDK clients can be pointed at it with `AWS_ENDPOINT_URL_ACM`,
 * `AWS_ENDPOINT_URL_CLOUDFRONT` and `AWS_ENDPOINT_URL_IAM` set to the same URL.
 */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { acmError, acmOperation, runAcm } from './acm.js';
import { cloudFrontError, routeCloudFront } from './cloudfront.js';
import { FaultAnswer } from './fault.js';
import { iamError, iamParams, runIam } from './iam.js';
import type { Answer, FakeAccountSpec, FakeAws, Fault, QueuedFault, RecordedRequest } from './types.js';

/** Recognisable fake credentials, so a test can grep every output and log for them. */
export const FAKE_ACCESS_KEY_ID = 'AKIAFAKECERTGATE0001';
export const FAKE_SECRET = 'fakeSecret/certgate+NEVER-PRINT-ME/0123456789';
export const FAKE_SESSION_TOKEN = 'fakeSessionToken/certgate+NEVER-PRINT-ME/9876543210';

type Service = RecordedRequest['service'];

/** Errors each protocol answers for a request it cannot authenticate. */
const AUTH_FAULTS: Record<Service, Record<'missing' | 'expired' | 'invalid', Fault>> = {
  acm: {
    missing: {
      status: 400,
      code: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    },
    expired: {
      status: 400,
      code: 'ExpiredTokenException',
      message: 'The security token included in the request is expired',
    },
    invalid: {
      status: 400,
      code: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    },
  },
  iam: {
    missing: { status: 403, code: 'MissingAuthenticationToken', message: 'Missing Authentication Token' },
    expired: {
      status: 403,
      code: 'ExpiredToken',
      message: 'The security token included in the request is expired',
    },
    invalid: {
      status: 403,
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    },
  },
  cloudfront: {
    missing: { status: 403, code: 'MissingAuthenticationToken', message: 'Missing Authentication Token' },
    expired: {
      status: 403,
      code: 'ExpiredToken',
      message: 'The security token included in the request is expired',
    },
    invalid: {
      status: 403,
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    },
  },
};

const DISABLED_REGION_FAULT: Fault = {
  status: 400,
  code: 'UnrecognizedClientException',
  message: 'The security token included in the request is invalid',
};

/** `Credential=AKID/DATE/REGION/SERVICE/aws4_request` from a SigV4 Authorization header. */
function credentialScope(authorization: string): { accessKeyId: string; region: string } | undefined {
  const match = /Credential=([^/\s,]+)\/\d{8}\/([^/\s,]+)\/[^/\s,]+\/aws4_request/.exec(authorization);
  return match ? { accessKeyId: match[1]!, region: match[2]! } : undefined;
}

function flatHeaders(request: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The request as recorded, or undefined when it is for none of ACM, CloudFront and IAM. */
async function recordOf(request: IncomingMessage): Promise<RecordedRequest | undefined> {
  const body = await readBody(request);
  const path = request.url ?? '/';
  const pathname = new URL(path, 'http://fake').pathname;
  const method = request.method ?? 'GET';
  const headers = flatHeaders(request);
  const target = headers['x-amz-target'];
  const region = credentialScope(headers.authorization ?? '')?.region ?? '';
  if (target)
    return { service: 'acm', operation: acmOperation(target) ?? target, region, method, path, headers, body };
  const iam = iamParams(method, pathname, headers, body);
  if (iam) return { service: 'iam', operation: iam.get('Action')!, region, method, path, headers, body };
  if (!pathname.startsWith('/2020-05-31/')) return undefined;
  const operation = routeCloudFront(method, pathname)?.operation ?? `${method} ${pathname}`;
  return { service: 'cloudfront', operation, region, method, path, headers, body };
}

function accessKeyIdOf(headers: Record<string, string>): string | undefined {
  return credentialScope(headers.authorization ?? '')?.accessKeyId;
}

class FaultQueues {
  private readonly queues = new Map<string, QueuedFault[]>();

  constructor(initial: Record<string, QueuedFault[]> = {}) {
    // Copied, so using up faults never edits the caller's spec.
    for (const [operation, faults] of Object.entries(initial)) this.queues.set(operation, [...faults]);
  }

  add(operation: string, fault: QueuedFault): void {
    this.queues.set(operation, [...(this.queues.get(operation) ?? []), fault]);
  }

  /** The fault this call meets, if any: the head of the queue, kept when `always`. */
  take(operation: string): Fault | undefined {
    const queue = this.queues.get(operation);
    const head = queue?.[0];
    if (!head) return undefined;
    if (!head.always) queue.shift();
    return head;
  }
}

export async function startFakeAws(spec: FakeAccountSpec): Promise<FakeAws> {
  const requests: RecordedRequest[] = [];
  const faults = new FaultQueues(spec.faults);
  const acceptedKeys = new Set([FAKE_ACCESS_KEY_ID, ...(spec.extraAccessKeyIds ?? [])]);
  const expiredKeys = new Set(spec.expiredAccessKeyIds ?? []);
  let requestCount = 0;

  /** The answer to one request, or 'drop' to close the connection without one. */
  async function answer(
    request: IncomingMessage,
    record: RecordedRequest,
    requestId: string,
  ): Promise<Answer | 'drop'> {
    const { service, operation, method } = record;
    const url = new URL(request.url ?? '/', 'http://fake');
    const route = service === 'cloudfront' ? routeCloudFront(method, url.pathname) : undefined;
    const errorAnswer = (fault: Fault) =>
      service === 'acm'
        ? acmError(fault)
        : service === 'iam'
          ? iamError(fault, requestId)
          : cloudFrontError(fault, requestId);

    const refusal = authFault(service, record.headers.authorization, accessKeyIdOf(record.headers));
    if (refusal) return errorAnswer(refusal);
    if (service === 'acm' && spec.disabledRegions?.includes(record.region))
      return errorAnswer(DISABLED_REGION_FAULT);

    const fault = faults.take(operation);
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault?.dropConnection) return 'drop';
    // A fault below 400 only delays the call (slow network); it is then served as usual.
    if (fault && fault.status >= 400) return errorAnswer(fault);

    try {
      if (service === 'acm') return runAcm(operation, record.body, record.region, spec);
      if (service === 'iam') return runIam(new URLSearchParams(record.body), spec, requestId);
      if (!route) {
        throw new FaultAnswer({
          status: 400,
          code: 'InvalidRequest',
          // The path is not echoed: whatever a request carries stays out of the answers.
          message: `fake-aws does not implement this ${method} path`,
        });
      }
      return route.run({ method, path: url.pathname, query: url.searchParams, body: record.body }, spec);
    } catch (error) {
      if (!(error instanceof FaultAnswer)) throw error;
      return errorAnswer(error.fault);
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = `fake-${String(++requestCount).padStart(6, '0')}`;
    const record = await recordOf(request);
    if (!record) {
      write(
        response,
        { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not an AWS API path' },
        requestId,
      );
      return;
    }
    requests.push(record);
    const result = await answer(request, record, requestId);
    if (result === 'drop') {
      request.socket.destroy();
      return;
    }
    record.status = result.status;
    record.responseBody = result.body;
    write(response, result, requestId);
  }

  function authFault(service: Service, authorization: string | undefined, accessKeyId: string | undefined) {
    // The SDK always signs; the signature itself is not checked (the fake has no clock or keys to).
    if (!authorization || !accessKeyId) return AUTH_FAULTS[service].missing;
    if (expiredKeys.has(accessKeyId)) return AUTH_FAULTS[service].expired;
    if (!acceptedKeys.has(accessKeyId)) return AUTH_FAULTS[service].invalid;
    return undefined;
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // A bug in the fake: answer 500 (the SDK retries, then reports it) without echoing the request.
      const message = error instanceof Error ? error.message : String(error);
      write(
        response,
        { status: 500, headers: { 'content-type': 'text/plain' }, body: `fake-aws: ${message}` },
        'fake-error',
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    env: fakeAwsEnv(url),
    requests,
    queueFault: (operation, fault) => faults.add(operation, fault),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps connections alive; close them so close() does not wait for their timeout.
        server.closeAllConnections();
      }),
  };
}

function write(response: ServerResponse, answer: Answer, requestId: string): void {
  if (response.headersSent) return;
  response.writeHead(answer.status, {
    ...answer.headers,
    'content-length': Buffer.byteLength(answer.body),
    'x-amzn-requestid': requestId,
    'x-amz-request-id': requestId,
  });
  response.end(answer.body);
}

/** What the SDK needs to reach the fake with the fake's credentials, and nothing of this machine's. */
export function fakeAwsEnv(url: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_ACM: url,
    AWS_ENDPOINT_URL_CLOUDFRONT: url,
    AWS_ENDPOINT_URL_IAM: url,
    AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: FAKE_SECRET,
    AWS_SESSION_TOKEN: FAKE_SESSION_TOKEN,
    AWS_REGION: 'us-east-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
}

/**
 * An environment for a child process: `base` without any AWS_* variable of this machine (an
 * `AWS_PROFILE` would make the SDK skip the fake's keys), plus the fake's.
 */
export function childEnv(fake: FakeAws, base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && !name.startsWith('AWS_')) out[name] = value;
  }
  return { ...out, ...fake.env };
}
