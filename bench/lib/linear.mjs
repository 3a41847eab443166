// Shared by the hostile-input benchmarks: time a run at full size and at a tenth of it, and print
// the full cost next to the linear baseline (the tenth times ten). A ratio near 1 is linear; 10
// would be quadratic. (bench/run.mjs runs only the files directly in bench/, not this folder.)
import { performance } from 'node:perf_hooks';

/** The best of `runs` runs after a warm-up, in milliseconds (the machine is shared and noisy). */
export async function bestMs(fn, runs = 3) {
  await fn();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** One result line: the cost at full size, the linear baseline and their ratio. */
export function linearRow(label, full, tenth, digits = 0) {
  const baseline = tenth * 10;
  console.log(
    `${label}: ${full.toFixed(digits)} ms; linear baseline (1/10 size x 10) ${baseline.toFixed(digits)} ms; ratio ${(full / baseline).toFixed(2)}`,
  );
}
