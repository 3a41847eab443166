/**
 * Options shared by several commands, with parsers that reject bad values up front with a
 * message saying what is accepted.
 */

import { InvalidArgumentError, Option } from 'commander';
import { parseThreshold } from '../expiry/thresholds.js';
import { parseListenAddress } from '../exporter/listen.js';
import { FAIL_ON_VALUES } from '../report/exit-code.js';

export type OutputFormat = 'text' | 'json';

/** `--at ISO8601`: a full date (and optional time) in ISO 8601. */
function parseAt(value: string): Date {
  // Date.parse accepts many formats; require ISO 8601 so `--at 01/02/2026` is not read as either.
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) {
    throw new InvalidArgumentError(
      'expected an ISO 8601 date or date-time, e.g. 2026-01-31 or 2026-01-31T12:00:00Z',
    );
  }
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) throw new InvalidArgumentError(`not a valid date: ${value}`);
  return date;
}

/** A non-negative whole number (days, counts). */
function parseNonNegativeInt(value: string): number {
  if (!/^\d{1,6}$/.test(value)) throw new InvalidArgumentError('expected a whole number of days, e.g. 30');
  return Number(value);
}

export function formatOption(choices: readonly OutputFormat[] = ['text', 'json']): Option {
  return new Option('-f, --format <format>', 'output format').choices(choices).default('text');
}

export function failOnOption(): Option {
  return new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity')
    .choices(FAIL_ON_VALUES as string[])
    .default('error');
}

export function atOption(): Option {
  return new Option('--at <iso8601>', 'validation time instead of now (reproducible CI runs)').argParser(
    parseAt,
  );
}

export function warnDaysOption(): Option {
  return new Option('--warn-days <days>', 'warn when a certificate expires within this many days')
    .argParser(parseNonNegativeInt)
    .default(30);
}

/** Collects the values of a repeatable option into a list. */
function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** A repeatable option taking a file (`--add-roots a.pem --add-roots b.pem`). */
export function repeatableFileOption(flags: string, description: string): Option {
  return new Option(flags, `${description} (repeatable)`).argParser(collect);
}

/** `--host NAME`: the DNS name to check; exclusive with `--ip`. */
export function hostOption(): Option {
  return new Option('--host <name>', 'check that the certificate covers this host name').conflicts('ip');
}

/** `--ip ADDR`: the IP address to check; exclusive with `--host`. */
export function ipOption(): Option {
  return new Option('--ip <addr>', 'check that the certificate covers this IP address').conflicts('host');
}

/** `--purpose server|client`: the extended key usage the leaf must allow. */
export function purposeOption(): Option {
  return new Option('--purpose <purpose>', 'what the leaf is for: TLS server or client authentication')
    .choices(['server', 'client'])
    .default('server');
}

/** `--policy client|cabf|rfc5280`: the validation policy. */
export function policyOption(): Option {
  return new Option(
    '--policy <policy>',
    'client (what Chrome and OpenSSL accept), cabf (the public-CA profile) or rfc5280 (the standard)',
  )
    .choices(['client', 'cabf', 'rfc5280'])
    .default('client');
}

/** `--crl-check all|leaf`: which certificates the CRLs must cover. */
export function crlCheckOption(): Option {
  return new Option(
    '--crl-check <scope>',
    'with --crl: every certificate below the root must be covered by a CRL (all), or only the leaf (leaf)',
  )
    .choices(['all', 'leaf'])
    .default('all');
}

/**
 * Every output format of `certgate check` and `probe`: the report as text, JSON, SARIF 2.1.0,
 * JUnit XML, GitHub Actions workflow commands (annotations) or a GitLab Code Quality report.
 */
export type CheckFormat = OutputFormat | 'sarif' | 'junit' | 'github' | 'gitlab';

/** Every report format a command may render: the shared ones, and `prometheus` and `html` (`certgate expiry`). */
export type ReportFormat = CheckFormat | 'prometheus' | 'html';

/** `--format text|json|sarif|junit|github|gitlab` for `check` and `probe`. */
export function checkFormatOption(): Option {
  return new Option(
    '-f, --format <format>',
    'output format on standard output (or --output): github prints annotations for a GitHub Actions log, gitlab a Code Quality report',
  )
    .choices(['text', 'json', 'sarif', 'junit', 'github', 'gitlab'])
    .default('text');
}

