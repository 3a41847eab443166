/**
 * PKCS#12 (`.p12`, `.pfx`) files: the certificate they hold and the CA certificates they carry.
 * Node's own OpenSSL (a TLS context made from the file) judges the password and the MAC and
 * gives the leaf, so its errors (wrong password, legacy RC2) stay the ones people see, and
 * nothing of the private key is kept. Node does not expose the CA certificates, so the file is
 * then walked here (RFC 7292): its certificate bags, plain or encrypted with PBES2 (PBKDF2 +
 * AES-CBC, OpenSSL 3's default) or PKCS#12 SHA-1 3DES (OpenSSL 1.x), come after the leaf in
 * file order, like a PEM bundle's extra certificates. A file walked here fails softly: an
 * unknown cipher or a BER encoding gives the leaf alone, as a bare leaf.
 */

import { createDecipheriv, createHash, pbkdf2Sync } from 'node:crypto';
import { createSecureContext, TLSSocket } from 'node:tls';
import { decodeCertificate } from '../x509/certificate.js';
import { DerReader, Tag } from '../x509/der.js';
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

/** The certificate of a PKCS#12 file, then its other certificates in file order, or the reason it cannot be read. */
export function readPkcs12(
  bytes: Uint8Array,
  password: string,
): { certificates: Certificate[] } | { reason: string } {
  let socket: TLSSocket | undefined;
  let leaf: Certificate;
  try {
    const context = createSecureContext({ pfx: Buffer.from(bytes), passphrase: password });
    socket = new TLSSocket(null as never, { secureContext: context });
    const x509 = socket.getX509Certificate();
    if (!x509) return { reason: 'the PKCS#12 file holds no certificate with its key' };
    leaf = decodeCertificate(new Uint8Array(x509.raw));
  } catch (e) {
    return { reason: reason(e instanceof Error ? e.message : String(e)) };
  } finally {
    socket?.destroy();
  }
  return { certificates: [leaf, ...otherCertificates(bytes, password, leaf.der)] };
}

/** The certificates of the file other than `leaf` (deduplicated), or none when they cannot be read. */
function otherCertificates(bytes: Uint8Array, password: string, leaf: Uint8Array): Certificate[] {
  let ders: Uint8Array[];
  try {
    ders = certificateBags(bytes, password);
  } catch {
    return []; // BER, an unknown cipher, a bag OpenSSL read differently: the leaf alone, as before
  }
  const seen = new Set([Buffer.from(leaf).toString('base64')]);
  const out: Certificate[] = [];
  for (const der of ders) {
    const key = Buffer.from(der).toString('base64');
    if (seen.has(key)) continue;
    seen.add(key);
    try {
      out.push(decodeCertificate(der));
    } catch {
      // a CA certificate OpenSSL accepted but strict DER does not: it cannot help a chain here
    }
  }
  return out;
}

const OID_DATA = '1.2.840.113549.1.7.1';
const OID_ENCRYPTED_DATA = '1.2.840.113549.1.7.6';
const OID_CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const OID_SAFE_CONTENTS_BAG = '1.2.840.113549.1.12.10.1.6';
const OID_X509_CERTIFICATE = '1.2.840.113549.1.9.22.1';
const OID_PBES2 = '1.2.840.113549.1.5.13';
const OID_PBKDF2 = '1.2.840.113549.1.5.12';
const OID_PBE_SHA1_3DES = '1.2.840.113549.1.12.1.3';

/** RFC 8018 §B.1.2 PRFs, by OID; absent means HMAC-SHA1. */
const PRFS: Readonly<Record<string, string>> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};

/** PBES2 encryption schemes: the Node cipher and its key length. */
const CIPHERS: Readonly<Record<string, { name: string; keyLength: number }>> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
};

/** PBKDF2 iterations derived at most per file, all bags together: a hostile file must not hold the run. */
const MAX_PBKDF2_ITERATIONS = 10_000_000;
/** SHA-1 calls of the PKCS#12 KDF per file: it runs one per iteration in JavaScript (about 1.5 s a million). */
const MAX_PKCS12_KDF_ITERATIONS = 1_000_000;

/** Nested safeContentsBags followed at most. */
const MAX_BAG_DEPTH = 4;

/** Thrown inside the walk for anything it does not read; caught by otherCertificates. */
class Unreadable extends Error {}

