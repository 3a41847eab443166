/**
 * Name constraints (RFC 5280 §4.2.1.10), one row per case: the constraints on the intermediate
 * as spec strings, the leaf's SANs, and whether the chain validates. A failing row must name the
 * offending name and constraint.
 */

import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/pki/index.js';
import { ca, chain, leaf } from './fixtures.js';

const root = ca('CN=NC Root', undefined);

interface NcTest {
  readonly name: string;
  readonly permitted?: readonly string[];
  readonly excluded?: readonly string[];
  readonly sans: readonly string[];
  readonly policy?: 'cabf' | 'rfc5280';
  /** `ok`, or the violation's `name` and `constraint`. */
  readonly want: 'ok' | { name: string; constraint: string };
}

const ncTests: NcTest[] = [
  // dNSName: adding labels on the left stays inside the subtree
  { name: 'dns permitted, exact', permitted: ['dns:example.com'], sans: ['dns:example.com'], want: 'ok' },
  {
    name: 'dns permitted, subdomain',
    permitted: ['dns:example.com'],
    sans: ['dns:a.b.example.com'],
    want: 'ok',
  },
  {
    name: 'dns permitted, label boundary',
    permitted: ['dns:example.com'],
    sans: ['dns:badexample.com'],
    want: { name: 'DNS:badexample.com', constraint: 'permitted DNS:example.com' },
  },
  {
    name: 'dns permitted, every SAN must fit',
    permitted: ['dns:example.com'],
    sans: ['dns:example.com', 'dns:example.org'],
    want: { name: 'DNS:example.org', constraint: 'permitted DNS:example.com' },
  },
  {
    name: 'dns excluded',
    excluded: ['dns:bad.example.com'],
    sans: ['dns:x.bad.example.com'],
    want: { name: 'DNS:x.bad.example.com', constraint: 'excluded DNS:bad.example.com' },
  },
  {
    name: 'dns excluded wins over permitted',
    permitted: ['dns:example.com'],
    excluded: ['dns:example.com'],
    sans: ['dns:example.com'],
    want: { name: 'DNS:example.com', constraint: 'excluded DNS:example.com' },
  },
  {
    name: 'dns constraints do not touch IP SANs',
    permitted: ['dns:example.com'],
    sans: ['dns:example.com', 'ip:192.0.2.1'],
    want: 'ok',
  },
  { name: 'dns case-insensitive', permitted: ['dns:EXAMPLE.com'], sans: ['dns:www.Example.COM'], want: 'ok' },
  {
    name: 'dns leading dot, webpki: subdomains only',
    permitted: ['dns:.example.com'],
    sans: ['dns:www.example.com'],
    want: 'ok',
  },
  {
    name: 'dns leading dot, webpki: not the apex',
    permitted: ['dns:.example.com'],
    sans: ['dns:example.com'],
    want: { name: 'DNS:example.com', constraint: 'permitted DNS:.example.com' },
  },
  {
    name: 'dns leading dot, rfc5280: malformed',
    permitted: ['dns:.example.com'],
    sans: ['dns:www.example.com'],
    policy: 'rfc5280',
    want: {
      name: 'DNS:www.example.com',
      constraint: 'permitted DNS:.example.com (a dNSName constraint has no leading dot)',
    },
  },
  // wildcard SANs are sets: permitted must contain all of it, excluded matches any overlap
  {
    name: 'wildcard inside permitted',
    permitted: ['dns:example.com'],
    sans: ['dns:*.example.com'],
    want: 'ok',
  },
  {
    name: 'wildcard wider than permitted',
    permitted: ['dns:foo.example.com'],
    sans: ['dns:*.example.com'],
    want: { name: 'DNS:*.example.com', constraint: 'permitted DNS:foo.example.com' },
  },
  {
    name: 'wildcard overlapping excluded',
    excluded: ['dns:bar.example.com'],
    sans: ['dns:*.example.com'],
    want: { name: 'DNS:*.example.com', constraint: 'excluded DNS:bar.example.com' },
  },
  {
    name: 'wildcard not overlapping a deeper excluded',
    excluded: ['dns:a.bar.example.com'],
    sans: ['dns:*.example.com'],
    want: 'ok',
  },
  {
    name: 'wildcard under excluded',
    excluded: ['dns:example.com'],
    sans: ['dns:*.example.com'],
    want: { name: 'DNS:*.example.com', constraint: 'excluded DNS:example.com' },
  },
  // iPAddress: address/mask, IPv4 and IPv6 never mix
  {
    name: 'ip permitted',
    permitted: ['ip:10.0.0.0/8'],
    sans: ['dns:example.com', 'ip:10.1.2.3'],
    want: 'ok',
  },
  {
    name: 'ip permitted, outside',
    permitted: ['ip:10.0.0.0/8'],
    sans: ['ip:192.0.2.1'],
    want: { name: 'IP:192.0.2.1', constraint: 'permitted IP:10.0.0.0/8' },
  },
  {
    name: 'ip excluded',
    excluded: ['ip:192.0.2.0/24'],
    sans: ['ip:192.0.2.77'],
    want: { name: 'IP:192.0.2.77', constraint: 'excluded IP:192.0.2.0/24' },
  },
  {
    name: 'ipv6 excluded',
    excluded: ['ip:2001:db8::/32'],
    sans: ['ip:2001:db8::1'],
    want: { name: 'IP:2001:db8::1', constraint: 'excluded IP:2001:db8::/32' },
  },
  {
    name: 'ipv4 SAN vs ipv6 permitted only',
    permitted: ['ip:2001:db8::/32'],
    sans: ['ip:192.0.2.1'],
    want: { name: 'IP:192.0.2.1', constraint: 'permitted IP:2001:db8::/32' },
  },
  {
    name: 'ip constraints do not touch DNS SANs',
    excluded: ['ip:0.0.0.0/0'],
    sans: ['dns:example.com'],
    want: 'ok',
  },
  {
    name: 'ip mask not a prefix',
    permitted: ['ip:10.0.0.0/255.0.255.0'],
    sans: ['ip:10.0.0.1'],
    want: {
      name: 'IP:10.0.0.1',
      constraint: 'permitted IP:10.0.0.0/255.0.255.0 (the mask is not a cidr prefix)',
    },
  },
  // rfc822Name: mailbox, host, or .domain; every character literal
  {
    name: 'email host',
    permitted: ['email:example.com'],
    sans: ['dns:example.com', 'email:a@example.com'],
    want: 'ok',
  },
  {
    name: 'email host excludes subdomains',
    permitted: ['email:example.com'],
    sans: ['dns:example.com', 'email:a@mail.example.com'],
    want: { name: 'email:a@mail.example.com', constraint: 'permitted email:example.com' },
  },
  {
    name: 'email domain',
    permitted: ['email:.example.com'],
    sans: ['dns:example.com', 'email:a@mail.example.com'],
    want: 'ok',
  },
  {
    name: 'email asterisk is literal',
    permitted: ['email:*@example.com'],
    sans: ['dns:example.com', 'email:a@example.com'],
    want: { name: 'email:a@example.com', constraint: 'permitted email:*@example.com' },
  },
  // uniformResourceIdentifier: the host part
  {
    name: 'uri host',
    permitted: ['uri:.example.com'],
    sans: ['dns:example.com', 'uri:https://api.example.com:8443/x'],
    want: 'ok',
  },
  {
    name: 'uri without a host',
    permitted: ['uri:example.com'],
    sans: ['dns:example.com', 'uri:urn:x:y'],
    want: { name: 'URI:urn:x:y', constraint: 'the uri has no host name' },
  },
  // directoryName applies to the subject too
  {
    name: 'dirname permitted, subject inside',
    permitted: ['dn:O=certgate'],
    sans: ['dns:example.com'],
    want: { name: 'DirName:CN=example.com', constraint: 'permitted DirName:O=certgate' },
  },
  // forms certgate does not process fail closed only when a name of that form is present
  {
    name: 'otherName excluded, otherName SAN',
    excluded: ['other:1.3.6.1.4.1.311.20.2.3=x'],
    sans: ['dns:example.com', 'other:1.3.6.1.4.1.311.20.2.3=y'],
    want: {
      name: 'otherName:1.3.6.1.4.1.311.20.2.3',
      constraint: 'certgate cannot process otherName constraints',
    },
  },
  {
    name: 'otherName excluded, no otherName SAN',
    excluded: ['other:1.3.6.1.4.1.311.20.2.3=x'],
    sans: ['dns:example.com'],
    want: 'ok',
  },
];

