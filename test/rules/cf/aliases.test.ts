import { describe, expect, test } from 'vitest';
import { runGate } from '../../../src/check/run-gate.js';
import type { Distribution } from '../../../src/cloudfront/model.js';
import { describeFinding } from '../../../src/report/messages.js';
import {
  ACCOUNT,
  AT,
  acmEvidence,
  arnIn,
  defaultCertDistribution,
  distribution,
  gate,
  unresolved,
} from '../../check/builders.js';
import { note, reject, run, table } from './table.js';

const d = distribution;
const vip = (id: string, n: string, aliases = [`${id.toLowerCase()}.example.com`]) =>
  d({ id, ssl: 'vip', policy: 'TLSv1', arn: arnIn('us-east-1', n), aliases });

describe('CF-22 CF_DEDICATED_IP_CERTIFICATE_QUOTA', () => {
  table('CF_DEDICATED_IP_CERTIFICATE_QUOTA', [
    {
      name: 'one vip certificate: the account count cannot be seen offline',
      d: vip('E1', '1'),
      evidence: [],
      want: [note({ count: 1, quota: 2, overQuota: false })],
    },
    {
      name: 'three vip certificates in the inputs: over the default quota',
      d: [vip('E1', '1'), vip('E2', '2'), vip('E3', '3')],
      evidence: [],
      want: [reject('TooManyCertificates', { count: 3, quota: 2, overQuota: true, certainty: 'inferred' })],
    },
    {
      name: 'vip echoed on the default certificate (get-distribution-config output): no dedicated IP',
      d: defaultCertDistribution({ ssl: 'vip', policy: 'TLSv1', certificateSource: 'cloudfront' }),
      evidence: [],
      want: [],
    },
    {
      name: 'default-certificate echoes do not count toward the quota',
      d: [
        vip('E1', '1'),
        vip('E2', '2'),
        ...['E3', 'E4'].map((id) => defaultCertDistribution({ id, ssl: 'vip', policy: 'TLSv1' })),
      ],
      evidence: [],
      want: [note({ count: 2, overQuota: false })],
    },
    {
      name: 'two distributions sharing one vip certificate count once',
      d: [vip('E1', '1'), vip('E2', '1')],
      evidence: [],
      want: [note({ count: 1 })],
    },
    { name: 'sni-only', d: d(), want: [] },
  ]);

  test('the note carries no awsError', () => {
    const [f] = run('CF_DEDICATED_IP_CERTIFICATE_QUOTA', { d: vip('E1', '1'), evidence: [] });
    expect(f).not.toHaveProperty('awsError');
  });
});

