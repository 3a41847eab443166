/**
 * SubjectPublicKeyInfo (RFC 5280 §4.1.2.7), summarised: RSA modulus size and exponent (RFC 8017
 * §A.1.1), EC named curve (RFC 5480 §2.1.1), EdDSA (RFC 8410), DSA (RFC 3279 §2.3.2). Other
 * algorithms are `unknown`.
 */

import { readAlgorithm } from './algorithm.js';
import { DerReader, Tag } from './der.js';
import { checkInteger, decodeBitString, decodeOid } from './der-values.js';
import { fail } from './errors.js';
import type { AlgorithmIdentifier, PublicKeyInfo } from './model.js';
import { curveInfo, OID } from './oids.js';

/** Reads a SubjectPublicKeyInfo SEQUENCE. */
export function readPublicKeyInfo(r: DerReader): PublicKeyInfo {
  const el = r.expect(Tag.SEQUENCE, 'subjectPublicKeyInfo');
  const s = r.enter(el);
  const algorithm = readAlgorithm(s, 'subjectPublicKeyInfo algorithm');
  const keyEl = s.expect(Tag.BIT_STRING, 'subjectPublicKey');
  const key = decodeBitString(r.buf, keyEl);
  s.finish('subjectPublicKeyInfo');
  const spki = r.buf.subarray(el.offset, el.end);
  switch (algorithm.oid) {
    case OID.rsaEncryption:
    case OID.rsassaPss: {
      // the key BIT STRING holds the DER of RSAPublicKey; its contents start after the unused-bits octet
      if (key.unusedBits !== 0) fail(keyEl.start, 'RSA public key BIT STRING has unused bits');
      const rsa = readRsaPublicKey(new DerReader(r.buf, keyEl.start + 1, keyEl.end, s.depth + 1));
      const type = algorithm.oid === OID.rsaEncryption ? 'rsa' : 'rsa-pss';
      return Object.freeze({ algorithm, spki, type, ...rsa });
    }
    case OID.ecPublicKey:
      return summariseEcKey(r.buf, algorithm, spki, key.bytes, keyEl.offset);
    case OID.ed25519:
      return Object.freeze({ algorithm, spki, type: 'ed25519' });
    case OID.ed448:
      return Object.freeze({ algorithm, spki, type: 'ed448' });
    case OID.dsa:
      return summariseDsaKey(r.buf, algorithm, spki, keyEl.offset);
    default:
      return Object.freeze({ algorithm, spki, type: 'unknown' });
  }
}

// RFC 8017 §A.1.1: RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
function readRsaPublicKey(r: DerReader): { modulusBits: number; exponent: number } {
  const s = r.sequence('RSAPublicKey');
  const n = s.expect(Tag.INTEGER, 'RSA modulus');
  if (checkInteger(r.buf, n)) fail(n.start, 'RSA modulus is negative');
  const e = s.expect(Tag.INTEGER, 'RSA public exponent');
  if (checkInteger(r.buf, e)) fail(e.start, 'RSA public exponent is negative');
  s.finish('RSAPublicKey');
  r.finish('RSA public key');
  const modulusBits = integerBits(r.buf, n.start, n.end);
  let exponent = 0;
  for (let i = e.start; i < e.end; i++) exponent = exponent * 256 + r.buf[i]!;
  if (exponent > Number.MAX_SAFE_INTEGER) fail(e.start, 'RSA public exponent is too large');
  return { modulusBits, exponent };
}

/**
 * A SubjectPublicKeyInfo with `parameters` (DER) put into its AlgorithmIdentifier: for a DSA key
 * that inherits its issuer's Dss-Parms (RFC 5280 §6.1.4 (e)-(f)), the key node:crypto can load.
 */
export function spkiWithParameters(spki: Uint8Array, parameters: Uint8Array): Uint8Array {
  const s = new DerReader(spki).sequence('subjectPublicKeyInfo');
  const algorithm = s.expect(Tag.SEQUENCE, 'algorithm');
  const oid = s.enter(algorithm).expect(Tag.OID, 'algorithm');
  const key = s.expect(Tag.BIT_STRING, 'subjectPublicKey');
  const tlv = (tag: number, content: Uint8Array): Uint8Array => {
    const n = content.length;
    const size: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) size.unshift(v & 0xff);
    const length = n < 0x80 ? [n] : [0x80 | size.length, ...size];
    return Buffer.concat([Uint8Array.of(tag, ...length), content]);
  };
  const algorithmId = tlv(Tag.SEQUENCE, Buffer.concat([spki.subarray(oid.offset, oid.end), parameters]));
  return tlv(Tag.SEQUENCE, Buffer.concat([algorithmId, spki.subarray(key.offset, key.end)]));
}

// RFC 3279 §2.3.2: Dss-Parms ::= SEQUENCE { p INTEGER, q INTEGER, g INTEGER }, or absent when
// the key inherits its issuer's parameters
function summariseDsaKey(
  buf: Uint8Array,
  algorithm: AlgorithmIdentifier,
  spki: Uint8Array,
  keyAt: number,
): PublicKeyInfo {
  const params = algorithm.parameters;
  if (params === undefined) return Object.freeze({ algorithm, spki, type: 'dsa' });
  // as for EC keys: the parameters end where the key's BIT STRING starts
  const at = keyAt - params.length;
  const s = new DerReader(buf, at, at + params.length).sequence('Dss-Parms');
  const p = s.expect(Tag.INTEGER, 'DSA p');
  if (checkInteger(buf, p)) fail(p.start, 'DSA p is negative');
  s.expect(Tag.INTEGER, 'DSA q');
  s.expect(Tag.INTEGER, 'DSA g');
  s.finish('Dss-Parms');
  return Object.freeze({ algorithm, spki, type: 'dsa', pBits: integerBits(buf, p.start, p.end) });
}

/** The bit length of a non-negative INTEGER's content octets. */
function integerBits(buf: Uint8Array, start: number, end: number): number {
  while (start < end && buf[start] === 0) start++;
  return start === end ? 0 : (end - start) * 8 - Math.clz32(buf[start]!) + 24;
}

// RFC 5480 §2.1.1: parameters are a namedCurve OID (implicitCurve and specifiedCurve MUST NOT be used)
function summariseEcKey(
  buf: Uint8Array,
  algorithm: AlgorithmIdentifier,
  spki: Uint8Array,
  point: Uint8Array,
  keyAt: number,
): PublicKeyInfo {
  const params = algorithm.parameters;
  if (params === undefined || params[0] !== Tag.OID)
    return Object.freeze({ algorithm, spki, type: 'unknown' });
  // the parameters end the AlgorithmIdentifier, which ends where the key's BIT STRING starts
  // (algorithm values are shared between certificates, so params need not view this buffer)
  const at = keyAt - params.length;
  const curveOid = decodeOid(buf, new DerReader(buf, at, at + params.length).expect(Tag.OID, 'namedCurve'));
  const known = curveInfo(curveOid);
  // an uncompressed point is 04 || X || Y, a compressed one 02/03 || X
  const coordinate = point[0] === 4 ? (point.length - 1) / 2 : point.length - 1;
  const keyBits = known?.bits ?? Math.max(0, Math.floor(coordinate) * 8);
  return Object.freeze({ algorithm, spki, type: 'ec', curve: known?.name ?? curveOid, curveOid, keyBits });
}
