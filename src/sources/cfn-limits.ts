/**
 * Bounds on evaluating one template's intrinsic functions. Without them a kilobyte of nested
 * `Fn::Sub` doubles a string thirty times (4 GB), and nested `Fn::FindInMap` or `Fn::Join`
 * multiply work the same way. Going over a bound throws CfnLimitError; the template reader turns
 * it into an INPUT_NOT_EXAMINED finding naming the resource and the bound.
 */

import { isRecord } from './fields.js';

/** The bounds, each with why its value. */
export const CFN_LIMITS = {
  /** Intrinsics nest at most this deep; real templates stay under 10 levels. */
  maxExpressionDepth: 32,
  /**
   * The largest value one expression may produce, in characters (a list or mapping counts its
   * strings plus one per item). CloudFormation's largest template body is 1 MB (uploaded through
   * S3), so no value a real template computes is larger than the template itself.
   */
  maxValueSize: 1024 * 1024,
  /**
   * Work units for one template: one per expression evaluated plus one per character a function
   * writes. Evaluating every distribution and certificate of a 1 MB template costs a few million;
   * 32 million take about a second.
   */
  maxWork: 32_000_000,
} as const;

/** Which bound was exceeded. */
export type CfnLimitName = keyof typeof CFN_LIMITS;

/** What each bound is called in findings. */
const LIMIT_PHRASES: Readonly<Record<CfnLimitName, string>> = {
  maxExpressionDepth: 'intrinsic functions nested deeper than',
  maxValueSize: 'a value larger than',
  maxWork: 'evaluation work above',
};

const UNITS: Readonly<Record<CfnLimitName, string>> = {
  maxExpressionDepth: 'levels',
  maxValueSize: 'characters',
  maxWork: 'units',
};

/** Thrown when evaluating a template goes over one of CFN_LIMITS. */
export class CfnLimitError extends Error {
  /** The bound's value. */
  readonly max: number;

  constructor(readonly limit: CfnLimitName) {
    const max = CFN_LIMITS[limit];
    super(`${LIMIT_PHRASES[limit]} ${max.toLocaleString('en-US')} ${UNITS[limit]} (certgate's bound)`);
    this.name = 'CfnLimitError';
    this.max = max;
  }
}

/**
 * Counts the work of one template and measures values. Once the work bound is passed every
 * further charge throws as well, so each remaining resource says it was not examined.
 */
export class CfnBudget {
  private work = 0;
  private readonly sizes = new WeakMap<object, number>();

  /** Charges `units` of work. */
  charge(units: number): void {
    this.work += units;
    if (this.work > CFN_LIMITS.maxWork) throw new CfnLimitError('maxWork');
  }

  /** Throws unless a value of `size` is allowed. */
  checkSize(size: number): void {
    if (size > CFN_LIMITS.maxValueSize) throw new CfnLimitError('maxValueSize');
  }

  /** The size of a value as maxValueSize counts it; containers are measured once. */
  sizeOf(value: unknown): number {
    if (typeof value === 'string') return value.length;
    if (typeof value !== 'object' || value === null) return 1;
    const known = this.sizes.get(value);
    if (known !== undefined) return known;
    let size = 1;
    const items = Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : [];
    for (const item of items) {
      size += this.sizeOf(item) + 1;
      if (size > CFN_LIMITS.maxValueSize) break; // large enough to refuse: stop measuring
    }
    this.sizes.set(value, size);
    return size;
  }

  /** Records the size of a container built from measured parts (so it is not walked again). */
  remember(value: object, size: number): void {
    this.sizes.set(value, size);
  }
}