describe('CF-23 CF_ALIAS_ALREADY_EXISTS', () => {
  table('CF_ALIAS_ALREADY_EXISTS', [
    {
      name: 'same alias on two distributions',
      d: [d({ id: 'E1' }), d({ id: 'E2' })],
      of: 'E1',
      want: [reject('CNAMEAlreadyExists', { alias: 'www.example.com', others: ['E2'], otherCount: 1 })],
    },
    {
      name: 'reported on each distribution involved, naming the others',
      d: [d({ id: 'E1' }), d({ id: 'E2' }), d({ id: 'E3', aliases: ['WWW.example.com'] })],
      of: 'E3',
      want: [reject('CNAMEAlreadyExists', { alias: 'WWW.example.com', others: ['E1', 'E2'], otherCount: 2 })],
    },
    {
      name: 'same logical id in two templates is two distributions',
      d: [
        d({ id: 'CDN', source: 'a.yaml', format: 'cloudformation' }),
        d({ id: 'CDN', source: 'b.yaml', format: 'cloudformation' }),
      ],
      want: [reject('CNAMEAlreadyExists', { others: ['CDN'] })],
    },
    // quiet
    {
      name: 'different aliases',
      d: [d({ id: 'E1' }), d({ id: 'E2', aliases: ['api.example.com'] })],
      want: [],
    },
    {
      name: 'one AWS distribution read twice (same id, AWS CLI output)',
      d: [d({ id: 'E1', source: 'before.json' }), d({ id: 'E1', source: 'after.json' })],
      want: [],
    },
    {
      name: 'wildcard overlap is allowed (MS-03)',
      d: [d({ id: 'E1' }), d({ id: 'E2', aliases: ['*.example.com'] })],
      want: [],
    },
  ]);

  // a distribution as deployed (list-distributions, get-distribution) is not being changed: the
  // create/update that brings its alias is what CloudFront refuses
  const deployed = (id: string, aliases?: string[]) =>
    d({ id, deployed: true, ...(aliases ? { aliases } : {}) });
  const template = (id: string) => d({ id, format: 'cloudformation', source: 'new.yaml' });
  table('CF_ALIAS_ALREADY_EXISTS', [
    {
      name: 'a template taking a deployed alias fails',
      d: [deployed('E1'), template('Site')],
      of: 'Site',
      want: [reject('CNAMEAlreadyExists', { alias: 'www.example.com', others: ['E1'], otherCount: 1 })],
    },
    {
      name: 'a config prepared for create-distribution taking a deployed alias fails',
      d: [deployed('E1'), d({ id: 'new-site', source: 'create.json' })],
      of: 'new-site',
      want: [reject('CNAMEAlreadyExists', { others: ['E1'] })],
    },
    {
      name: 'two deployed distributions with one alias both fail, as before',
      d: [deployed('E1'), deployed('E2'), template('Site')],
      of: 'E1',
      want: [reject('CNAMEAlreadyExists', { others: ['E2'], otherCount: 1 })],
    },
    {
      name: 'a template among two deployed holders names both',
      d: [deployed('E1'), deployed('E2'), template('Site')],
      of: 'Site',
      want: [reject('CNAMEAlreadyExists', { others: ['E1', 'E2'], otherCount: 2 })],
    },
    // quiet
    {
      name: 'the deployed distribution is not the one refused',
      d: [deployed('E1'), template('Site')],
      of: 'E1',
      want: [],
    },
    {
      name: 'the deployed distribution, against a config prepared for another',
      d: [deployed('E1'), d({ id: 'new-site', source: 'create.json' })],
      of: 'E1',
      want: [],
    },
    {
      name: 'a deployed distribution and its own config being prepared (one distribution)',
      d: [deployed('E1'), d({ id: 'E1', source: 'config.json' })],
      of: 'E1',
      want: [],
    },
  ]);

  test('only the distribution being deployed fails', () => {
    const results = gate([deployed('E1'), template('Site')], [acmEvidence()]);
    const failing = results
      .filter((r) => r.findings.some((f) => f.severity === 'error'))
      .map((r) => r.subject.id);
    expect(failing).toEqual(['Site']);
  });
});

describe('CF-24 CF_ALIAS_DNS_POINTS_ELSEWHERE', () => {
  table('CF_ALIAS_DNS_POINTS_ELSEWHERE', [
    {
      name: 'specific alias under another distribution’s wildcard',
      d: [d({ id: 'E1' }), d({ id: 'E2', aliases: ['*.example.com'] })],
      of: 'E1',
      want: [
        note({
          alias: 'www.example.com',
          wildcard: '*.example.com',
          others: ['E2'],
          certainty: 'unconfirmed',
        }),
      ],
    },
    {
      name: 'nearest wildcard first, at any depth',
      d: [
        d({ id: 'E1', aliases: ['a.b.example.com'] }),
        d({ id: 'E2', aliases: ['*.example.com'] }),
        d({ id: 'E3', aliases: ['*.b.example.com'] }),
      ],
      of: 'E1',
      want: [note({ wildcard: '*.b.example.com', others: ['E3'] })],
    },
    { name: 'own wildcard', d: d({ aliases: ['www.example.com', '*.example.com'] }), want: [] },
    {
      name: 'no wildcard anywhere',
      d: [d({ id: 'E1' }), d({ id: 'E2', aliases: ['x.example.com'] })],
      want: [],
    },
    {
      name: 'the wildcard holder',
      d: [d({ id: 'E1' }), d({ id: 'E2', aliases: ['*.example.com'] })],
      of: 'E2',
      want: [],
    },
  ]);
});

