/**
 * A loopback HTTP receiver for the sink tests: records every request (method, path, headers, raw
 * and parsed body) and answers from a script, one reply per request, the last repeated. A reply
 * may be `'silent'`: the request is read and never answered, for the timeout tests.
 */

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const HOST = '127.0.0.1';

export interface Recorded {
  readonly method: string;
  /** Path and query as sent. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly raw: string;
  /** The body parsed as JSON; undefined when it is not JSON. */
  readonly json: unknown;
  /** When it arrived (ms since the receiver started). */
  readonly at: number;
}

export type Reply =
  | { readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly body?: string }
  | 'silent';

export interface Receiver {
  readonly port: number;
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly requests: Recorded[];
  close(): Promise<void>;
}

const OK: Reply = { status: 200, body: '{"status":"success"}' };

export async function startReceiver(script: readonly Reply[] = [OK]): Promise<Receiver> {
  const requests: Recorded[] = [];
  const started = Date.now();
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        json = undefined;
      }
      const reply = script[Math.min(requests.length, script.length - 1)] ?? OK;
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        raw,
        json,
        at: Date.now() - started,
      });
      if (reply === 'silent') return;
      res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
      res.end(reply.body ?? '');
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://${HOST}:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Receivers started by one test file, each closed after its test: `const start = receiverPool();`
 * then `await start(script)` in a test.
 */
export function receiverPool(
  afterEachHook: (fn: () => Promise<void>) => void,
): (script?: readonly Reply[]) => Promise<Receiver> {
  const open: Receiver[] = [];
  afterEachHook(async () => {
    await Promise.all(open.splice(0).map((r) => r.close()));
  });
  return async (script) => {
    const r = await startReceiver(script);
    open.push(r);
    return r;
  };
}
