/**
 * A real DNS server on loopback for the renewal checks: Debian's dnsmasq (.ci/run installs
 * dnsmasq-base), authoritative for the test zones it is given, answering CNAME and CAA records
 * written as raw RDATA (--dns-rr) and NXDOMAIN for any other name in those zones. Nothing is
 * forwarded: no lookup leaves the machine.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import { existsSync } from 'node:fs';

/** A record: a CNAME, or one CAA property. */
export type TestRecord =
  | { readonly name: string; readonly cname: string }
  | {
      readonly name: string;
      readonly caa: { readonly flags?: number; readonly tag: string; readonly value: string };
    };

/** A running server: `address` is `127.0.0.1:PORT`, for `dns.Resolver.setServers` and `--dns-server`. */
export interface TestDns {
  readonly address: string;
  close(): Promise<void>;
}

const wireName = (name: string): Buffer =>
  Buffer.concat([
    ...name
      .split('.')
      .filter(Boolean)
      .map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label)])),
    Buffer.from([0]),
  ]);

function rdata(r: TestRecord): string {
  if ('cname' in r) return `${r.name},5,${wireName(r.cname).toString('hex')}`;
  const { flags = 0, tag, value } = r.caa;
  return `${r.name},257,${Buffer.concat([Buffer.from([flags, tag.length]), Buffer.from(tag), Buffer.from(value)]).toString('hex')}`;
}

async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

/** Starts dnsmasq serving `records`, authoritative for `zones`; resolves once it answers. */
export async function startDns(zones: readonly string[], records: readonly TestRecord[]): Promise<TestDns> {
  const port = await freeUdpPort();
  const args = [
    '--keep-in-foreground',
    '--conf-file=/dev/null',
    `--port=${port}`,
    '--listen-address=127.0.0.1',
    '--bind-interfaces',
    '--no-resolv',
    '--no-hosts',
    '--no-poll',
    ...(process.getuid?.() === 0 ? ['--user=root'] : []),
    ...zones.map((z) => `--local=/${z}/`),
    ...records.map((r) => `--dns-rr=${rdata(r)}`),
  ];
  // /usr/sbin is not on every user's PATH
  const binary = existsSync('/usr/sbin/dnsmasq') ? '/usr/sbin/dnsmasq' : 'dnsmasq';
  const child: ChildProcess = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`dnsmasq exited ${code}: ${stderr.trim()}`))),
  );
  exited.catch(() => undefined);
  const resolver = new Resolver({ timeout: 200, tries: 1 });
  resolver.setServers([`127.0.0.1:${port}`]);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answered = await Promise.race([
      resolver.resolveCaa(`ready-check.${zones[0]}`).then(
        () => true,
        (e: { code?: string }) => e.code === 'ENOTFOUND' || e.code === 'ENODATA',
      ),
      exited,
    ]);
    if (answered) break;
    if (Date.now() > deadline) throw new Error(`dnsmasq did not answer on port ${port}: ${stderr.trim()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    address: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
