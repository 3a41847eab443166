/**
 * What every reader shares: the Unresolved value, typed reads of raw input values, the
 * collection of what the readers produce, and the INPUT_UNRESOLVED_VALUE findings.
 */

import type { CertificateEvidence, Distribution, Field, TextPiece, Unresolved } from '../cloudfront/model.js';
import { isUnresolved } from '../cloudfront/model.js';
import type { Finding } from '../findings/finding.js';
import { createFinding } from '../findings/finding.js';
import type { Locator } from '../findings/types.js';
import type { InlineIgnore } from './types.js';

/** An Unresolved value: the value is computed at deploy time (or could not be read), and why. */
export class UnresolvedValue implements Unresolved {
  readonly unresolved = true as const;
  // declared, not defined: most Unresolved values know nothing of their text, and carry no key for it
  declare readonly text?: readonly TextPiece[];
  declare readonly minItems?: number;
  constructor(
    readonly reason: string,
    text?: readonly TextPiece[],
  ) {
    if (text !== undefined) this.text = text;
  }
}

/** An unknown list known to hold at least `count` items (Unresolved.minItems), for `reason`. */
export function unknownList(reason: string, count: number): UnresolvedValue {
  const u = new UnresolvedValue(reason);
  (u as { minItems?: number }).minItems = count;
  return u;
}

/** A source finding, attached to a distribution when it concerns one. */
interface SourceFinding {
  readonly distributionId?: string;
  readonly finding: Finding;
}

/** Where the readers put what they read. */
export interface Collected {
  readonly distributions: Distribution[];
  readonly evidence: CertificateEvidence[];
  readonly findings: SourceFinding[];
  /** Inline ignores of the resources read (`inline-ignores.ts`). */
  readonly ignores: InlineIgnore[];
}

/** An empty collection. */
export function collected(): Collected {
  return { distributions: [], evidence: [], findings: [], ignores: [] };
}

/** Whether a value is a JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property of a record (never one inherited from Object.prototype). */
export function own(record: unknown, key: string): unknown {
  return isRecord(record) && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A record's own property when it is a record. */
export function ownRecord(record: unknown, key: string): Record<string, unknown> | undefined {
  const value = own(record, key);
  return isRecord(value) ? value : undefined;
}

/** A record's own property when it is a string. */
export function ownString(record: unknown, key: string): string | undefined {
  const value = own(record, key);
  return typeof value === 'string' ? value : undefined;
}

const DIGITS = /^\d+$/;

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

/**
 * A raw value read as a string. Absent (undefined, null) stays undefined; numbers are written
 * out; anything else becomes Unresolved, so a rule reports the field instead of passing it.
 */
export function asString(value: unknown, name: string): string | Unresolved | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnresolved(value)) return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return new UnresolvedValue(`${name} is ${typeName(value)}, not a string`);
}

/** A raw value read as a boolean; `"true"`/`"false"` strings are accepted (CloudFormation). */
export function asBoolean(value: unknown, name: string): boolean | Unresolved | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnresolved(value)) return value;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return new UnresolvedValue(`${name} is ${typeName(value)}, not true or false`);
}

/** A raw value read as a number. */
export function asNumber(value: unknown, name: string): number | Unresolved | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnresolved(value)) return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && DIGITS.test(value)) return Number(value);
  return new UnresolvedValue(`${name} is ${typeName(value)}, not a number`);
}

/** A Field, or undefined when the value is absent. */
export function field<T>(value: T | Unresolved | undefined, location: Locator): Field<T> | undefined {
  return value === undefined ? undefined : { value, location };
}

/** A copy without the undefined properties, so absent fields stay absent (not `undefined`-valued keys). */
export function compact<T extends object>(object: T): T {
  const out: Record<string, unknown> = {};
  for (const key in object) if (object[key] !== undefined) out[key] = object[key];
  return out as T;
}

