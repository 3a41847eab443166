/**
 * The real network behind the {@link Prober} interface: `dns.lookup` and `tls.connect`.
 *
 * Each handshake is a full one on a fresh socket (no session is offered, so none is resumed),
 * and the socket is destroyed as soon as the handshake is over. Per-connection work is kept
 * small: one secure context per (versions, ciphers) combination, created once and shared; an
 * empty CA store in it, so OpenSSL's own chain check fails at once without signature work
 * (`rejectUnauthorized: false`; certgate judges the chain itself) and Node never walks the chain
 * for `checkServerIdentity`.
 *
 * The chain is read with `getPeerX509Certificate()`, whose `issuerCertificate` links follow
 * OpenSSL's `SSL_get_peer_cert_chain`: the certificates exactly as the server sent them, order
 * and duplicates included. (`getPeerCertificate(true)` instead re-orders by issuer, drops
 * certificates that do not fit and appends roots from the local store.) Node builds that view
 * from the socket's own stack and consumes it, so it is read once.
 */

import type { X509Certificate } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { type ConnectionOptions, connect, createSecureContext, type SecureContext } from 'node:tls';
import { classifyError, shortMessage } from './classify.js';
import type {
  HandshakeFailure,
  HandshakeOutcome,
  HandshakeRequest,
  Prober,
  ProbeTimings,
  ResolvedAddress,
} from './types.js';

/** ALPN offered by default: what a browser offers. */
export const DEFAULT_ALPN: readonly string[] = ['h2', 'http/1.1'];

/** Most certificates kept from one chain (real chains have 2-4; a hostile server may send more). */
export const MAX_CHAIN_LENGTH = 16;

const contexts = new Map<string, SecureContext>();

/** The shared secure context of a version range and cipher string. */
function secureContextFor(request: HandshakeRequest): SecureContext {
  const key = `${request.minVersion ?? ''}|${request.maxVersion ?? ''}|${request.ciphers ?? ''}`;
  let context = contexts.get(key);
  if (context === undefined) {
    context = createSecureContext({
      ca: [],
      ...(request.minVersion ? { minVersion: request.minVersion } : {}),
      ...(request.maxVersion ? { maxVersion: request.maxVersion } : {}),
      ...(request.ciphers ? { ciphers: request.ciphers } : {}),
    });
    contexts.set(key, context);
  }
  return context;
}

/** The DER of every certificate the server sent, leaf first, as sent. */
function sentChain(leaf: X509Certificate | undefined): Uint8Array[] {
  const chain: Uint8Array[] = [];
  for (let c = leaf; c !== undefined && chain.length < MAX_CHAIN_LENGTH; c = c.issuerCertificate) {
    chain.push(new Uint8Array(c.raw));
  }
  return chain;
}

const since = (start: number): number => Math.round((performance.now() - start) * 100) / 100;

/** One TLS handshake with Node's client. Resolves with an outcome; never rejects. */
function handshake(request: HandshakeRequest): Promise<HandshakeOutcome> {
  return new Promise((resolve) => {
    const start = performance.now();
    let connectMs: number | undefined;
    let connectedAt = 0;
    let ocspStapled = false;
    let settled = false;
    const timings = (): ProbeTimings =>
      connectMs === undefined
        ? { totalMs: since(start) }
        : { connectMs, tlsMs: since(connectedAt), totalMs: since(start) };
    const fail = (failure: Omit<HandshakeFailure, 'timings' | 'phase'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const phase = connectMs === undefined ? 'connect' : 'handshake';
      resolve({ ok: false, error: { ...failure, phase, timings: timings() } });
      socket.destroy();
    };
    // requestOCSP is a TLSSocket option that tls.connect passes on (missing from @types/node).
    const options: ConnectionOptions & { requestOCSP?: boolean } = {
      host: request.address,
      port: request.port,
      ...(request.servername ? { servername: request.servername } : {}),
      secureContext: secureContextFor(request),
      rejectUnauthorized: false,
      ALPNProtocols: [...(request.alpnProtocols ?? DEFAULT_ALPN)],
      requestOCSP: request.requestOcsp ?? true,
    };
    const socket = connect(options);
    const timer = setTimeout(() => {
      fail({
        kind: 'timeout',
        message: `no ${connectMs === undefined ? 'connection' : 'handshake'} within ${request.timeoutMs} ms`,
      });
    }, request.timeoutMs);
    socket.once('connect', () => {
      connectedAt = performance.now();
      connectMs = since(start);
    });
    socket.on('OCSPResponse', (response: Buffer | null) => {
      ocspStapled = response !== null && response.length > 0;
    });
    socket.once('secureConnect', () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const cipher = socket.getCipher();
      const value = {
        chain: sentChain(socket.getPeerX509Certificate()),
        protocol: socket.getProtocol() ?? 'unknown',
        cipher: { name: cipher.name, standardName: cipher.standardName },
        alpn: typeof socket.alpnProtocol === 'string' ? socket.alpnProtocol : null,
        ocspStapled,
        remoteAddress: socket.remoteAddress ?? request.address,
        remotePort: socket.remotePort ?? request.port,
        timings: timings(),
      };
      socket.destroy();
      resolve({ ok: true, value });
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      const { kind, alert, alertNumber } = classifyError(err.code, err.message);
      fail({
        kind,
        message: shortMessage(err.message),
        ...(err.code ? { errorCode: err.code } : {}),
        ...(alert ? { alert } : {}),
        ...(alertNumber !== undefined ? { alertNumber } : {}),
      });
    });
    socket.once('close', () =>
      fail({ kind: 'reset', message: 'connection closed before the handshake completed' }),
    );
  });
}

/** `dns.lookup` with `all: true` (the system resolver, as other clients on the host use), with a deadline. */
async function lookupAll(host: string, timeoutMs: number): ReturnType<Prober['lookup']> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<{ ok: false; error: { code: string; message: string } }>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, error: { code: 'ETIMEOUT', message: `no answer within ${timeoutMs} ms` } }),
      timeoutMs,
    );
  });
  const answer = lookup(host, { all: true }).then(
    (addresses) => ({
      ok: true as const,
      value: addresses.map((a): ResolvedAddress => ({ address: a.address, family: a.family === 6 ? 6 : 4 })),
    }),
    (err: NodeJS.ErrnoException) => ({
      ok: false as const,
      error: { code: err.code ?? 'EAI_FAIL', message: shortMessage(err.message) },
    }),
  );
  try {
    return await Promise.race([answer, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The default prober: the system resolver and Node's TLS client.
 *
 * @param options.lookupTimeoutMs deadline for one name resolution (default 5000 ms)
 */
export function nodeProber(options: { readonly lookupTimeoutMs?: number } = {}): Prober {
  const lookupTimeoutMs = options.lookupTimeoutMs ?? 5000;
  return { lookup: (host) => lookupAll(host, lookupTimeoutMs), handshake };
}