/** `--output FILE`: write the report there instead of standard output. */
export function outputOption(): Option {
  return new Option('-o, --output <file>', 'write the report to this file instead of standard output');
}

/** `--docs-url BASE`: an http(s) URL, so every SARIF `helpUri` (`BASE/CODE.md`) is absolute. */
function parseDocsUrl(value: string): string {
  const expected = 'expected an http(s) URL, e.g. https://github.com/acme/infra/blob/main/docs/rules';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(expected);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InvalidArgumentError(expected);
  return value.replace(/\/+$/, '');
}

/** `--docs-url BASE`: where SARIF rules link their help (`BASE/CODE.md`), e.g. your own copy of the pages. */
export function docsUrlOption(): Option {
  return new Option(
    '--docs-url <base>',
    "SARIF: link each rule's help to BASE/CODE.md (default: docs/rules/ in certgate's repository)",
  ).argParser(parseDocsUrl);
}

/** The formats `--sarif`, `--junit`, `--json` and `--gitlab` write to files. */
export type ReportFileFormat = 'sarif' | 'junit' | 'json' | 'gitlab';

const REPORT_FILE_HELP: Record<ReportFileFormat, string> = {
  sarif: 'also write the SARIF 2.1.0 report to this file (GitHub code scanning)',
  junit: 'also write the JUnit XML report to this file (GitLab, Jenkins, Azure test views)',
  json: 'also write the JSON report to this file',
  gitlab: 'also write the GitLab Code Quality report to this file (artifacts:reports:codequality)',
};

/**
 * `--sarif FILE`, `--junit FILE`, `--json FILE`, `--gitlab FILE`: the same run's report in one
 * more format, to its own file, beside what `--format` writes; so CI gets text in its log and the
 * files its code scanning and test views read, without running the gate once per format.
 */
export function reportFileOption(format: ReportFileFormat): Option {
  return new Option(`--${format} <file>`, REPORT_FILE_HELP[format]);
}

// CloudFormation parameter names are alphanumeric, at most 255 characters.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
const PARAMETER_NAME = /^[A-Za-z0-9]{1,255}$/;
// The pseudo parameters a template reads that the deployment fixes, given the same way.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/pseudo-parameter-reference.html
const PSEUDO_PARAMETER = /^AWS::(Region|AccountId|StackName|Partition|URLSuffix)$/;

/** `--parameter KEY=VALUE` (repeatable) into a record; the value may be empty or contain `=`. */
export function collectParameter(
  value: string,
  previous: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  const eq = value.indexOf('=');
  const key = eq < 0 ? value : value.slice(0, eq);
  if (eq < 0 || !(PARAMETER_NAME.test(key) || PSEUDO_PARAMETER.test(key))) {
    throw new InvalidArgumentError(
      'expected KEY=VALUE with an alphanumeric CloudFormation parameter name (or AWS::Region, AWS::AccountId, AWS::StackName, AWS::Partition, AWS::URLSuffix), e.g. DomainName=www.example.com',
    );
  }
  if (previous && Object.hasOwn(previous, key)) throw new InvalidArgumentError(`${key} is given twice`);
  const given = value.slice(eq + 1);
  if (key === 'AWS::Region') parseRegion(given);
  if (key === 'AWS::AccountId') parseAccount(given);
  return { ...previous, [key]: given };
}

// Commercial (us-east-1), GovCloud (us-gov-west-1), China (cn-north-1) and the isolated
// partitions (us-iso-east-1, us-isob-east-1, eu-isoe-west-1).
const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

/** `--region REGION`: an AWS region name. */
export function parseRegion(value: string): string {
  if (!REGION.test(value)) throw new InvalidArgumentError('expected an AWS region name, e.g. us-east-1');
  return value;
}

/** `--account ID` (and `AWS::AccountId`): an AWS account id, 12 digits. */
export function parseAccount(value: string): string {
  if (!/^\d{12}$/.test(value))
    throw new InvalidArgumentError('expected a 12-digit AWS account id, e.g. 123456789012');
  return value;
}

/**
 * `--cert FILE|ARN=FILE|IAMID=FILE` (repeatable). Only the shape is checked here (no empty
 * parts); which evidence the file holds is the sources' business.
 */
export function collectCert(value: string, previous: readonly string[] | undefined): string[] {
  if (value === '' || value.startsWith('=') || value.endsWith('=')) {
    throw new InvalidArgumentError('expected FILE, ARN=FILE or IAMCERTID=FILE');
  }
  return [...(previous ?? []), value];
}

