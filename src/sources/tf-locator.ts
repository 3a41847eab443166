/**
 * Locators that name the resource a finding is about (a Terraform address, a CDK construct path)
 * and, when the code it was generated from is at hand, where it is in that code. Used by the
 * Terraform plan and CDK assembly readers.
 */

import type { CodeOrigin, Locator } from '../findings/types.js';
import { LazyLocator } from './positions.js';

/**
 * `base` (a position in the plan or template) with `resource` and its origin. A plain base gives
 * a plain object (most documents: cheap to make by the thousand). A lazy base (a large document)
 * stays lazy: its line and column are read through, and the origin is computed on first read;
 * every field is an own enumerable property, so spreads and JSON keep them.
 */
export function resourceLocator(
  base: Locator,
  resource: string,
  origin?: () => CodeOrigin | undefined,
): Locator {
  if (!(base instanceof LazyLocator)) {
    const o = origin?.();
    return o ? { ...base, resource, origin: o } : { ...base, resource };
  }
  let found: CodeOrigin | null | undefined;
  const originOf = () => {
    if (found === undefined) found = origin?.() ?? null;
    return found ?? undefined;
  };
  const locator = {} as Locator & { toJSON(): Locator };
  Object.defineProperties(locator, {
    source: { value: base.source, enumerable: true },
    ...(base.path !== undefined ? { path: { value: base.path, enumerable: true } } : {}),
    line: { get: () => base.line, enumerable: true },
    column: { get: () => base.column, enumerable: true },
    resource: { value: resource, enumerable: true },
    origin: { get: originOf, enumerable: true },
    toJSON: {
      value: (): Locator => {
        const { line, column } = base;
        const o = originOf();
        return {
          source: base.source,
          ...(base.path !== undefined ? { path: base.path } : {}),
          ...(line !== undefined ? { line } : {}),
          ...(column !== undefined ? { column } : {}),
          resource,
          ...(o ? { origin: o } : {}),
        };
      },
    },
  });
  return locator;
}
