/**
 * The part of JSON Schema the config schema uses, and a validator for exactly that part: type,
 * enum, properties with additionalProperties and propertyNames, required, items, anyOf,
 * minLength, minimum, pattern and the `date` format. Each problem names the path of the value and says
 * what was expected, with a "did you mean" for misspelt keys and values.
 */

import { closest } from './suggest.js';

type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';

/** A JSON Schema (draft-07) node, as far as the validator reads it. */
export interface JsonSchema {
  readonly $schema?: string;
  readonly $id?: string;
  /** Names what the values are in messages (`finding code`). */
  readonly title?: string;
  readonly description?: string;
  readonly type?: JsonType | readonly JsonType[];
  readonly enum?: readonly (string | number | boolean)[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly propertyNames?: JsonSchema;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly minLength?: number;
  /** The smallest number allowed. */
  readonly minimum?: number;
  readonly pattern?: string;
  readonly format?: 'date';
}

/** A path into the config: keys and list indexes. */
export type ConfigPath = readonly (string | number)[];

/** One thing wrong with the config. */
export interface SchemaProblem {
  /** The value's path; for a key problem (unknown, misspelt), the path of the key itself. */
  readonly path: ConfigPath;
  readonly message: string;
  /** The problem is the key at the end of `path`, not its value. */
  readonly isKey?: boolean;
}

/** Every problem of `value` against `schema` (none when it conforms). */
export function validate(value: unknown, schema: JsonSchema, path: ConfigPath = []): SchemaProblem[] {
  if (schema.type !== undefined && !hasType(value, schema.type))
    return [{ path, message: `expected ${typeWords(schema.type)}, got ${typeName(value)}` }];
  if (schema.enum && !schema.enum.includes(value as string))
    return [{ path, message: enumMessage(value, schema) }];
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum)
    return [{ path, message: `must be at least ${schema.minimum}, got ${value}` }];
  const problems =
    typeof value === 'string'
      ? stringProblems(value, schema, path)
      : Array.isArray(value) && schema.items
        ? value.flatMap((v, i) => validate(v, schema.items!, [...path, i]))
        : isRecord(value)
          ? objectProblems(value, schema, path)
          : [];
  // the alternatives are weighed last: a misspelt key says so before "needs one of the keys"
  if (problems.length === 0 && schema.anyOf) return anyOfProblem(value, schema.anyOf, path) ?? [];
  return problems;
}

function stringProblems(value: string, schema: JsonSchema, path: ConfigPath): SchemaProblem[] {
  if (schema.minLength !== undefined && value.length < schema.minLength)
    return [{ path, message: 'must not be empty' }];
  if (schema.format === 'date' && !isDate(value))
    return [{ path, message: `${JSON.stringify(value)} is not a date (expected YYYY-MM-DD)` }];
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value))
    return [{ path, message: `${JSON.stringify(value)} does not match ${schema.pattern}` }];
  return [];
}

function objectProblems(
  value: Record<string, unknown>,
  schema: JsonSchema,
  path: ConfigPath,
): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const known = Object.keys(schema.properties ?? {});
  for (const [key, v] of Object.entries(value)) {
    const property = schema.properties?.[key];
    if (property) {
      problems.push(...validate(v, property, [...path, key]));
      continue;
    }
    if (schema.propertyNames) {
      const bad = validate(key, schema.propertyNames, [...path, key]);
      if (bad.length > 0) {
        problems.push(...bad.map((p) => ({ ...p, isKey: true })));
        continue;
      }
    }
    if (schema.additionalProperties === false) {
      const near = closest(key, known);
      const hint = near ? ` (did you mean "${near}"?)` : '';
      problems.push({ path: [...path, key], message: `unknown key "${key}"${hint}`, isKey: true });
    } else if (typeof schema.additionalProperties === 'object') {
      problems.push(...validate(v, schema.additionalProperties, [...path, key]));
    }
  }
  for (const key of schema.required ?? []) {
    if (!Object.hasOwn(value, key)) {
      const why = schema.properties?.[key]?.description;
      problems.push({ path, message: `missing key "${key}"${why ? ` (${why})` : ''}` });
    }
  }
  return problems;
}

/**
 * An `anyOf`: none when a branch fits. Branches that only require keys read as "needs one of
 * the keys ..."; otherwise the problems of the branch whose type the value has are the answer.
 */
function anyOfProblem(
  value: unknown,
  branches: readonly JsonSchema[],
  path: ConfigPath,
): SchemaProblem[] | undefined {
  const results = branches.map((b) => validate(value, b, path));
  if (results.some((r) => r.length === 0)) return undefined;
  if (branches.every((b) => b.required && Object.keys(b).length === 1)) {
    const keys = branches.map((b) => b.required!.join(' and '));
    return [{ path, message: `needs at least one of the keys ${keys.join(', ')}` }];
  }
  const typed = branches.findIndex((b) => b.type === undefined || hasType(value, b.type));
  if (typed !== -1) return results[typed];
  const types = branches.flatMap((b) => (b.type === undefined ? [] : [b.type].flat()));
  return [{ path, message: `expected ${typeWords(types)}, got ${typeName(value)}` }];
}

function enumMessage(value: unknown, schema: JsonSchema): string {
  const options = schema.enum!.map(String);
  const shown = JSON.stringify(value);
  if (options.length <= 8) return `${shown} is not one of ${options.join(', ')}`;
  const near = typeof value === 'string' ? closest(value, options) : undefined;
  return `unknown ${schema.title ?? 'value'} ${shown}${near ? ` (did you mean "${near}"?)` : ''}`;
}

function hasType(value: unknown, type: JsonType | readonly JsonType[]): boolean {
  const types: readonly JsonType[] = typeof type === 'string' ? [type] : type;
  return types.some((t) => {
    switch (t) {
      case 'object':
        return isRecord(value);
      case 'array':
        return Array.isArray(value);
      case 'integer':
        return Number.isInteger(value);
      case 'number':
        return typeof value === 'number' && Number.isFinite(value);
      default:
        return typeof value === t;
    }
  });
}

const TYPE_WORDS: Record<JsonType, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
};

function typeWords(type: JsonType | readonly JsonType[]): string {
  const words = [...new Set((typeof type === 'string' ? [type] : type).map((t) => TYPE_WORDS[t]))];
  return words.length <= 1 ? (words[0] ?? 'a value') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** What a value is, in the words of the messages. */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `${typeof value === 'string' ? 'the string' : 'the number'} ${JSON.stringify(value)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
