import { expiresWithin } from '../../findings/time.js';
import type { CfRuleContext } from './define-rule.js';

/**
 * The evidence's notAfter when the certificate is still valid but expires inside the warning
 * window (`--warn-days`), else undefined. Shared by MS-05 (imported/IAM) and W-05 (ACM-issued).
 */
export function notAfterInWarningWindow(ctx: CfRuleContext): Date | undefined {
  const notAfter = ctx.evidenceField('expiry', 'notAfter');
  if (notAfter === undefined) return undefined;
  return expiresWithin(notAfter, ctx.at, ctx.warnDays) ? notAfter : undefined;
}
