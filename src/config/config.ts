/**
 * A `.certgate.yaml` read and checked against its schema: the flag defaults it gives, its
 * `ignore:` entries and `severity:` overrides. Pure: the file's text comes in, the CLI reads it.
 */

import type { FindingCode } from '../findings/catalog.js';
import { createFinding, type Result } from '../findings/finding.js';
import type { IgnoreRule } from '../findings/suppress.js';
import type { Severity } from '../findings/types.js';
import { type ConfigPath, validate } from './json-schema.js';
import { ConfigError, parseConfigText } from './parse.js';
import type { ConfigProfile } from './profiles.js';
import { configSchema, type FlagSpec, POLICY_KEYS } from './schema.js';

/** A config value with the line it is written on. */
export interface ConfigValue {
  readonly value: unknown;
  readonly line: number;
}

/** One `ignore:` entry as written. */
export interface ConfigIgnore {
  readonly code?: FindingCode;
  readonly path?: string;
  readonly distribution?: string;
  readonly alias?: string;
  readonly reason: string;
  readonly expires?: string;
  readonly line: number;
}

/** A checked config file. */
export interface CertgateConfig {
  /** The file as messages name it. */
  readonly file: string;
  /** Flag defaults by long name (`warn-days`), as written. */
  readonly flags: ReadonlyMap<string, ConfigValue>;
  /** Flag defaults of other commands, by command (`probe`), then by long name. */
  readonly sections: ReadonlyMap<string, ReadonlyMap<string, ConfigValue>>;
  readonly ignores: readonly ConfigIgnore[];
  /** The `profiles:` entries as written, with the line of each key (see toProfiles). */
  readonly profiles: readonly ConfigProfile[];
  /** The line of a path of the file (`['profiles', 0, 'certificate']`). */
  readonly lineOf: (path: ConfigPath) => number;
  readonly severity: Readonly<Partial<Record<FindingCode, Severity>>>;
}

/** `ignore[0].expires` */
export function pathText(path: ConfigPath): string {
  let text = '';
  for (const p of path) text += typeof p === 'number' ? `[${p}]` : text === '' ? p : `.${p}`;
  return text;
}

/**
 * Parses and checks config `text` of `file`: `flags` are those of `certgate check`, `sections`
 * those of the other commands the config has a section for.
 *
 * @throws ConfigError with one line per problem (`.certgate.yaml:4: ignore[0]: unknown key "cod" (did you mean "code"?)`)
 */
export function readConfig(
  file: string,
  text: string,
  flags: readonly FlagSpec[],
  sections: Readonly<Record<string, readonly FlagSpec[]>> = {},
): CertgateConfig {
  const parsed = parseConfigText(file, text);
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ConfigError([
      `${file}:1: expected a mapping of settings (key: value), got a ${Array.isArray(value) ? 'list' : 'value'}`,
    ]);
  const problems = validate(value, configSchema(flags, sections));
  if (problems.length > 0) {
    throw new ConfigError(
      problems.map((p) => {
        const line = parsed.lineOf(p.path, p.isKey);
        const where = pathText(p.isKey ? p.path.slice(0, -1) : p.path);
        return `${file}:${line}: ${where ? `${where}: ` : ''}${p.message}`;
      }),
    );
  }
  const record = value as Record<string, unknown>;
  const flagValues = new Map<string, ConfigValue>();
  const sectionValues = new Map<string, Map<string, ConfigValue>>();
  for (const [key, v] of Object.entries(record)) {
    if (key === '$schema' || (POLICY_KEYS as readonly string[]).includes(key)) continue;
    if (!Object.hasOwn(sections, key)) {
      flagValues.set(key, { value: v, line: parsed.lineOf([key]) });
      continue;
    }
    const values = new Map<string, ConfigValue>();
    for (const [flag, fv] of Object.entries(v as Record<string, unknown>))
      values.set(flag, { value: fv, line: parsed.lineOf([key, flag]) });
    sectionValues.set(key, values);
  }
  const ignores = ((record.ignore ?? []) as Omit<ConfigIgnore, 'line'>[]).map((entry, i) => ({
    ...entry,
    line: parsed.lineOf(['ignore', i]),
  }));
  return {
    file,
    flags: flagValues,
    sections: sectionValues,
    ignores,
    profiles: ((record.profiles ?? []) as Record<string, unknown>[]).map((value, index) => ({
      value,
      index,
    })),
    lineOf: (path) => parsed.lineOf(path),
    severity: (record.severity ?? {}) as CertgateConfig['severity'],
  };
}

/** The ignores of a config on day `at`: those still in force, and a warning result for those past their date. */
export function ignoreRules(config: CertgateConfig, at: Date): { rules: IgnoreRule[]; expired: Result[] } {
  const today = at.toISOString().slice(0, 10);
  const rules: IgnoreRule[] = [];
  const findings = [];
  for (const [i, entry] of config.ignores.entries()) {
    const source = `${config.file}:${entry.line}`;
    if (entry.expires !== undefined && entry.expires < today) {
      const location = { source: config.file, path: ['ignore', i], line: entry.line };
      findings.push(
        createFinding('CONFIG_IGNORE_EXPIRED', location, {
          entry: `ignore[${i}]`,
          source,
          reason: entry.reason,
          expires: entry.expires,
          ...(entry.code !== undefined ? { code: entry.code } : {}),
        }),
      );
      continue;
    }
    rules.push({
      reason: entry.reason,
      source,
      ...(entry.code !== undefined ? { code: entry.code } : {}),
      ...(entry.path !== undefined ? { path: entry.path } : {}),
      ...(entry.distribution !== undefined ? { distribution: entry.distribution } : {}),
      ...(entry.alias !== undefined ? { alias: entry.alias } : {}),
    });
  }
  const subject = { kind: 'input', id: config.file, source: config.file };
  return { rules, expired: findings.length > 0 ? [{ subject, findings }] : [] };
}
