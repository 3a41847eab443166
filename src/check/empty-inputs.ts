/**
 * Inputs the gate found nothing to check in (no distribution and no tenant came from them, as the
 * sources said while reading them: ../sources/empty-input.ts). A gate that checked nothing must
 * not pass (a misspelt resource type, a wrong path, evidence given as an INPUT), so each is an
 * INPUT_NO_DISTRIBUTION finding, a note with `allowEmpty`.
 */

import { createFinding, type Result } from '../findings/finding.js';
import { displayName } from '../sources/document.js';
import type { EmptyInput } from '../sources/empty-input.js';

/** One INPUT_NO_DISTRIBUTION result per input that gave nothing to check. */
export function emptyInputs(
  empty: readonly EmptyInput[],
  options: { readonly allowEmpty?: boolean; readonly nothingChecked: boolean },
): Result[] {
  return empty.map((e) => {
    const finding = createFinding(
      'INPUT_NO_DISTRIBUTION',
      e.location,
      {
        source: displayName(e.input),
        kind: e.kind,
        ...(e.close ? { resource: e.close.resource, type: e.close.type, closeTo: e.close.closeTo } : {}),
        ...(e.types && e.types.length > 0 ? { types: e.types } : {}),
        nothingChecked: options.nothingChecked,
      },
      options.allowEmpty ? { severity: 'note' } : {},
    );
    return { subject: { kind: 'input', id: e.input, source: e.input }, findings: [finding] };
  });
}
