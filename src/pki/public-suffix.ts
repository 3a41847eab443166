/**
 * Wildcards over public suffixes (CA/B BR §3.2.2.6): a CA must not issue `*.co.uk`, and a client
 * should not honour one. Which names are public suffixes comes from the Public Suffix List via
 * `tldts` (its bundled list: nothing is downloaded). Only the ICANN section counts, as in Chromium's `VerifyHostname`.
 *
 * NOTE: the private section lists names like `s3.amazonaws.com`, whose owner legitimately holds
 * `*.s3.amazonaws.com` and browsers accept it for `bucket.s3.amazonaws.com`; limbo's
 * webpki::san::public-suffix-private-namespace-wildcard-san expects a rejection (test/conformance/exceptions.client.json).
 */

import { createRequire } from 'node:module';

type Tldts = typeof import('tldts');
let tldts: Tldts | undefined;

/**
 * tldts, loaded on the first question: building its list takes some 35 ms, which a run that never
 * meets a wildcard SAN (most gate runs, every ACM-only one) should not pay at start-up.
 */
function publicSuffixList(): Tldts {
  tldts ??= createRequire(import.meta.url)('tldts') as Tldts;
  return tldts;
}

/** True when `name` (lower-case, no wildcard) is itself an ICANN public suffix (`com`, `co.uk`). */
export function isPublicSuffix(name: string): boolean {
  // tldts reports the last label for names not on the list (the PSL's implicit `*` rule) with
  // isIcann false, so `internal` does not count.
  const result = publicSuffixList().parse(name, { allowPrivateDomains: false });
  return result.isIcann === true && result.publicSuffix === name;
}
