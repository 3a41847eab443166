// Loaded with `node --import` by test/aws/lazy-sdk.test.ts: a resolve hook appends every module
// URL the process resolves to the file CERTGATE_TEST_IMPORTS_FILE names, so a test can tell
// whether a command loaded the AWS SDK.
import { register } from 'node:module';

const file = process.env.CERTGATE_TEST_IMPORTS_FILE;
if (file) {
  const hook = `
    import { appendFileSync } from 'node:fs';
    export async function resolve(specifier, context, next) {
      const r = await next(specifier, context);
      appendFileSync(${JSON.stringify(file)}, r.url + '\\n');
      return r;
    }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
