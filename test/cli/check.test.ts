import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../support/cli.js';

const ex = (name: string) => join('examples/cloudfront', name);
// A fixed "now" inside the example ACM certificates' validity (2026-08-01 .. 2027-02-15) and
// outside the 30-day warning window.
const AT = ['--at', '2026-12-01T00:00:00Z'];
const ACM = ['--cert', ex('acm-certificate.json')];
const ACM_NET = ['--cert', ex('acm-certificate-example-net.json')];
const IMPORTED_ARN = 'arn:aws:acm:us-east-1:111122223333:certificate/0d2e4f6a-8b0c-4d1e-a3f5-b7c9d1e3f5a7';
const tmp = mkdtempSync(join(tmpdir(), 'certgate-check-'));
const tmpFile = (name: string, content: string) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

interface JsonFinding {
  code: string;
  severity: string;
  awsError?: string;
  message: string;
  fix?: string;
  location: { source: string; path?: (string | number)[]; line?: number; column?: number };
}
interface JsonReport {
  tool: string;
  version: string;
  command: string;
  verdict: string;
  results: {
    subject: { kind: string; id: string; source: string };
    verdict: string;
    findings: JsonFinding[];
    details: { format: string; aliases: string[]; certificate?: string };
  }[];
  errors: { source: string; message: string }[];
  summary: { errors: number; warnings: number; notes: number };
}
const codes = (r: JsonReport) => r.results.flatMap((x) => x.findings.map((f) => f.code));
// biome-ignore lint/suspicious/noExplicitAny: a parsed SARIF log
type Sarif = any;

/** The text at a 1-based line and column of a file. */
function textAt(file: string, line: number, column: number): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines[line - 1]!.slice(column - 1);
}

/**
 * The `at FILE:LINE:COL` printed under the first finding with this code, the text there, and the
 * resource that generated input names after it (`at FILE:LINE:COL (RESOURCE)`).
 */
function printedAt(stdout: string, code: string) {
  const lines = stdout.split('\n');
  const i = lines.findIndex((l) => l.includes(` ${code}`));
  const m = /^ {4}at (.+?):(\d+):(\d+)(?: \((.+)\))?$/.exec(lines[i + 1] ?? '');
  if (!m) throw new Error(`no "at file:line:col" under ${code}`);
  const [file, line, column] = [m[1]!, Number(m[2]), Number(m[3])];
  return { file, line, column, text: textAt(file, line, column), resource: m[4] };
}