/** `--distribution-id ID` (repeatable): a CloudFront distribution id (upper-case letters and digits). */
export function collectDistributionId(value: string, previous: readonly string[] | undefined): string[] {
  if (!/^[A-Z0-9]{1,64}$/.test(value))
    throw new InvalidArgumentError('expected a distribution id such as E1ABCDEF2GHIJK');
  return [...(previous ?? []), value];
}

/** A whole number in `min..max` (milliseconds, counts), with a message naming what it is. */
function boundedIntParser(what: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
    if (!(n >= min && n <= max)) throw new InvalidArgumentError(`expected ${what} from ${min} to ${max}`);
    return n;
  };
}

/** `--timeout MS` for `probe`: connect + handshake deadline per attempt. */
export function timeoutOption(): Option {
  return new Option('--timeout <ms>', 'connect + TLS handshake deadline per endpoint, in milliseconds')
    .argParser(boundedIntParser('milliseconds', 1, 600_000))
    .default(5000);
}

/** `--concurrency N` for `probe`: handshakes in flight. */
export function concurrencyOption(): Option {
  return new Option(
    '--concurrency <n>',
    'how many handshakes run at once (default: adaptive, from 32 doubling up to 128 while the run waits on the network; a number fixes it)',
  ).argParser(boundedIntParser('a count', 1, 1024));
}

/**
 * `--resolve HOST:PORT:ADDR` (repeatable), as curl's. Only the shape is checked here, so the CLI
 * starts without the names layer; `probe` validates the host and the addresses.
 */
export function collectResolve(value: string, previous: readonly string[] | undefined): string[] {
  if (!/^[^:]+:\d+:.+$/.test(value)) {
    throw new InvalidArgumentError(
      'expected HOST:PORT:ADDR (HOST may be *), e.g. www.example.com:443:192.0.2.10',
    );
  }
  return [...(previous ?? []), value];
}

/** An OID in dotted form, or `anyPolicy`, for `--initial-policy`. */
function collectPolicyOid(value: string, previous: readonly string[] | undefined): string[] {
  const oid = value === 'anyPolicy' ? '2.5.29.32.0' : value;
  if (!/^[0-2](\.\d+)+$/.test(oid))
    throw new InvalidArgumentError('expected a policy OID such as 2.23.140.1.2.1, or anyPolicy');
  return [...(previous ?? []), oid];
}

/** The RFC 5280 §6.1.1 user-initial policy settings of `verify`. */
export function policyProcessingOptions(): Option[] {
  return [
    new Option(
      '--initial-policy <oid>',
      'a certificate policy you accept (user-initial-policy-set, default anyPolicy); a path valid for none fails where an explicit policy is required (repeatable)',
    ).argParser(collectPolicyOid),
    new Option(
      '--require-explicit-policy',
      'fail unless the path is valid for a policy of --initial-policy (or any policy)',
    ),
    new Option('--inhibit-policy-mapping', 'do not follow policy mappings'),
    new Option('--inhibit-any-policy', 'do not let anyPolicy stand for other policies'),
  ];
}

/** `--policy NAME` for `probe`: a CloudFront security policy (MinimumProtocolVersion). */
export function securityPolicyOption(choices: readonly string[]): Option {
  return new Option(
    '--policy <name>',
    'check the endpoint against this CloudFront security policy (extra handshakes per TLS version)',
  ).choices(choices as string[]);
}

/** `--wildcard-label LABEL` for `probe --from`: probe LABEL.example.com for a *.example.com alias. */
export function parseWildcardLabel(value: string): string {
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(value)) {
    throw new InvalidArgumentError('expected one DNS label, e.g. www or certgate-probe');
  }
  return value.toLowerCase();
}

/** `--port N` for `probe`: the port of targets (and `--from` aliases) that name none. */
export function portOption(): Option {
  return new Option('--port <port>', 'port for targets and --from aliases that name none')
    .argParser(boundedIntParser('a port', 1, 65_535))
    .default(443);
}

/**
 * The report options `check`, `probe` and `diff` share, in their --help order: the format on
 * standard output (or --output), the report files of the same run, the SARIF docs base and the
 * exit threshold.
 */
export function reportOptions(): Option[] {
  return [
    checkFormatOption(),
    outputOption(),
    reportFileOption('sarif'),
    reportFileOption('junit'),
    reportFileOption('json'),
    reportFileOption('gitlab'),
    docsUrlOption(),
    failOnOption(),
  ];
}

