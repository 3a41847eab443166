/**
 * Rule tables: each row is a config (one or more distributions, their evidence) and the findings
 * one code must produce for one distribution, as partial objects (code, severity, awsError, args).
 * An empty `want` is a row where the rule stays quiet.
 */

import { expect, test } from 'vitest';
import type { GateOptions } from '../../../src/check/types.js';
import type { CertificateEvidence, Distribution } from '../../../src/cloudfront/model.js';
import type { FindingCode } from '../../../src/findings/catalog.js';
import type { Finding } from '../../../src/findings/finding.js';
import { acmEvidence, findingsOf, gate } from '../../check/builders.js';

export interface Row {
  readonly name: string;
  readonly d: Distribution | readonly Distribution[];
  readonly evidence?: readonly CertificateEvidence[];
  /** The distribution whose findings are checked (default: the first result). */
  readonly of?: string;
  readonly options?: Partial<GateOptions>;
  readonly want: readonly Partial<Finding>[];
}

/** The findings of `code` for a row. */
export function run(code: FindingCode, row: Omit<Row, 'name' | 'want'>): readonly Finding[] {
  const ds = Array.isArray(row.d) ? (row.d as Distribution[]) : [row.d as Distribution];
  const results = gate(ds, row.evidence ?? [acmEvidence()], row.options ?? {});
  return findingsOf(results, row.of).filter((f) => f.code === code);
}

/** One test per row: the code's findings match `want`, in order and number. */
export function table(code: FindingCode, rows: readonly Row[]): void {
  test.each(rows)('$name', (row) => {
    const got = run(code, row);
    expect(got, `${code}: ${JSON.stringify(got.map((f) => f.args))}`).toMatchObject(row.want);
  });
}

/** A REJECT finding: error with the given CloudFront error. */
export const reject = (awsError: string | undefined, args: Record<string, unknown> = {}): Partial<Finding> =>
  awsError === undefined
    ? ({ severity: 'error', args } as Partial<Finding>)
    : ({ severity: 'error', awsError, args } as Partial<Finding>);

export const warn = (args: Record<string, unknown> = {}): Partial<Finding> =>
  ({ severity: 'warning', args }) as Partial<Finding>;

export const note = (args: Record<string, unknown> = {}): Partial<Finding> =>
  ({ severity: 'note', args }) as Partial<Finding>;
