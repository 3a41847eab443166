import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runCli } from '../support/cli.js';

interface JsonExplanation {
  tool: string;
  version: string;
  command: string;
  recognised: boolean;
  truncated: boolean;
  omitted: number;
  matches: {
    id: string;
    title: string;
    source: string;
    client?: string;
    line: number;
    excerpt: string;
    occurrences: number;
    extracted: Record<string, unknown>;
    meaning: string;
    diagnosis?: string;
    causes: { rank: number; cause: string; check: string; command?: string; rule?: string; code?: string }[];
    docs: string[];
  }[];
}

const ALTNAMES =
  "Error: Hostname/IP does not match certificate's altnames: Host: api.example.com. is not in the cert's altnames: DNS:www.example.com, DNS:*.static.example.com";
const TERRAFORM =
  "│ Error: updating CloudFront Distribution (E2QWRUHEXAMPLE): InvalidViewerCertificate: The certificate that is attached to your distribution doesn't cover the alternate domain name (CNAME) that you're trying to add.\n│ \tstatus code: 400, request id: 7c5e2b1a-0f9e-4d3c-8b2a-1a2b3c4d5e6f\n│\n│   with aws_cloudfront_distribution.site,\n";

describe('explain: text output', () => {
  test('a pasted Node error: the near miss, the causes and the verify command for the host', async () => {
    const r = await runCli(['explain', ALTNAMES]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "Node.js: Hostname/IP does not match certificate's altnames (host not in the SANs)",
    );
    expect(r.stdout).toContain(
      'Diagnosis: api.example.com is not covered: the certificate has www.example.com and *.static.example.com; api.example.com itself or a wildcard *.example.com would cover it',
    );
    expect(r.stdout).toContain('certgate verify - --host api.example.com');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  test('a bare code given as words', async () => {
    const r = await runCli(['explain', 'InvalidViewerCertificate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1\. the ACM certificate is not in us-east-1[^\n]*\(CF-02/);
    expect(r.stdout).toContain('Likely causes, most likely first:');
  });

  test('an unquoted message: the words are joined', async () => {
    const r = await runCli(['explain', 'unable', 'to', 'get', 'local', 'issuer', 'certificate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('OpenSSL verify error 20: unable to get local issuer certificate');
  });

  test('colour on a TTY only, never with NO_COLOR', async () => {
    expect((await runCli(['explain', 'CERT_HAS_EXPIRED'], { isTTY: true })).stdout).toMatch(/\u001b\[/);
    expect(
      (await runCli(['explain', 'CERT_HAS_EXPIRED'], { isTTY: true, env: { NO_COLOR: '1' } })).stdout,
    ).not.toMatch(/\u001b\[/);
  });
});

describe('explain: standard input', () => {
  test('nothing given: a Terraform log on stdin, Windows line endings', async () => {
    const r = await runCli(['explain'], { stdin: TERRAFORM.replace(/\n/g, '\r\n') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("InvalidViewerCertificate: the certificate doesn't cover an alias");
    expect(r.stdout).toContain('CloudFront via Terraform');
    expect(r.stdout).toContain('distribution E2QWRUHEXAMPLE');
    expect(r.stdout).toContain('terraform show -json plan.out > plan.json');
  });

  test("'-' reads stdin; several errors come out in order", async () => {
    const log = `${TERRAFORM}\n...\nnpm ERR! code CERT_HAS_EXPIRED\nnpm ERR! request to https://registry.example.com/x failed, reason: certificate has expired\n`;
    const r = await runCli(['explain', '-', '--format', 'json'], { stdin: log });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as JsonExplanation;
    expect(json.matches.map((m) => [m.id, m.line])).toEqual([
      ['cloudfront.ivc.alias-not-covered', 1],
      ['openssl.certificate-has-expired', 8],
    ]);
    expect(json.matches[1]).toMatchObject({
      client: 'node',
      extracted: { host: 'registry.example.com', clientCode: 'CERT_HAS_EXPIRED' },
    });
  });

  test('more than 64 KiB: the beginning is read and the output says so', async () => {
    const r = await runCli(['explain'], { stdin: `CNAMEAlreadyExists\n${'x'.repeat(70 * 1024)}` });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Only the first 64 KiB of the input were read.');
  });

  test('empty stdin is bad usage', async () => {
    const r = await runCli(['explain'], { stdin: '  \n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('certgate: error: no text to explain: give an error code or message\n');
  });

  test('no text and a terminal on stdin: says how to give the text instead of waiting', async () => {
    let stderr = '';
    const code = await main(['explain'], {
      stdout: { write: () => true },
      stderr: { write: (t: string) => (stderr += t) },
      stdin: Object.assign(Readable.from([]), { isTTY: true }),
      env: {},
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^certgate: error: give the error as an argument \(quoted\) or on standard input/);
  });

  test("'-' with other words is bad usage", async () => {
    const r = await runCli(['explain', '-', 'InvalidViewerCertificate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'-' reads the text from standard input; give it alone");
  });
});

describe('explain: JSON output', () => {
  test('the documented shape', async () => {
    const r = await runCli(['explain', '--format', 'json', TERRAFORM]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as JsonExplanation;
    expect(json).toMatchObject({
      tool: 'certgate',
      command: 'explain',
      recognised: true,
      truncated: false,
      omitted: 0,
    });
    expect(json.version).toMatch(/^\d+\.\d+\.\d+/);
    const [m] = json.matches;
    expect(m).toMatchObject({
      id: 'cloudfront.ivc.alias-not-covered',
      source: 'cloudfront',
      line: 1,
      occurrences: 1,
      extracted: {
        awsError: 'InvalidViewerCertificate',
        wrapper: 'terraform',
        distributionId: 'E2QWRUHEXAMPLE',
        resource: 'aws_cloudfront_distribution.site',
      },
    });
    expect(m?.causes[0]).toMatchObject({ rank: 1, rule: 'CF-09', code: 'CF_ALIAS_NOT_COVERED' });
    expect(m?.causes[0]?.command).toContain('certgate check plan.json --cert acm.json');
    expect(m?.excerpt).toMatch(/^Error: updating CloudFront Distribution/);
  });
});

describe('explain: not recognised', () => {
  test('text: nothing on stdout, the known kinds on stderr, exit 2', async () => {
    const r = await runCli(['explain', 'the deploy is broken']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('certgate: error: not recognised');
    expect(r.stderr).toContain('InvalidViewerCertificate (each of its messages), CNAMEAlreadyExists');
    expect(r.stderr).toContain('certgate explain --list');
  });

  test('json: recognised false on stdout for scripts, still exit 2', async () => {
    const r = await runCli(['explain', '--format', 'json', 'the deploy is broken']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ command: 'explain', recognised: false, matches: [] });
  });
});

describe('explain: --list and --help', () => {
  test('--list names every pattern', async () => {
    const r = await runCli(['explain', '--list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}cloudfront\.ivc\.alias-not-covered +InvalidViewerCertificate/m);
    expect(r.stdout).toMatch(/^ {2}node\.altnames /m);
    const json = JSON.parse((await runCli(['explain', '--list', '--format', 'json'])).stdout) as {
      patterns: { id: string }[];
    };
    expect(json.patterns.map((p) => p.id)).toContain('go.certificate-is-valid-for');
  });

  test('--help has worked examples; the main help lists explain', async () => {
    const help = await runCli(['explain', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('$ certgate explain InvalidViewerCertificate');
    expect(help.stdout).toContain('| certgate explain');
    const main = await runCli(['--help']);
    expect(main.stdout).toMatch(/explain \[options\] \[text\.\.\.\]/);
    expect(main.stdout).toContain("$ certgate explain 'unable to get local issuer certificate'");
  });
});
