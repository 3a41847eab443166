/**
 * Signs about time: a known expired root or cross-sign named next to an expiry error, and log
 * time stamps that show the client's clock is years behind.
 */

import { type EvidenceRule, inText } from './rule.js';

/** Errors of a certificate out of its dates. */
const DATE_FAMILY = ['leaf-expired', 'client-clock', 'intermediate-expired'];

export const DATE_RULES: readonly EvidenceRule[] = [
  {
    id: 'dates.expired-cross-sign',
    when: DATE_FAMILY,
    raises: ['intermediate-expired'],
    weight: 3,
    shows:
      "the paste names a root or cross-sign that expired while the leaves it chained did not (DST Root CA X3, 30 September 2021; AddTrust External CA Root, 30 May 2020): serve the current chain, and update old clients' CA bundles",
    find: inText(
      /\bDST Root CA X3\b|\bAddTrust(?: External)?(?: CA)? Root\b|\bISRG Root X1\b[^\n]{0,60}\bcross[- ]sign|\bcross[- ]signed?\b[^\n]{0,60}\bexpired\b/i,
    ),
  },
  {
    id: 'dates.old-log-clock',
    when: DATE_FAMILY,
    raises: ['client-clock'],
    weight: 2,
    shows:
      "the log's own time stamps are from before 2016 (or 1970): the machine's clock is wrong, so every current certificate looks not yet valid or expired to it",
    // A log line's own stamp (at the start of a line, or logfmt's time=), not a date it prints.
    find: inText(/(?:^[ \t]{0,4}\[?|time=")(?:19[7-9]\d|200\d|201[0-5])-[01]\d-[0-3]\d[T ][0-2]\d:[0-5]\d/m),
  },
];
