/**
 * `probe()` against real servers on 127.0.0.1: an SNI-aware TLS server with the tests' own CA,
 * and one server per fault. Each fault must become its PROBE_* finding on its own target while
 * the other targets of the same run still pass.
 */

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { nodeProber, type ProbeResult, type Prober, probe, probeExitCode } from '../../src/probe/index.js';
import { AT, certs, fingerprint } from './fixtures.js';
import {
  alertServer,
  closeServer,
  garbageServer,
  HOST,
  httpServer,
  type Running,
  refusedPort,
  resetServer,
  silentServer,
  site,
  tlsServer,
} from './servers.js';

const { root, intermediate, a, b, expired, foreign, foreignIntermediate } = certs;
const codes = (r: ProbeResult | undefined) => (r?.findings ?? []).map((f) => f.code);
const byHost = (results: readonly ProbeResult[], host: string) =>
  results.find((r) => r.details.host === host);

let edge: Running;
const faults: Record<string, Running> = {};
let refused: number;
const running: Running[] = [];

beforeAll(async () => {
  edge = await tlsServer(
    [
      site(['a.example.test'], a, intermediate),
      site(['b.example.test', 'www.b.example.test'], b, intermediate),
      site(['expired.example.test'], expired, intermediate),
      site(['foreign.example.test'], foreign, foreignIntermediate),
    ],
    { alpn: ['h2', 'http/1.1'] },
  );
  faults.reset = await resetServer();
  faults.closed = await closeServer();
  faults.garbage = await garbageServer();
  faults.silent = await silentServer();
  faults.http = await httpServer();
  faults.alert = await alertServer();
  refused = await refusedPort();
  running.push(edge, ...Object.values(faults));
});

afterAll(async () => {
  await Promise.all(running.map((s) => s.close()));
});

/** Options every test shares: the test CA only, a fixed time, loopback for every port used. */
const base = () => ({
  roots: [root.pem],
  at: AT,
  resolve: [edge, ...Object.values(faults)].map((s) => `*:${s.port}:${HOST}`).concat(`*:${refused}:${HOST}`),
});

describe('faults are findings on their own target', () => {
  test('one run: refused, timeout, reset, closed, not TLS (garbage, HTTP), alert; the good targets still pass', async () => {
    const results = await probe(
      [
        `a.example.test:${edge.port}`,
        `refused.example.test:${refused}`,
        `silent.example.test:${faults.silent!.port}`,
        `reset.example.test:${faults.reset!.port}`,
        `closed.example.test:${faults.closed!.port}`,
        `garbage.example.test:${faults.garbage!.port}`,
        `http.example.test:${faults.http!.port}`,
        `alert.example.test:${faults.alert!.port}`,
        `www.b.example.test:${edge.port}`,
      ],
      { ...base(), timeoutMs: 400 },
    );
    expect(results.map((r) => [r.details.host, codes(r)])).toEqual([
      ['a.example.test', []],
      ['refused.example.test', ['PROBE_CONNECTION_REFUSED']],
      ['silent.example.test', ['PROBE_TIMEOUT']],
      ['reset.example.test', ['PROBE_RESET']],
      ['closed.example.test', ['PROBE_RESET']],
      ['garbage.example.test', ['PROBE_NOT_TLS']],
      ['http.example.test', ['PROBE_NOT_TLS']],
      ['alert.example.test', ['PROBE_TLS_ALERT']],
      ['www.b.example.test', []],
    ]);
    const find = (host: string) => byHost(results, host)!;
    expect(find('silent.example.test').findings[0]!.args).toMatchObject({
      phase: 'handshake',
      timeoutMs: 400,
    });
    expect(find('reset.example.test').findings[0]!.args.how).toBe('reset');
    expect(find('closed.example.test').findings[0]!.args.how).toBe('closed');
    expect(find('alert.example.test').findings[0]!.args).toMatchObject({
      alert: 'unrecognized_name',
      alertNumber: 112,
    });
    expect(find('alert.example.test').details.failure).toMatchObject({ kind: 'alert', phase: 'handshake' });
    expect(find('refused.example.test').details.failure).toMatchObject({ kind: 'refused', phase: 'connect' });
    for (const r of results)
      expect(r.findings.every((f) => f.location.source.endsWith(`:${r.details.port}`))).toBe(true);
  });

  test('the ok result carries what was negotiated and served, as sent', async () => {
    const [r] = await probe([`www.b.example.test:${edge.port}`], base());
    expect(r!.subject).toEqual({
      kind: 'endpoint',
      id: `www.b.example.test:${edge.port} (127.0.0.1)`,
      source: 'argv',
    });
    const d = r!.details;
    expect(d).toMatchObject({
      handshake: 'ok',
      sni: 'www.b.example.test',
      address: '127.0.0.1',
      addressFrom: 'resolve',
      protocol: 'TLSv1.3',
      alpn: 'h2',
      ocspStapled: false,
      verify: { verdict: 'pass', matchedName: 'www.b.example.test', trustStore: 'custom' },
    });
    expect(d.chain!.map((c) => c.subject)).toEqual([
      'CN=b.example.test',
      'CN=certgate test intermediate,O=certgate',
    ]);
    expect(d.chain![0]!.sha256).toBe(fingerprint(b));
    expect(d.chain![0]!.sans).toEqual(['b.example.test', 'www.b.example.test']);
    expect(d.timings.connectMs).toBeGreaterThanOrEqual(0);
    expect(d.timings.tlsMs).toBeGreaterThan(0);
  });

  test('a server that sends its chain out of order: the order as sent, and a warning', async () => {
    const server = await tlsServer([
      { names: ['a.example.test'], chain: [a, root, intermediate], key: a.key },
    ]);
    try {
      const [r] = await probe([`a.example.test:${server.port}`], {
        ...base(),
        resolve: [`*:${server.port}:${HOST}`],
      });
      expect(r!.details.chain!.map((c) => c.subject)).toEqual([
        'CN=a.example.test',
        'CN=certgate test root,O=certgate',
        'CN=certgate test intermediate,O=certgate',
      ]);
      expect(codes(r)).toEqual(['PROBE_CHAIN_OUT_OF_ORDER']);
      expect(r!.details.verify!.verdict).toBe('pass');
    } finally {
      await server.close();
    }
  });
});

