/**
 * Hostile text benchmark (issue 10, items 5 and 8): `explain` on 60,000 blank lines before a code
 * (13 s before its patterns were made linear) and the terminal escaping of a 2.4 MB value full of
 * control characters, each against a linear baseline measured in the same run: the same work at
 * a tenth of the size, times ten. A ratio near 1 means linear; 10 would mean quadratic.
 * Run `npm run bench -- hostile-text`.
 */

import { performance } from 'node:perf_hooks';

/** The best of five runs after a warm-up, in milliseconds (the machine is shared and noisy). */
function ms(fn) {
  fn();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function row(label, full, tenth) {
  const baseline = tenth * 10;
  console.log(
    `${label}: ${full.toFixed(1)} ms; linear baseline (1/10 size x 10) ${baseline.toFixed(1)} ms; ratio ${(full / baseline).toFixed(2)}`,
  );
}

export async function run() {
  const { explain } = await import('../dist/explain/explain.js');
  const { forTerminal, terminalSafe } = await import('../dist/report/terminal.js');

  const blank = (n) => `${'\n'.repeat(n)}InvalidViewerCertificate\n`;
  const big = blank(60_000);
  const small = blank(6_000);
  row(
    'explain, 60,000 blank lines then a code',
    ms(() => explain(big)),
    ms(() => explain(small)),
  );

  const hostile = (n) => '\u001b[2J\r\u0007\u202e'.repeat(n / 4);
  const value = hostile(2_400_000);
  const valueSmall = hostile(240_000);
  row(
    'terminalSafe, 2.4 MB of control characters',
    ms(() => terminalSafe(value)),
    ms(() => terminalSafe(valueSmall)),
  );
  row(
    'forTerminal, 2.4 MB value (cut at 1,024 characters)',
    ms(() => forTerminal(value)),
    ms(() => forTerminal(valueSmall)),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
