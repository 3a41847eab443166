/**
 * Shared by CF-09 and CF-10: each alias checked against the certificate's SAN index (built once
 * per certificate), with the SANs a message can list.
 */

import { isUnresolved } from '../../cloudfront/model.js';
import { type AliasCoverage, checkAliasSyntax, type NameError, type SanIndex } from '../../names/index.js';
import type { Alias, CfRuleContext } from './define-rule.js';
import { usesDefaultCertificate } from './fields.js';

/** How many SANs a message lists before "and N more". */
const SANS_SHOWN = 10;

type Miss = { alias: Alias; coverage: AliasCoverage & { covered: false } };

/** One pass over a distribution's aliases against a SAN index. */
interface Pass {
  readonly aliases: readonly Alias[];
  readonly index: SanIndex;
  readonly misses: readonly Miss[];
  readonly coverage: AliasCoverage[];
}

/**
 * The last pass, shared by CF-09, CF-10 and CF-27: the engine runs the rules of one distribution
 * one after the other, and `ctx.aliases()` is the same array for each of them, so the last pass
 * is the one they ask for. One entry, not a WeakMap of every distribution's pass: 10,000 of those
 * lived to the end of the run and made every garbage collection walk them.
 */
let last: Pass | undefined;

function passFor(aliases: readonly Alias[]): Pass | undefined {
  return last?.aliases === aliases ? last : undefined;
}

/** Each alias not covered, with why; empty when coverage cannot be checked (recorded by the context). */
export function uncoveredAliases(ctx: CfRuleContext): readonly Miss[] {
  if (usesDefaultCertificate(ctx)) return [];
  const aliases = ctx.aliases();
  if (aliases.length === 0) return [];
  const index = ctx.sanIndex();
  if (!index) return [];
  let pass = passFor(aliases);
  if (pass?.index !== index) {
    const coverage: AliasCoverage[] = new Array(aliases.length);
    const misses: Miss[] = [];
    for (let i = 0; i < aliases.length; i++) {
      const alias = aliases[i]!;
      const c = index.covers(alias.name);
      coverage[i] = c;
      if (!c.covered) misses.push({ alias, coverage: c });
    }
    pass = { aliases, index, misses, coverage };
    last = pass;
  }
  return pass.misses;
}

/**
 * The syntax problem of an alias (case aside), reusing the coverage pass when it ran: the SAN
 * index checks syntax first, so its answer is the same and the alias is parsed once.
 */
export function aliasSyntaxError(aliases: readonly Alias[], i: number): NameError | undefined {
  const coverage = passFor(aliases)?.coverage[i];
  if (!coverage) return checkAliasSyntax(aliases[i]!.name);
  return !coverage.covered && coverage.miss.kind === 'InvalidAlias' ? coverage.miss.error : undefined;
}

/** The certificate's SANs for a message, the first ten and a count. */
export function sansForMessage(ctx: CfRuleContext): { sans: string[]; sanCount: number } {
  const sans = ctx.evidence('coverage')?.coverageNames;
  const list = sans === undefined || isUnresolved(sans) ? [] : sans;
  return { sans: list.slice(0, SANS_SHOWN), sanCount: list.length };
}