describe('name constraints', () => {
  it.each(ncTests.map((t) => [t.name, t] as const))('%s', (_name, t) => {
    const constraints = {
      ...(t.permitted ? { permitted: t.permitted } : {}),
      ...(t.excluded ? { excluded: t.excluded } : {}),
    };
    const inter = ca('CN=Constrained CA', root, { nameConstraints: constraints });
    const outcome = verifyChain(chain(leaf(inter, t.sans), [inter], [root], { policy: t.policy ?? 'cabf' }));
    if (t.want === 'ok') {
      expect(outcome.ok ? 'ok' : outcome.error).toBe('ok');
      return;
    }
    expect(outcome.ok ? 'ok' : outcome.error).toMatchObject({
      kind: 'NameConstraintViolation',
      certIndex: 0,
      constrainedBy: 1,
      ...t.want,
    });
  });

  it('applies a root’s constraints to intermediates below it, except self-issued ones', () => {
    const constrainedRoot = ca('CN=Constrained Root', undefined, {
      nameConstraints: { permitted: ['dns:example.com'] },
    });
    const inter = ca('CN=Sub CA', constrainedRoot, { sans: ['dns:not-example.org'] });
    const outcome = verifyChain(chain(leaf(inter, ['dns:example.com']), [inter], [constrainedRoot]));
    expect(outcome.ok ? 'ok' : outcome.error).toMatchObject({
      kind: 'NameConstraintViolation',
      certIndex: 1,
      constrainedBy: 2,
    });
  });
});

