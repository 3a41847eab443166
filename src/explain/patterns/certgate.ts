/**
 * certgate's own finding codes (`NAME_MISMATCH`, `PATH_UNKNOWN_ISSUER`, `CF_…`), read from the
 * catalog at load time so every code it holds is recognised. A path or name code gets the
 * diagnosis of its failure; any other code its title, the command that reports it and its page.
 */

import type { ClientErrorKey } from '../../clients/client-errors.js';
import { CATALOG, docsPath, FINDING_CODES, type FindingCode } from '../../findings/catalog.js';
import { errorKindOf } from '../../findings/path-codes.js';
import { gateCheck, servedChain } from '../commands.js';
import { type CauseText, CF_CAUSES, type CfCauseName, RULE_CODES } from '../diagnoses/cloudfront-causes.js';
import { diagnoseClientErrorKeys } from '../diagnoses/path.js';
import type { Pattern } from '../pattern.js';
import type { Diagnosis, Extracted } from '../types.js';

/** The command that reports a code, by its domain prefix. */
function commandFor(code: FindingCode, e: Extracted): string {
  if (code.startsWith('CF_')) return gateCheck(e);
  if (code.startsWith('CERT_')) return 'certgate inspect fullchain.pem';
  if (code.startsWith('PATH_') || code.startsWith('NAME_')) return servedChain(e, 'verify');
  return 'certgate inspect fullchain.pem';
}

function diagnoseCode(code: FindingCode, e: Extracted): Diagnosis {
  const kind = errorKindOf(code);
  const docs = [docsPath(code)];
  if (kind !== undefined) {
    const diagnosis = diagnoseClientErrorKeys([kind as ClientErrorKey], e);
    return { ...diagnosis, docs: [...new Set([...docs, ...(diagnosis.docs ?? [])])] };
  }
  const { title } = CATALOG[code];
  // A CloudFront rule's code: the causes explain gives for that rule's CloudFront error.
  const rule = Object.entries(RULE_CODES).find(([, c]) => c === code)?.[0];
  const ruleCauses = rule
    ? (Object.keys(CF_CAUSES) as CfCauseName[])
        .map((n): CauseText => CF_CAUSES[n](e))
        .filter((c) => c.rule === rule)
    : [];
  return {
    meaning: `certgate finding ${code}: ${title}${rule ? ` (rulebook ${rule})` : ''}. Its page says when it fires and how to fix it.`,
    causes:
      ruleCauses.length > 0
        ? ruleCauses
        : [
            {
              id: code,
              cause: title.charAt(0).toLowerCase() + title.slice(1),
              check: `the finding names the certificate or distribution and the location; see ${docsPath(code)}`,
              command: commandFor(code, e),
              code,
            },
          ],
    docs,
  };
}

/** One pattern matching any catalog code, longest first so no code shadows a longer one. */
export function certgatePatterns(): Pattern[] {
  const codes = [...FINDING_CODES].sort((a, b) => b.length - a.length);
  return [
    {
      id: 'certgate.finding-code',
      title: 'certgate finding code',
      source: 'certgate',
      key: 'certgate',
      regex: new RegExp(`\\b(?:${codes.join('|')})\\b`, 'g'),
      extract: (m) => ({ findingCode: m[0] }),
      diagnose: (e) => diagnoseCode(e.findingCode as FindingCode, e),
    },
  ];
}
