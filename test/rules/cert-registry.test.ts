import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { CATALOG } from '../../src/findings/catalog.js';
import { CERT_RULES } from '../../src/rules/cert/index.js';
import { CF_RULES } from '../../src/rules/cf/index.js';

const RULE_DIR = new URL('../../src/rules/cert/', import.meta.url);
const ruleFiles = readdirSync(RULE_DIR).filter((f) => /^cert-\d\d-.+\.ts$/.test(f));

test('certificate rules are numbered in report order, one file each, with CERT_ codes', () => {
  expect(CERT_RULES.map((r) => r.id)).toEqual(
    CERT_RULES.map((_, i) => `CERT-${String(i + 1).padStart(2, '0')}`),
  );
  expect(ruleFiles).toHaveLength(CERT_RULES.length);
  for (const rule of CERT_RULES) {
    expect(rule.code).toMatch(/^CERT_[A-Z0-9_]+$/);
    const file = ruleFiles.find((f) => f.startsWith(`${rule.id.toLowerCase()}-`));
    expect(file, `no file for ${rule.id}`).toBeDefined();
    const text = readFileSync(new URL(file!, RULE_DIR), 'utf8');
    expect(text).toContain(`id: '${rule.id}'`);
    expect(text).toContain(`code: '${rule.code}'`);
  }
});

test('every rule, of either kind, carries its code’s catalog severity and is frozen', () => {
  for (const rule of [...CERT_RULES, ...CF_RULES]) {
    expect(rule.severity, rule.id).toBe(CATALOG[rule.code].severity);
    expect(Object.isFrozen(rule), rule.id).toBe(true);
  }
});
