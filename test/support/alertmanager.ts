/**
 * A real Alertmanager on loopback (Debian's `prometheus-alertmanager`; .ci/run installs it),
 * clustering off, routing everything to a receiver that sends nowhere: the tests push alerts to
 * its API v2 and read them back, as Prometheus and amtool do.
 */

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDaemon } from './daemon.js';
import { freePort } from './prometheus.js';

/** An alert as GET /api/v2/alerts gives it. */
export interface StoredAlert {
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly status: { readonly state: string };
}

export interface TestAlertmanager {
  readonly url: string;
  /** The alerts it holds, filtered as the API's query string says (`?active=true`). */
  alerts(query?: string): Promise<StoredAlert[]>;
  close(): Promise<void>;
}

export async function startAlertmanager(): Promise<TestAlertmanager> {
  const dir = mkdtempSync(join(tmpdir(), 'certgate-alertmanager-'));
  const port = await freePort();
  writeFileSync(
    join(dir, 'alertmanager.yml'),
    ['route:', '  receiver: nowhere', '  group_wait: 1s', 'receivers:', '  - name: nowhere', ''].join('\n'),
  );
  const { url, close } = await startDaemon(
    'prometheus-alertmanager',
    [
      `--config.file=${join(dir, 'alertmanager.yml')}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    `http://127.0.0.1:${port}`,
    dir,
  );
  return {
    url,
    async alerts(query = '') {
      const r = await fetch(`${url}/api/v2/alerts${query}`);
      return (await r.json()) as StoredAlert[];
    },
    close,
  };
}