describe('the chain and the name go through verify', () => {
  test('expired leaf, wrong name, unknown issuer: the engine findings on their targets', async () => {
    const results = await probe(
      [
        `expired.example.test:${edge.port}`,
        `nobody.example.test:${edge.port}`, // gets the default certificate (a.example.test)
        `foreign.example.test:${edge.port}`,
        `a.example.test:${edge.port}`,
      ],
      base(),
    );
    expect(results.map(codes)).toEqual([['CERT_EXPIRED'], ['NAME_MISMATCH'], ['PATH_UNKNOWN_ISSUER'], []]);
    expect(results[1]!.findings[0]!.args.reference).toBe('nobody.example.test');
    expect(results[2]!.findings[0]!.location.source).toBe(`foreign.example.test:${edge.port}`);
  });

  test('--add-roots on top of the Mozilla roots; without the test root the chain is untrusted', async () => {
    const { roots: _, ...rest } = base();
    const [trusted, untrusted] = await Promise.all([
      probe([`a.example.test:${edge.port}`], { ...rest, addRoots: [root.pem] }),
      probe([`a.example.test:${edge.port}`], rest),
    ]);
    expect(codes(trusted[0])).toEqual([]);
    expect(trusted[0]!.details.verify!.trustStore).toBe('mozilla');
    expect(codes(untrusted[0])).toEqual(['PATH_UNKNOWN_ISSUER']);
  });
});

