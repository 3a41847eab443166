/**
 * Hostile text benchmark (issue 10, items 5 and 8): `explain` on 60,000 blank lines before a code
 * (13 s before its patterns were made linear) and the terminal escaping of a 2.4 MB value full of
 * control characters, each against a linear baseline measured in the same run: the same work at
 * a tenth of the size, times ten. A ratio near 1 means linear; 10 would mean quadratic.
 * Run `npm run bench -- hostile-text`.
 */

import { bestMs, linearRow } from './lib/linear.mjs';

export async function run() {
  const { explain } = await import('../dist/explain/explain.js');
  const { forTerminal, terminalSafe } = await import('../dist/report/terminal.js');

  const blank = (n) => `${'\n'.repeat(n)}InvalidViewerCertificate\n`;
  const big = blank(60_000);
  const small = blank(6_000);
  linearRow(
    'explain, 60,000 blank lines then a code',
    await bestMs(() => explain(big), 5),
    await bestMs(() => explain(small), 5),
    1,
  );

  const hostile = (n) => '\u001b[2J\r\u0007\u202e'.repeat(n / 4);
  const value = hostile(2_400_000);
  const valueSmall = hostile(240_000);
  linearRow(
    'terminalSafe, 2.4 MB of control characters',
    await bestMs(() => terminalSafe(value), 5),
    await bestMs(() => terminalSafe(valueSmall), 5),
    1,
  );
  linearRow(
    'forTerminal, 2.4 MB value (cut at 1,024 characters)',
    await bestMs(() => forTerminal(value), 5),
    await bestMs(() => forTerminal(valueSmall), 5),
    1,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
