/**
 * Reading the names a name-mismatch message lists: Node's `DNS:a, DNS:b, IP Address:192.0.2.1`,
 * Go's and Firefox's plain `a, b`. Lists are capped so a hostile message cannot blow up the work
 * the names layer does on them.
 */

import { parseIpAddress } from '../../names/ip-address.js';
import { diagnoseNameMismatch } from '../diagnoses/name.js';
import type { Pattern } from '../pattern.js';
import type { ExplainClient, Extracted } from '../types.js';

const MAX_NAMES = 200;

/** The DNS names and IP addresses of a printed SAN list. Other types (email, URI) are skipped. */
export function parseNameList(text: string): { dnsNames: string[]; ipAddresses: string[] } {
  const dnsNames: string[] = [];
  const ipAddresses: string[] = [];
  for (const raw of text.split(',').slice(0, MAX_NAMES)) {
    const entry = raw.trim().replace(/\.$/, '');
    if (entry === '') continue;
    const typed = /^(DNS|IP Address|IP):\s*(\S{1,253})$/i.exec(entry);
    if (typed) {
      (typed[1]!.toUpperCase() === 'DNS' ? dnsNames : ipAddresses).push(typed[2]!);
    } else if (!/^[\w ]{1,20}:/.test(entry) || parseIpAddress(entry).ok) {
      if (/\s/.test(entry)) continue;
      (parseIpAddress(entry).ok ? ipAddresses : dnsNames).push(entry);
    }
  }
  return { dnsNames, ipAddresses };
}

/** A host or IP as printed (a sentence's trailing dot removed); IP literals go to `ip`. */
export function targetFields(printed: string | undefined): Extracted {
  // quotes and closing marks a paste puts around the message (`…not 10.0.0.1\``) are no part of a host
  const value = printed
    ?.trim()
    .replace(/^[`'"([]+|[`'")\]};:,]+$/g, '')
    .replace(/\.$/, '');
  if (!value) return {};
  return parseIpAddress(value).ok ? { ip: value } : { host: value };
}

/** A name-mismatch pattern of one client. */
export function namePattern(
  client: ExplainClient,
  id: string,
  title: string,
  source: string,
  extract: (m: RegExpExecArray, text: string) => Extracted = () => ({}),
  flags = 'gi',
): Pattern {
  return {
    id,
    title,
    source: 'tls-client',
    client,
    key: 'name',
    regex: new RegExp(source, flags),
    extract,
    diagnose: diagnoseNameMismatch,
  };
}