describe('SNI', () => {
  test('--sni sends that name to an address and checks the certificate for it', async () => {
    const [r] = await probe([`127.0.0.1:${edge.port}`], { ...base(), sni: 'b.example.test' });
    expect(r!.details.sni).toBe('b.example.test');
    expect(r!.details.chain![0]!.subject).toBe('CN=b.example.test');
    expect(codes(r)).toEqual([]);
  });

  test('an IP target sends no SNI and is checked as an IP address', async () => {
    const [r] = await probe([`127.0.0.1:${edge.port}`], base());
    expect(r!.details).toMatchObject({ sni: null, addressFrom: 'literal' });
    expect(codes(r)).toEqual(['NAME_MISMATCH']);
    expect(r!.findings[0]!.args).toMatchObject({ referenceType: 'ip', reference: '127.0.0.1' });
  });

  test('--no-sni: what a client without SNI gets (here the default certificate)', async () => {
    const [r] = await probe([`b.example.test:${edge.port}`], { ...base(), noSni: true });
    expect(r!.details.sni).toBeNull();
    expect(r!.details.chain![0]!.subject).toBe('CN=a.example.test');
    expect(codes(r)).toEqual(['NAME_MISMATCH']);
  });

  test('a server that drops unknown names (a Node SNICallback error) is a reset, not a crash', async () => {
    const strict = await tlsServer([site(['a.example.test'], a, intermediate)], { strictSni: true });
    try {
      const results = await probe([`a.example.test:${strict.port}`, `zzz.example.test:${strict.port}`], {
        ...base(),
        resolve: [`*:${strict.port}:${HOST}`],
      });
      expect(results.map(codes)).toEqual([[], ['PROBE_RESET']]);
    } finally {
      await strict.close();
    }
  });
});

describe('--expect', () => {
  const target = () => [`b.example.test:${edge.port}`];
  test('a SHA-256 fingerprint: matching passes, another one is a mismatch', async () => {
    const [ok] = await probe(target(), {
      ...base(),
      expect: { kind: 'fingerprint', sha256: fingerprint(b) },
    });
    expect(codes(ok)).toEqual([]);
    const [bad] = await probe(target(), {
      ...base(),
      expect: { kind: 'fingerprint', sha256: fingerprint(a).toLowerCase() },
    });
    expect(codes(bad)).toEqual(['PROBE_EXPECTATION_MISMATCH']);
    expect(bad!.findings[0]!.args).toMatchObject({
      aspect: 'fingerprint',
      servedSubject: 'CN=b.example.test',
    });
  });

  test('a certificate (PEM): the served leaf must be it', async () => {
    const [ok] = await probe(target(), { ...base(), expect: { kind: 'certificate', certificate: b.pem } });
    expect(codes(ok)).toEqual([]);
    const [bad] = await probe(target(), {
      ...base(),
      expect: { kind: 'certificate', certificate: a.pem + intermediate.pem },
    });
    expect(codes(bad)).toEqual(['PROBE_EXPECTATION_MISMATCH']);
  });

  test('evidence (an ACM ARN): SAN set and validity must match', async () => {
    const arn = 'arn:aws:acm:us-east-1:111122223333:certificate/11111111-2222-3333-4444-555555555555';
    const sameDates = {
      notBefore: new Date('2024-01-01T00:00:00Z'),
      notAfter: new Date('2034-01-01T00:00:00Z'),
    };
    const [ok] = await probe(target(), {
      ...base(),
      expect: { kind: 'evidence', label: arn, sans: ['WWW.b.example.test', 'b.example.test'], ...sameDates },
    });
    expect(codes(ok)).toEqual([]);
    const [bad] = await probe(target(), {
      ...base(),
      expect: {
        kind: 'evidence',
        label: arn,
        sans: ['b.example.test', 'new.b.example.test'],
        notBefore: sameDates.notBefore,
        notAfter: new Date('2035-01-01T00:00:00Z'),
      },
    });
    expect(bad!.findings.map((f) => [f.code, f.args.aspect])).toEqual([
      ['PROBE_EXPECTATION_MISMATCH', 'sans'],
      ['PROBE_EXPECTATION_MISMATCH', 'validity'],
    ]);
    expect(bad!.findings[0]!.args).toMatchObject({
      missing: ['new.b.example.test'],
      extra: ['www.b.example.test'],
    });
  });
});

