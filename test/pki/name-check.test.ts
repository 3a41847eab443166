/**
 * The name check after a path validates (RFC 6125 / RFC 9525 via names/): a failure is
 * `NameMismatch` with the SANs as `DNS:x`/`IP:x` strings and the nearest miss as a hint.
 */

import { describe, expect, it } from 'vitest';
import { type ChainVerifyOptions, type PathError, verifyChain } from '../../src/pki/index.js';
import { ca, chain, leaf, ref } from './fixtures.js';

const root = ca('CN=Test Root,O=certgate', undefined);
const inter = ca('CN=Test Intermediate,O=certgate', root, { pathLen: 0 });
const good = leaf(inter, ['dns:example.com', 'dns:www.example.com']);
const wildcard = leaf(inter, ['dns:*.example.com']);

const nameTests: {
  name: string;
  options: () => ChainVerifyOptions;
  want: 'ok' | ({ kind: PathError['kind'] } & Record<string, unknown>);
}[] = [
  // --- names
  {
    name: 'wrong name',
    options: () => chain(good, [inter], [root], { reference: ref('example.org') }),
    want: {
      kind: 'NameMismatch',
      reference: 'example.org',
      presented: ['DNS:example.com', 'DNS:www.example.com'],
    },
  },
  {
    name: 'wildcard too deep',
    options: () => chain(wildcard, [inter], [root], { reference: ref('a.b.example.com') }),
    want: {
      kind: 'NameMismatch',
      hint: expect.objectContaining({ kind: 'WildcardCoversOneLabel', labels: 2 }),
    },
  },
  {
    name: 'wildcard at apex',
    options: () => chain(wildcard, [inter], [root], { reference: ref('example.com') }),
    want: { kind: 'NameMismatch', hint: expect.objectContaining({ kind: 'WildcardDoesNotCoverApex' }) },
  },
  {
    name: 'IP reference against a DNS SAN holding the address',
    options: () => chain(leaf(inter, ['dns:192.0.2.1']), [inter], [root], { reference: ref('192.0.2.1') }),
    want: {
      kind: 'NameMismatch',
      presented: ['DNS:192.0.2.1'],
      hint: expect.objectContaining({ kind: 'IpAddressInDnsName' }),
    },
  },
  {
    name: 'DNS reference against an IP SAN only',
    options: () => chain(leaf(inter, ['ip:192.0.2.1']), [inter], [root], { reference: ref('example.com') }),
    want: { kind: 'NameMismatch', presented: ['IP:192.0.2.1'] },
  },
  {
    name: 'IP SAN matches',
    options: () => chain(leaf(inter, ['ip:192.0.2.1']), [inter], [root], { reference: ref('192.0.2.1') }),
    want: 'ok',
  },
  {
    name: 'CN-only certificate under cabf: the SAN is required',
    options: () =>
      chain(leaf(inter, [], { subject: 'CN=example.com' }), [inter], [root], {
        reference: ref('example.com'),
        policy: 'cabf',
      }),
    want: { kind: 'InvalidExtension', certIndex: 0, extension: 'subjectAltName' },
  },
  {
    name: 'CN-only certificate under rfc5280: the CN is never matched',
    options: () =>
      chain(leaf(inter, [], { subject: 'CN=example.com' }), [inter], [root], {
        reference: ref('example.com'),
        policy: 'rfc5280',
      }),
    want: {
      kind: 'NameMismatch',
      presented: [],
      hint: expect.objectContaining({ kind: 'NoSubjectAltName', commonNameWouldMatch: true }),
    },
  },
  {
    name: 'CN-only certificate under client: Chrome never reads the CN',
    options: () =>
      chain(leaf(inter, [], { subject: 'CN=example.com' }), [inter], [root], {
        reference: ref('example.com'),
      }),
    want: {
      kind: 'NameMismatch',
      presented: [],
      hint: expect.objectContaining({ kind: 'NoSubjectAltName', commonNameWouldMatch: true }),
    },
  },
  {
    name: 'CN not among the SANs (CA/B BR 7.1.4.3) is reported last under cabf',
    options: () =>
      chain(leaf(inter, ['dns:example.com'], { subject: 'CN=Example Service' }), [inter], [root], {
        policy: 'cabf',
      }),
    want: { kind: 'CommonNameNotInSan', certIndex: 0, commonName: 'Example Service' },
  },
];

describe('name check', () => {
  it.each(nameTests.map((t) => [t.name, t] as const))('%s', (_name, t) => {
    const outcome = verifyChain(t.options());
    if (t.want === 'ok') expect(outcome.ok ? 'ok' : outcome.error).toBe('ok');
    else expect(outcome.ok ? 'ok' : outcome.error).toMatchObject(t.want);
  });
});