/** Field names per input format, as the input spells them (for INPUT_UNRESOLVED_VALUE). */
export interface FieldNames {
  readonly aliases: string;
  readonly aliasesQuantity: string;
  readonly cloudFrontDefaultCertificate: string;
  readonly acmCertificateArn: string;
  readonly iamCertificateId: string;
  readonly sslSupportMethod: string;
  readonly minimumProtocolVersion: string;
  readonly certificate: string;
  readonly certificateSource: string;
  readonly httpVersion: string;
  readonly connectionMode: string;
}

/** What the rules cannot check when a field is unknown. */
const SKIPPED: Readonly<Partial<Record<keyof FieldNames, string>>> = {
  aliases: 'name coverage and alias conflicts',
  aliasesQuantity: 'the alias quantity check',
  cloudFrontDefaultCertificate: 'certificate placement',
  acmCertificateArn: 'certificate placement, state and name coverage',
  iamCertificateId: 'certificate placement, state and name coverage',
  sslSupportMethod: 'TLS policy and SSL support method combinations',
  minimumProtocolVersion: 'TLS policy and SSL support method combinations',
  httpVersion: 'HTTP version checks',
  connectionMode: 'multi-tenant checks',
};

/**
 * INPUT_UNRESOLVED_VALUE findings for every unknown field of a distribution. A certificate
 * reference that names a resource of the same template or plan (`certificateResource`) is
 * checked against that resource, so it gets no finding.
 */
export function unresolvedFindings(d: Distribution, names: FieldNames): readonly SourceFinding[] {
  // nearly every distribution of a large input has no unknown field: say so without the closures below
  if (!hasUnresolvedField(d)) return NO_FINDINGS;
  const out: SourceFinding[] = [];
  // `item`: the index of an alias in its list, named only for the (rare) unresolved one
  const add = (key: keyof FieldNames, f: Field<unknown> | undefined, item?: number) => {
    if (!f || !isUnresolved(f.value)) return;
    const skipped = SKIPPED[key];
    const args = {
      field: item === undefined ? names[key] : `${names[key]}[${item}]`,
      distribution: d.id,
      reason: f.value.reason,
      ...(skipped ? { skipped } : {}),
    };
    out.push({ distributionId: d.id, finding: createFinding('INPUT_UNRESOLVED_VALUE', f.location, args) });
  };
  if (d.aliasesUnresolved)
    add('aliases', { value: d.aliasesUnresolved, location: d.aliasesUnresolved.location });
  d.aliases.forEach((alias, i) => {
    add('aliases', alias, i);
  });
  add('aliasesQuantity', d.aliasesQuantity);
  const vc = d.viewerCertificate;
  const byResource = d.certificateResource !== undefined;
  add('cloudFrontDefaultCertificate', vc?.cloudFrontDefaultCertificate);
  if (!byResource) add('acmCertificateArn', vc?.acmCertificateArn);
  if (!byResource) add('iamCertificateId', vc?.iamCertificateId);
  add('sslSupportMethod', vc?.sslSupportMethod);
  add('minimumProtocolVersion', vc?.minimumProtocolVersion);
  add('certificate', vc?.certificate);
  add('certificateSource', vc?.certificateSource);
  add('httpVersion', d.httpVersion);
  add('connectionMode', d.connectionMode);
  return out;
}

const NO_FINDINGS: readonly SourceFinding[] = Object.freeze([]);

const unknown = (f: Field<unknown> | undefined): boolean => f !== undefined && isUnresolved(f.value);

/** Whether any field {@link unresolvedFindings} reports on is unknown. */
function hasUnresolvedField(d: Distribution): boolean {
  if (d.aliasesUnresolved) return true;
  for (const alias of d.aliases) if (isUnresolved(alias.value)) return true;
  const vc = d.viewerCertificate;
  return (
    unknown(d.aliasesQuantity) ||
    unknown(d.httpVersion) ||
    unknown(d.connectionMode) ||
    (vc !== undefined &&
      (unknown(vc.cloudFrontDefaultCertificate) ||
        unknown(vc.acmCertificateArn) ||
        unknown(vc.iamCertificateId) ||
        unknown(vc.sslSupportMethod) ||
        unknown(vc.minimumProtocolVersion) ||
        unknown(vc.certificate) ||
        unknown(vc.certificateSource)))
  );
}
