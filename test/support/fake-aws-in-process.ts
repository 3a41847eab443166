/**
 * The fake AWS account for tests that call the library in this worker (not a child process):
 * `useFake(spec)` starts it and points this process's SDK at it (no machine config, no instance
 * metadata); after each test the fake is closed and the environment put back as it was.
 */

import { afterAll, afterEach, beforeAll } from 'vitest';
import { type FakeAccountSpec, type FakeAws, startFakeAws } from './fake-aws.js';

/** Registers the clean-up and gives the starter; `maxAttempts` is the SDK's AWS_MAX_ATTEMPTS. */
export function fakeAwsInProcess(maxAttempts: number) {
  let fake: FakeAws | undefined;
  const saved = { ...process.env };
  const clearAws = () => {
    for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
  };
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
    clearAws();
    Object.assign(process.env, saved);
  });
  /** Starts the fake for this test; `env` sets (or, with undefined, removes) more variables. */
  return async function useFake(
    spec: FakeAccountSpec,
    env: Record<string, string | undefined> = {},
  ): Promise<FakeAws> {
    fake = await startFakeAws(spec);
    clearAws();
    Object.assign(process.env, fake.env, { AWS_MAX_ATTEMPTS: String(maxAttempts) });
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    return fake;
  };
}

/** One fake for the whole file: started before its tests, closed after them; gives the running fake. */
export function fakeAwsForFile(spec: () => FakeAccountSpec): () => FakeAws {
  let fake: FakeAws | undefined;
  const saved = { ...process.env };
  const clearAws = () => {
    for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
  };
  beforeAll(async () => {
    fake = await startFakeAws(spec());
    clearAws();
    Object.assign(process.env, fake.env);
  });
  afterAll(async () => {
    await fake?.close();
    clearAws();
    Object.assign(process.env, saved);
  });
  return () => {
    if (!fake) throw new Error('the fake AWS account is not started yet (use it inside a test)');
    return fake;
  };
}
