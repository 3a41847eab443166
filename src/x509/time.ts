/**
 * UTCTime and GeneralizedTime in the restricted forms RFC 5280 §4.1.2.5 allows, decoded to UTC
 * `Date`s. Anything else (no seconds, fractions, offsets, impossible dates) is a decode error.
 */

import { type DerElement, Tag } from './der.js';
import { fail } from './errors.js';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// Date.UTC maps years 0..99 to 1900..1999; shift by 400 years (146097 days exactly) instead.
const FOUR_HUNDRED_YEARS_MS = 146097 * 86_400_000;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function twoDigits(buf: Uint8Array, p: number, what: string): number {
  const a = buf[p]! - 0x30;
  const b = buf[p + 1]! - 0x30;
  if (a < 0 || a > 9 || b < 0 || b > 9) fail(p, `${what} has a non-digit character`);
  return a * 10 + b;
}

/** Builds the Date after checking each field against the calendar. */
function toDate(year: number, fields: number[], offset: number, what: string): Date {
  const [month, day, hour, minute, second] = fields as [number, number, number, number, number];
  if (month < 1 || month > 12) fail(offset, `${what} has invalid month ${month}`);
  const days = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day < 1 || day > days) fail(offset, `${what} has invalid day ${day}`);
  if (hour > 23) fail(offset, `${what} has invalid hour ${hour}`);
  if (minute > 59) fail(offset, `${what} has invalid minute ${minute}`);
  // X.680 allows a leap second, but RFC 5280 times are plain UTC and no CA issues :60
  if (second > 59) fail(offset, `${what} has invalid second ${second}`);
  if (year >= 100) return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return new Date(Date.UTC(year + 400, month - 1, day, hour, minute, second) - FOUR_HUNDRED_YEARS_MS);
}

function readFields(buf: Uint8Array, p: number, what: string): number[] {
  const fields: number[] = [];
  for (let i = 0; i < 5; i++) fields.push(twoDigits(buf, p + 2 * i, what));
  return fields;
}

// RFC 5280 §4.1.2.5.1: UTCTime is YYMMDDHHMMSSZ; YY >= 50 means 19YY, else 20YY
/** Decodes the contents of a UTCTime element. */
function decodeUtcTime(buf: Uint8Array, el: DerElement): Date {
  const p = el.start;
  if (el.end - p !== 13 || buf[p + 12] !== 0x5a) fail(el.offset, 'UTCTime must be YYMMDDHHMMSSZ');
  const yy = twoDigits(buf, p, 'UTCTime');
  return toDate(yy >= 50 ? 1900 + yy : 2000 + yy, readFields(buf, p + 2, 'UTCTime'), el.offset, 'UTCTime');
}

// RFC 5280 §4.1.2.5.2: GeneralizedTime is YYYYMMDDHHMMSSZ, without fractional seconds
/** Decodes the contents of a GeneralizedTime element. */
function decodeGeneralizedTime(buf: Uint8Array, el: DerElement): Date {
  const p = el.start;
  if (el.end - p !== 15 || buf[p + 14] !== 0x5a) {
    fail(el.offset, 'GeneralizedTime must be YYYYMMDDHHMMSSZ');
  }
  const year = twoDigits(buf, p, 'GeneralizedTime') * 100 + twoDigits(buf, p + 2, 'GeneralizedTime');
  return toDate(year, readFields(buf, p + 4, 'GeneralizedTime'), el.offset, 'GeneralizedTime');
}

/** Decodes a Time CHOICE element (RFC 5280 §4.1: utcTime or generalTime). */
export function decodeTime(buf: Uint8Array, el: DerElement, what: string): Date {
  if (el.tag === Tag.UTCTime) return decodeUtcTime(buf, el);
  if (el.tag === Tag.GeneralizedTime) return decodeGeneralizedTime(buf, el);
  return fail(el.offset, `${what} must be UTCTime or GeneralizedTime`);
}
