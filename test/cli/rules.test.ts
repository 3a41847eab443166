import { describe, expect, test } from 'vitest';
import { CATALOG, FINDING_CODES } from '../../src/findings/catalog.js';
import { runCli } from '../support/cli.js';

describe('certgate rules', () => {
  test('text: every finding code with its severity and title', async () => {
    const r = await runCli(['rules']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    for (const code of FINDING_CODES) {
      const line = lines.find((l) => l.startsWith(`${code} `));
      expect(line, code).toBeDefined();
      expect(line).toContain(CATALOG[code].severity);
      expect(line).toContain(CATALOG[code].title);
    }
    expect(r.stdout).toContain('INPUT_NO_DISTRIBUTION');
  });

  test('--format json: the same rows as data', async () => {
    const r = await runCli(['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { code: string; severity: string; title: string; docs: string }[];
    expect(rows.map((x) => x.code)).toEqual(FINDING_CODES);
    expect(rows.find((x) => x.code === 'CF_ALIAS_NOT_COVERED')).toMatchObject({
      severity: 'error',
      docs: 'docs/rules/CF_ALIAS_NOT_COVERED.md',
    });
  });
});
