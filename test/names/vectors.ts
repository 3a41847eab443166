/**
 * Shared helpers for the names tests: identifiers written as spec strings (`dns:…`, `ip:…`,
 * as in Go's name-constraint tests) turned into the inputs the names layer takes.
 */

import {
  type CertificateIdentities,
  parseIpAddress,
  parseReference,
  type Reference,
} from '../../src/names/index.js';

/**
 * Builds certificate identities from spec strings: `ip:192.0.2.1` is an iPAddress SAN, `cn:x` a
 * subject CN, anything else (optionally `dns:`-prefixed) a dNSName SAN exactly as written.
 */
export function identities(...specs: readonly string[]): CertificateIdentities {
  const dnsNames: string[] = [];
  const ipAddresses: Uint8Array[] = [];
  const commonNames: string[] = [];
  for (const spec of specs) {
    if (spec.startsWith('ip:')) {
      const ip = parseIpAddress(spec.slice(3));
      if (!ip.ok) throw new Error(`bad ip in test vector: ${spec}`);
      ipAddresses.push(ip.value.bytes);
    } else if (spec.startsWith('cn:')) {
      commonNames.push(spec.slice(3));
    } else {
      dnsNames.push(spec.startsWith('dns:') ? spec.slice(4) : spec);
    }
  }
  return { dnsNames, ipAddresses, commonNames };
}

/** Parses a reference written as a spec string (`ip:` forces an IP; otherwise auto-detected). */
export function reference(spec: string): Reference {
  const parsed = parseReference(spec.startsWith('ip:') ? spec.slice(3) : spec);
  if (!parsed.ok) throw new Error(`bad reference in test vector: ${spec}: ${parsed.error.reason}`);
  return parsed.value;
}
