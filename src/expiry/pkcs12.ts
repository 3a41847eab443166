/**
 * PKCS#12 (`.p12`, `.pfx`) files: the certificate they hold, read through Node's own OpenSSL (a
 * TLS context made from the file, whose certificate is then taken out), so every encryption
 * OpenSSL 3 supports by default works and nothing of the private key is kept. The CA
 * certificates a PKCS#12 file may carry are not exposed by Node: the chain comes from the other
 * files of the run or the trust store, as for a bare leaf.
 */

import { createSecureContext, TLSSocket } from 'node:tls';
import { decodeCertificate } from '../x509/certificate.js';
import type { Certificate } from '../x509/model.js';

/** Whether bytes are a PKCS#12 PFX: SEQUENCE { INTEGER 3, ContentInfo, ... } (RFC 7292 §4). */
export function looksLikePkcs12(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x30) return false;
  const lengthBytes = (bytes[1] ?? 0) & 0x80 ? bytes[1]! & 0x7f : 0;
  const at = 2 + lengthBytes;
  return bytes[at] === 0x02 && bytes[at + 1] === 0x01 && bytes[at + 2] === 0x03;
}

/** Why a PKCS#12 file could not be read, in words a person can act on. */
function reason(message: string): string {
  if (/mac verify failure/i.test(message))
    return 'wrong password for this PKCS#12 file (give it with --password-env VAR)';
  if (/unsupported/i.test(message))
    return 'PKCS#12 with legacy encryption (RC2 or 3DES) that OpenSSL 3 does not read by default; re-export it: openssl pkcs12 -export -certpbe AES-256-CBC -keypbe AES-256-CBC';
  return `not a readable PKCS#12 file (${message})`;
}

/** The certificate of a PKCS#12 file, or the reason it cannot be read. */
export function readPkcs12(
  bytes: Uint8Array,
  password: string,
): { certificates: Certificate[] } | { reason: string } {
  let socket: TLSSocket | undefined;
  try {
    const context = createSecureContext({ pfx: Buffer.from(bytes), passphrase: password });
    socket = new TLSSocket(null as never, { secureContext: context });
    const leaf = socket.getX509Certificate();
    if (!leaf) return { reason: 'the PKCS#12 file holds no certificate with its key' };
    return { certificates: [decodeCertificate(new Uint8Array(leaf.raw))] };
  } catch (e) {
    return { reason: reason(e instanceof Error ? e.message : String(e)) };
  } finally {
    socket?.destroy();
  }
}
