/**
 * `verify` prints what each client says for a failure (src/clients/client-errors.ts); `explain`
 * must read every one of those texts back as that failure.
 */

import { describe, expect, test } from 'vitest';
import { CLIENT_ERRORS, type ClientErrorKey, renderClientErrors } from '../../src/clients/client-errors.js';
import { explain } from '../../src/explain/index.js';
import { docsPath } from '../../src/findings/catalog.js';
import { ERROR_CODES } from '../../src/findings/path-codes.js';

const NAME_KEYS = new Set<ClientErrorKey>([
  'NameMismatch',
  'NameMismatchIp',
  'NameMismatchCommonName',
  'CommonNameOnly',
]);

/** Rows that refine one PathError kind by the finding's args. */
const REFINED: Partial<Record<ClientErrorKey, keyof typeof ERROR_CODES>> = {
  NameConstraintBudgetExceeded: 'BudgetExceeded',
};

const docsOf = (key: ClientErrorKey) =>
  NAME_KEYS.has(key)
    ? docsPath('NAME_MISMATCH')
    : docsPath(ERROR_CODES[REFINED[key] ?? (key as keyof typeof ERROR_CODES)]);

function textsOf(key: ClientErrorKey): string[] {
  const e = renderClientErrors(key, {
    host: key === 'NameMismatchIp' ? '192.0.2.10' : 'api.example.com',
    altnames: 'DNS:www.example.com, DNS:example.com',
    ips: '192.0.2.11',
    cn: 'old.example.com',
    names: 'www.example.com, example.com',
    algorithm: 'SHA1withRSA',
    time: '2026-03-01T10:00:00Z',
    notAfter: '2026-02-28T23:59:59Z',
    notBefore: '2026-04-01T00:00:00Z',
    reason: 'keyCompromise',
    purpose: 'server',
    nameConstraint: 'DNS name "api.example.com" is not permitted by any constraint',
  });
  return [
    ...e.openssl.map((o) => o.text),
    ...e.node.map((n) => n.message),
    ...e.node.filter((n) => n.code !== 'UNSPECIFIED').map((n) => n.code),
    ...e.curl,
    ...e.browser,
    ...e.java,
    ...e.go,
  ];
}

/** Every text, with every row that prints it. */
const rows = new Map<string, ClientErrorKey[]>();
for (const key of Object.keys(CLIENT_ERRORS) as ClientErrorKey[]) {
  for (const text of textsOf(key)) rows.set(text, [...(rows.get(text) ?? []), key]);
}

describe('every client text of the verify table is recognised as its failure', () => {
  test.each([...rows].map(([text, keys]) => [text, keys] as const))('%s', (text, keys) => {
    const result = explain(text);
    expect(result.recognised).toBe(true);
    const [match] = result.matches;
    expect(match?.source).toBe('tls-client');
    const expected = keys.map(docsOf);
    expect(
      match?.docs.some((d) => expected.includes(d)),
      `${match?.id} docs ${match?.docs}`,
    ).toBe(true);
  });
});
