import type { CfRuleContext } from './define-rule.js';

const DAY_MS = 86_400_000;

/**
 * The evidence's notAfter when the certificate is still valid but expires inside the warning
 * window (`--warn-days`), else undefined. Shared by MS-05 (imported/IAM) and W-05 (ACM-issued).
 */
export function notAfterInWarningWindow(ctx: CfRuleContext): Date | undefined {
  const notAfter = ctx.evidenceField('expiry', 'notAfter');
  if (notAfter === undefined) return undefined;
  const left = notAfter.getTime() - ctx.at.getTime();
  return left < 0 || left > ctx.warnDays * DAY_MS ? undefined : notAfter;
}
