/**
 * A loopback fake AWS account (ACM + CloudFront) that the tests run the real AWS SDK v3 against;
 * see fake-aws/server.ts. Fixture accounts are in fake-aws-accounts.ts.
 *
 * @example
 * ```ts
 * const fake = await startFakeAws({ accountId: '111122223333', distributions, certificates });
 * const cloudfront = new CloudFrontClient({ region: 'us-east-1', endpoint: fake.url, credentials });
 * // or a child process with env: childEnv(fake)
 * await fake.close();
 * ```
 */

export {
  childEnv,
  FAKE_ACCESS_KEY_ID,
  FAKE_SECRET,
  FAKE_SESSION_TOKEN,
  fakeAwsEnv,
  startFakeAws,
} from './fake-aws/server.js';
export type * from './fake-aws/types.js';
