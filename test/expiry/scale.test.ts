/**
 * expiry() on 1,000 endpoints: the probe stays within `concurrency` open connections, an
 * endpoint that never answers costs `timeoutMs` and nothing more, and 990 names served the same
 * certificate are one entry with 990 places. Real TLS and TCP servers on loopback.
 */

import type { Socket } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expiry } from '../../src/expiry/expiry.js';
import { type Running, silentServer, site, tlsServer } from '../probe/servers.js';
import { createCertificate } from '../support/cert-factory.js';

const root = createCertificate({ subject: 'CN=Scale Root', ca: true });
const wildcard = createCertificate({
  subject: 'CN=*.scale.test',
  issuer: root,
  sans: ['dns:*.scale.test'],
  keyUsage: ['digitalSignature'],
  eku: ['serverAuth'],
  notBefore: new Date('2026-09-01Z'),
  notAfter: new Date('2027-01-01Z'),
});
const AT = new Date('2026-11-21T00:00:00Z');
const SERVED = 990;
const SILENT = 10;
const CONCURRENCY = 16;
const TIMEOUT_MS = 400;

let edge: Running;
let silent: Running;
let open = 0;
let maxOpen = 0;
/** Counts the connections open on a server at once, as the kernel delivered them. */
function watch(running: Running): void {
  running.server.on('connection', (s: Socket) => {
    open++;
    maxOpen = Math.max(maxOpen, open);
    s.on('close', () => open--);
  });
}

beforeAll(async () => {
  edge = await tlsServer([site(['*.scale.test'], wildcard)]);
  silent = await silentServer();
  watch(edge);
  watch(silent);
});
afterAll(async () => {
  await edge.close();
  await silent.close();
});

test('1,000 endpoints: bounded by --concurrency, silent ones end at --timeout, one entry per certificate', async () => {
  const targets = [
    ...Array.from({ length: SERVED }, (_, i) => `n${i}.scale.test:${edge.port}`),
    ...Array.from({ length: SILENT }, (_, i) => `quiet${i}.scale.test:${silent.port}`),
  ];
  const results = await expiry({
    paths: [],
    targets,
    probe: {
      resolve: [`*:${edge.port}:127.0.0.1`, `*:${silent.port}:127.0.0.1`],
      timeoutMs: TIMEOUT_MS,
      concurrency: CONCURRENCY,
    },
    at: AT,
    roots: root.pem,
  });

  expect(maxOpen).toBeGreaterThan(1); // probed in parallel...
  expect(maxOpen).toBeLessThanOrEqual(CONCURRENCY); // ...and never more at once than asked

  const certs = results.filter((r) => r.subject.kind === 'certificate');
  expect(certs).toHaveLength(1);
  expect(certs[0]!.details).toMatchObject({ daysLeft: 41, chainVerified: true });
  expect(certs[0]!.details!.places).toHaveLength(SERVED);

  const unanswered = results.filter((r) => r.subject.kind === 'endpoint');
  expect(unanswered).toHaveLength(SILENT);
  for (const r of unanswered) expect(r.findings.map((f) => f.code)).toEqual(['PROBE_TIMEOUT']);
}, 120_000);
