/**
 * The probe through the public API alone, offline: a stub {@link Prober} replays handshakes, so
 * verification, expectations, policy and reports run without a network.
 */

import { expect, test } from 'vitest';
import * as certgate from '../../src/index.js';
import { createColors } from '../../src/report/colors.js';
import { AT, certs, fingerprint } from './fixtures.js';

const { root, intermediate, a, b } = certs;

/** A prober that serves `b` for b.example.test, `a` for anything else, and refuses 192.0.2.99. */
function replay(seen: certgate.HandshakeRequest[] = []): certgate.Prober {
  return {
    lookup: async (host) => ({
      ok: true,
      value: [{ address: host.startsWith('v6.') ? '2001:db8::1' : '192.0.2.1', family: 4 }],
    }),
    handshake: async (request) => {
      seen.push(request);
      if (request.address === '192.0.2.99')
        return {
          ok: false,
          error: {
            kind: 'refused',
            phase: 'connect',
            message: 'connect ECONNREFUSED',
            timings: { totalMs: 1 },
          },
        };
      const leaf = request.servername === 'b.example.test' ? b : a;
      const protocol = request.maxVersion ?? 'TLSv1.3';
      if (request.maxVersion === 'TLSv1' || request.maxVersion === 'TLSv1.1')
        return {
          ok: false,
          error: {
            kind: 'alert',
            phase: 'handshake',
            message: 'alert',
            alert: 'protocol_version',
            timings: {},
          },
        };
      return {
        ok: true,
        value: {
          chain: [leaf.der, intermediate.der],
          protocol,
          cipher: { name: 'TLS_AES_128_GCM_SHA256', standardName: 'TLS_AES_128_GCM_SHA256' },
          alpn: 'h2',
          ocspStapled: true,
          remoteAddress: request.address,
          remotePort: request.port,
          timings: { connectMs: 1, tlsMs: 2, totalMs: 3 },
        },
      };
    },
  };
}

test('probe → report → text, with a stub prober: the same findings as the network path', async () => {
  const seen: certgate.HandshakeRequest[] = [];
  const results = await certgate.probe(
    ['b.example.test', 'c.example.test:8443', '192.0.2.99', '[2001:db8::5]'],
    {
      prober: replay(seen),
      roots: root.pem,
      at: AT,
      expect: { kind: 'fingerprint', sha256: fingerprint(b) },
      policy: 'TLSv1.2_2021',
    },
  );
  expect(results.map((r) => [r.subject.id, r.findings.map((f) => f.code)])).toEqual([
    ['b.example.test:443 (192.0.2.1)', ['PROBE_POLICY_UNTESTED']],
    [
      'c.example.test:8443 (192.0.2.1)',
      ['NAME_MISMATCH', 'PROBE_EXPECTATION_MISMATCH', 'PROBE_POLICY_UNTESTED'],
    ],
    ['192.0.2.99:443 (192.0.2.99)', ['PROBE_CONNECTION_REFUSED']],
    [
      '[2001:db8::5]:443 (2001:db8::5)',
      ['NAME_MISMATCH', 'PROBE_EXPECTATION_MISMATCH', 'PROBE_POLICY_UNTESTED'],
    ],
  ]);
  expect(results[0]!.details).toMatchObject({ alpn: 'h2', ocspStapled: true, addressFrom: 'dns' });
  // The main handshake plus TLSv1.2, 1.1 and 1.0 pinned (1.3 came from the main one); no SNI to IPs.
  const forB = seen.filter((r) => r.servername === 'b.example.test');
  expect(forB.map((r) => r.maxVersion)).toEqual([undefined, 'TLSv1.2', 'TLSv1.1', 'TLSv1']);
  expect(forB[2]!.ciphers).toBe('DEFAULT@SECLEVEL=0');
  expect(seen.filter((r) => r.address === '2001:db8::5').every((r) => r.servername === undefined)).toBe(true);

  const report = certgate.buildReport({ command: 'probe', version: '0', results, failOn: 'error' });
  expect(report.verdict).toBe('fail');
  const text = certgate.formatProbeText(report, { colors: createColors(false) });
  expect(text.split('\n')[0]).toBe(
    'PASS b.example.test:443 (192.0.2.1)  TLSv1.3 TLS_AES_128_GCM_SHA256 h2 OCSP stapled  CN=b.example.test, until 2034-01-01, 2 certs sent  3 ms',
  );
  expect(certgate.probeExitCode(results, 'error')).toBe(1);
});

test('a target string that does not parse is a PROBE_BAD_TARGET result; the others are probed', async () => {
  const results = await certgate.probe(['a.example.test:0', 'b.example.test', 'not a host'], {
    prober: replay(),
    roots: [root.pem],
    at: AT,
  });
  expect(results.map((r) => [r.subject.id, r.findings.map((f) => f.code)])).toEqual([
    ['a.example.test:0', ['PROBE_BAD_TARGET']],
    ['b.example.test:443 (192.0.2.1)', []],
    ['not a host', ['PROBE_BAD_TARGET']],
  ]);
  expect(results[0]!.findings[0]!.args).toMatchObject({
    target: 'a.example.test:0',
    reason: 'the port must be 1-65535',
  });
  expect(results[0]!.details.handshake).toBe('skipped');
});

