/**
 * Small servers on 127.0.0.1 for the probe tests: a TLS server choosing its certificate by SNI,
 * and one server per fault (reset after the ClientHello, close, garbage, silence, plain HTTP, a
 * TLS alert, a refused port). All bind port 0 on loopback and close every socket on `close()`.
 */

import type { KeyObject } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { createSecureContext, createServer as createTlsServer, type SecureVersion } from 'node:tls';
import type { IssuedCertificate } from '../support/cert-factory.js';

export const HOST = '127.0.0.1';

/** A running server: its port, the server (to watch its connections) and how to stop it. */
export interface Running {
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

/** Tracks sockets so `close()` never waits for a silent client or server. */
function track(server: Server): Running {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
  });
  return {
    server,
    get port() {
      return (server.address() as AddressInfo).port;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

async function listen(server: Server): Promise<Running> {
  const running = track(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
  return running;
}

const keyPem = (key: KeyObject): string => String(key.export({ type: 'pkcs8', format: 'pem' }));

/** One certificate a TLS server presents: the chain as sent (leaf first unless a test says otherwise) and the leaf key. */
export interface Site {
  readonly names: readonly string[];
  readonly chain: readonly IssuedCertificate[];
  readonly key: KeyObject;
}

/** Shorthand: a site serving `leaf` with `intermediates` after it. */
export function site(
  names: readonly string[],
  leaf: IssuedCertificate,
  ...intermediates: IssuedCertificate[]
): Site {
  return { names, chain: [leaf, ...intermediates], key: leaf.key };
}

/**
 * A TLS server choosing the certificate by SNI as an edge does. A name no site lists (and no
 * SNI at all) gets the first site, unless `strictSni`, in which case the handshake is dropped.
 */
export function tlsServer(
  sites: readonly Site[],
  options: {
    minVersion?: SecureVersion;
    maxVersion?: SecureVersion;
    alpn?: string[];
    strictSni?: boolean;
  } = {},
): Promise<Running> {
  const legacy = options.minVersion === 'TLSv1' || options.minVersion === 'TLSv1.1';
  const tlsOptions = {
    ...(options.minVersion ? { minVersion: options.minVersion } : {}),
    ...(options.maxVersion ? { maxVersion: options.maxVersion } : {}),
    ...(legacy ? { ciphers: 'DEFAULT@SECLEVEL=0' } : {}),
  };
  const contexts = sites.map((s) =>
    createSecureContext({ key: keyPem(s.key), cert: s.chain.map((c) => c.pem).join(''), ...tlsOptions }),
  );
  const first = sites[0]!;
  const server = createTlsServer(
    {
      key: keyPem(first.key),
      cert: first.chain.map((c) => c.pem).join(''),
      ...tlsOptions,
      ...(options.alpn ? { ALPNProtocols: options.alpn } : {}),
      SNICallback: (name, cb) => {
        const i = sites.findIndex((s) => s.names.includes(name.toLowerCase()));
        if (i < 0 && options.strictSni) return cb(new Error(`no certificate for ${name}`), undefined);
        cb(null, contexts[Math.max(i, 0)]);
      },
    },
    (socket) => socket.end(),
  );
  server.on('tlsClientError', () => {});
  return listen(server);
}

/** Resets (RST) the connection as soon as the ClientHello arrives. */
export function resetServer(): Promise<Running> {
  return listen(createServer((s) => s.once('data', () => s.resetAndDestroy())));
}

/** Closes the connection cleanly (FIN) after the ClientHello. */
export function closeServer(): Promise<Running> {
  return listen(createServer((s) => s.once('data', () => s.end())));
}

/** Answers the ClientHello with bytes that are not a TLS record. */
export function garbageServer(): Promise<Running> {
  const junk = Buffer.from('\u0000\u0001 this is not TLS at all \u00ff\u00fe\r\n'.repeat(4), 'latin1');
  return listen(createServer((s) => s.once('data', () => s.write(junk))));
}

/** Accepts connections and never says anything. */
export function silentServer(): Promise<Running> {
  return listen(createServer(() => {}));
}

/** A plain HTTP/1.1 server. */
export function httpServer(): Promise<Running> {
  return listen(createHttpServer((_req, res) => res.end('hello over plain HTTP\n')));
}

/**
 * Answers the ClientHello with a fatal TLS alert record (RFC 8446 §6): content type 21, legacy
 * version 3.3, length 2, level fatal (2), then the description (112 unrecognized_name by default),
 * as an edge does for a name it has no certificate for.
 */
export function alertServer(description = 112): Promise<Running> {
  const record = Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, description]);
  return listen(createServer((s) => s.once('data', () => s.end(record))));
}

/** A loopback port nothing listens on: bind port 0, read it, close. */
export async function refusedPort(): Promise<number> {
  const running = await listen(createServer());
  const port = running.port;
  await running.close();
  return port;
}
