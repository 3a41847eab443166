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
 *
 * OpenSSL's "wrong version number" says only that the answer was not TLS. To say what it was
 * (an HTTP status line, an SSH banner, random bytes), a `not-tls` failure is followed by one more
 * handshake through a JS relay that keeps the first bytes the server sends. The relay costs JS
 * work per chunk, so only that rare second attempt goes through it, never the normal path.
 */

import type { X509Certificate } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { connect as connectTcp } from 'node:net';
import { Duplex } from 'node:stream';
import {
  type ConnectionOptions,
  connect,
  createSecureContext,
  type SecureContext,
  type TLSSocket,
} from 'node:tls';
import { classifyError, describeNonTls, MAX_SHOWN_BYTES, shortMessage } from './classify.js';
import type {
  AbortSignalLike,
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

/** Links followed to count a longer chain than is kept (a loop guard, not a real size). */
const MAX_CHAIN_COUNTED = 10_000;

/**
 * The DER of the certificates the server sent, leaf first, as sent: the first MAX_CHAIN_LENGTH,
 * and how many were sent when that is more (so the judgement can say it saw only part).
 */
function sentChain(leaf: X509Certificate | undefined): { chain: Uint8Array[]; chainSent?: number } {
  const chain: Uint8Array[] = [];
  let sent = 0;
  for (let c = leaf; c !== undefined && sent < MAX_CHAIN_COUNTED; c = c.issuerCertificate) {
    if (sent > 0 && c.issuerCertificate === c) break; // a self-signed root links to itself
    if (chain.length < MAX_CHAIN_LENGTH) chain.push(new Uint8Array(c.raw));
    sent++;
  }
  return sent > chain.length ? { chain, chainSent: sent } : { chain };
}

const since = (start: number): number => Math.round((performance.now() - start) * 100) / 100;

/** The outcome of a request aborted before or during its attempt (the caller ignores it). */
const aborted = (): HandshakeOutcome => ({
  ok: false,
  error: { kind: 'error', phase: 'connect', message: 'aborted', timings: {} },
});

/** One TLS handshake with Node's client. Resolves with an outcome; never rejects. */
function handshake(request: HandshakeRequest): Promise<HandshakeOutcome> {
  if (request.signal?.aborted) return Promise.resolve(aborted());
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
      request.signal?.removeEventListener('abort', onAbort);
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
    const onAbort = () => fail({ kind: 'error', message: 'aborted' });
    request.signal?.addEventListener('abort', onAbort, { once: true });
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
      request.signal?.removeEventListener('abort', onAbort);
      const cipher = socket.getCipher();
      const value = {
        ...sentChain(socket.getPeerX509Certificate()),
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

/**
 * The first bytes the server sends in answer to a ClientHello (or before it, as SSH and SMTP
 * greet): one more handshake like `request`, through a relay that keeps at most
 * MAX_SHOWN_BYTES + 1 of them (one more tells that there were more) and passes everything on.
 * Ends when the handshake fails or completes, the connection closes, or the request's deadline
 * passes. The bytes count only if this attempt too failed as not TLS (a server that answers TLS
 * the second time must not have its ServerHello shown as "not TLS"); otherwise none.
 */
function firstBytesSent(request: HandshakeRequest): Promise<Uint8Array> {
  if (request.signal?.aborted) return Promise.resolve(new Uint8Array(0));
  return new Promise((resolve) => {
    let notTls = false;
    const kept: Buffer[] = [];
    let size = 0;
    let settled = false;
    let tls: TLSSocket | undefined;
    const tcp = connectTcp({ host: request.address, port: request.port });
    const relay = new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, callback) {
        tcp.write(chunk, callback);
      },
      final(callback) {
        tcp.end();
        callback();
      },
    });
    const done = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', done);
      tls?.destroy();
      relay.destroy();
      tcp.destroy();
      resolve(notTls ? Buffer.concat(kept) : new Uint8Array(0));
    };
    const timer = setTimeout(done, request.timeoutMs);
    request.signal?.addEventListener('abort', done, { once: true });
    tcp.on('data', (chunk: Buffer) => {
      if (size <= MAX_SHOWN_BYTES) {
        const part = chunk.subarray(0, MAX_SHOWN_BYTES + 1 - size);
        kept.push(Buffer.from(part)); // a copy: the chunk itself goes on to TLS
        size += part.length;
      }
      relay.push(chunk);
    });
    // The end of the connection goes to TLS after the data, so TLS judges the bytes first.
    tcp.on('end', () => relay.push(null));
    tcp.on('error', (err) => relay.destroy(err));
    relay.on('error', () => {});
    tls = connect({
      socket: relay,
      ...(request.servername ? { servername: request.servername } : {}),
      secureContext: secureContextFor(request),
      rejectUnauthorized: false,
      ALPNProtocols: [...(request.alpnProtocols ?? DEFAULT_ALPN)],
    });
    tls.on('error', (err: NodeJS.ErrnoException) => {
      notTls = classifyError(err.code, err.message).kind === 'not-tls';
      done();
    });
    tls.on('secureConnect', done);
  });
}

/** A handshake; when it fails as not TLS, what the server sent instead (see firstBytesSent). */
async function handshakeDescribed(request: HandshakeRequest): Promise<HandshakeOutcome> {
  const outcome = await handshake(request);
  if (outcome.ok || outcome.error.kind !== 'not-tls') return outcome;
  const described = describeNonTls(await firstBytesSent(request));
  if (described === undefined) return outcome;
  return {
    ok: false,
    error: {
      ...outcome.error,
      peer: described.peer,
      firstBytes: described.firstBytes,
      firstBytesTruncated: described.truncated,
    },
  };
}

/** `dns.lookup` with `all: true` (the system resolver, as other clients on the host use), with a deadline. */
async function lookupAll(
  host: string,
  timeoutMs: number,
  signal?: AbortSignalLike,
): ReturnType<Prober['lookup']> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const deadline = new Promise<{ ok: false; error: { code: string; message: string } }>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, error: { code: 'ETIMEOUT', message: `no answer within ${timeoutMs} ms` } }),
      timeoutMs,
    );
    // An aborted run must not wait for the deadline (the timer would keep the process alive).
    onAbort = () => resolve({ ok: false, error: { code: 'ABORTED', message: 'aborted' } });
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
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
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The default prober: the system resolver and Node's TLS client.
 *
 * @param options.lookupTimeoutMs deadline for one name resolution (default 5000 ms)
 */
export function nodeProber(options: { readonly lookupTimeoutMs?: number } = {}): Prober {
  const lookupTimeoutMs = options.lookupTimeoutMs ?? 5000;
  return {
    lookup: (host, lookupOptions) => lookupAll(host, lookupTimeoutMs, lookupOptions?.signal),
    handshake: handshakeDescribed,
  };
}
