import { describe, expect, test } from 'vitest';
import { ignoreRules, readConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/config/parse.js';
import type { FlagSpec } from '../../src/config/schema.js';

const FLAGS: FlagSpec[] = [
  { name: 'warn-days', description: 'days', takes: 'value' },
  { name: 'fail-on', description: 'severity', takes: 'value', choices: ['error', 'warning', 'note', 'none'] },
  { name: 'cert', description: 'evidence (repeatable)', takes: 'list', path: true },
  { name: 'parameter', description: 'KEY=VALUE (repeatable)', takes: 'pairs' },
  { name: 'allow-empty', description: 'switch', takes: 'switch' },
];

/** The lines of the ConfigError `text` gives, or [] when it is a valid config. */
function problems(text: string): readonly string[] {
  try {
    readConfig('.certgate.yaml', text, FLAGS);
    return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.lines;
  }
}

describe('readConfig: one line per problem, with file, line and key', () => {
  test('an unknown key, with the key it is closest to', () => {
    expect(problems('ignore:\n  - code: CF_ALIAS_NOT_COVERED\n    cod: x\n    reason: y\n')).toEqual([
      '.certgate.yaml:3: ignore[0]: unknown key "cod" (did you mean "code"?)',
    ]);
    expect(problems('warn_days: 3\n')).toEqual([
      '.certgate.yaml:1: unknown key "warn_days" (did you mean "warn-days"?)',
    ]);
    expect(problems('zzz: 3\n')).toEqual(['.certgate.yaml:1: unknown key "zzz"']);
  });

  test('a value of the wrong type', () => {
    expect(problems('allow-empty: "yes"\n')).toEqual([
      '.certgate.yaml:1: allow-empty: expected true or false, got the string "yes"',
    ]);
    expect(problems('cert: {a: 1}\n')).toEqual([
      '.certgate.yaml:1: cert: expected a string or a list, got a mapping',
    ]);
    expect(problems('ignore: {code: X}\n')).toEqual([
      '.certgate.yaml:1: ignore: expected a list, got a mapping',
    ]);
    expect(problems('cert: [a.json, 3]\n')).toEqual([
      '.certgate.yaml:1: cert[1]: expected a string, got the number 3',
    ]);
  });

  test('a date that is not one, or does not exist', () => {
    const entry = (expires: string) =>
      `ignore:\n  - code: CF_ALIAS_NOT_COVERED\n    reason: r\n    expires: ${expires}\n`;
    expect(problems(entry('2026-02-30'))).toEqual([
      '.certgate.yaml:4: ignore[0].expires: "2026-02-30" is not a date (expected YYYY-MM-DD)',
    ]);
    expect(problems(entry('31/01/2026'))).toHaveLength(1);
    expect(problems(entry('2026-02-28'))).toEqual([]);
  });

  test('an ignore without a reason, or without anything to match', () => {
    expect(problems('ignore:\n  - code: CF_ALIAS_NOT_COVERED\n')).toEqual([
      '.certgate.yaml:2: ignore[0]: missing key "reason" (why the finding is accepted)',
    ]);
    expect(problems('ignore:\n  - code: CF_ALIAS_NOT_COVERED\n    reason: ""\n')).toEqual([
      '.certgate.yaml:3: ignore[0].reason: must not be empty',
    ]);
    expect(problems('ignore:\n  - reason: everything\n')).toEqual([
      '.certgate.yaml:2: ignore[0]: needs at least one of the keys code, path, distribution, alias',
    ]);
  });

  test('codes and severities are checked against the catalog', () => {
    expect(problems('severity:\n  CF_ALIAS_NOT_COVERD: warning\n  CERT_EXPIRED: low\n')).toEqual([
      '.certgate.yaml:2: severity: unknown finding code "CF_ALIAS_NOT_COVERD" (did you mean "CF_ALIAS_NOT_COVERED"?)',
      '.certgate.yaml:3: severity.CERT_EXPIRED: "low" is not one of error, warning, note',
    ]);
  });

  test('not a mapping, or not YAML', () => {
    expect(problems('- a\n- b\n')).toEqual([
      '.certgate.yaml:1: expected a mapping of settings (key: value), got a list',
    ]);
    expect(problems('a: [1\n')[0]).toMatch(/^\.certgate\.yaml:\d+:\d+: invalid YAML: /);
    expect(problems('a: 1\na: 2\n')[0]).toMatch(
      /^\.certgate\.yaml:2:1: invalid YAML: Map keys must be unique/,
    );
  });

  test('a valid config: its flags with their lines, ignores, severities; an empty file is no settings', () => {
    const config = readConfig(
      'c.yaml',
      'warn-days: 14\nparameter:\n  DomainName: example.com\nignore:\n  - path: legacy/**\n    reason: retired in 2027\nseverity:\n  CF_WEAK_SECURITY_POLICY: error\n',
      FLAGS,
    );
    expect([...config.flags]).toEqual([
      ['warn-days', { value: 14, line: 1 }],
      ['parameter', { value: { DomainName: 'example.com' }, line: 3 }],
    ]);
    expect(config.ignores).toEqual([{ path: 'legacy/**', reason: 'retired in 2027', line: 5 }]);
    expect(config.severity).toEqual({ CF_WEAK_SECURITY_POLICY: 'error' });
    expect(readConfig('c.yaml', '# nothing yet\n', FLAGS).flags.size).toBe(0);
  });
});

describe('ignoreRules', () => {
  const config = readConfig(
    '.certgate.yaml',
    'ignore:\n  - code: CF_ALIAS_NOT_COVERED\n    reason: apex elsewhere\n    expires: 2026-11-30\n  - code: CF_UPDATE_NEEDS_ETAG\n    reason: always\n',
    FLAGS,
  );

  test('an ignore holds through its expires day (UTC), then is a CONFIG_IGNORE_EXPIRED warning instead', () => {
    expect(ignoreRules(config, new Date('2026-11-30T23:59:59Z')).rules).toHaveLength(2);
    const after = ignoreRules(config, new Date('2026-12-01T00:00:00Z'));
    expect(after.rules).toEqual([
      { code: 'CF_UPDATE_NEEDS_ETAG', reason: 'always', source: '.certgate.yaml:5' },
    ]);
    expect(after.expired).toHaveLength(1);
    const [finding] = after.expired[0]!.findings;
    expect(finding).toMatchObject({
      code: 'CONFIG_IGNORE_EXPIRED',
      severity: 'warning',
      location: { source: '.certgate.yaml', line: 2 },
      args: { entry: 'ignore[0]', expires: '2026-11-30', reason: 'apex elsewhere' },
    });
  });
});