describe('check: text', () => {
  test('an alias the certificate does not cover: exit 1, [InvalidViewerCertificate], file:line:col, fix', async () => {
    const r = await runCli(['check', ex('alias-not-covered.json'), ...ACM_NET, ...AT]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    // get-distribution-config output has no Id: its CallerReference names it, the file says where
    expect(r.stdout).toContain(
      `FAIL net-2026-08-01 (distribution from ${ex('alias-not-covered.json')}, aws-cli)`,
    );
    expect(r.stdout).toContain('  aliases: www.example.net, shop.example.net, example.net');
    expect(r.stdout).toMatch(
      /\n {2}error CF_ALIAS_NOT_COVERED \[InvalidViewerCertificate\]: alias example\.net of distribution .* is not covered/,
    );
    const at = printedAt(r.stdout, 'CF_ALIAS_NOT_COVERED');
    expect(at.file).toBe(ex('alias-not-covered.json'));
    expect(at.text).toMatch(/^"example\.net"/);
    expect(r.stdout).toMatch(/\n {4}at \S+:\d+:\d+\n {4}fix: add example\.net/);
    expect(r.stdout).toContain('Findings are listed in the order CloudFront checks them');
    expect(r.stdout).toMatch(
      /1 distribution checked \(1 failing\): 1 error, 0 warnings, 1 note; verdict fail\n[^\n]*\n1 note \(what cannot be decided offline\) is hidden: run with --verbose to see it, or use --format json or sarif\.\n$/,
    );
    expect(r.stdout).not.toMatch(/^ {2}note /m);
  });

  test('--verbose shows the notes the text hides by default', async () => {
    const args = ['check', ex('alias-not-covered.json'), ...ACM_NET, ...AT];
    const quiet = await runCli(args);
    const verbose = await runCli([...args, '--verbose']);
    expect(verbose.code).toBe(quiet.code);
    expect(verbose.stdout).toMatch(/^ {2}note CF_/m);
    expect(verbose.stdout).not.toContain('hidden: run with --verbose');
    // JSON has the notes without --verbose
    const json = JSON.parse((await runCli([...args, '--format', 'json'])).stdout) as JsonReport;
    expect(json.results.flatMap((x) => x.findings).some((f) => f.severity === 'note')).toBe(true);
  });

  test('the README quick start: passes with an expiry warning and a note, exit 0', async () => {
    const r = await runCli(['check', ex('get-distribution-config.json'), ...ACM, '--at', '2027-01-20']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^PASS site-2026-08-01 \(distribution from examples\/cloudfront\/get-distribution-config\.json, aws-cli\)/,
    );
    expect(r.stdout).toContain('warning CF_CERTIFICATE_EXPIRES_SOON');
    expect(r.stdout).toContain('(in 26 days, window 30 days)');
    expect(r.stdout).not.toContain('note CF_UPDATE_NEEDS_ETAG');
    expect(r.stdout).toContain(
      '1 distribution checked (0 failing): 0 errors, 1 warning, 1 note; verdict pass',
    );
    expect(r.stdout).toContain('1 note (what cannot be decided offline) is hidden: run with --verbose');
  });

  test('several distributions are grouped, each with its verdict, in input order', async () => {
    const r = await runCli(['check', ex('list-distributions.json'), ...ACM, ...AT]);
    expect(r.code).toBe(1);
    const heads = r.stdout.split('\n').filter((l) => /^(PASS|FAIL) /.test(l));
    expect(heads.map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual([
      'PASS E1A2B3C4D5E6F7',
      'FAIL E2B3C4D5E6F7A8',
      'FAIL E3C4D5E6F7A8B9',
    ]);
    expect(r.stdout).toContain('error CF_ALIAS_ALREADY_EXISTS [CNAMEAlreadyExists]: alias shop.example.com');
    const at = printedAt(r.stdout, 'CF_ALIAS_ALREADY_EXISTS');
    expect(at.file).toBe(ex('list-distributions.json'));
    expect(at.text).toMatch(/^"shop\.example\.com"/);
  });

  test('a CDK cloud assembly folder: every stack, the certificate in the wrong region', async () => {
    const r = await runCli(['check', ex('cdk.out'), ...AT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL EuWebStack\/SiteDistribution3FF9535D \(distribution from .*, cdk\)/m);
    expect(r.stdout).toMatch(/^PASS WebStack\/SiteDistribution3FF9535D/m);
    expect(r.stdout).toContain('error CF_CERTIFICATE_NOT_IN_US_EAST_1 [InvalidViewerCertificate]');
    const at = printedAt(r.stdout, 'CF_CERTIFICATE_NOT_IN_US_EAST_1');
    expect(at.file).toBe(ex('cdk.out/EuWebStack.template.json'));
    expect(readFileSync(at.file, 'utf8').split('\n')[at.line - 1]).toContain('"AcmCertificateArn"');
    expect(at.resource).toBe('EuWebStack/SiteDistribution/Resource');
  });

  test('a Terraform plan with the certificate in the wrong region', async () => {
    const r = await runCli(['check', ex('plan-bad-region.json'), ...AT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL aws_cloudfront_distribution\.site \(distribution from .*, terraform\)/);
  });

  test('--fail-on moves the exit code, never the findings', async () => {
    const args = ['check', ex('get-distribution-config.json'), ...AT];
    expect((await runCli(args)).code).toBe(0);
    expect((await runCli([...args, '--fail-on', 'warning'])).code).toBe(1);
    expect((await runCli(['check', ex('bad-region.json'), ...AT, '--fail-on', 'none'])).code).toBe(0);
  });

  test('inputs without a distribution: an error finding and exit 1, never a silent pass', async () => {
    const bucket = tmpFile('bucket.yaml', 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n');
    const r = await runCli(['check', bucket, ...AT]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('certgate: error: no CloudFront distribution in the inputs; nothing was checked\n');
    expect(r.stdout).toContain('error INPUT_NO_DISTRIBUTION');
    expect(r.stdout).toContain('with resources of type AWS::S3::Bucket');
    expect(r.stdout).toContain('0 distributions, 1 input checked (1 failing)');
    // no distribution, so no decision order to follow
    expect(r.stdout).not.toContain('in the order CloudFront checks them');
    const allowed = await runCli(['check', bucket, ...AT, '--allow-empty']);
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toBe(
      'certgate: warning: no CloudFront distribution in the inputs; nothing was checked\n',
    );
  });

  test('a misspelt distribution type: named with the type it resembles, in every format', async () => {
    const typo = tmpFile(
      'typo.yaml',
      'Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distrbution\n    Properties: {}\n',
    );
    const text = await runCli(['check', typo, ...AT]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('did you mean AWS::CloudFront::Distribution?');
    expect(text.stdout).toContain(`at ${typo}:3:11`);
    const json: JsonReport = JSON.parse((await runCli(['check', typo, ...AT, '--format', 'json'])).stdout);
    expect(json.verdict).toBe('fail');
    expect(codes(json)).toEqual(['INPUT_NO_DISTRIBUTION']);
    const sarif: Sarif = JSON.parse((await runCli(['check', typo, ...AT, '--format', 'sarif'])).stdout);
    const invocation = sarif.runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications[0].message.text).toContain('AWS::CloudFront::Distrbution');
    const junit = await runCli(['check', typo, ...AT, '--format', 'junit']);
    expect(junit.code).toBe(1);
    expect(junit.stdout).toMatch(
      /<error message="[^"]*typo\.yaml has no CloudFront distribution[^"]*" type="INPUT_NO_DISTRIBUTION">/,
    );
    expect(junit.stdout).toContain('errors="1"');
  });

  test('one empty input beside a distribution: that input fails, the run still checked something', async () => {
    const cert = tmpFile(
      'cert-only.yaml',
      'Resources:\n  Cert:\n    Type: AWS::CertificateManager::Certificate\n    Properties:\n      DomainName: www.example.com\n',
    );
    const r = await runCli(['check', ex('get-distribution-config.json'), cert, ...AT, '--format', 'sarif']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${cert}: no CloudFront distribution; nothing in it was checked`);
    const sarif: Sarif = JSON.parse(r.stdout);
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(true);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications).toHaveLength(1);
  });

  test('evidence given with --cert is no input; ACM JSON given as an INPUT is empty and says so', async () => {
    expect((await runCli(['check', ex('get-distribution-config.json'), ...ACM, ...AT])).code).toBe(0);
    const r = await runCli(['check', ex('acm-certificate.json'), ...AT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('certificate evidence: give it with --cert');
  });

  test('-v and -V print the version', async () => {
    const v = await runCli(['-v']);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await runCli(['-V'])).stdout).toBe(v.stdout);
  });

  test('a template on standard input', async () => {
    const r = await runCli(['check', '-', ...AT], { stdin: readFileSync(ex('template-unresolved.yaml')) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PASS LegacyDistribution');
    expect(r.stdout).toContain('warning INPUT_UNRESOLVED_VALUE');
  });
});

describe('check: --cert binding', () => {
  test('an ACM describe-certificate file completes the checks that need evidence', async () => {
    const without = await runCli(['check', ex('template.json'), ...AT, '--format', 'json']);
    expect(codes(JSON.parse(without.stdout))).toContain('CF_CERTIFICATE_EVIDENCE_MISSING');
    const withAcm = await runCli(['check', ex('template.json'), ...ACM, ...AT, '--format', 'json']);
    expect(withAcm.code).toBe(0);
    expect(codes(JSON.parse(withAcm.stdout))).toEqual([]);
  });

  test('ARN=FILE binds a PEM chain: trusted with --roots, untrusted by the Mozilla roots', async () => {
    const bind = ['--cert', `${IMPORTED_ARN}=examples/certs/fullchain.pem`];
    const trusted = await runCli([
      'check',
      ex('imported-chain.json'),
      ...bind,
      '--roots',
      'examples/certs/root.pem',
      ...AT,
    ]);
    expect(trusted.code).toBe(0);
    expect(trusted.stdout).not.toContain('CF_CERTIFICATE_UNTRUSTED');
    const mozilla = await runCli(['check', ex('imported-chain.json'), ...bind, ...AT]);
    expect(mozilla.code).toBe(1);
    expect(mozilla.stdout).toContain('error CF_CERTIFICATE_UNTRUSTED [InvalidViewerCertificate]');
  });
});

describe('check: JSON', () => {
  test('follows the DESIGN.md report contract', async () => {
    const r = await runCli(['check', ex('bad-region.json'), ...AT, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report).toMatchObject({ tool: 'certgate', command: 'check', verdict: 'fail', errors: [] });
    expect(report.version).toMatch(/^\d+\.\d+\.\d+/);
    const [result] = report.results;
    expect(result!.subject).toEqual({
      kind: 'distribution',
      id: 'eu-site-2026-08-01',
      source: ex('bad-region.json'),
    });
    expect(result!.verdict).toBe('fail');
    expect(result!.details).toMatchObject({
      format: 'aws-cli',
      aliases: ['www.example.com', 'api.example.com'],
    });
    const first = result!.findings[0]!;
    expect(first).toMatchObject({
      code: 'CF_CERTIFICATE_NOT_IN_US_EAST_1',
      severity: 'error',
      awsError: 'InvalidViewerCertificate',
      location: { source: ex('bad-region.json') },
    });
    const { line, column } = first.location;
    expect(textAt(ex('bad-region.json'), line!, column!)).toMatch(/^"arn:aws:acm:eu-west-1:/);
    expect(first.message).toContain('eu-west-1');
    expect(first.fix).toContain('us-east-1');
    expect(report.summary).toEqual({ errors: 1, warnings: 1, notes: 1 });
  });
});

describe('check: SARIF', () => {
  const sarif = async (...args: string[]) => {
    const r = await runCli(['check', ...args, ...AT, '--format', 'sarif']);
    return { code: r.code, log: JSON.parse(r.stdout) as Sarif };
  };

  test('a JSON example: the result points at the alias the certificate does not cover', async () => {
    const { code, log } = await sarif(ex('alias-not-covered.json'), ...ACM_NET);
    expect(code).toBe(1);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toContain('CF_ALIAS_NOT_COVERED');
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'CF_ALIAS_NOT_COVERED');
    expect(result.level).toBe('error');
    expect(result.properties.awsError).toBe('InvalidViewerCertificate');
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    expect(artifactLocation.uri).toBe('examples/cloudfront/alias-not-covered.json');
    expect(Object.keys(region)).toEqual(['startLine', 'startColumn']);
    expect(textAt(ex('alias-not-covered.json'), region.startLine, region.startColumn)).toMatch(
      /^"example\.net"/,
    );
  });

  test('a YAML template: the result points at the !Sub value that cannot be resolved', async () => {
    const { code, log } = await sarif(ex('template-unresolved.yaml'));
    expect(code).toBe(0);
    const result = log.runs[0].results[0];
    expect(result).toMatchObject({ ruleId: 'INPUT_UNRESOLVED_VALUE', level: 'warning' });
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    expect(artifactLocation.uri).toBe('examples/cloudfront/template-unresolved.yaml');
    expect(textAt(ex('template-unresolved.yaml'), region.startLine, region.startColumn)).toMatch(/^!Sub /);
  });

  test('a YAML template: an uncovered alias is annotated on its own line', async () => {
    const template = tmpFile(
      'shop.yaml',
      [
        'Resources:',
        '  Shop:',
        '    Type: AWS::CloudFront::Distribution',
        '    Properties:',
        '      DistributionConfig:',
        '        Enabled: true',
        '        Aliases:',
        '          - www.example.net',
        '          - example.net',
        '        ViewerCertificate:',
        '          AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/5a0b2c4d-6e8f-4a1b-9c3d-7e5f1a3b5c7d',
        '          SslSupportMethod: sni-only',
        '          MinimumProtocolVersion: TLSv1.2_2021',
        '',
      ].join('\n'),
    );
    const { code, log } = await sarif(template, ...ACM_NET);
    expect(code).toBe(1);
    const result = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'CF_ALIAS_NOT_COVERED');
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    // Outside the working directory: an absolute file URI rather than ../
    expect(artifactLocation.uri).toBe(`file://${template}`);
    expect(region.startLine).toBe(9);
    expect(textAt(template, region.startLine, region.startColumn)).toBe('example.net');
    expect(result.locations[0].logicalLocations[0].name).toBe('Shop');
  });
});

describe('check: JUnit', () => {
  test('one test case per distribution, a failure per failing one', async () => {
    const r = await runCli(['check', ex('list-distributions.json'), ...ACM, ...AT, '--format', 'junit']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="certgate" tests="3" failures="2" errors="0" time="\d+\.\d{3}">/,
    );
    expect(r.stdout).toMatch(
      /<testsuite name="certgate check" tests="3" failures="2" errors="0" skipped="0" time="\d+\.\d{3}" timestamp="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d" hostname="[^"]+">/,
    );
    expect(r.stdout.match(/<testcase /g)).toHaveLength(3);
    expect(r.stdout).toContain(
      '<testcase classname="certgate.check.examples/cloudfront/list-distributions.json" name="E1A2B3C4D5E6F7" time="0.000"/>',
    );
    expect(
      r.stdout.match(/<failure message="\[CNAMEAlreadyExists\] [^"]*" type="CF_ALIAS_ALREADY_EXISTS">/g),
    ).toHaveLength(2);
  });
});

describe('check: unreadable input and bad usage', () => {
  test('a missing file: one line on stderr, exit 2, the other inputs still reported', async () => {
    const r = await runCli(['check', 'missing.yaml', ex('bad-region.json'), ...AT]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('certgate: error: missing.yaml: no such file or directory\n');
    expect(r.stdout).toContain(`FAIL eu-site-2026-08-01 (distribution from ${ex('bad-region.json')}`);
    expect(r.stdout).toContain('1 unreadable input');
  });

  test('the JSON report lists it under errors and fails', async () => {
    const r = await runCli([
      'check',
      'missing.yaml',
      ex('get-distribution-config.json'),
      ...AT,
      '-f',
      'json',
    ]);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.verdict).toBe('fail');
    expect(report.errors).toEqual([
      { source: 'missing.yaml', message: 'missing.yaml: no such file or directory' },
    ]);
  });

  test('a file that is no distribution config: exit 2, one line naming it', async () => {
    const r = await runCli(['check', tmpFile('broken.json', '{"DistributionConfig": {'), ...AT]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('broken.json');
  });

  test.each([
    ['standard input twice', ['-', '-'], /standard input \('-'\) can be read only once/],
    ['--roots missing', [ex('bad-region.json'), '--roots', 'nope.pem'], /--roots nope\.pem: no such file/],
    [
      '--roots not a certificate',
      [ex('bad-region.json'), '--roots', ex('template.yaml')],
      /--roots .*template\.yaml/,
    ],
  ])('%s: exit 2, one line', async (_name, args, want) => {
    const r = await runCli(['check', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(want);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test.each([
    ['--parameter without =', ['--parameter', 'DomainName'], /--parameter.*expected KEY=VALUE/],
    ['--parameter with a bad name', ['--parameter', 'domain-name=x'], /expected KEY=VALUE/],
    ['--parameter given twice', ['--parameter', 'A=1', '--parameter', 'A=2'], /A is given twice/],
    ['--region not a region', ['--region', 'useast1'], /--region.*expected an AWS region name/],
    ['--region upper case', ['--region', 'US-EAST-1'], /expected an AWS region name/],
    ['--cert with an empty file', ['--cert', `${IMPORTED_ARN}=`], /--cert.*expected FILE/],
    ['--format html', ['--format', 'html'], /--format.*html.*invalid/i],
    ['--at not ISO 8601', ['--at', '01/02/2026'], /expected an ISO 8601 date/],
    ['--warn-days negative', ['--warn-days', '-3'], /expected a whole number/],
  ])('%s: exit 2 with one line', async (_name, flags, want) => {
    const r = await runCli(['check', ex('template.yaml'), ...flags]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(want);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test('no input: exit 2', async () => {
    const r = await runCli(['check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument 'input'/);
  });

  test.each([
    ['us-east-1', 0],
    ['eu-central-2', 1],
    ['us-gov-west-1', 1],
    ['cn-northwest-1', 1],
    ['us-isob-east-1', 1],
    ['ap-southeast-5', 1],
  ])('--region %s reaches the gate: the template certificate is created there', async (region, want) => {
    const r = await runCli(['check', ex('template.yaml'), '--region', region, ...AT]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(want);
    if (want === 1) expect(r.stdout).toContain(`CF_CERTIFICATE_NOT_IN_US_EAST_1 [InvalidViewerCertificate]`);
  });

  test('--parameter fills a parameter without a Default', async () => {
    const r = await runCli([
      'check',
      ex('template-unresolved.yaml'),
      '--parameter',
      'SiteName=shop',
      ...AT,
      '--format',
      'json',
    ]);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.results[0]!.details.aliases).toContain('shop.example.com');
  });
});

describe('check: --output', () => {
  test('writes the report to the file; stdout stays empty; one summary line on stderr', async () => {
    const out = join(tmp, 'certgate.sarif');
    const r = await runCli(['check', ex('bad-region.json'), ...AT, '--format', 'sarif', '--output', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `certgate: 1 distribution checked, 1 failing, verdict fail; report written to ${out}\n`,
    );
    expect(JSON.parse(readFileSync(out, 'utf8')).runs[0].results[0].ruleId).toBe(
      'CF_CERTIFICATE_NOT_IN_US_EAST_1',
    );
  });

  test('text written to a file has no colour, even when FORCE_COLOR is set', async () => {
    const out = join(tmp, 'report.txt');
    await runCli(['check', ex('bad-region.json'), ...AT, '-o', out], {
      env: { FORCE_COLOR: '1' },
      isTTY: true,
    });
    expect(readFileSync(out, 'utf8')).not.toContain('\u001b[');
  });

  test('a file that cannot be written: exit 2, one line', async () => {
    const r = await runCli([
      'check',
      ex('bad-region.json'),
      ...AT,
      '--output',
      join(tmp, 'no/such/dir.sarif'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^certgate: error: --output .*no\/such\/dir\.sarif: cannot write the report \(ENOENT\)\n$/,
    );
  });
});

describe('check: --help', () => {
  test('shows worked examples for every input kind and CI format', async () => {
    const r = await runCli(['check', '--help']);
    expect(r.code).toBe(0);
    for (const want of [
      'template.yaml',
      'terraform show -json plan.out > plan.json',
      'cdk.out',
      'aws cloudfront get-distribution-config',
      'aws acm describe-certificate',
      '"$ARN=fullchain.pem"',
      '--format sarif --output certgate.sarif',
      '--format junit',
    ])
      expect(r.stdout).toContain(want);
  });
});
