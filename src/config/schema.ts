/**
 * The JSON Schema of `.certgate.yaml`: a default for every flag of `certgate check` (one key per
 * flag, by its long name), `ignore:` entries, `severity:` overrides and `baseline:`. Built from
 * the command's own flags, so a new flag is a config key at once; the copy published in the
 * package (schema/certgate-config.schema.json) is this, written out and checked by a test.
 */

import { FINDING_CODES } from '../findings/catalog.js';
import type { JsonSchema } from './json-schema.js';
import { PROFILE_SCHEMA } from './profiles.js';

/** A command-line flag as the config sees it. */
export interface FlagSpec {
  /** The long name without dashes: `warn-days`. */
  readonly name: string;
  readonly description: string;
  /**
   * `switch`: true or false; `value`: one value; `list`: repeatable, one value or a list;
   * `pairs`: repeatable `KEY=VALUE`, also as a mapping.
   */
  readonly takes: 'switch' | 'value' | 'list' | 'pairs';
  readonly choices?: readonly string[];
  /** The value names a file or folder: a string, never a number. */
  readonly path?: boolean;
}

/** Where the published schema says it lives. */
export const CONFIG_SCHEMA_ID =
  'https://github.com/certgate/certgate/blob/main/schema/certgate-config.schema.json';

/** Keys of the config that are not flags. */
export const POLICY_KEYS = ['ignore', 'severity', 'profiles'] as const;

const FINDING_CODE: JsonSchema = { title: 'finding code', type: 'string', enum: FINDING_CODES };

const IGNORE_ENTRY: JsonSchema = {
  type: 'object',
  description: 'findings to accept: every criterion given must hold',
  additionalProperties: false,
  required: ['reason'],
  anyOf: [
    { required: ['code'] },
    { required: ['path'] },
    { required: ['distribution'] },
    { required: ['alias'] },
  ],
  properties: {
    code: { ...FINDING_CODE, description: 'the finding code (certgate rules lists them)' },
    path: {
      type: 'string',
      minLength: 1,
      description:
        'a glob on the input path, relative to the repository root (* and ? within a folder, ** across)',
    },
    distribution: {
      type: 'string',
      minLength: 1,
      description: 'a distribution id, a logical id, a CDK construct path or a Terraform address',
    },
    alias: { type: 'string', minLength: 1, description: 'an alias the finding is about' },
    reason: { type: 'string', minLength: 1, description: 'why the finding is accepted' },
    expires: {
      type: 'string',
      format: 'date',
      description: 'YYYY-MM-DD: the last day the entry suppresses; after it, a CONFIG_IGNORE_EXPIRED warning',
    },
  },
};

/** The schema of one flag's value. */
function flagSchema(flag: FlagSpec): JsonSchema {
  const description = flag.description;
  // YAML reads `warn-days: 30` and `account: 123456789012` as numbers; a path is always a string
  const one: JsonSchema = flag.choices
    ? { type: 'string', enum: flag.choices }
    : flag.path
      ? { type: 'string' }
      : { type: ['string', 'number'] };
  switch (flag.takes) {
    case 'switch':
      return { type: 'boolean', description };
    case 'value':
      return { ...one, description };
    case 'list':
      return { description, anyOf: [one, { type: 'array', items: one }] };
    case 'pairs':
      return {
        description,
        anyOf: [
          { type: 'string' },
          { type: 'array', items: { type: 'string' } },
          { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
        ],
      };
  }
}

/** The flags of a command as schema properties, by name. */
function flagProperties(flags: readonly FlagSpec[]): Record<string, JsonSchema> {
  const properties: Record<string, JsonSchema> = {};
  for (const flag of [...flags].sort((a, b) => (a.name < b.name ? -1 : 1)))
    properties[flag.name] = flagSchema(flag);
  return properties;
}

/**
 * The config schema: `flags` (those of `certgate check`) at the top level, and each other
 * command's flags in a section of its name (`probe:`).
 */
export function configSchema(
  flags: readonly FlagSpec[],
  sections: Readonly<Record<string, readonly FlagSpec[]>> = {},
): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    $schema: { type: 'string', description: 'the schema this file follows (for editors)' },
    ...flagProperties(flags),
  };
  for (const [name, sectionFlags] of Object.entries(sections)) {
    properties[name] = {
      type: 'object',
      description: `defaults for the flags of certgate ${name}`,
      additionalProperties: false,
      properties: flagProperties(sectionFlags),
    };
  }
  properties.ignore = {
    type: 'array',
    description: 'findings to accept, each with its reason',
    items: IGNORE_ENTRY,
  };
  properties.profiles = {
    type: 'array',
    description: 'what the distributions may use: each profile pins policies, certificates and their sources',
    items: PROFILE_SCHEMA,
  };
  properties.severity = {
    type: 'object',
    description: 'a severity per finding code, instead of the default (error, warning, note)',
    propertyNames: FINDING_CODE,
    additionalProperties: { type: 'string', enum: ['error', 'warning', 'note'] },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: CONFIG_SCHEMA_ID,
    title: 'certgate configuration (.certgate.yaml)',
    description:
      'Defaults for the flags of certgate check (and, in a section, of probe; flags given on the command line win), findings to ignore, and severity overrides. Paths are relative to the folder of the config file.',
    type: 'object',
    additionalProperties: false,
    properties,
  };
}
