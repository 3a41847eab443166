/**
 * The `profiles:` section of `.certgate.yaml`: what a team pins its distributions to, as the
 * seed asks ("pin supported TLS policy/certificate combinations", "compare with a known-working
 * certificate profile"). Its schema, and the step from the checked config to the gate's Profile
 * objects (rules/profile/profile.ts), each pin keeping its line for the finding to point at.
 */

import type { Distribution } from '../cloudfront/model.js';
import { isUnresolved } from '../cloudfront/model.js';
import { MINIMUM_PROTOCOL_VERSIONS, SSL_SUPPORT_METHODS } from '../cloudfront/policies.js';
import { type FingerprintRoot, normalisedSource } from '../findings/fingerprint.js';
import { globToRegExp } from '../findings/glob.js';
import type { Locator } from '../findings/types.js';
import { CERTIFICATE_SOURCES, type Profile, type ProfilePin } from '../rules/profile/profile.js';
import type { ConfigPath, JsonSchema } from './json-schema.js';

const oneOrMany = (item: JsonSchema, description: string): JsonSchema => ({
  description,
  anyOf: [item, { type: 'array', items: item }],
});

const NAME: JsonSchema = { type: 'string', minLength: 1 };
const POLICY: JsonSchema = { title: 'security policy', type: 'string', enum: MINIMUM_PROTOCOL_VERSIONS };

/** The schema of one `profiles:` entry. */
export const PROFILE_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'what the distributions it applies to may use; every pin is optional',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { ...NAME, description: 'the profile as findings name it' },
    match: {
      type: 'object',
      description:
        'which distributions the profile applies to (every one when absent); every criterion given must hold',
      additionalProperties: false,
      properties: {
        path: oneOrMany(
          NAME,
          'a glob on the input path, relative to the repository root (* and ? within a folder, ** across)',
        ),
        distribution: oneOrMany(
          NAME,
          'a distribution id, a logical id, a CDK construct path or a Terraform address',
        ),
        alias: oneOrMany(
          NAME,
          'an alias the distribution holds; * stands for any characters (*.example.com)',
        ),
      },
    },
    'security-policies': {
      type: 'array',
      items: POLICY,
      description: 'the allowed MinimumProtocolVersion values',
    },
    'minimum-security-policy': {
      ...POLICY,
      description: 'the oldest allowed security policy: it and newer ones',
    },
    'ssl-support-methods': {
      type: 'array',
      items: { type: 'string', enum: SSL_SUPPORT_METHODS },
      description: 'the allowed SSLSupportMethod values',
    },
    'key-algorithms': {
      type: 'array',
      items: { type: 'string', pattern: '^(RSA[_-]\\d+|EC[_-]\\w+|ED25519)$' },
      description: 'the allowed certificate key algorithms, as ACM spells them (RSA_2048, EC_prime256v1)',
    },
    'certificate-sources': {
      type: 'array',
      items: { type: 'string', enum: CERTIFICATE_SOURCES },
      description:
        'where the certificate may come from: acm, iam, default (the *.cloudfront.net certificate)',
    },
    'min-days-left': {
      type: 'integer',
      minimum: 0,
      description: 'the fewest days the certificate may have left at deploy time',
    },
    issuers: {
      type: 'array',
      items: NAME,
      description:
        "the allowed issuers: ACM's Issuer (Amazon), or a PEM leaf's issuer organization or common name",
    },
    certificate: {
      ...NAME,
      description: 'the certificate (ARN or IAM certificate id) every distribution of the profile uses',
    },
    certificates: {
      type: 'object',
      description: 'the certificate a distribution holding each alias uses (alias: ARN)',
      additionalProperties: NAME,
    },
  },
};

/** A profile as the config file has it: its values, and a way to the line of each. */
export interface ConfigProfile {
  readonly value: Readonly<Record<string, unknown>>;
  /** Its index in `profiles:`, for the lines of its keys. */
  readonly index: number;
}

