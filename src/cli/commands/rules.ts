/**
 * `certgate rules`: every finding code with its title and default severity, so a code in a
 * report (or a --fail-on decision) can be looked up without the source.
 */

import { CATALOG, docsPath, FINDING_CODES } from '../../findings/catalog.js';
import type { CliIO } from '../io.js';

interface RulesCliOptions {
  readonly format: 'text' | 'json';
}

/** Prints the catalog as a text table or JSON; always exit 0. */
export async function runRules(opts: RulesCliOptions, io: CliIO): Promise<number> {
  const rows = FINDING_CODES.map((code) => ({
    code,
    severity: CATALOG[code].severity,
    title: CATALOG[code].title,
    docs: docsPath(code),
  }));
  if (opts.format === 'json') {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rows.map((r) => r.code.length));
  const lines = [`${'code'.padEnd(width)}  severity  title`];
  for (const r of rows) lines.push(`${r.code.padEnd(width)}  ${r.severity.padEnd(8)}  ${r.title}`);
  lines.push('', `${rows.length} codes; each has a page in docs/rules/CODE.md of the package.`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
