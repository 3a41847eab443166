/**
 * `certgate expiry ... --serve [ADDR:]PORT`: scan, serve `/metrics`, wait the interval (jittered,
 * so many exporters started together do not scan together), scan again. Scans never overlap; a
 * scrape is answered from the last scan's text, so a slow or failing scan never fails a scrape.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AbortSignalLike } from '../probe/types.js';
import type { ListenAddress } from './listen.js';
import { type ExporterState, processMetrics, type ScanOutcome, type ScanSummary } from './state.js';

/** The exposition format's content type (text format 0.0.4). */
const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface ExporterOptions {
  readonly listen: ListenAddress;
  /** Between the end of a scan and the start of the next, before jitter, in ms. */
  readonly intervalMs: number;
  /** The share of the interval the wait varies by, either way (default 0.1). */
  readonly jitter?: number;
  /** One scan. Its errors are the exporter's: a scan that throws counts as failing every source. */
  readonly scan: (signal: AbortSignalLike) => Promise<ScanOutcome>;
  readonly state: ExporterState;
  /** Told of each scan's outcome (for the log). */
  readonly onScan?: (summary: ScanSummary) => void;
  /** Told of a scan that threw. */
  readonly onScanError?: (error: unknown) => void;
  /** Stops the exporter: the scan in progress is aborted, the server closed. */
  readonly signal?: AbortSignalLike;
  /** Random in [0, 1): injectable so tests can pin the jitter. */
  readonly random?: () => number;
}

/** A running exporter. */
export interface RunningExporter {
  /** The address bound (the port is the real one when 0 was asked for). */
  readonly address: { readonly address: string; readonly port: number; readonly family: string };
  /** Resolves when the first scan is applied. */
  readonly firstScan: Promise<void>;
  /** Resolves when the exporter has stopped (signal aborted, or close()). */
  readonly stopped: Promise<void>;
  close(): Promise<void>;
}

/** The wait before the next scan: the interval, moved up to `jitter` of itself either way. */
export function jitteredDelay(intervalMs: number, jitter: number, random: () => number): number {
  return Math.max(0, Math.round(intervalMs * (1 + jitter * (2 * random() - 1))));
}

/**
 * Starts the server and the scan loop.
 *
 * @throws when the address cannot be bound (in use, not permitted): the caller names it
 */
export async function startExporter(options: ExporterOptions): Promise<RunningExporter> {
  const startedAt = Date.now() - process.uptime() * 1000;
  const { state } = options;
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let lastScanEnd = Date.now();
  let scanning = false;
  /** The last scan's text, gzipped (built on the first scrape that asks for it). */
  let gzipped: { readonly text: string; readonly bytes: Buffer } | undefined;

  const server = createServer((req, res) => answer(req, res));
  function answer(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('method not allowed\n');
      return;
    }
    if (path === '/metrics') {
      const live = processMetrics(startedAt, process.memoryUsage.rss());
      // Prometheus asks for gzip; 10,000 certificates are ~18 MB of text. The scan's part is
      // compressed once per scan and the live part per scrape: two gzip members, one stream
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        if (gzipped?.text !== state.text) gzipped = { text: state.text, bytes: gzipSync(state.text) };
        const body = Buffer.concat([gzipped.bytes, gzipSync(live)]);
        res.writeHead(200, {
          'Content-Type': CONTENT_TYPE,
          'Content-Encoding': 'gzip',
          'Content-Length': body.length,
          Vary: 'Accept-Encoding',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      const body = state.text + live;
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPE,
        'Content-Length': Buffer.byteLength(body),
        Vary: 'Accept-Encoding',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    if (path === '/healthz') {
      // alive while scans keep coming: a loop stuck for three intervals is not healthy
      const stuck = Date.now() - lastScanEnd > 3 * options.intervalMs + 60_000 && scanning;
      res.writeHead(stuck ? 503 : 200, { 'Content-Type': 'text/plain' });
      res.end(req.method === 'HEAD' ? undefined : stuck ? 'scan stuck\n' : 'ok\n');
      return;
    }
    if (path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<html><body><h1>certgate exporter</h1><p><a href="/metrics">/metrics</a></p></body></html>\n');
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
  }

  await listen(server, options.listen);
  let timer: NodeJS.Timeout | undefined;
  let markFirst: () => void = () => {};
  const firstScan = new Promise<void>((resolve) => {
    markFirst = resolve;
  });
  let markStopped: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    markStopped = resolve;
  });

  const random = options.random ?? Math.random;
  const loop = async (): Promise<void> => {
    if (stop.signal.aborted) return;
    scanning = true;
    try {
      // not inside `onScan?.(...)`: an optional call skips its arguments when there is no callback
      const summary = state.apply(await options.scan(stop.signal));
      options.onScan?.(summary);
    } catch (e) {
      if (!stop.signal.aborted) {
        state.failAll(e instanceof Error ? e.message : String(e));
        options.onScanError?.(e);
      }
    } finally {
      scanning = false;
      lastScanEnd = Date.now();
      markFirst();
    }
    if (stop.signal.aborted) return;
    timer = setTimeout(loop, jitteredDelay(options.intervalMs, options.jitter ?? 0.1, random));
  };
  void loop();

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      stop.abort();
      options.signal?.removeEventListener('abort', onAbort);
      if (timer) clearTimeout(timer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      markFirst();
      markStopped();
    })();
    return closing;
  };
  stop.signal.addEventListener('abort', () => void close(), { once: true });
  const bound = server.address() as { address: string; port: number; family: string };
  return { address: bound, firstScan, stopped, close };
}

function listen(server: Server, at: ListenAddress): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(at.port, at.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
