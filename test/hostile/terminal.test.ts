/**
 * Terminal injection: certificate subjects and SANs, a server's chain, template aliases, file
 * names and pasted text carry ESC, OSC, CSI, BEL, CR, NUL, C1 and bidi characters. No text view
 * (inspect, verify, check, probe, explain, the error line) may pass one through: each is shown
 * escaped (`\x1b`), and a value holding a newline cannot draw a line of its own.
 */

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HOST, type Running, site, tlsServer } from '../probe/servers.js';
import { createCertificate } from '../support/cert-factory.js';
import { runCli } from '../support/cli.js';
import { oid, seq, set, utf8 } from '../support/der-writer.js';

/** Clears the screen, homes the cursor, overwrites the line, retitles the window, rings, reorders. */
const PAYLOAD =
  '\u001b[2J\u001b[H\rPASS evil.example\n\u0007\u0000\u001b]0;pwned\u0007\u009b31m\u202egnp.exe';

/** Any byte a terminal acts on; the runs below have colour off, so not even SGR is expected. */
const CONTROL =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function expectInert(output: string): void {
  expect(output).not.toMatch(CONTROL);
  // the newline inside the value did not start a line of its own
  expect(output.split('\n').some((line) => line.startsWith('PASS evil'))).toBe(false);
  expect(output).toContain('\\x1b[2J');
}

const tmp = mkdtempSync(join(tmpdir(), 'certgate-terminal-'));
const file = (name: string, content: string) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

const cnName = (cn: string) => seq(set(seq(oid('2.5.4.3'), utf8(cn))));
const root = createCertificate({ subjectName: cnName(`root ${PAYLOAD}`), ca: true });
const leaf = createCertificate({
  subjectName: cnName(`leaf ${PAYLOAD}`),
  issuer: root,
  sans: ['dns:www.example.com', `dns:x${PAYLOAD.replace(/[^\u0000-\u007f]/g, '')}.example.com`],
  eku: ['serverAuth'],
});
const chainFile = file('chain.pem', leaf.pem + root.pem);
const rootFile = file('root.pem', root.pem);

test('inspect shows hostile subjects and SANs escaped', async () => {
  const r = await runCli(['inspect', chainFile, '--at', '2026-06-01']);
  expect(r.code).toBe(0);
  expectInert(r.stdout);
  expect(r.stdout).toContain('\\u202e');
});

test('verify shows hostile certificate labels and names escaped', async () => {
  const r = await runCli(['verify', chainFile, '--roots', rootFile, '--host', 'other.example.com']);
  expect(r.code).toBe(1);
  expectInert(r.stdout);
  expect(r.stdout).toContain('NAME_MISMATCH');
});

const ARN = 'arn:aws:acm:us-east-1:111122223333:certificate/1f6e2a8c-4b7d-4e55-9a31-0c2f6d8b7e10';

/** `get-distribution-config` output with one alias and the example ACM certificate. */
const distributionWithAlias = (alias: string) => ({
  DistributionConfig: {
    CallerReference: 'x',
    Aliases: { Quantity: 1, Items: [alias] },
    Enabled: true,
    ViewerCertificate: {
      ACMCertificateArn: ARN,
      SSLSupportMethod: 'sni-only',
      MinimumProtocolVersion: 'TLSv1.2_2021',
    },
  },
});

test('check shows a hostile alias escaped in the result and the finding', async () => {
  const config = distributionWithAlias(`www.example.com${PAYLOAD}`);
  const r = await runCli([
    'check',
    file('dist.json', JSON.stringify(config)),
    '--cert',
    `${ARN}=${chainFile}`,
    '--at',
    '2026-06-01',
  ]);
  expect(r.code).toBe(1);
  expectInert(r.stdout);
  expect(r.stderr).not.toMatch(CONTROL);
});

test('explain shows pasted control characters escaped', async () => {
  const pasted = `Error: Hostname/IP does not match certificate's altnames: Host: evil${PAYLOAD}. is not in the cert's altnames: DNS:www.example.com`;
  const r = await runCli(['explain', pasted]);
  expect(r.code).toBe(0);
  expectInert(r.stdout);
});

test('an error line quoting a hostile file name stays one escaped line', async () => {
  const r = await runCli(['inspect', `missing${PAYLOAD}.pem`]);
  expect(r.code).toBe(2);
  expect(r.stderr.split('\n')).toHaveLength(2); // one line and the final newline
  expectInert(r.stderr);
});

describe('probe', () => {
  let edge: Running;
  beforeAll(async () => {
    edge = await tlsServer([site(['www.example.com'], leaf)]);
  });
  afterAll(async () => {
    await edge.close();
  });

  test('a server whose chain carries control characters is shown escaped', async () => {
    const r = await runCli([
      'probe',
      `www.example.com:${edge.port}`,
      '--resolve',
      `*:${edge.port}:${HOST}`,
      '--roots',
      rootFile,
      '--at',
      '2026-06-01',
    ]);
    expect(r.code).toBe(0);
    expectInert(r.stdout);
  });
});

test('a 2.4 MB alias is echoed cut, with the count of what was left out', async () => {
  const alias = `${'a'.repeat(2_400_000)}.example.com`;
  const config = distributionWithAlias(alias);
  const r = await runCli([
    'check',
    file('big-alias.json', JSON.stringify(config)),
    '--cert',
    'examples/cloudfront/acm-certificate.json',
    '--at',
    '2027-01-20',
  ]);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('CF_ALIAS_SYNTAX_INVALID');
  expect(r.stdout).toMatch(/… \(\d+ more characters\)/);
  expect(r.stdout.length).toBeLessThan(20_000);
});
