/**
 * Certificates on the wire: each endpoint probed with SNI as `certgate probe` does, and the chain
 * it actually sends recorded (what clients get, not what a file on some disk says). An endpoint
 * that cannot be reached keeps the probe's finding (PROBE_DNS_FAILURE, PROBE_TIMEOUT, ...).
 */

import { probe } from '../probe/probe.js';
import type { ProbeOptions, ProbeResult, ProbeTarget } from '../probe/types.js';
import { decodeCertificate } from '../x509/certificate.js';
import type { Certificate } from '../x509/model.js';

/** The chain one endpoint served, leaf first as sent. */
export interface ServedChain {
  /** `host:port (address)`, as the probe names the result. */
  readonly endpoint: string;
  readonly certificates: readonly Certificate[];
}

/** How endpoints are probed: the probe's own options (SNI, `--resolve`, timeout, concurrency). */
export type EndpointOptions = Pick<
  ProbeOptions,
  'resolve' | 'timeoutMs' | 'concurrency' | 'signal' | 'onProgress'
>;

/** Probes the targets; gives the chains served and the results of the endpoints that served none. */
export async function readEndpoints(
  targets: readonly (string | ProbeTarget)[],
  options: EndpointOptions = {},
): Promise<{ chains: ServedChain[]; failures: ProbeResult[] }> {
  if (targets.length === 0) return { chains: [], failures: [] };
  const results = await probe(targets, options);
  const chains: ServedChain[] = [];
  const failures: ProbeResult[] = [];
  for (const r of results) {
    const served = r.details.chain ?? [];
    const certificates: Certificate[] = [];
    for (const c of served) {
      try {
        certificates.push(decodeCertificate(Buffer.from(c.der, 'base64')));
      } catch {
        // the probe reported it (PROBE_CHAIN_UNDECODABLE); what decodes still counts
      }
    }
    if (r.details.handshake === 'ok' && certificates.length > 0)
      chains.push({ endpoint: r.subject.id, certificates });
    else failures.push(r);
  }
  return { chains, failures };
}
