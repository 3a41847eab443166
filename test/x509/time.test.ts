/** UTCTime and GeneralizedTime vectors (RFC 5280 §4.1.2.5). */

import { describe, expect, test } from 'vitest';
import { DerReader } from '../../src/x509/der.js';
import { X509DecodeError } from '../../src/x509/errors.js';
import { decodeTime } from '../../src/x509/time.js';
import { generalizedTime, tlv, utcTime } from '../support/der-writer.js';

function decode(der: Uint8Array): string {
  const r = new DerReader(der);
  return decodeTime(der, r.next('time'), 'notBefore').toISOString();
}

// biome-ignore format: table rows stay one line each

const rows: { name: string; input: Uint8Array; want?: string; wantError?: string }[] = [
  // UTCTime (RFC 5280 §4.1.2.5.1)
  { name: 'UTCTime 2025', input: utcTime('250102030405Z'), want: '2025-01-02T03:04:05.000Z' },
  { name: 'UTCTime YY=49 is 2049', input: utcTime('491231235959Z'), want: '2049-12-31T23:59:59.000Z' },
  { name: 'UTCTime YY=50 is 1950', input: utcTime('500101000000Z'), want: '1950-01-01T00:00:00.000Z' },
  { name: 'UTCTime leap day 2024', input: utcTime('240229120000Z'), want: '2024-02-29T12:00:00.000Z' },
  { name: 'UTCTime leap day 2000', input: utcTime('000229000000Z'), want: '2000-02-29T00:00:00.000Z' },
  { name: 'UTCTime without seconds', input: utcTime('2501020304Z'), wantError: 'UTCTime must be YYMMDDHHMMSSZ' },
  { name: 'UTCTime with offset', input: utcTime('250102030405+0100'), wantError: 'UTCTime must be YYMMDDHHMMSSZ' },
  { name: 'UTCTime without Z', input: utcTime('2501020304050'), wantError: 'UTCTime must be YYMMDDHHMMSSZ' },
  { name: 'UTCTime lower-case z', input: utcTime('250102030405z'), wantError: 'UTCTime must be YYMMDDHHMMSSZ' },
  { name: 'UTCTime fraction', input: utcTime('250102030405.5Z'), wantError: 'UTCTime must be YYMMDDHHMMSSZ' },
  { name: 'UTCTime month 13', input: utcTime('251301000000Z'), wantError: 'UTCTime has invalid month 13' },
  { name: 'UTCTime month 0', input: utcTime('250001000000Z'), wantError: 'UTCTime has invalid month 0' },
  { name: 'UTCTime Feb 30', input: utcTime('250230000000Z'), wantError: 'UTCTime has invalid day 30' },
  { name: 'UTCTime Feb 29 in 2023', input: utcTime('230229000000Z'), wantError: 'UTCTime has invalid day 29' },
  { name: 'UTCTime Apr 31', input: utcTime('250431000000Z'), wantError: 'UTCTime has invalid day 31' },
  { name: 'UTCTime day 0', input: utcTime('250100000000Z'), wantError: 'UTCTime has invalid day 0' },
  { name: 'UTCTime hour 24', input: utcTime('250101240000Z'), wantError: 'UTCTime has invalid hour 24' },
  { name: 'UTCTime minute 60', input: utcTime('250101006000Z'), wantError: 'UTCTime has invalid minute 60' },
  { name: 'UTCTime second 60', input: utcTime('250101000060Z'), wantError: 'UTCTime has invalid second 60' },
  { name: 'UTCTime non-digit', input: utcTime('25010100000AZ'), wantError: 'UTCTime has a non-digit character' },
  { name: 'UTCTime sign in digits', input: utcTime('25-101000000Z'), wantError: 'UTCTime has a non-digit character' },
  // GeneralizedTime (RFC 5280 §4.1.2.5.2)
  { name: 'GeneralizedTime 2050', input: generalizedTime('20500101000000Z'), want: '2050-01-01T00:00:00.000Z' },
  { name: 'GeneralizedTime 9999', input: generalizedTime('99991231235959Z'), want: '9999-12-31T23:59:59.000Z' },
  { name: 'GeneralizedTime year 0050', input: generalizedTime('00500101000000Z'), want: '0050-01-01T00:00:00.000Z' },
  { name: 'GeneralizedTime 1900 not leap', input: generalizedTime('19000229000000Z'), wantError: 'GeneralizedTime has invalid day 29' },
  { name: 'GeneralizedTime fraction', input: generalizedTime('20250101000000.5Z'), wantError: 'GeneralizedTime must be YYYYMMDDHHMMSSZ' },
  { name: 'GeneralizedTime no Z', input: generalizedTime('20250101000000'), wantError: 'GeneralizedTime must be YYYYMMDDHHMMSSZ' },
  { name: 'GeneralizedTime offset', input: generalizedTime('20250101000000+0000'), wantError: 'GeneralizedTime must be YYYYMMDDHHMMSSZ' },
  { name: 'GeneralizedTime hour 24', input: generalizedTime('20250101240000Z'), wantError: 'GeneralizedTime has invalid hour 24' },
  // the Time CHOICE
  { name: 'neither UTCTime nor GeneralizedTime', input: tlv(0x04, new Uint8Array(13)), wantError: 'notBefore must be UTCTime or GeneralizedTime' },
];

describe('time', () => {
  test.each(rows)('$name', ({ input, want, wantError }) => {
    if (wantError === undefined) {
      expect(decode(input)).toBe(want);
      return;
    }
    expect(() => decode(input)).toThrow(X509DecodeError);
    expect(() => decode(input)).toThrow(wantError);
  });
});