/** Iterations a file may still spend, per KDF. */
interface Budget {
  pbkdf2: number;
  pkcs12: number;
}

/** Takes `iterations` from a budget, or gives up on the file's extra certificates. */
function spend(budget: Budget, kdf: keyof Budget, iterations: number): void {
  if (iterations < 1 || iterations > budget[kdf]) throw new Unreadable('iteration count');
  budget[kdf] -= iterations;
}

/** The DER of every x509Certificate certBag, in file order (RFC 7292 §4 and §4.2.3). */
function certificateBags(bytes: Uint8Array, password: string): Uint8Array[] {
  // PFX ::= SEQUENCE { version INTEGER, authSafe ContentInfo, macData MacData OPTIONAL }
  const pfx = new DerReader(bytes).sequence('PFX');
  pfx.expect(Tag.INTEGER, 'version');
  const authSafe = dataContent(pfx.sequence('authSafe'));
  // AuthenticatedSafe ::= SEQUENCE OF ContentInfo
  const infos = new DerReader(authSafe).sequence('AuthenticatedSafe');
  const out: Uint8Array[] = [];
  const budget: Budget = { pbkdf2: MAX_PBKDF2_ITERATIONS, pkcs12: MAX_PKCS12_KDF_ITERATIONS };
  while (infos.hasMore) {
    const info = infos.sequence('ContentInfo');
    const type = info.readOid('contentType');
    if (type === OID_DATA) {
      const octets = new DerReader(info.enter(info.expect(0xa0, 'content')).readOctetString('data'));
      safeContents(octets, out, 0);
    } else if (type === OID_ENCRYPTED_DATA) {
      const plain = decryptEncryptedData(info.enter(info.expect(0xa0, 'content')), password, budget);
      safeContents(new DerReader(plain), out, 0);
    } else throw new Unreadable(`content type ${type}`); // envelopedData: public-key privacy mode
  }
  return out;
}

/** ContentInfo of type data: its OCTET STRING; anything else (signedData integrity mode) is unread. */
function dataContent(info: DerReader): Uint8Array {
  const type = info.readOid('contentType');
  if (type !== OID_DATA) throw new Unreadable(`authSafe content type ${type}`);
  return info.enter(info.expect(0xa0, 'content')).readOctetString('data');
}

// SafeContents ::= SEQUENCE OF SafeBag; SafeBag ::= SEQUENCE { bagId, bagValue [0] EXPLICIT, attributes }
function safeContents(r: DerReader, out: Uint8Array[], depth: number): void {
  const bags = r.sequence('SafeContents');
  while (bags.hasMore) {
    const bag = bags.sequence('SafeBag');
    const id = bag.readOid('bagId');
    const value = bag.enter(bag.expect(0xa0, 'bagValue'));
    if (id === OID_CERT_BAG) {
      // CertBag ::= SEQUENCE { certId OID, certValue [0] EXPLICIT OCTET STRING }
      const cert = value.sequence('CertBag');
      if (cert.readOid('certId') !== OID_X509_CERTIFICATE) continue; // SDSI certificates
      out.push(cert.enter(cert.expect(0xa0, 'certValue')).readOctetString('x509Certificate'));
    } else if (id === OID_SAFE_CONTENTS_BAG && depth < MAX_BAG_DEPTH) safeContents(value, out, depth + 1);
    // key bags, CRL bags, secret bags: not certificates
  }
}

// EncryptedData ::= SEQUENCE { version, EncryptedContentInfo { contentType, algorithm, [0] IMPLICIT OCTET STRING } }
function decryptEncryptedData(content: DerReader, password: string, budget: Budget): Uint8Array {
  const data = content.sequence('EncryptedData');
  data.expect(Tag.INTEGER, 'version');
  const info = data.sequence('EncryptedContentInfo');
  info.readOid('contentType');
  const algorithm = info.sequence('contentEncryptionAlgorithm');
  const encrypted = info.expect(0x80, 'encryptedContent'); // primitive only: DER
  const ciphertext = info.buf.subarray(encrypted.start, encrypted.end);
  const oid = algorithm.readOid('algorithm');
  if (oid === OID_PBES2) return pbes2(algorithm.sequence('PBES2-params'), password, ciphertext, budget);
  if (oid === OID_PBE_SHA1_3DES)
    return pbeSha13Des(algorithm.sequence('pkcs-12PbeParams'), password, ciphertext, budget);
  throw new Unreadable(`cipher ${oid}`);
}

