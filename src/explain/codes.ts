/** Finding codes as explain sees them: looked up in the catalog at run time, never assumed. */

import { CATALOG, type FindingCode } from '../findings/catalog.js';

/** Whether a string is a finding code of the catalog. */
export function isFindingCode(value: string): value is FindingCode {
  return Object.hasOwn(CATALOG, value);
}
