/**
 * The machine's real `openssl verify`, run the way a TLS client built on OpenSSL 3 verifies a
 * server: the TLS purpose, security level 2 (the default of Debian, Ubuntu and RHEL, so of curl,
 * Python and nginx there), the host name or address, every CRL checked when CRLs are given. It is
 * the oracle of the `client` policy's OpenSSL half.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One chain to verify, as PEM text. */
export interface OpensslCase {
  readonly trusted: readonly string[];
  readonly untrusted: readonly string[];
  readonly leaf: string;
  readonly at?: Date;
  readonly purpose?: 'server' | 'client';
  readonly host?: string;
  readonly ip?: string;
  readonly crls?: readonly string[];
  /** Most intermediates (openssl -verify_depth). */
  readonly maxIntermediates?: number;
}

/** What openssl said: accepted, or the first error line. */
export interface OpensslVerdict {
  readonly ok: boolean;
  readonly detail: string;
}

/** The openssl binary, or undefined when the machine has none. */
export function findOpenssl(): string | undefined {
  const r = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  return r.status === 0 ? 'openssl' : undefined;
}

/** Verifies one chain with `openssl verify`, in a scratch folder removed afterwards. */
export function opensslVerify(c: OpensslCase): OpensslVerdict {
  const dir = mkdtempSync(join(tmpdir(), 'certgate-openssl-'));
  try {
    const file = (name: string, pems: readonly string[]) => {
      const path = join(dir, name);
      writeFileSync(path, pems.join('\n'));
      return path;
    };
    const args = [
      'verify',
      '-auth_level',
      '2',
      '-purpose',
      c.purpose === 'client' ? 'sslclient' : 'sslserver',
    ];
    if (c.at) args.push('-attime', String(Math.floor(c.at.getTime() / 1000)));
    args.push('-CAfile', file('trusted.pem', c.trusted));
    if (c.untrusted.length > 0) args.push('-untrusted', file('untrusted.pem', c.untrusted));
    if (c.crls?.length) args.push('-crl_check_all', '-CRLfile', file('crls.pem', c.crls));
    if (c.maxIntermediates !== undefined) args.push('-verify_depth', String(c.maxIntermediates));
    if (c.host) args.push('-verify_hostname', c.host);
    if (c.ip) args.push('-verify_ip', c.ip);
    args.push(file('leaf.pem', [c.leaf]));
    const r = spawnSync('openssl', args, { encoding: 'utf8' });
    const ok = r.status === 0 && /: OK\s*$/.test(r.stdout);
    const detail = `${r.stderr}${r.stdout}`
      .split('\n')
      .filter((l) => /^error \d+/.test(l))
      .slice(0, 1)
      .join('');
    return { ok, detail: ok ? 'OK' : detail || r.stderr.trim().split('\n')[0] || 'rejected' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
