/**
 * Distribution tenants in the gate: a tenant's domains are checked against the certificate that
 * will serve them (its own, else its parent's), the parent's own facts are said once (on the
 * parent), and domains conflict with other tenants' and distributions' aliases.
 */

import { describe, expect, test } from 'vitest';
import type { Distribution } from '../../../src/cloudfront/model.js';
import { CF_RULES } from '../../../src/rules/cf/index.js';
import { runsOn, TENANT_SCOPE } from '../../../src/rules/cf/tenant-scope.js';
import { ACCOUNT, acmEvidence, arnIn, distribution, findingsOf, gate, tenant } from '../../check/builders.js';
import { note, reject, table } from './table.js';

const WILDCARD = `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/aaaaaaaa-0000-4000-8000-000000000000`;
const wildcardEvidence = acmEvidence({
  key: WILDCARD,
  arn: WILDCARD,
  domainName: '*.saas.example',
  subjectAlternativeNames: ['*.saas.example'],
});

/** The multi-tenant parent: tenant-only, a wildcard certificate, no aliases. */
const parent = (o: Parameters<typeof distribution>[0] = {}): Distribution =>
  distribution({ id: 'EMULTI', aliases: [], arn: WILDCARD, connectionMode: 'tenant-only', ...o });

test('every registered rule says whether it runs on tenants', () => {
  for (const rule of CF_RULES) expect(TENANT_SCOPE[rule.id], rule.id).toBeDefined();
  expect(Object.keys(TENANT_SCOPE).sort()).toEqual(CF_RULES.map((r) => r.id).sort());
});

test('tenant-only rules never run on a distribution; distribution settings never on a tenant', () => {
  expect(runsOn('TN-01', parent())).toBe(false);
  expect(runsOn('W-03', tenant())).toBe(false);
  expect(runsOn('CF-02', tenant())).toBe(false);
  expect(runsOn('CF-02', tenant({ arn: WILDCARD }))).toBe(true);
  expect(runsOn('CF-09', tenant({ managed: true }))).toBe(false);
  expect(runsOn('CF-23', tenant({ managed: true }))).toBe(true);
});

describe('a tenant inheriting its parent’s certificate', () => {
  test('passes when the parent’s wildcard covers its domains', () => {
    const results = gate([parent(), tenant()], [wildcardEvidence]);
    const t = results.find((r) => r.subject.id === 'acme');
    expect(t?.subject.kind).toBe('tenant');
    expect(t?.findings).toEqual([]);
  });

  test('a domain the parent’s certificate misses is not covered, named on the tenant', () => {
    const results = gate(
      [parent(), tenant({ domains: ['acme.saas.example', 'shop.acme.example'] })],
      [wildcardEvidence],
    );
    const found = findingsOf(results, 'acme').filter((f) => f.code === 'CF_ALIAS_NOT_COVERED');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'error',
      args: {
        alias: 'shop.acme.example',
        tenantOf: 'EMULTI',
        certainty: 'unconfirmed',
        certificate: WILDCARD,
      },
      location: { source: 'tenants.json', path: ['DistributionTenantList', 0, 'Domains', 1, 'Domain'] },
    });
    expect(findingsOf(results, 'EMULTI').map((f) => f.code)).not.toContain('CF_ALIAS_NOT_COVERED');
  });

  test('the parent’s certificate state is said once, on the parent', () => {
    const pending = acmEvidence({ ...wildcardEvidence, status: 'PENDING_VALIDATION' });
    const results = gate(
      [parent(), tenant(), tenant({ id: 'beta', domains: ['beta.saas.example'] })],
      [pending],
    );
    const codes = results.flatMap((r) => r.findings.map((f) => `${r.subject.id}:${f.code}`));
    expect(codes.filter((c) => c.endsWith(':CF_CERTIFICATE_NOT_ISSUED'))).toEqual([
      'EMULTI:CF_CERTIFICATE_NOT_ISSUED',
    ]);
  });

  test('the parent’s TLS settings are not repeated on every tenant', () => {
    const results = gate([parent({ policy: 'TLSv1' }), tenant()], [wildcardEvidence]);
    expect(findingsOf(results, 'EMULTI').map((f) => f.code)).toContain('CF_WEAK_SECURITY_POLICY');
    expect(findingsOf(results, 'acme')).toEqual([]);
  });

  test('a parent that is not among the inputs leaves the coverage unchecked, said once', () => {
    const results = gate([tenant({ parentId: 'EELSEWHERE' })], [wildcardEvidence]);
    const found = findingsOf(results, 'acme');
    expect(found.map((f) => f.code)).toEqual(['INPUT_UNRESOLVED_VALUE']);
    expect(JSON.stringify(found[0]?.args)).toContain('EELSEWHERE');
  });

  test('a parent without any certificate leaves the domains without one', () => {
    const results = gate([parent({ viewer: false }), tenant()], []);
    expect(findingsOf(results, 'acme').map((f) => f.code)).toContain('CF_ALIASES_WITHOUT_CERTIFICATE');
  });
});