/** Where the config's lines are: the file and a line per path (the parsed config's own lookup). */
export interface ConfigPlace {
  readonly file: string;
  readonly lineOf: (path: ConfigPath) => number;
}

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)];

/** `*` as any run of characters, nothing else special; case-insensitive, as DNS names are. */
function aliasPattern(pattern: string): RegExp {
  const source = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${source}$`, 'i');
}

/** The distribution test of a profile's `match:` (every distribution without one). */
function matcher(match: unknown, root: FingerprintRoot): (d: Distribution) => boolean {
  if (typeof match !== 'object' || match === null) return () => true;
  const m = match as Record<string, unknown>;
  const paths = list(m.path).map(globToRegExp);
  const ids = list(m.distribution);
  const aliases = list(m.alias).map(aliasPattern);
  return (d) => {
    if (paths.length > 0 && !paths.some((p) => p.test(normalisedSource(d.source, root)))) return false;
    if (ids.length > 0 && !ids.some((id) => d.id === id || d.id.endsWith(`/${id}`))) return false;
    if (aliases.length > 0) {
      const held = d.aliases.flatMap((f) => (isUnresolved(f.value) ? [] : [f.value]));
      if (!aliases.some((p) => held.some((a) => p.test(a)))) return false;
    }
    return true;
  };
}

/**
 * The gate's profiles from the checked config (the schema has held: types are as declared).
 * `root` is what `match.path` globs are relative to.
 */
export function toProfiles(
  profiles: readonly ConfigProfile[],
  place: ConfigPlace,
  root: FingerprintRoot,
): Profile[] {
  return profiles.map(({ value: p, index }) => {
    const at = (key: string, ...rest: (string | number)[]): Locator => ({
      source: place.file,
      path: ['profiles', index, key, ...rest],
      line: place.lineOf(['profiles', index, key, ...rest]),
    });
    const pin = <T>(key: string, convert: (v: unknown) => T): { [k: string]: ProfilePin<T> } =>
      p[key] === undefined ? {} : { [key]: { value: convert(p[key]), location: at(key) } };
    const pins = {
      ...pin('security-policies', list),
      ...pin('minimum-security-policy', String),
      ...pin('ssl-support-methods', list),
      ...pin('key-algorithms', list),
      ...pin('certificate-sources', list),
      ...pin('min-days-left', Number),
      ...pin('issuers', list),
      ...pin('certificate', String),
    };
    const perAlias = Object.entries((p.certificates ?? {}) as Record<string, string>).map(
      ([alias, certificate]) => ({
        alias,
        certificate,
        location: at('certificates', alias),
      }),
    );
    return {
      name: String(p.name),
      location: at('name'),
      applies: matcher(p.match, root),
      ...(pins['security-policies']
        ? { securityPolicies: pins['security-policies'] as ProfilePin<string[]> }
        : {}),
      ...(pins['minimum-security-policy']
        ? { minimumSecurityPolicy: pins['minimum-security-policy'] as ProfilePin<string> }
        : {}),
      ...(pins['ssl-support-methods']
        ? { sslSupportMethods: pins['ssl-support-methods'] as ProfilePin<string[]> }
        : {}),
      ...(pins['key-algorithms'] ? { keyAlgorithms: pins['key-algorithms'] as ProfilePin<string[]> } : {}),
      ...(pins['certificate-sources']
        ? { certificateSources: pins['certificate-sources'] as Profile['certificateSources'] }
        : {}),
      ...(pins['min-days-left'] ? { minDaysLeft: pins['min-days-left'] as ProfilePin<number> } : {}),
      ...(pins.issuers ? { issuers: pins.issuers as ProfilePin<string[]> } : {}),
      ...(pins.certificate ? { certificate: pins.certificate as ProfilePin<string> } : {}),
      ...(perAlias.length > 0 ? { aliasCertificates: perAlias } : {}),
    };
  });
}