test('an aborted run: no new handshake, the one in flight dropped, every unfinished target a finding', async () => {
  const stop = new AbortController();
  const started: string[] = [];
  const prober: certgate.Prober = {
    ...replay(),
    handshake: (request) => {
      started.push(request.servername ?? '');
      if (request.servername !== 'hang.example.test') return replay().handshake(request);
      stop.abort('SIGINT'); // the run is stopped while this handshake is in flight
      return new Promise((resolve) =>
        request.signal!.addEventListener('abort', () =>
          resolve({ ok: false, error: { kind: 'error', phase: 'connect', message: 'aborted', timings: {} } }),
        ),
      );
    },
  };
  const results = await certgate.probe(
    ['b.example.test', 'hang.example.test', 'later.example.test', 'bad host'],
    { prober, roots: [root.pem], at: AT, concurrency: 1, signal: stop.signal },
  );
  expect(started).toEqual(['b.example.test', 'hang.example.test']);
  expect(results.map((r) => [r.subject.id, r.findings.map((f) => f.code)])).toEqual([
    ['b.example.test:443 (192.0.2.1)', []],
    ['hang.example.test:443', ['PROBE_INTERRUPTED']],
    ['later.example.test:443', ['PROBE_INTERRUPTED']],
    ['bad host', ['PROBE_BAD_TARGET']],
  ]);
  expect(results[1]!.findings[0]!.args).toMatchObject({ cause: 'SIGINT', inFlight: true });
  expect(results[2]!.findings[0]!.args).toMatchObject({ cause: 'SIGINT', inFlight: false });
  expect(certgate.describeFinding(results[1]!.findings[0]!).message).toBe(
    'hang.example.test:443 was not probed: the run was interrupted by SIGINT during its handshake',
  );
  // Already aborted: nothing is probed, every target is reported.
  const none = await certgate.probe(['a.example.test', 'b.example.test'], {
    prober: {
      ...replay(),
      handshake: (request) => {
        started.push('too late');
        return replay().handshake(request);
      },
    },
    signal: AbortSignal.abort(),
  });
  expect(none.map((r) => r.findings.map((f) => [f.code, f.args.cause]))).toEqual([
    [['PROBE_INTERRUPTED', 'aborted']],
    [['PROBE_INTERRUPTED', 'aborted']],
  ]);
  expect(started).toHaveLength(2);
});

test('usage errors are thrown before any I/O', async () => {
  const prober = replay();
  await expect(certgate.probe(['a.example.test'], { prober, resolve: ['nope'] })).rejects.toMatchObject({
    option: 'resolve',
  });
  await expect(
    certgate.probe(['a.example.test'], { prober, expect: { kind: 'fingerprint', sha256: 'abc' } }),
  ).rejects.toMatchObject({ option: 'expect' });
  await expect(certgate.probe(['a.example.test'], { prober, sni: '192.0.2.1' })).rejects.toMatchObject({
    option: 'sni',
  });
  await expect(certgate.probe(['a.example.test'], { prober, concurrency: 0 })).rejects.toMatchObject({
    option: 'concurrency',
  });
});

test('a served chain that does not decode is a finding, not a crash', async () => {
  const results = await certgate.probe(['a.example.test'], {
    prober: {
      ...replay(),
      handshake: async (request) => ({
        ok: true,
        value: {
          chain: [a.der, new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00])],
          protocol: 'TLSv1.3',
          cipher: { name: 'x', standardName: 'x' },
          alpn: null,
          ocspStapled: false,
          remoteAddress: request.address,
          remotePort: request.port,
          timings: {},
        },
      }),
    },
    roots: root.pem,
    at: AT,
  });
  expect(results[0]!.findings.map((f) => [f.code, f.location.certIndex])).toEqual([
    ['PROBE_CHAIN_UNDECODABLE', 1],
  ]);
});

test('targetsFromDistributions: aliases, wildcards, evidence as expectations', async () => {
  const { inputs } = await certgate.loadGateInputs(['examples/cloudfront/get-distribution-config.json'], {
    certs: ['examples/cloudfront/acm-certificate.json'],
    parameters: {},
  });
  const { targets, skipped } = certgate.targetsFromDistributions(inputs.distributions, {
    evidence: inputs.evidence,
  });
  expect(targets.map((t) => `${t.host}:${t.port}`)).toEqual(['www.example.com:443', 'api.example.com:443']);
  expect(targets[0]!.expect).toMatchObject({
    kind: 'evidence',
    sans: ['example.com', '*.example.com'],
    notAfter: new Date('2027-02-15T23:59:59Z'),
  });
  expect(skipped).toEqual([]);
});
