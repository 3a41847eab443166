/**
 * A real Prometheus on loopback (Debian's `prometheus` package; .ci/run installs it), scraping
 * the targets it is given every second, with an optional rule file evaluated every second. The
 * tests read what it stored through its HTTP API, as a dashboard or a rule would.
 */

import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDaemon } from './daemon.js';

export interface TestPrometheus {
  readonly url: string;
  /** An instant query; the result vector as Prometheus gives it. */
  query(expr: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]>;
  /** Polls `query` until `accept` says yes, or fails after `timeoutMs` with the last answer. */
  waitFor(
    expr: string,
    accept: (result: { metric: Record<string, string>; value: [number, string] }[]) => boolean,
    timeoutMs?: number,
  ): Promise<{ metric: Record<string, string>; value: [number, string] }[]>;
  /** The rule groups as `/api/v1/rules` reports them. */
  rules(): Promise<{ name: string; rules: { name: string; health: string; lastError?: string }[] }[]>;
  close(): Promise<void>;
}

/** A TCP port free right now on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts Prometheus scraping `targets` (`127.0.0.1:PORT`) as job `certgate`; resolves once ready. */
export async function startPrometheus(
  targets: readonly string[],
  options: { ruleFile?: string } = {},
): Promise<TestPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'certgate-prometheus-'));
  const port = await freePort();
  const config = [
    'global:',
    '  scrape_interval: 1s',
    '  evaluation_interval: 1s',
    ...(options.ruleFile ? ['rule_files:', `  - ${JSON.stringify(options.ruleFile)}`] : []),
    'scrape_configs:',
    '  - job_name: certgate',
    '    static_configs:',
    `      - targets: [${targets.map((t) => JSON.stringify(t)).join(', ')}]`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'prometheus.yml'), config);
  const { url, close } = await startDaemon(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    `http://127.0.0.1:${port}`,
    dir,
  );
  const query: TestPrometheus['query'] = async (expr) => {
    const r = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`);
    const body = (await r.json()) as { status: string; error?: string; data?: { result: unknown } };
    if (body.status !== 'success') throw new Error(`query ${expr}: ${body.error}`);
    return body.data!.result as Awaited<ReturnType<TestPrometheus['query']>>;
  };
  return {
    url,
    query,
    async waitFor(expr, accept, timeoutMs = 20_000) {
      const end = Date.now() + timeoutMs;
      let last = await query(expr);
      while (!accept(last)) {
        if (Date.now() > end)
          throw new Error(`timed out waiting on ${expr}; last answer: ${JSON.stringify(last)}`);
        await new Promise((r) => setTimeout(r, 250));
        last = await query(expr);
      }
      return last;
    },
    async rules() {
      const r = await fetch(`${url}/api/v1/rules`);
      const body = (await r.json()) as { data: { groups: Awaited<ReturnType<TestPrometheus['rules']>> } };
      return body.data.groups;
    },
    close,
  };
}
