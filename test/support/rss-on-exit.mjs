// Loaded with `node --import` by test/support/spawn-cli.ts: on exit, writes the process's peak
// resident set size (bytes) to the file named by CERTGATE_TEST_RSS_FILE, so hostile-input tests
// can bound memory without a platform tool such as /usr/bin/time.
import { writeFileSync } from 'node:fs';

const file = process.env.CERTGATE_TEST_RSS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
  });
}