describe('CF-25 CF_TOO_MANY_ALIASES', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => `h${i}.example.com`);
  table('CF_TOO_MANY_ALIASES', [
    {
      name: '101 aliases',
      d: d({ aliases: many(101) }),
      evidence: [],
      want: [reject('TooManyDistributionCNAMEs', { count: 101, quota: 100 })],
    },
    {
      name: '100 unresolved aliases count',
      d: d({ aliases: [...many(100), unresolved()] }),
      evidence: [],
      want: [reject('TooManyDistributionCNAMEs')],
    },
    { name: '100 aliases', d: d({ aliases: many(100) }), evidence: [], want: [] },
  ]);
});

describe('CF-26 CF_ALIAS_QUANTITY_MISMATCH', () => {
  table('CF_ALIAS_QUANTITY_MISMATCH', [
    {
      name: 'Quantity 2 with one item',
      d: d({ quantity: 2 }),
      want: [reject('InconsistentQuantities', { quantity: 2, items: 1 })],
    },
    { name: 'Quantity matches', d: d({ quantity: 1 }), want: [] },
    { name: 'no Quantity (not API JSON)', d: d(), want: [] },
    { name: 'Quantity 0 without Items', d: d({ quantity: 0, aliases: [] }), want: [] },
  ]);
});

describe('CF-27 CF_ALIAS_SYNTAX_INVALID', () => {
  table('CF_ALIAS_SYNTAX_INVALID', [
    {
      name: 'upper case',
      d: d({ aliases: ['WWW.Example.com'] }),
      want: [
        reject('InvalidArgument', {
          problem: 'UpperCase',
          suggestion: 'www.example.com',
          certainty: 'unconfirmed',
        }),
      ],
    },
    {
      name: 'partial wildcard',
      d: d({ aliases: ['*domain.example.com'] }),
      want: [reject('InvalidArgument', { problem: 'PartialWildcard' })],
    },
    {
      name: 'mid-name wildcard',
      d: d({ aliases: ['sub.*.example.com'] }),
      want: [reject('InvalidArgument', { problem: 'WildcardNotLeftmost' })],
    },
    {
      name: 'trailing dot',
      d: d({ aliases: ['www.example.com.'] }),
      want: [reject('InvalidArgument', { problem: 'TrailingDot' })],
    },
    {
      name: 'label over 63',
      d: d({ aliases: [`${'a'.repeat(64)}.example.com`] }),
      want: [reject('InvalidArgument')],
    },
    {
      name: 'unicode',
      d: d({ aliases: ['bücher.example.com'] }),
      want: [reject('InvalidArgument', { problem: 'NonAscii' })],
    },
    {
      name: 'without evidence too',
      d: d({ aliases: ['A.example.com'] }),
      evidence: [],
      want: [reject('InvalidArgument')],
    },
    { name: 'lower-case name', d: d(), want: [] },
    { name: 'wildcard alias', d: d({ aliases: ['*.example.com'] }), want: [] },
    { name: 'punycode', d: d({ aliases: ['xn--bcher-kva.example.com'] }), want: [] },
  ]);
});

describe('CF-28 CF_UPDATE_NEEDS_ETAG', () => {
  table('CF_UPDATE_NEEDS_ETAG', [
    {
      name: 'get-distribution-config output',
      d: d({ etag: 'E37HOT42DHPVYH' }),
      want: [note({ etag: 'E37HOT42DHPVYH', id: 'E1EXAMPLE' })],
    },
    { name: 'template', d: d({ format: 'cloudformation' }), want: [] },
  ]);
});

describe('MS-03 CF_WILDCARD_ALIAS_OVERLAP', () => {
  table('CF_WILDCARD_ALIAS_OVERLAP', [
    {
      name: 'another distribution holds a name under the wildcard',
      d: [d({ id: 'E1', aliases: ['*.example.com'] }), d({ id: 'E2' })],
      want: [note({ alias: '*.example.com', overlaps: ['www.example.com (E2)'], count: 1 })],
    },
    {
      name: 'deeper names and deeper wildcards overlap too',
      d: [
        d({ id: 'E1', aliases: ['*.example.com'] }),
        d({ id: 'E2', aliases: ['a.b.example.com', '*.c.example.com'] }),
      ],
      want: [note({ count: 2, overlaps: ['*.c.example.com (E2)', 'a.b.example.com (E2)'] })],
    },
    {
      name: 'own names under the own wildcard',
      d: d({ aliases: ['*.example.com', 'www.example.com'] }),
      want: [],
    },
    {
      name: 'the apex is not under the wildcard',
      d: [d({ id: 'E1', aliases: ['*.example.com'] }), d({ id: 'E2', aliases: ['example.com'] })],
      want: [],
    },
    {
      name: 'the specific holder gets CF-24 instead',
      d: [d({ id: 'E1', aliases: ['*.example.com'] }), d({ id: 'E2' })],
      of: 'E2',
      want: [],
    },
  ]);
});

