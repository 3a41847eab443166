/** Access to the x509-limbo vectors in `test/conformance/limbo.json` for tests. */

import { readFileSync } from 'node:fs';

/** The fields of a limbo test case the tests read. */
export interface LimboCase {
  readonly id: string;
  readonly expected_result: 'SUCCESS' | 'FAILURE';
  readonly trusted_certs: readonly string[];
  readonly untrusted_intermediates: readonly string[];
  readonly peer_certificate: string;
}

let cached: readonly LimboCase[] | undefined;

/** Every limbo test case (the file is parsed once per test file). */
export function limboCases(): readonly LimboCase[] {
  cached ??= (
    JSON.parse(readFileSync(new URL('../conformance/limbo.json', import.meta.url), 'utf8')) as {
      testcases: LimboCase[];
    }
  ).testcases;
  return cached;
}

/** Every distinct certificate PEM in limbo, with the ids of the cases that use it. */
export function limboCertificates(): { pem: string; ids: string[] }[] {
  const byPem = new Map<string, string[]>();
  for (const t of limboCases()) {
    for (const pem of [...t.trusted_certs, ...t.untrusted_intermediates, t.peer_certificate]) {
      const ids = byPem.get(pem) ?? [];
      ids.push(t.id);
      byPem.set(pem, ids);
    }
  }
  return [...byPem].map(([pem, ids]) => ({ pem, ids }));
}
