/**
 * What every profile rule shares: the profile of the context, and the args each finding carries
 * (the profile's name, and where the offending value is in the input, since the finding itself
 * points at the profile's line).
 */

import type { FindingArgs, Locator } from '../../findings/types.js';
import type { CfRuleContext } from '../cf/define-rule.js';
import type { Profile } from './profile.js';

/** The profile being checked; the engine runs profile rules only with one. */
export function profileOf(ctx: CfRuleContext): Profile {
  const profile = ctx.profile;
  if (profile === undefined) throw new Error('a profile rule ran without a profile');
  return profile;
}

/** The profile's name, and the input place of the value it judges (its line, when known). */
export function pinArgs(profile: Profile, input: Locator): FindingArgs {
  return {
    profile: profile.name,
    inputSource: input.source,
    ...(input.line !== undefined ? { inputLine: input.line } : {}),
  };
}