describe('--policy (CloudFront security policies, rulebook §3.5)', () => {
  test('a server accepting TLS 1.0-1.3 fails TLSv1.2_2021 for TLS 1.0 and 1.1 and passes TLSv1', async () => {
    const legacy = await tlsServer([site(['a.example.test'], a, intermediate)], { minVersion: 'TLSv1' });
    try {
      const opts = { ...base(), resolve: [`*:${legacy.port}:${HOST}`] };
      const [strict] = await probe([`a.example.test:${legacy.port}`], { ...opts, policy: 'TLSv1.2_2021' });
      expect(strict!.findings.map((f) => [f.code, f.args.protocol ?? f.args.protocols])).toEqual([
        ['PROBE_PROTOCOL_BELOW_POLICY', 'TLSv1.1'],
        ['PROBE_PROTOCOL_BELOW_POLICY', 'TLSv1'],
        ['PROBE_POLICY_UNTESTED', ['SSLv3']],
      ]);
      expect(strict!.details.policy!.probes.map((p) => [p.version, p.allowed, p.accepted])).toEqual([
        ['TLSv1.3', true, true],
        ['TLSv1.2', true, true],
        ['TLSv1.1', false, true],
        ['TLSv1', false, true],
      ]);
      const [loose] = await probe([`a.example.test:${legacy.port}`], { ...opts, policy: 'TLSv1' });
      expect(codes(loose)).toEqual(['PROBE_POLICY_UNTESTED']);
    } finally {
      await legacy.close();
    }
  });

  test('TLS 1.3 only: refusing TLS 1.2 is a warning under TLSv1.2_2021 and right under TLSv1.3_2025', async () => {
    const modern = await tlsServer([site(['a.example.test'], a, intermediate)], { minVersion: 'TLSv1.3' });
    try {
      const opts = { ...base(), resolve: [`*:${modern.port}:${HOST}`] };
      const [r2021] = await probe([`a.example.test:${modern.port}`], { ...opts, policy: 'TLSv1.2_2021' });
      expect(codes(r2021)).toEqual(['PROBE_POLICY_PROTOCOL_REFUSED', 'PROBE_POLICY_UNTESTED']);
      expect(r2021!.findings[0]!.args).toMatchObject({
        protocol: 'TLSv1.2',
        detail: 'alert protocol_version',
      });
      const [r2025] = await probe([`a.example.test:${modern.port}`], { ...opts, policy: 'TLSv1.3_2025' });
      expect(codes(r2025)).toEqual(['PROBE_POLICY_UNTESTED']);
    } finally {
      await modern.close();
    }
  });

  test('TLS 1.2 at most under TLSv1.3_2025: TLS 1.2 below the policy, TLS 1.3 refused', async () => {
    const old = await tlsServer([site(['a.example.test'], a, intermediate)], { maxVersion: 'TLSv1.2' });
    try {
      const [r] = await probe([`a.example.test:${old.port}`], {
        ...base(),
        resolve: [`*:${old.port}:${HOST}`],
        policy: 'TLSv1.3_2025',
      });
      expect(r!.details.protocol).toBe('TLSv1.2');
      expect(r!.findings.map((f) => [f.code, f.args.protocol])).toEqual([
        ['PROBE_POLICY_PROTOCOL_REFUSED', 'TLSv1.3'],
        ['PROBE_PROTOCOL_BELOW_POLICY', 'TLSv1.2'],
        ['PROBE_POLICY_UNTESTED', undefined],
      ]);
    } finally {
      await old.close();
    }
  });
});

