/** A tiny work pool: run `task(i)` for i in 0..count-1 with at most `limit` running at once. */

/**
 * Runs every task, at most `limit` at a time, in index order of start. `limit` may be a function:
 * it is read again whenever a task ends, so a limit that grows starts more tasks at once and one
 * that shrinks lets the tasks in flight finish before the next starts (never fewer than one).
 * Resolves when all have settled; rejects with the first error and starts no task after it
 * (tasks are expected to turn failures into data).
 */
export function runPool(
  count: number,
  limit: number | (() => number),
  task: (index: number) => Promise<void>,
): Promise<void> {
  const limitNow = typeof limit === 'number' ? () => limit : limit;
  return new Promise((resolve, reject) => {
    let next = 0;
    let running = 0;
    let failed = false;
    const fail = (err: unknown) => {
      failed = true;
      reject(err);
    };
    const ended = () => {
      running--;
      if (failed) return;
      if (next >= count && running === 0) resolve();
      else fill();
    };
    const fill = () => {
      while (!failed && next < count && running < Math.max(1, limitNow())) {
        const index = next++;
        running++;
        let work: Promise<void>;
        try {
          work = task(index);
        } catch (err) {
          work = Promise.reject(err);
        }
        work.then(ended, fail);
      }
    };
    if (count <= 0) resolve();
    else fill();
  });
}
