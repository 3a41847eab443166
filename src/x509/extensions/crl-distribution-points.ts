/** cRLDistributionPoints (RFC 5280 §4.2.1.13). */

import type { DerElement, DerReader } from '../der.js';
import { decodeBitString, namedBits } from '../der-values.js';
import { fail } from '../errors.js';
import { readGeneralNamesContent } from '../general-name.js';
import type { DistributionPoint, GeneralName, NameAttribute } from '../model.js';
import { readRdn } from '../name.js';
import type { ExtensionDecoder } from './types.js';

/** RFC 5280 §4.2.1.13: ReasonFlags ::= BIT STRING, bit names 0..8. */
export const REASON_FLAGS = [
  'unused',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'privilegeWithdrawn',
  'aACompromise',
] as const;

/** Reads a ReasonFlags BIT STRING (RFC 5280 §4.2.1.13) as the names of the bits set. */
export function readReasonFlags(buf: Uint8Array, el: DerElement): readonly string[] {
  return namedBits(decodeBitString(buf, el).bytes, REASON_FLAGS);
}

type MutablePoint = {
  fullName?: readonly GeneralName[];
  nameRelativeToCRLIssuer?: readonly NameAttribute[];
  reasons?: readonly string[];
  cRLIssuer?: readonly GeneralName[];
};

/**
 * Reads a DistributionPointName, shared with the CRL's issuingDistributionPoint (§5.2.5):
 * CHOICE { fullName [0] GeneralNames, nameRelativeToCRLIssuer [1] RDN }. It sits inside an
 * explicit [0] (it is a CHOICE), which `r` has entered; its alternatives are implicitly tagged.
 */
export function readPointName(
  r: DerReader,
  out: Pick<MutablePoint, 'fullName' | 'nameRelativeToCRLIssuer'>,
): void {
  const tag = r.peek();
  if (tag === 0xa0) {
    const el = r.next('fullName');
    out.fullName = readGeneralNamesContent(r.enter(el), 'fullName', el.offset);
  } else if (tag === 0xa1) {
    out.nameRelativeToCRLIssuer = readRdn(r, 'nameRelativeToCRLIssuer', 0xa1);
  } else {
    fail(r.pos, 'distributionPoint must be fullName [0] or nameRelativeToCRLIssuer [1]');
  }
  r.finish('distributionPoint');
}

// RFC 5280 §4.2.1.13: DistributionPoint ::= SEQUENCE { distributionPoint [0] OPTIONAL,
//   reasons [1] ReasonFlags OPTIONAL, cRLIssuer [2] GeneralNames OPTIONAL }
function readDistributionPoint(r: DerReader): DistributionPoint {
  const s = r.sequence('DistributionPoint');
  const out: MutablePoint = {};
  const name = s.optional(0xa0, 'distributionPoint');
  if (name) readPointName(s.enter(name), out);
  const reasons = s.optional(0x81, 'reasons');
  if (reasons) out.reasons = readReasonFlags(r.buf, reasons);
  const issuer = s.optional(0xa2, 'cRLIssuer');
  if (issuer) out.cRLIssuer = readGeneralNamesContent(s.enter(issuer), 'cRLIssuer', issuer.offset);
  s.finish('DistributionPoint');
  return Object.freeze(out);
}

// RFC 5280 §4.2.1.13: CRLDistributionPoints ::= SEQUENCE SIZE (1..MAX) OF DistributionPoint
/** Decodes a cRLDistributionPoints extnValue. */
export const decodeCrlDistributionPoints: ExtensionDecoder<'cRLDistributionPoints'> = (r) => {
  const at = r.pos;
  const s = r.sequence('cRLDistributionPoints');
  if (!s.hasMore) fail(at, 'empty cRLDistributionPoints');
  const distributionPoints: DistributionPoint[] = [];
  while (s.hasMore) distributionPoints.push(readDistributionPoint(s));
  return { kind: 'cRLDistributionPoints', distributionPoints: Object.freeze(distributionPoints) };
};
