/**
 * The `client` policy against the machine's real `openssl verify` (run as a TLS client built on
 * OpenSSL 3 verifies: TLS purpose, security level 2, the host name, every CRL): on every
 * x509-limbo case and on the chains that tell the policies apart (test/pki/policy-chains.ts),
 * the two verdicts agree, except for the differences openssl-differences.json lists with a reason.
 * Where certgate is stricter, Chrome (the other half of the client policy) refuses the chain;
 * where OpenSSL is, it is an OpenSSL limitation that Chrome does not share. A listed difference
 * that no longer differs fails as stale.
 */

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type LimboTestcase, runLimboCase } from '../../scripts/limbo-runner.mjs';
import { parseIpAddress, parseReferenceName } from '../../src/names/index.js';
import { verifyChain } from '../../src/pki/index.js';
import { decodeCertificate } from '../../src/x509/certificate.js';
import { readCertificates, readPemBlocks } from '../../src/x509/index.js';
import { AT } from '../pki/fixtures.js';
import { POLICY_CHAINS } from '../pki/policy-chains.js';
import { findOpenssl, type OpensslCase, opensslVerify } from '../support/openssl-verify.js';

interface Difference {
  readonly openssl: 'SUCCESS' | 'FAILURE';
  readonly client: 'SUCCESS' | 'FAILURE';
  readonly reason: string;
}

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8'));
const limbo = read('./limbo.json') as { testcases: LimboTestcase[] };
const differences = read('./openssl-differences.json') as Record<string, Difference>;
const engine = { verifyChain, readCertificates, readPemBlocks, parseIpAddress, parseReferenceName };

/** A case both verifiers judge: how openssl sees it, and certgate's client verdict. */
interface Judged {
  readonly id: string;
  readonly openssl: OpensslCase;
  readonly client: () => 'SUCCESS' | 'FAILURE';
}

function fromLimbo(t: LimboTestcase): Judged {
  const ekus = t.extended_key_usage ?? [];
  const purpose =
    ekus.includes('clientAuth') || (t.validation_kind === 'CLIENT' && !ekus.includes('serverAuth'));
  const peer = t.expected_peer_name;
  return {
    id: t.id,
    openssl: {
      trusted: t.trusted_certs,
      untrusted: t.untrusted_intermediates,
      leaf: t.peer_certificate,
      ...(t.validation_time ? { at: new Date(t.validation_time) } : {}),
      purpose: purpose ? 'client' : 'server',
      ...(peer?.kind === 'DNS' ? { host: peer.value } : {}),
      ...(peer?.kind === 'IP' ? { ip: peer.value } : {}),
      ...(t.crls?.length ? { crls: t.crls } : {}),
      ...(t.max_chain_depth != null ? { maxIntermediates: t.max_chain_depth } : {}),
    },
    client: () => {
      const r = runLimboCase(engine, t, { policy: 'client' }).actual_result;
      return r === 'SKIPPED' ? 'FAILURE' : r;
    },
  };
}

const decode = (certs: readonly { der: Uint8Array }[]) => certs.map((c) => decodeCertificate(c.der));

const judged: Judged[] = [
  ...limbo.testcases.map(fromLimbo),
  ...Object.entries(POLICY_CHAINS).map(([key, p]): Judged => {
    const host = 'host' in p ? p.host : undefined;
    return {
      id: `chain::${key}`,
      openssl: {
        trusted: p.anchors.map((c) => c.pem),
        untrusted: p.intermediates.map((c) => c.pem),
        leaf: p.leaf.pem,
        at: AT,
        ...(host ? { host } : {}),
      },
      client: () => {
        const reference = host ? parseReferenceName(host) : undefined;
        const outcome = verifyChain({
          leaf: decodeCertificate(p.leaf.der),
          intermediates: decode(p.intermediates),
          anchors: decode(p.anchors),
          at: AT,
          ...(reference?.ok ? { reference: reference.value } : {}),
        });
        return outcome.ok ? 'SUCCESS' : 'FAILURE';
      },
    };
  }),
];

describe('client policy vs the real openssl verify', () => {
  const verdicts = new Map<string, { openssl: string; detail: string; client: string }>();
  beforeAll(() => {
    if (!findOpenssl()) {
      throw new Error('these tests need the openssl command (`apt-get install openssl`; .ci/run does this)');
    }
    for (const j of judged) {
      const o = opensslVerify(j.openssl);
      verdicts.set(j.id, { openssl: o.ok ? 'SUCCESS' : 'FAILURE', detail: o.detail, client: j.client() });
    }
  });

  it.each(judged.map((j) => [j.id] as const))('%s', (id) => {
    const v = verdicts.get(id)!;
    const listed = differences[id];
    if (listed === undefined) {
      expect(v.client, `${id}: openssl says ${v.openssl} (${v.detail})`).toBe(v.openssl);
      return;
    }
    expect({ openssl: v.openssl, client: v.client }, `${id} is listed but no longer differs (stale)`).toEqual(
      {
        openssl: listed.openssl,
        client: listed.client,
      },
    );
    expect(listed.reason.length, `${id}: a difference needs a reason`).toBeGreaterThan(30);
  });

  it('lists only cases that exist', () => {
    const ids = new Set(judged.map((j) => j.id));
    expect(Object.keys(differences).filter((id) => !ids.has(id))).toEqual([]);
  });
});