// RFC 8018 §6.2 and §A.2: PBES2-params ::= SEQUENCE { keyDerivationFunc, encryptionScheme }
function pbes2(params: DerReader, password: string, ciphertext: Uint8Array, budget: Budget): Uint8Array {
  const kdf = params.sequence('keyDerivationFunc');
  if (kdf.readOid('kdf') !== OID_PBKDF2) throw new Unreadable('key derivation');
  // PBKDF2-params ::= SEQUENCE { salt OCTET STRING, iterationCount, keyLength OPTIONAL, prf DEFAULT hmacWithSHA1 }
  const p = kdf.sequence('PBKDF2-params');
  const salt = p.readOctetString('salt');
  const iterations = p.readSmallUint('iterationCount');
  const keyLength = p.peek() === Tag.INTEGER ? p.readSmallUint('keyLength') : undefined;
  const digest = p.hasMore ? PRFS[p.sequence('prf').readOid('prf')] : 'sha1';
  const scheme = params.sequence('encryptionScheme');
  const cipher = CIPHERS[scheme.readOid('encryptionScheme')];
  const iv = scheme.readOctetString('iv');
  if (!digest || !cipher || (keyLength !== undefined && keyLength !== cipher.keyLength))
    throw new Unreadable('PBES2 algorithm');
  spend(budget, 'pbkdf2', iterations);
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, cipher.keyLength, digest);
  return decrypt(cipher.name, key, iv, ciphertext);
}

// RFC 7292 §C: pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }
function pbeSha13Des(
  params: DerReader,
  password: string,
  ciphertext: Uint8Array,
  budget: Budget,
): Uint8Array {
  const salt = params.readOctetString('salt');
  const iterations = params.readSmallUint('iterations');
  // OpenSSL reads an empty password as none at all when the file was written so: try both
  const passwords = password === '' ? [bmpPassword(''), new Uint8Array(0)] : [bmpPassword(password)];
  let last: unknown;
  for (const p of passwords) {
    spend(budget, 'pkcs12', 3 * iterations); // two hash chains for the key, one for the IV
    try {
      const key = pkcs12Kdf(p, salt, 1, iterations, 24);
      const iv = pkcs12Kdf(p, salt, 2, iterations, 8);
      return decrypt('des-ede3-cbc', key, iv, ciphertext);
    } catch (e) {
      last = e;
    }
  }
  throw last;
}

/** RFC 7292 §B.1: the password as a BMPString, big-endian UTF-16 with a two-zero-byte terminator. */
function bmpPassword(password: string): Uint8Array {
  const out = new Uint8Array(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) {
    const unit = password.charCodeAt(i);
    out[2 * i] = unit >> 8;
    out[2 * i + 1] = unit & 0xff;
  }
  return out;
}

/** RFC 7292 §B.2 with SHA-1 (u = 20, v = 64): `n` bytes of key (id 1) or IV (id 2). */
function pkcs12Kdf(
  password: Uint8Array,
  salt: Uint8Array,
  id: number,
  iterations: number,
  n: number,
): Buffer {
  const u = 20;
  const v = 64;
  const fill = (s: Uint8Array): Uint8Array => {
    const out = new Uint8Array(v * Math.ceil(s.length / v));
    for (let i = 0; i < out.length; i++) out[i] = s[i % s.length]!;
    return out;
  };
  const d = new Uint8Array(v).fill(id);
  const input = Buffer.concat([fill(salt), fill(password)]);
  const result = Buffer.alloc(Math.ceil(n / u) * u);
  for (let block = 0; block * u < n; block++) {
    let a: Buffer = createHash('sha1').update(d).update(input).digest();
    for (let r = 1; r < iterations; r++) a = createHash('sha1').update(a).digest();
    a.copy(result, block * u);
    if ((block + 1) * u >= n) break;
    // I_j = (I_j + B + 1) mod 2^(8v), B = A repeated to v bytes
    for (let j = 0; j < input.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = input[j + k]! + a[k % u]! + carry;
        input[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return result.subarray(0, n);
}

function decrypt(name: string, key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  const decipher = createDecipheriv(name, key, iv);
  return new Uint8Array(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
}