describe('addresses: --resolve, the resolver, --all-addresses', () => {
  /** The real TLS client with a stub resolver: no DNS traffic leaves the machine. */
  const withLookup = (table: Record<string, string[]>, calls: string[] = []): Prober => ({
    handshake: nodeProber().handshake,
    lookup: async (host) => {
      calls.push(host);
      const list = table[host];
      return list
        ? { ok: true, value: list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })) }
        : { ok: false, error: { code: 'ENOTFOUND', message: `getaddrinfo ENOTFOUND ${host}` } };
    },
  });

  test('an exact --resolve entry wins over *; * covers the rest; entries are per port', async () => {
    const results = await probe(
      [`a.example.test:${edge.port}`, `b.example.test:${edge.port}`, `a.example.test:${refused}`],
      {
        roots: [root.pem],
        at: AT,
        resolve: [`*:${edge.port}:127.0.0.9`, `a.example.test:${edge.port}:${HOST}`, `*:${refused}:${HOST}`],
        timeoutMs: 1000,
      },
    );
    expect(results.map((r) => [r.subject.id, codes(r)])).toEqual([
      [`a.example.test:${edge.port} (127.0.0.1)`, []],
      [`b.example.test:${edge.port} (127.0.0.9)`, ['PROBE_CONNECTION_REFUSED']],
      [`a.example.test:${refused} (127.0.0.1)`, ['PROBE_CONNECTION_REFUSED']],
    ]);
  });

  test('names without --resolve go to the resolver (once per name); a DNS failure is a finding', async () => {
    const calls: string[] = [];
    const prober = withLookup({ 'a.example.test': [HOST] }, calls);
    const results = await probe(
      [`a.example.test:${edge.port}`, `a.example.test:${refused}`, `missing.example.test:${edge.port}`],
      { roots: [root.pem], at: AT, prober },
    );
    expect(results.map(codes)).toEqual([[], ['PROBE_CONNECTION_REFUSED'], ['PROBE_DNS_FAILURE']]);
    expect(calls.sort()).toEqual(['a.example.test', 'missing.example.test']);
    expect(results[0]!.details.addressFrom).toBe('dns');
    expect(results[2]!.subject.id).toBe(`missing.example.test:${edge.port}`);
    expect(results[2]!.details.failure).toMatchObject({ kind: 'dns', errorCode: 'ENOTFOUND' });
  });

  test('--all-addresses probes every address of a name, one result each', async () => {
    const prober = withLookup({ 'a.example.test': [HOST, '127.0.0.2'] });
    const opts = { roots: [root.pem], at: AT, prober, timeoutMs: 1000 };
    const first = await probe([`a.example.test:${edge.port}`], opts);
    expect(first.map((r) => r.subject.id)).toEqual([`a.example.test:${edge.port} (127.0.0.1)`]);
    const all = await probe([`a.example.test:${edge.port}`], { ...opts, allAddresses: true });
    expect(all.map((r) => [r.subject.id, codes(r)])).toEqual([
      [`a.example.test:${edge.port} (127.0.0.1)`, []],
      [`a.example.test:${edge.port} (127.0.0.2)`, ['PROBE_CONNECTION_REFUSED']],
    ]);
  });

  test('many targets at low concurrency come back in target order, with progress', async () => {
    const names = Array.from({ length: 24 }, (_, i) =>
      i % 3 === 0 ? `b.example.test:${edge.port}` : `n${i}.example.test:${refused}`,
    );
    const progress: number[] = [];
    const results = await probe(names, {
      ...base(),
      concurrency: 4,
      onProgress: (done) => progress.push(done),
    });
    expect(results.map((r) => `${r.details.host}:${r.details.port}`)).toEqual(names);
    expect(progress).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });
});

describe('exit codes', () => {
  const prober = (kind: 'refused' | 'unreachable' | 'timeout'): Prober => ({
    lookup: async () => ({
      ok: false,
      error: { code: 'EAI_AGAIN', message: 'temporary failure in name resolution' },
    }),
    handshake: async () => ({
      ok: false,
      error: { kind, phase: 'connect', message: kind, timings: {} },
    }),
  });

  test('nothing answered (DNS down, no route, dropped) is operational: 3; an answer is a verdict: 1', async () => {
    const dnsDown = await probe(['a.example.test', 'b.example.test'], { prober: prober('refused') });
    expect(dnsDown.map(codes)).toEqual([['PROBE_DNS_FAILURE'], ['PROBE_DNS_FAILURE']]);
    expect(probeExitCode(dnsDown, 'error')).toBe(3);
    const noRoute = await probe(['192.0.2.1', '192.0.2.2:8443'], { prober: prober('unreachable') });
    expect(probeExitCode(noRoute, 'error')).toBe(3);
    const dropped = await probe(['192.0.2.1'], { prober: prober('timeout') });
    expect(probeExitCode(dropped, 'error')).toBe(3);
    const refusedAll = await probe(['192.0.2.1'], { prober: prober('refused') });
    expect(probeExitCode(refusedAll, 'error')).toBe(1);
    expect(probeExitCode([...dnsDown, ...refusedAll], 'none')).toBe(0);
    expect(probeExitCode(dnsDown, 'error', 1)).toBe(2);
  });

  test('a prober that throws costs its own target only', async () => {
    const results = await probe(['192.0.2.1', '192.0.2.2'], {
      prober: {
        lookup: async () => ({ ok: true, value: [] }),
        handshake: async (req) => {
          if (req.address === '192.0.2.1') throw new Error('boom');
          return { ok: false, error: { kind: 'refused', phase: 'connect', message: 'refused', timings: {} } };
        },
      },
    });
    expect(results.map(codes)).toEqual([['PROBE_HANDSHAKE_FAILED'], ['PROBE_CONNECTION_REFUSED']]);
  });
});
