/** authorityKeyIdentifier (RFC 5280 §4.2.1.1). */

import { checkInteger } from '../der-values.js';
import { readGeneralNamesContent } from '../general-name.js';
import { hex } from '../hex.js';
import type { GeneralName } from '../model.js';
import type { ExtensionDecoder } from './types.js';

// RFC 5280 §4.2.1.1: AuthorityKeyIdentifier ::= SEQUENCE {
//   keyIdentifier [0] KeyIdentifier OPTIONAL, authorityCertIssuer [1] GeneralNames OPTIONAL,
//   authorityCertSerialNumber [2] CertificateSerialNumber OPTIONAL }   (implicit tags)
/** Decodes an authorityKeyIdentifier extnValue. */
export const decodeAuthorityKeyIdentifier: ExtensionDecoder<'authorityKeyIdentifier'> = (r) => {
  const s = r.sequence('authorityKeyIdentifier');
  const keyId = s.optional(0x80, 'keyIdentifier');
  const issuer = s.optional(0xa1, 'authorityCertIssuer');
  const serial = s.optional(0x82, 'authorityCertSerialNumber');
  s.finish('authorityKeyIdentifier');
  const out: {
    kind: 'authorityKeyIdentifier';
    keyIdentifier?: Uint8Array;
    authorityCertIssuer?: readonly GeneralName[];
    authorityCertSerialNumber?: string;
  } = { kind: 'authorityKeyIdentifier' };
  if (keyId) out.keyIdentifier = r.buf.subarray(keyId.start, keyId.end);
  if (issuer)
    out.authorityCertIssuer = readGeneralNamesContent(s.enter(issuer), 'authorityCertIssuer', issuer.offset);
  if (serial) {
    checkInteger(r.buf, serial);
    out.authorityCertSerialNumber = hex(r.buf, serial.start, serial.end);
  }
  return out;
};
