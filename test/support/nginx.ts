/**
 * A real nginx on loopback for the probe tests: several `server` blocks, each with its own names
 * and certificate, selected by SNI as an edge (CloudFront, a load balancer) selects them, and a
 * default server for clients without SNI or with an unknown name.
 *
 * Each instance gets a fresh temporary prefix (config, certificates, pid, error log, temp paths)
 * and runs in the foreground (`daemon off`) as a child of the test process, so it never touches
 * the system's nginx configuration, never binds anything but 127.0.0.1, and dies with the tests.
 *
 * @example
 * ```ts
 * const server = await startNginx({
 *   sites: [
 *     { names: ['a.example.test'], cert: leaf.pem + intermediate.pem, key: leaf.key },
 *     { names: [], cert: fallback.pem, key: fallback.key, default: true },
 *   ],
 * });
 * // ... connect to 127.0.0.1:server.port with servername 'a.example.test'
 * await server.stop();
 * ```
 */

import { type ChildProcess, spawn } from 'node:child_process';
import type { KeyObject } from 'node:crypto';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** One `server` block: the names it answers to and the chain and key it presents. */
export interface NginxSite {
  /** `server_name` values (exact names or nginx wildcards such as `*.example.test`). */
  readonly names: readonly string[];
  /** PEM chain as served: the leaf first, then any intermediates. */
  readonly cert: string;
  /** The leaf's private key: PEM text or a KeyObject (written as PKCS#8 PEM). */
  readonly key: string | KeyObject;
  /** The server for clients without SNI or with a name no block lists (at most one site). */
  readonly default?: boolean;
}

/** What {@link startNginx} starts. */
export interface NginxOptions {
  readonly sites: readonly NginxSite[];
  /** `worker_processes`; default `auto` (one per core). */
  readonly workers?: number | 'auto';
  /**
   * `ssl_protocols` for the whole instance (nginx applies the default server's value to every
   * handshake); default TLSv1.2 and TLSv1.3, as an edge offers (nginx 1.22's own default lacks 1.3).
   */
  readonly protocols?: readonly string[];
  /** `ssl_ciphers` (TLS 1.2 and below) for the whole instance. */
  readonly ciphers?: string;
  /** How long to wait for the port to accept connections; default 10 s. */
  readonly startTimeoutMs?: number;
}

/** A running nginx. */
export interface NginxServer {
  /** The loopback address it listens on (always 127.0.0.1). */
  readonly host: string;
  readonly port: number;
  /** The temporary prefix holding nginx.conf, the certificates and error.log. */
  readonly dir: string;
  /** The error log so far (for assertion messages). */
  errorLog(): string;
  /** Stops nginx (fast shutdown, then SIGKILL after 5 s) and removes the temporary prefix. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const CANDIDATES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'];
const PORT_ATTEMPTS = 5;

/** Raised when nginx is missing or does not come up; the message says what to do. */
export class NginxError extends Error {
  override name = 'NginxError';
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The nginx binary: `$NGINX`, the Debian path, or the first `nginx` on PATH; undefined if none. */
export function findNginx(): string | undefined {
  const fromEnv = process.env.NGINX;
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  const onPath = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'nginx'));
  return [...CANDIDATES, ...onPath].find(isExecutable);
}

function requireNginx(): string {
  const binary = findNginx();
  if (binary === undefined) {
    const where = process.env.NGINX
      ? `NGINX=${process.env.NGINX} is not an executable`
      : 'nginx not found (looked in /usr/sbin, /usr/local and PATH)';
    throw new NginxError(
      `${where}: the probe tests need a real nginx with the ssl module; install it with ` +
        '`apt-get install nginx` (.ci/run does this in CI)',
    );
  }
  return binary;
}