describe('MS-04 CF_DOMAIN_FRONTING_RISK', () => {
  const other = '444455556666';
  const wild = acmEvidence({ subjectAlternativeNames: ['*.example.com'] });
  table('CF_DOMAIN_FRONTING_RISK', [
    {
      name: 'wildcard certificate covers an alias of another account',
      d: [
        d({ id: 'E1', accountId: ACCOUNT }),
        d({ id: 'E2', accountId: other, aliases: ['api.example.com'], arn: arnIn('us-east-1', '2') }),
      ],
      evidence: [wild],
      of: 'E1',
      want: [note({ account: ACCOUNT, names: ['api.example.com (E2, account 444455556666)'], count: 1 })],
    },
    {
      name: 'exact SAN held by another account',
      d: [
        d({ id: 'E1', accountId: ACCOUNT }),
        d({ id: 'E2', accountId: other, arn: arnIn('us-east-1', '2') }),
      ],
      of: 'E1',
      want: [note({ count: 1 })],
    },
    {
      name: 'same account',
      d: [
        d({ id: 'E1', accountId: ACCOUNT }),
        d({ id: 'E2', accountId: ACCOUNT, aliases: ['api.example.com'] }),
      ],
      evidence: [wild],
      want: [],
    },
    {
      name: 'accounts unknown',
      d: [d({ id: 'E1' }), d({ id: 'E2', aliases: ['api.example.com'] })],
      evidence: [wild],
      want: [],
    },
  ]);
});

describe('CF-23 against the account read live (--aws): which holder is this distribution', () => {
  const accountCopy = (id: string, aliases = ['www.example.com']) => d({ id, deployed: true, aliases });
  const planned = (o: { deployedId?: string } = {}) => ({
    ...d({ id: 'aws_cloudfront_distribution.site', format: 'terraform', source: 'plan.json' }),
    ...(o.deployedId ? { deployedId: o.deployedId } : {}),
  });
  const codesOf = (context: Distribution[], checked: Distribution) => {
    const results = runGate(
      { distributions: [checked], evidence: [acmEvidence()], sourceFindings: [], context },
      { at: AT, warnDays: 30 },
    );
    return results[0]!.findings.filter((f) => f.code === 'CF_ALIAS_ALREADY_EXISTS');
  };

  test('a plan updating the account holder in place (its id known) conflicts with nothing', () => {
    expect(codesOf([accountCopy('E1HOLDER')], planned({ deployedId: 'E1HOLDER' }))).toEqual([]);
  });

  test('a plan updating another distribution than the holder: CNAMEAlreadyExists, an error', () => {
    const [f] = codesOf([accountCopy('E1HOLDER')], planned({ deployedId: 'E2OTHER' }));
    expect(f).toMatchObject({
      severity: 'error',
      awsError: 'CNAMEAlreadyExists',
      args: { accountHolder: 'E1HOLDER' },
    });
    expect(describeFinding(f!).message).toContain('is also an alias of E1HOLDER in the account');
  });

  test('a template that does not say which distribution it updates: a warning saying both readings', () => {
    const template = d({ id: 'Site', format: 'cloudformation', source: 'site.yaml' });
    const [f] = codesOf([accountCopy('E1HOLDER')], template);
    expect(f).toMatchObject({ severity: 'warning', args: { accountHolder: 'E1HOLDER', maybeSelf: true } });
    expect(describeFinding(f!).message).toContain('if E1HOLDER is this distribution, deployed before');
  });
});