/** `--warn 30d|66%` and `--critical 7d|90%` for `certgate expiry`. */
export function thresholdOption(level: 'warn' | 'critical'): Option {
  const description =
    level === 'warn'
      ? 'warn from this much time left (30d, 12h, 2w) or this share of the lifetime used (66%); default: a sixth of the lifetime left, at most 30 days'
      : 'critical (an error) from this much time left (7d) or this share of the lifetime used (90%); default: a twentieth of the lifetime left, at most 7 days';
  return new Option(`--${level} <threshold>`, description).argParser((value: string) => {
    const parsed = parseThreshold(value);
    if (typeof parsed === 'string') throw new InvalidArgumentError(parsed);
    return parsed;
  });
}

/** `--format` for `certgate expiry`: the shared formats, the Prometheus text format and HTML. */
export function expiryFormatOption(): Option {
  return new Option(
    '-f, --format <format>',
    "output format on standard output (or --output): prometheus writes the metrics for node_exporter's textfile collector (docs/metrics.md), html one self-contained page with a timeline and the action list",
  )
    .choices(['text', 'json', 'prometheus', 'html', 'sarif', 'junit', 'github', 'gitlab'])
    .default('text');
}

/** The report options of `certgate expiry`: `reportOptions()` with its own `--format`. */
export function expiryReportOptions(): Option[] {
  return [expiryFormatOption(), ...reportOptions().slice(1)];
}

/** Collects `--region` values (repeatable), each checked as `parseRegion` does. */
export function collectRegion(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), parseRegion(value)];
}

/** Collects `--dns-server ADDR[:PORT]` values: an IPv4 or bracketed IPv6 address, an optional port. */
export function collectDnsServer(value: string, previous: readonly string[] | undefined): string[] {
  if (!/^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])(:\d{1,5})?$/i.test(value))
    throw new InvalidArgumentError(
      'expected an IP address, optionally with a port: 192.0.2.53, 192.0.2.53:5353, [2001:db8::53]:53',
    );
  return [...(previous ?? []), value];
}

const DURATION_UNITS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses `90s`, `15m`, `1h`, `2d` (a whole or decimal number and a unit) into ms. */
export function parseDuration(value: string): number {
  const m = /^(\d+(?:\.\d+)?)([smhd])$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a number and a unit: 90s, 15m, 1h, 2d');
  return Math.round(Number(m[1]) * DURATION_UNITS[m[2]!]!);
}

/** `--serve [ADDR:]PORT`: keep running as a Prometheus exporter. */
export function serveOption(): Option {
  return new Option(
    '--serve <[addr:]port>',
    'keep running: rescan every --interval and serve the metrics at /metrics (and /healthz) on PORT (every interface) or ADDR:PORT',
  ).argParser((value: string) => {
    const parsed = parseListenAddress(value);
    if (typeof parsed === 'string') throw new InvalidArgumentError(parsed);
    return parsed;
  });
}

/** `--interval DURATION` for `--serve`. */
export function intervalOption(): Option {
  return new Option(
    '--interval <duration>',
    'with --serve: the time between scans, varied by up to 10% either way so exporters started together spread out (90s, 15m, 1h; at least 10m with --aws)',
  )
    .argParser(parseDuration)
    .default(3_600_000, '1h');
}

/** Collects `--alert KIND=VALUE` (resolved and checked when the command starts, not here: no secret in parse errors). */
export function collectAlert(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `--repeat DURATION`: how long before a firing alert is sent again. */
export function repeatOption(): Option {
  return new Option(
    '--repeat <duration>',
    'with --alert and --state: send a firing alert again after this long (90s, 15m, 1h, 2d)',
  )
    .argParser(parseDuration)
    .default(86_400_000, '24h');
}

/** `--cert EVIDENCE` (repeatable): certificate evidence, worded for the command that takes it. */
export function certOption(description: string): Option {
  return new Option('--cert <evidence>', `${description} (repeatable)`).argParser(collectCert);
}

/** `--parameter KEY=VALUE` (repeatable): a CloudFormation parameter value. */
export function parameterOption(description: string): Option {
  return new Option('--parameter <key=value>', `${description} (repeatable)`).argParser(collectParameter);
}

/** `--region REGION`: the region a CloudFormation or CDK stack deploys to. */
export function regionOption(description: string): Option {
  return new Option('--region <region>', description).argParser(parseRegion);
}
