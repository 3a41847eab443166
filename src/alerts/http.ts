/**
 * The one way sinks talk to their services: POST a JSON body with node:http/node:https, a timer
 * per attempt that ends even a server that accepts and never answers, and retries with back-off
 * for what may pass (network errors, timeouts, 408, 429, 5xx), honouring `Retry-After`. Failures
 * become a {@link SinkError} naming the sink by its label: never the URL's path or query, which
 * hold the tokens of Slack and webhook URLs.
 */

import { request as httpRequest, type IncomingMessage, STATUS_CODES } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AbortSignalLike } from '../probe/types.js';
import type { SendOptions } from './types.js';

/** A delivery that failed for good: which sink, why, and after how many attempts. */
export class SinkError extends Error {
  /** The sink's label (`slack=env:SLACK_URL`). */
  readonly sink: string;
  /** Why the last attempt failed: `HTTP 503 Service Unavailable`, `no answer within 200 ms`, `ECONNREFUSED`, `aborted`. */
  readonly failure: string;
  /** The HTTP status of the last attempt, when there was one. */
  readonly status: number | undefined;
  readonly attempts: number;
  /**
   * The start of the last response's body (at most 200 characters), for debugging: kept out of
   * the message because a server may echo what it was sent.
   */
  readonly responseBody: string | undefined;

  constructor(sink: string, failure: string, attempts: number, status?: number, responseBody?: string) {
    super(`${sink}: ${failure} after ${attempts} attempt${attempts === 1 ? '' : 's'}`);
    this.name = 'SinkError';
    this.sink = sink;
    this.failure = failure;
    this.attempts = attempts;
    this.status = status;
    this.responseBody = responseBody;
  }
}

/** How hard to try; the defaults suit a CLI run from cron, tests pass small values. */
export interface RetryOptions {
  /** Attempts in all, at least 1; default 4. */
  readonly attempts?: number;
  /** The first back-off in ms, doubled after each attempt, with jitter; default 500. */
  readonly baseDelayMs?: number;
  /** The longest wait between attempts, `Retry-After` included; default 30 000. */
  readonly maxDelayMs?: number;
}

export interface PostOptions extends SendOptions, RetryOptions {
  /** The sink's label, for {@link SinkError}. */
  readonly label: string;
  /** Extra request headers (a signature); Content-Type, Content-Length, Accept are set. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as User-Agent; default `certgate`. */
  readonly userAgent?: string;
}

/** A response the service took (2xx). */
export interface PostResult {
  readonly status: number;
  /** Attempts made, 1 when the first was taken. */
  readonly attempts: number;
  /** The response body as text, at most {@link MAX_RESPONSE_BYTES} of it. */
  readonly body: string;
}

/** Responses are read up to this many bytes: the services answer in a few bytes, anything more is noise. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

const DEFAULTS = { attempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 } as const;

type Attempt =
  | { readonly ok: true; readonly status: number; readonly body: string }
  | {
      readonly ok: false;
      readonly retry: boolean;
      readonly failure: string;
      readonly status?: number;
      readonly body?: string;
      readonly retryAfterMs?: number;
    };

/** `Retry-After` as delay-seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Network errors by their code only: Node's messages name the host and port, sometimes more. */
function networkFailure(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code) ? code : 'network error';
}

function statusFailure(status: number): string {
  const text = STATUS_CODES[status];
  return text ? `HTTP ${status} ${text}` : `HTTP ${status}`;
}

const retryable = (status: number): boolean => status === 408 || status === 429 || status >= 500;

function attempt(
  url: URL,
  body: Buffer,
  headers: Record<string, string>,
  timeoutMs: number,
  signal: AbortSignalLike | undefined,
): Promise<Attempt> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Attempt): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      req.destroy();
      resolve(result);
    };
    const onResponse = (res: IncomingMessage): void => {
      const status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (): void => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (status >= 200 && status < 300) {
          finish({ ok: true, status, body: text });
          return;
        }
        const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
        finish({
          ok: false,
          retry: retryable(status),
          failure: statusFailure(status),
          status,
          body: text,
          ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        });
      };
      res.on('data', (chunk: Buffer) => {
        if (size < MAX_RESPONSE_BYTES) chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - size));
        size += chunk.length;
        // enough read: the status decides, the rest is not waited for
        if (size >= MAX_RESPONSE_BYTES) done();
      });
      res.on('end', done);
      // the status line and headers arrived; a body cut short does not change what they say
      res.on('error', done);
      res.on('close', done);
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let req: ReturnType<typeof httpRequest>;
    try {
      req = send(url, { method: 'POST', headers, agent: false }, onResponse);
    } catch (err) {
      // a header Node refuses: no attempt would go better
      resolve({ ok: false, retry: false, failure: networkFailure(err) });
      return;
    }
    req.on('error', (err) => finish({ ok: false, retry: true, failure: networkFailure(err) }));
    const timer = setTimeout(
      () => finish({ ok: false, retry: true, failure: `no answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
    const onAbort = (): void => finish({ ok: false, retry: false, failure: 'aborted' });
    signal?.addEventListener('abort', onAbort, { once: true });
    req.end(body);
  });
}

/** Waits `ms`; false when the signal ended the wait. */
function sleep(ms: number, signal: AbortSignalLike | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The wait after attempt `n` (1-based): base × 2^(n-1), the upper half of it jittered so runs spread. */
function backoff(n: number, baseDelayMs: number, maxDelayMs: number): number {
  const full = Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1));
  return full / 2 + Math.random() * (full / 2);
}

/**
 * POSTs `body` (JSON text, sent as is so a signature over it holds) to `url`, retrying what may
 * pass. Resolves on a 2xx with the attempts made; throws {@link SinkError} when every attempt
 * failed, on a status that retrying does not change (other 4xx, 3xx), or when `signal` aborts.
 */
export async function postJson(url: string, body: string, options: PostOptions): Promise<PostResult> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new SinkError(options.label, 'not a URL', 0);
  }
  const attempts = Math.max(1, Math.floor(options.attempts ?? DEFAULTS.attempts));
  const baseDelayMs = Math.max(0, options.baseDelayMs ?? DEFAULTS.baseDelayMs);
  const maxDelayMs = Math.max(0, options.maxDelayMs ?? DEFAULTS.maxDelayMs);
  const payload = Buffer.from(body, 'utf8');
  const headers: Record<string, string> = {
    ...options.headers,
    'Content-Type': 'application/json',
    'Content-Length': String(payload.length),
    Accept: 'application/json',
    'User-Agent': options.userAgent ?? 'certgate',
    Connection: 'close',
  };
  for (let n = 1; ; n++) {
    if (options.signal?.aborted) throw new SinkError(options.label, 'aborted', n - 1);
    const result = await attempt(target, payload, headers, options.timeoutMs, options.signal);
    if (result.ok) return { status: result.status, attempts: n, body: result.body };
    if (!result.retry || n >= attempts) {
      const snippet = result.body === undefined ? undefined : result.body.slice(0, 200);
      throw new SinkError(options.label, result.failure, n, result.status, snippet);
    }
    const wait =
      result.retryAfterMs === undefined
        ? backoff(n, baseDelayMs, maxDelayMs)
        : Math.min(result.retryAfterMs, maxDelayMs);
    if (!(await sleep(wait, options.signal))) throw new SinkError(options.label, 'aborted', n);
  }
}
