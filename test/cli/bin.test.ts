import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

// These tests run the real executable, as `npx certgate` does; test/global-setup.ts builds dist/.

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/certgate.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

test('bin/certgate.js --version exits 0 with the version', () => {
  const r = run('--version');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
});

test('bin/certgate.js inspect decodes the README example', () => {
  const r = run('inspect', 'examples/certs/fullchain.pem', '--at', '2027-03-01');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('CN=www.example.com');
});

test('bin/certgate.js passes exit code 2 through for a missing file, without a stack trace', () => {
  const r = run('inspect', 'does-not-exist.pem');
  expect(r.status).toBe(2);
  expect(r.stderr).toBe('certgate: error: does-not-exist.pem: no such file or directory\n');
});

test('start-up imports only the CLI shell: commands and the decoder load on demand', () => {
  // Walk the static import graph from main.ts; dynamic import() calls are what keep it small.
  const seen = new Set<string>();
  const walk = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)) {
      walk(resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
    }
  };
  walk(resolve('src/cli/main.ts'));
  const loaded = [...seen].map((f) => relative(process.cwd(), f));
  expect(loaded).toContain('src/cli/options.ts');
  expect(loaded.filter((f) => /^src\/(x509|inspect|names|cli\/commands)\//.test(f))).toEqual([]);
});

test('a reader that closes the pipe early (| head) ends the run quietly, without EPIPE', () => {
  // A real shell pipeline, as users write it; pipefail gives certgate's own exit code.
  const files = Array(40).fill('examples/certs/amazon-roots.pem').join(' ');
  const r = spawnSync(
    'bash',
    ['-c', `set -o pipefail; node bin/certgate.js inspect ${files} | head -1 >/dev/null`],
    {
      encoding: 'utf8',
    },
  );
  expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
  expect(r.status).toBe(0);
});