describe('a tenant with its own certificate', () => {
  test('is checked like a distribution’s: region, state, coverage', () => {
    const own = arnIn('eu-west-1', '7');
    const evidence = acmEvidence({
      key: own,
      arn: own,
      region: 'eu-west-1',
      domainName: 'shop.acme.example',
      subjectAlternativeNames: ['shop.acme.example'],
    });
    const results = gate(
      [parent(), tenant({ domains: ['shop.acme.example'], arn: own })],
      [wildcardEvidence, evidence],
    );
    expect(findingsOf(results, 'acme').map((f) => f.code)).toEqual(['CF_CERTIFICATE_NOT_IN_US_EAST_1']);
  });

  test('overrides the parent’s for coverage', () => {
    const own = arnIn('us-east-1', '6');
    const evidence = acmEvidence({
      key: own,
      arn: own,
      domainName: 'shop.acme.example',
      subjectAlternativeNames: ['shop.acme.example'],
    });
    const results = gate(
      [parent(), tenant({ domains: ['shop.acme.example'], arn: own })],
      [wildcardEvidence, evidence],
    );
    expect(findingsOf(results, 'acme')).toEqual([]);
  });
});

describe('TN-01 CF_TENANT_PARENT_NOT_MULTI_TENANT', () => {
  table('CF_TENANT_PARENT_NOT_MULTI_TENANT', [
    {
      name: 'a standard parent (ConnectionMode absent: direct)',
      d: [tenant(), distribution({ id: 'EMULTI', aliases: [], arn: WILDCARD })],
      of: 'acme',
      evidence: [wildcardEvidence],
      want: [reject('InvalidArgument', { parent: 'EMULTI', connectionMode: 'direct', explicit: false })],
    },
    {
      name: 'a parent with ConnectionMode direct',
      d: [tenant(), parent({ connectionMode: 'direct' })],
      of: 'acme',
      evidence: [wildcardEvidence],
      want: [reject('InvalidArgument', { connectionMode: 'direct', explicit: true })],
    },
    {
      name: 'a multi-tenant parent',
      of: 'acme',
      d: [tenant(), parent()],
      evidence: [wildcardEvidence],
      want: [],
    },
    { name: 'a parent not among the inputs', of: 'acme', d: [tenant({ parentId: 'EOTHER' })], want: [] },
  ]);
});

describe('TN-02 CF_TENANT_MANAGED_CERTIFICATE', () => {
  table('CF_TENANT_MANAGED_CERTIFICATE', [
    {
      name: 'a managed certificate request',
      d: [tenant({ managed: true, domains: ['shop.acme.example'] }), parent()],
      of: 'acme',
      evidence: [wildcardEvidence],
      want: [note({ domains: ['shop.acme.example'], count: 1 })],
    },
    {
      name: 'a tenant on its parent’s certificate',
      of: 'acme',
      d: [tenant(), parent()],
      evidence: [wildcardEvidence],
      want: [],
    },
  ]);

  test('a managed certificate is not a missing one, nor checked for coverage', () => {
    const results = gate(
      [parent(), tenant({ managed: true, domains: ['shop.acme.example'] })],
      [wildcardEvidence],
    );
    expect(findingsOf(results, 'acme').map((f) => f.code)).toEqual(['CF_TENANT_MANAGED_CERTIFICATE']);
  });
});

describe('tenant domains and other aliases', () => {
  test('a domain another tenant or distribution holds is CNAMEAlreadyExists on both', () => {
    const standard = distribution({ id: 'ESTANDARD', aliases: ['acme.saas.example'], arn: WILDCARD });
    const results = gate([parent(), tenant(), standard], [wildcardEvidence]);
    for (const id of ['acme', 'ESTANDARD']) {
      const found = findingsOf(results, id).filter((f) => f.code === 'CF_ALIAS_ALREADY_EXISTS');
      expect(found, id).toHaveLength(1);
      expect(found[0]?.awsError).toBe('CNAMEAlreadyExists');
    }
  });

  test('a tenant’s malformed domain is reported like an alias', () => {
    const results = gate([parent(), tenant({ domains: ['Acme.saas.example'] })], [wildcardEvidence]);
    expect(findingsOf(results, 'acme').map((f) => f.code)).toContain('CF_ALIAS_SYNTAX_INVALID');
  });
});
