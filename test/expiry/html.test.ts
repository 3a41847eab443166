/**
 * `certgate expiry --format html`: one self-contained page, opened in the real headless Chromium
 * (Debian's chromium; .ci/run installs it): the screenshot is not blank, and the page's text holds
 * the action list. The page asks for nothing over the network and escapes what the inputs say.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createCertificate, serverLeaf } from '../support/cert-factory.js';
import { inkShare } from '../support/png.js';
import { spawnCertgate } from '../support/spawn-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'certgate-expiry-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const root = createCertificate({ subject: 'CN=HTML Root', ca: true });
const intermediate = createCertificate({
  subject: 'CN=HTML Intermediate',
  issuer: root,
  ca: true,
  pathLen: 0,
});
writeFileSync(
  join(dir, 'urgent.pem'),
  serverLeaf('urgent.example.com', intermediate, '2026-09-04Z', '2026-12-03Z').pem + intermediate.pem,
);
writeFileSync(
  join(dir, 'fine.pem'),
  serverLeaf('fine.example.com', intermediate, '2026-11-01Z', '2027-05-01Z').pem + intermediate.pem,
);
// a CA kept on its own, whose name is markup: the page must show it as text
writeFileSync(
  join(dir, 'odd-ca.pem'),
  createCertificate({ subject: 'CN=<img src=x onerror=alert(1)>', ca: true }).pem,
);
const rootFile = join(dir, 'root.pem');
writeFileSync(rootFile, root.pem);
const chromium = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'];

test('one self-contained page: the action list first, a timeline, the table; nothing fetched, nothing unescaped', async () => {
  const page = join(dir, 'expiry.html');
  const run = await spawnCertgate([
    'expiry',
    join(dir, 'urgent.pem'),
    join(dir, 'fine.pem'),
    join(dir, 'odd-ca.pem'),
    '--roots',
    rootFile,
    '--at',
    '2026-12-01',
    '--format',
    'html',
    '--output',
    page,
  ]);
  expect(run.code).toBe(1);
  const html = readFileSync(page, 'utf8');
  const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
  expect(tags.filter((t) => /^<(script|link|img|iframe|object)|\s(src|href)=/i.test(t))).toEqual([]);
  expect(html).not.toMatch(/@import|url\(/i);
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(html).toContain("default-src 'none'");

  const dom = execFileSync('chromium', [...chromium, '--dump-dom', `file://${page}`], {
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const text = dom
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
  expect(text).toMatch(
    /What needs action error EXPIRY_CRITICAL ?: urgent\.example\.com expires on 2026-12-03/,
  );
  expect(text).toContain('Every certificate');

  const shot = join(dir, 'shot.png');
  execFileSync(
    'chromium',
    [...chromium, `--screenshot=${shot}`, '--window-size=1200,900', `file://${page}`],
    {
      timeout: 60_000,
      stdio: 'ignore',
    },
  );
  const ink = inkShare(readFileSync(shot));
  // text, bars and rules, but mostly page: neither blank nor a solid block
  expect(ink).toBeGreaterThan(0.02);
  expect(ink).toBeLessThan(0.6);
});
