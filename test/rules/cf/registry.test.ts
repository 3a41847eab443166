import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { INVALID_VIEWER_CERTIFICATE_ORDER } from '../../../src/cloudfront/policies.js';
import { CATALOG, docsPath } from '../../../src/findings/catalog.js';
import { CF_RULES } from '../../../src/rules/cf/index.js';

const range = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`);
const ALL_IDS = [...range('CF', 30), ...range('MS', 12), ...range('W', 5), ...range('TN', 2)];

const RULE_DIR = new URL('../../../src/rules/cf/', import.meta.url);
const TEST_DIR = new URL('./', import.meta.url);
const ruleFiles = readdirSync(RULE_DIR).filter((f) => /^(cf|ms|w|tn)-\d\d-.+\.ts$/.test(f));
const testText = readdirSync(TEST_DIR)
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => readFileSync(new URL(f, TEST_DIR), 'utf8'))
  .join('\n');

/**
 * Default severities: REJECT → error, MIS-SERVE and WARN → warning; a rule whose condition cannot
 * be decided offline, or that the rulebook calls n/a or a note, is a note; CF-21 and CF-30 are
 * warnings because the rejection itself is UNCONFIRMED.
 */
const NOT_DEFAULT: Record<string, string> = {
  'CF-21': 'warning',
  'CF-22': 'note',
  'CF-24': 'note',
  'CF-28': 'note',
  'CF-30': 'warning',
  'MS-02': 'note',
  'MS-03': 'note',
  'MS-04': 'note',
  'MS-08': 'note',
  'MS-12': 'note',
  // certgate's tenant rules (no rulebook verdict): a rejection, and what cannot be decided offline
  'TN-01': 'error',
  'TN-02': 'note',
};

test('one rule per rulebook row (and tenant rule), each once, with a unique CF_ code', () => {
  expect(CF_RULES.map((r) => r.id).sort()).toEqual([...ALL_IDS].sort());
  const codes = CF_RULES.map((r) => r.code);
  expect(new Set(codes).size).toBe(codes.length);
  for (const code of codes) expect(code).toMatch(/^CF_[A-Z0-9_]+$/);
});

test('the registry is in decision order', () => {
  const groups = CF_RULES.map((r) => r.group);
  expect(groups).toEqual([...groups].sort((a, b) => a - b));
});

test('CloudFront’s own order covers only InvalidViewerCertificate rules', () => {
  for (const id of Object.keys(INVALID_VIEWER_CERTIFICATE_ORDER)) {
    expect(CF_RULES.find((r) => r.id === id)?.awsError, id).toBe('InvalidViewerCertificate');
  }
});

describe.each(CF_RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  test('catalog severity follows the rulebook verdict', () => {
    const fallback = id.startsWith('CF') ? 'error' : 'warning';
    expect(CATALOG[rule.code].severity).toBe(NOT_DEFAULT[id] ?? fallback);
  });

  test('one small file, citing its source', () => {
    const file = ruleFiles.find((f) => f.startsWith(`${id.toLowerCase()}-`));
    expect(file, `no file for ${id}`).toBeDefined();
    const text = readFileSync(new URL(file!, RULE_DIR), 'utf8');
    expect(text.split('\n').length).toBeLessThan(80);
    expect(text).toContain(`id: '${id}'`);
    expect(text).toMatch(/https:\/\//);
  });

  test('its docs page names the rulebook id', () => {
    const page = readFileSync(new URL(`../../../${docsPath(rule.code)}`, import.meta.url), 'utf8');
    expect(page).toContain(`**Rulebook:** ${id}`);
  });

  test('a rule table exercises it', () => {
    expect(testText).toContain(`'${rule.code}'`);
  });
});
