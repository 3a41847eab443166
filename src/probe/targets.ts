/**
 * What to probe: `host[:port]` targets (IPv6 literals in brackets), `--targets` files (one a
 * line, `#` comments) and curl-style `--resolve HOST:PORT:ADDR` entries. Parsers return an
 * `Outcome` with a one-line reason and never throw on bad input.
 */

import { parseIpAddress, parseReferenceName } from '../names/index.js';
import type { Outcome } from '../types.js';
import type { ProbeTarget, ResolveEntry } from './types.js';

/** The port probed when a target names none. */
export const DEFAULT_PORT = 443;

/**
 * Targets one `--targets` file may hold, good or bad (each becomes a result: a mistyped path to a
 * huge file, or a file of junk lines, must not make millions of them). Lines after it are not
 * read, and one error at that line says so and how many were left.
 */
export const MAX_TARGETS_PER_FILE = 100_000;

/** A port number 1..65535 from its decimal text, or undefined. */
function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65_535 ? port : undefined;
}

/** A host: an IP literal (canonical text) or a DNS name (lower case, no trailing dot). */
function parseHost(text: string): Outcome<string, string> {
  const ip = parseIpAddress(text);
  if (ip.ok) return { ok: true, value: ip.value.text };
  const name = parseReferenceName(text.endsWith('.') ? text.slice(0, -1) : text);
  if (name.ok) return { ok: true, value: name.value.name };
  return { ok: false, error: `not a host name or IP address (${name.error.reason})` };
}

/**
 * Parses `host`, `host:port`, `[v6]`, `[v6]:port` or a bare IPv6 literal; an `https://` URL is
 * taken for its host and port. The port defaults to `defaultPort` (443).
 */
export function parseTarget(
  text: string,
  source = 'argv',
  defaultPort = DEFAULT_PORT,
): Outcome<ProbeTarget, string> {
  let rest = text.trim();
  const url = /^https:\/\/([^/?#]+)(?:[/?#].*)?$/i.exec(rest);
  if (url) rest = url[1]!;
  if (rest === '') return { ok: false, error: 'empty target' };
  let hostText = rest;
  let portText: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return { ok: false, error: "missing ']' after the IPv6 address" };
    hostText = rest.slice(1, close);
    const after = rest.slice(close + 1);
    if (after !== '') {
      if (!after.startsWith(':')) return { ok: false, error: "expected :PORT after ']'" };
      portText = after.slice(1);
    }
    if (!parseIpAddress(hostText).ok || !hostText.includes(':'))
      return { ok: false, error: 'only IPv6 addresses go in brackets' };
  } else {
    const colons = rest.split(':').length - 1;
    if (colons === 1) {
      const at = rest.indexOf(':');
      hostText = rest.slice(0, at);
      portText = rest.slice(at + 1);
    }
    // Two or more colons: a bare IPv6 literal (its port, if any, needs brackets).
  }
  const port = portText === undefined ? defaultPort : parsePort(portText);
  if (port === undefined) return { ok: false, error: 'the port must be 1-65535' };
  const host = parseHost(hostText);
  if (!host.ok) return { ok: false, error: host.error };
  return { ok: true, value: { host: host.value, port, source } };
}

/** A target as `host:port`, IPv6 in brackets. */
export function endpointText(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** One bad line of a targets file: its number, its text, why, and `"text": reason`. */
export interface TargetLineError {
  readonly line: number;
  /** The line without its comment, trimmed. */
  readonly text: string;
  /** Why it is not a target (lower case, no period). */
  readonly reason: string;
  readonly message: string;
}

/**
 * Reads a targets file: one target a line; blank lines and `#` comments (whole-line, or after
 * whitespace) are skipped. Every bad line is reported with its number, up to
 * {@link MAX_TARGETS_PER_FILE} lines good or bad; past that, one error names the line where
 * reading stopped and how many target lines were left unread.
 */
export function parseTargetsText(
  text: string,
  source: string,
  defaultPort = DEFAULT_PORT,
): { readonly targets: ProbeTarget[]; readonly errors: TargetLineError[] } {
  const targets: ProbeTarget[] = [];
  const errors: TargetLineError[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let stoppedAt: { line: number; text: string } | undefined;
  let unread = 0;
  lines.forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') return;
    if (targets.length + errors.length >= MAX_TARGETS_PER_FILE) {
      stoppedAt ??= { line: i + 1, text: line };
      unread++;
      return;
    }
    const parsed = parseTarget(line, source, defaultPort);
    if (parsed.ok) targets.push(parsed.value);
    else
      errors.push({
        line: i + 1,
        text: line,
        reason: parsed.error,
        message: `${JSON.stringify(line)}: ${parsed.error}`,
      });
  });
  if (stoppedAt) {
    const reason = `more than ${MAX_TARGETS_PER_FILE} targets in one file: this line and the ${unread - 1} target line${unread === 2 ? '' : 's'} after it were not read`;
    errors.push({ ...stoppedAt, reason, message: reason });
  }
  return { targets, errors };
}

/**
 * Parses a `--resolve` value as curl does: `HOST:PORT:ADDR[,ADDR...]`, HOST may be `*`, IPv6
 * addresses with or without brackets.
 */
export function parseResolve(text: string): Outcome<ResolveEntry, string> {
  const first = text.indexOf(':');
  const second = first < 0 ? -1 : text.indexOf(':', first + 1);
  if (first < 0 || second < 0)
    return { ok: false, error: 'expected HOST:PORT:ADDR, e.g. www.example.com:443:192.0.2.10' };
  const hostText = text.slice(0, first);
  const port = parsePort(text.slice(first + 1, second));
  if (port === undefined) return { ok: false, error: 'the port must be 1-65535' };
  let host = '*';
  if (hostText !== '*') {
    const parsed = parseHost(hostText);
    if (!parsed.ok) return { ok: false, error: `HOST ${parsed.error}` };
    host = parsed.value;
  }
  const addresses: string[] = [];
  for (const part of text.slice(second + 1).split(',')) {
    const bare = part.trim().replace(/^\[(.*)\]$/, '$1');
    const ip = parseIpAddress(bare);
    if (!ip.ok) return { ok: false, error: `${JSON.stringify(part)} is not an IP address` };
    addresses.push(ip.value.text);
  }
  return { ok: true, value: { host, port, addresses } };
}

/** The `--resolve` entry for a target: an exact host match wins over `*`, then the first given. */
export function findResolve(
  entries: readonly ResolveEntry[],
  host: string,
  port: number,
): ResolveEntry | undefined {
  return (
    entries.find((e) => e.port === port && e.host === host) ??
    entries.find((e) => e.port === port && e.host === '*')
  );
}

/** Whether a host is an IP literal (no DNS, no SNI). */
export function isIpLiteral(host: string): boolean {
  return parseIpAddress(host).ok;
}
