/** A tiny work pool: run `task(i)` for i in 0..count-1 with at most `limit` running at once. */

/**
 * Runs every task, `limit` at a time, in index order of start. Resolves when all have settled;
 * rejects with the first error (tasks are expected to turn failures into data).
 */
export async function runPool(
  count: number,
  limit: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      await task(index);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker);
  await Promise.all(workers);
}
