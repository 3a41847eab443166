/**
 * expiry() on live endpoints: a real TLS server on loopback choosing its certificate by SNI. The
 * chain it sends is tracked like a file's, and the same certificate in a file and on the wire is
 * one entry with both places.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expiry } from '../../src/expiry/expiry.js';
import { type Running, site, tlsServer } from '../probe/servers.js';
import { createCertificate, serverLeaf } from '../support/cert-factory.js';
import { spawnCertgate } from '../support/spawn-cli.js';

const root = createCertificate({ subject: 'CN=Edge Root', ca: true });
const intermediate = createCertificate({
  subject: 'CN=Edge Intermediate',
  issuer: root,
  ca: true,
  pathLen: 0,
});
const leaf = (name: string, notAfter: string) => serverLeaf(name, intermediate, '2026-09-01Z', notAfter);
const www = leaf('www.example.test', '2026-11-30Z'); // 90 days: 9 days left at AT, a warning
const api = leaf('api.example.test', '2027-03-01Z');
const AT = new Date('2026-11-21T00:00:00Z');

const dir = mkdtempSync(join(tmpdir(), 'certgate-expiry-edge-'));
let edge: Running;
let closedPort: number;
beforeAll(async () => {
  edge = await tlsServer([
    site(['www.example.test'], www, intermediate),
    site(['api.example.test'], api, intermediate),
  ]);
  // a port nothing listens on: bind, note it, close
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});
afterAll(async () => {
  await edge.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the chain each endpoint serves is tracked; a certificate also in a file is one entry with both places', async () => {
  const file = join(dir, 'www.pem');
  writeFileSync(file, www.pem + intermediate.pem);
  const results = await expiry({
    paths: [file],
    targets: [
      `www.example.test:${edge.port}`,
      `api.example.test:${edge.port}`,
      `down.example.test:${closedPort}`,
    ],
    probe: { resolve: [`*:${edge.port}:127.0.0.1`, `*:${closedPort}:127.0.0.1`], timeoutMs: 5000 },
    at: AT,
    roots: root.pem,
  });
  const certs = results.filter((r) => r.subject.kind === 'certificate');
  expect(certs.map((r) => r.details?.name)).toEqual(['www.example.test', 'api.example.test']);
  expect(certs[0]!.details).toMatchObject({ level: 'warning', daysLeft: 9, chainVerified: true });
  expect(certs[0]!.details!.places).toEqual([
    { kind: 'file', path: file, index: 0 },
    { kind: 'endpoint', endpoint: `www.example.test:${edge.port} (127.0.0.1)`, index: 0 },
  ]);
  expect(certs[1]!.details!.places).toEqual([
    { kind: 'endpoint', endpoint: `api.example.test:${edge.port} (127.0.0.1)`, index: 0 },
  ]);
  // the intermediate came with the leaves: not tracked on its own
  expect(certs).toHaveLength(2);
  const down = results.find((r) => r.subject.kind === 'endpoint');
  expect(down?.findings.map((f) => f.code)).toEqual(['PROBE_CONNECTION_REFUSED']);
});

test('on the command line a host[:port] is an endpoint, a path is a path', async () => {
  const rootFile = join(dir, 'root.pem');
  writeFileSync(rootFile, root.pem);
  const targets = join(dir, 'edges.txt');
  writeFileSync(targets, `# edges\napi.example.test:${edge.port}\nnot a target\n`);
  const run = await spawnCertgate([
    'expiry',
    `www.example.test:${edge.port}`,
    '--targets',
    targets,
    '--resolve',
    `*:${edge.port}:127.0.0.1`,
    '--roots',
    rootFile,
    '--at',
    AT.toISOString(),
    '--format',
    'json',
    '--fail-on',
    'none',
  ]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout);
  expect(report.results.map((r: { subject: { kind: string } }) => r.subject.kind)).toEqual([
    'certificate',
    'certificate',
    'endpoint',
  ]);
  expect(report.results[2].findings[0].code).toBe('PROBE_BAD_TARGET');
  const missing = await spawnCertgate(['expiry', 'certs/missing.pem', '--at', AT.toISOString()]);
  expect(missing.code).toBe(1);
  expect(missing.stdout).toContain('EXPIRY_FILE_UNREADABLE: certs/missing.pem: no such file or directory');
  const none = await spawnCertgate(['expiry']);
  expect(none.code).toBe(2);
  expect(none.stderr).toMatch(/no certificates to track/);
});