describe('directoryName constraints', () => {
  const verifyDn = (
    constraints: { permitted?: string[]; excluded?: string[] },
    sans: string[],
    subject?: string,
  ) => {
    const inter = ca('CN=Constrained CA', root, { nameConstraints: constraints });
    const cert = leaf(inter, ['dns:example.com', ...sans], subject ? { subject } : {});
    const outcome = verifyChain(chain(cert, [inter], [root], { policy: 'rfc5280' }));
    return outcome.ok ? 'ok' : outcome.error;
  };

  it.each([
    // RFC 5280 §7.1: attribute values compare after RFC 4518 preparation (case, spaces)
    {
      name: 'a prefix of RDNs, case aside',
      excluded: 'dn:OU=Ops,O=Example',
      san: 'dn:CN=x,OU=ops,O=EXAMPLE',
      within: true,
    },
    {
      name: 'a value that is a prefix of another value is not an RDN prefix',
      excluded: 'dn:O=Ex',
      san: 'dn:CN=x,O=Example',
      within: false,
    },
    {
      name: 'a multi-valued RDN is a set',
      excluded: 'dn:CN=a+OU=b,O=Example',
      san: 'dn:OU=b+CN=a,O=Example',
      within: true,
    },
    {
      name: 'a multi-valued RDN is not a subset',
      excluded: 'dn:CN=a+OU=b,O=Example',
      san: 'dn:CN=a,O=Example',
      within: false,
    },
    {
      name: 'a constraint longer than the name',
      excluded: 'dn:CN=a,O=Example',
      san: 'dn:O=Example',
      within: false,
    },
    { name: 'the same name', excluded: 'dn:CN=a,O=Example', san: 'dn:CN=a,O=Example', within: true },
  ])('$name', ({ excluded, san, within }) => {
    const got = verifyDn({ excluded: [excluded] }, [san]);
    if (within)
      expect(got).toMatchObject({
        kind: 'NameConstraintViolation',
        constraint: `excluded DirName:${excluded.slice(3)}`,
      });
    else expect(got).toBe('ok');
  });

  it('permits a subject below the permitted subtree', () => {
    expect(verifyDn({ permitted: ['dn:O=Example'] }, [], 'CN=leaf,O=Example')).toBe('ok');
  });

  it('refuses, with the reason, a name or a constraint too large to compare', () => {
    const wide = Array.from({ length: 17 }, (_, i) => `CN=v${i}`).join('+');
    expect(verifyDn({ excluded: ['dn:O=Other'] }, [`dn:${wide},O=Example`])).toMatchObject({
      kind: 'NameConstraintViolation',
      constraint: 'the name has 17 attributes in one RDN, more than the 16 certgate compares',
    });
    expect(verifyDn({ excluded: [`dn:${wide}`] }, [])).toMatchObject({
      kind: 'NameConstraintViolation',
      constraint: expect.stringContaining('(the constraint has 17 attributes in one RDN'),
    });
    const deep = Array.from({ length: 65 }, (_, i) => `OU=u${i}`).join(',');
    expect(verifyDn({ excluded: ['dn:O=Other'] }, [`dn:${deep}`])).toMatchObject({
      constraint: 'the name has 65 RDNs, more than the 64 certgate compares',
    });
  });
});