/** A loopback port that was free a moment ago (bind port 0, read it, close). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new NginxError('no free loopback port'))));
    });
  });
}

// nginx string literals: quote names and paths so nothing in them is read as syntax.
const quote = (s: string) => `"${s.replace(/["\\$]/g, (c) => `\\${c}`)}"`;

function keyPem(key: string | KeyObject): string {
  return typeof key === 'string' ? key : String(key.export({ type: 'pkcs8', format: 'pem' }));
}

function serverBlock(site: NginxSite, index: number, dir: string, port: number): string {
  const cert = join(dir, `site-${index}.crt`);
  const key = join(dir, `site-${index}.key`);
  writeFileSync(cert, site.cert.endsWith('\n') ? site.cert : `${site.cert}\n`);
  writeFileSync(key, keyPem(site.key), { mode: 0o600 });
  // An empty server_name ("") is how nginx spells "requests without a Host/SNI".
  const names = site.names.length > 0 ? site.names.map(quote).join(' ') : '""';
  return [
    '  server {',
    `    listen ${HOST}:${port} ssl${site.default ? ' default_server' : ''};`,
    `    server_name ${names};`,
    `    ssl_certificate ${quote(cert)};`,
    `    ssl_certificate_key ${quote(key)};`,
    '    return 200 "ok\\n";',
    '  }',
  ].join('\n');
}

/** nginx.conf for the sites; every path nginx would write to points into `dir`. */
function writeConfig(options: NginxOptions, dir: string, port: number): string {
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
    (kind) => `  ${kind}_temp_path ${quote(join(dir, kind))};`,
  );
  const tls = [
    `  ssl_protocols ${(options.protocols ?? ['TLSv1.2', 'TLSv1.3']).join(' ')};`,
    ...(options.ciphers ? [`  ssl_ciphers ${quote(options.ciphers)};`] : []),
  ];
  const conf = [
    `worker_processes ${options.workers ?? 'auto'};`,
    `pid ${quote(join(dir, 'nginx.pid'))};`,
    `lock_file ${quote(join(dir, 'nginx.lock'))};`,
    `error_log ${quote(join(dir, 'error.log'))} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    '  access_log off;',
    ...temp,
    ...tls,
    ...options.sites.map((site, i) => serverBlock(site, i, dir, port)),
    '}',
    '',
  ].join('\n');
  const path = join(dir, 'nginx.conf');
  writeFileSync(path, conf);
  return path;
}

function readIfExists(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Resolves once nginx wrote its pid file (it does so after binding its sockets, so another
 * process on the port is not mistaken for it) and a TCP connection to the port succeeds; rejects
 * if nginx exits or time runs out.
 */
async function waitForPort(
  child: ChildProcess,
  port: number,
  pidFile: string,
  deadline: number,
): Promise<void> {
  let exited: string | undefined;
  const onExit = (code: number | null, signal: string | null) => {
    exited = `exited with ${signal ?? `code ${code}`}`;
  };
  child.once('exit', onExit);
  try {
    while (Date.now() < deadline) {
      if (exited !== undefined || child.exitCode !== null) throw new NginxError(exited ?? 'exited');
      const up =
        readIfExists(pidFile) !== '' &&
        (await new Promise<boolean>((resolve) => {
          const socket = connect({ host: HOST, port });
          socket.setTimeout(500, () => socket.destroy());
          socket.once('connect', () => {
            socket.destroy();
            resolve(true);
          });
          socket.once('close', () => resolve(false));
          socket.once('error', () => resolve(false));
        }));
      if (up) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new NginxError('did not accept connections in time');
  } finally {
    child.off('exit', onExit);
  }
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

// If the test process ends without stop() (a crash, a timeout), take the nginx masters with it:
// SIGTERM makes a master stop its workers too, where SIGKILL would orphan them on the port.
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of running) child.kill('SIGTERM');
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function startOnce(binary: string, options: NginxOptions, port: number): Promise<NginxServer> {
  const dir = mkdtempSync(join(tmpdir(), 'certgate-nginx-'));
  const conf = writeConfig(options, dir, port);
  const child = spawn(binary, ['-p', `${dir}/`, '-c', conf, '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  installExitHook();
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const errorLog = () => readIfExists(join(dir, 'error.log'));
  const stop = async () => {
    await stopChild(child);
    running.delete(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    await waitForPort(child, port, join(dir, 'nginx.pid'), Date.now() + (options.startTimeoutMs ?? 10_000));
  } catch (err) {
    const log = `${output}${errorLog()}`.trim();
    await stop();
    const reason = err instanceof Error ? err.message : String(err);
    throw new NginxError(`nginx on ${HOST}:${port} ${reason}${log ? `:\n${log}` : ''}`);
  }
  return { host: HOST, port, dir, errorLog, stop };
}

/**
 * Starts nginx on a free 127.0.0.1 port with one `server` block per site and waits until the
 * port accepts connections. Retries on a new port when another process took the chosen one.
 *
 * @throws NginxError when nginx is not installed (the message says how to install it) or does not start
 */
export async function startNginx(options: NginxOptions): Promise<NginxServer> {
  const binary = requireNginx();
  if (options.sites.length === 0) throw new NginxError('startNginx needs at least one site');
  if (options.sites.filter((s) => s.default).length > 1)
    throw new NginxError('at most one site can be the default server');
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(binary, options, await freePort());
    } catch (err) {
      const busy = err instanceof NginxError && /Address already in use/.test(err.message);
      if (!busy || attempt >= PORT_ATTEMPTS) throw err;
    }
  }
}
