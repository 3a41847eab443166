/**
 * The command line: argv → validated options → command → report → exit code. Commands are
 * loaded on demand so `certgate --version` and `--help` stay near bare Node start-up.
 */

import { Command, CommanderError, type Option } from 'commander';
import { MINIMUM_PROTOCOL_VERSIONS } from '../cloudfront/policies.js';
import { EXIT_OPERATIONAL, EXIT_USAGE } from '../report/exit-code.js';
import { terminalSafe } from '../report/terminal.js';
import { type CliIO, errorLine, processIO } from './io.js';
import {
  atOption,
  certOption,
  collectAlert,
  collectDistributionId,
  collectDnsServer,
  collectRegion,
  collectResolve,
  concurrencyOption,
  crlCheckOption,
  expiryReportOptions,
  failOnOption,
  formatOption,
  hostOption,
  intervalOption,
  ipOption,
  parameterOption,
  parseAccount,
  parseWildcardLabel,
  policyOption,
  policyProcessingOptions,
  portOption,
  purposeOption,
  regionOption,
  repeatableFileOption,
  repeatOption,
  reportOptions,
  securityPolicyOption,
  serveOption,
  thresholdOption,
  timeoutOption,
  warnDaysOption,
} from './options.js';
import {
  CHECK_DESCRIPTION,
  CHECK_EXAMPLES,
  DIFF_DESCRIPTION,
  DIFF_EXAMPLES,
  EXPIRY_DESCRIPTION,
  EXPIRY_EXAMPLES,
  EXPLAIN_DESCRIPTION,
  EXPLAIN_EXAMPLES,
  INSPECT_DESCRIPTION,
  INSPECT_EXAMPLES,
  MAIN_DESCRIPTION,
  MAIN_EXAMPLES,
  PROBE_DESCRIPTION,
  PROBE_EXAMPLES,
  VERIFY_DESCRIPTION,
  VERIFY_EXAMPLES,
} from './usage.js';
import { packageVersion } from './version.js';

/** The command tree (exported so tests can read a command's flags, as the config schema does). */
/** Adds `options` to `command` in order (commander adds one at a time). */
function withOptions(command: Command, options: readonly Option[]): Command {
  for (const option of options) command.addOption(option);
  return command;
}

export function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command('certgate')
    .description(MAIN_DESCRIPTION)
    .version(packageVersion(), '-v, --version', 'print the version and exit')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', MAIN_EXAMPLES)
    .showSuggestionAfterError(true)
    // The help texts are wrapped by hand (with examples up to ~150 columns); commander's default
    // of 80 columns off a terminal would break their sentences in the middle.
    .configureHelp({ helpWidth: 160 })
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(terminalSafe(s)),
      outputError: (s, write) => write(`certgate: ${s}`),
    })
    .exitOverride();

  program
    .command('inspect')
    .summary('decode certificates and chains (PEM, DER, PKCS#7)')
    .description(INSPECT_DESCRIPTION)
    .argument('<file...>', "certificate files, or '-' for standard input")
    .addOption(formatOption())
    .addOption(failOnOption())
    .addOption(atOption())
    .addOption(warnDaysOption())
    .addHelpText('after', INSPECT_EXAMPLES)
    .action(async (files: string[], opts) => {
      const { runInspect } = await import('./commands/inspect.js');
      setExit(await runInspect(files, opts, io));
    });

  const verify = program
    .command('verify')
    .summary('validate a chain and a host name the way TLS clients do, step by step')
    .description(VERIFY_DESCRIPTION)
    .argument('<chain-file>', "the chain, leaf first (PEM, DER, PKCS#7), or '-' for standard input")
    .option(
      '--roots <file|dir|system>',
      "trust only these roots instead of Node.js's (Mozilla + NODE_EXTRA_CA_CERTS): a file, a folder (PEM files or an OpenSSL hashed directory), or 'system' (SSL_CERT_FILE/SSL_CERT_DIR, else the distribution's bundle)",
    )
    .addOption(repeatableFileOption('--add-roots <file>', 'trust these roots as well'))
    .addOption(repeatableFileOption('--untrusted <file>', 'more intermediates to build the path from'))
    .addOption(repeatableFileOption('--crl <file>', 'check revocation against this CRL (PEM or DER)'))
    .addOption(crlCheckOption())
    .addOption(hostOption())
    .addOption(ipOption())
    .addOption(atOption())
    .addOption(purposeOption())
    .addOption(policyOption());
  for (const option of policyProcessingOptions()) verify.addOption(option);
  verify
    .addOption(formatOption())
    .addOption(failOnOption())
    .addHelpText('after', VERIFY_EXAMPLES)
    .action(async (file: string, opts) => {
      const { runVerify } = await import('./commands/verify.js');
      setExit(await runVerify(file, opts, io));
    });

  program
    .command('explain')
    .summary('explain a CloudFront or TLS error: likely causes in order, the checks, the commands')
    .description(EXPLAIN_DESCRIPTION)
    .argument('[text...]', "an error code or message (quote it), or '-' / nothing for standard input")
    .addOption(formatOption())
    .option('--list', 'list every message pattern explain recognises')
    .addHelpText('after', EXPLAIN_EXAMPLES)
    .action(async (text: string[], opts) => {
      const { runExplain } = await import('./commands/explain.js');
      setExit(await runExplain(text, opts, io));
    });

  withOptions(
    program
      .command('check')
      .summary("pre-deploy CloudFront gate: predict CloudFront's verdict per distribution")
      .description(CHECK_DESCRIPTION)
      .argument(
        '[input...]',
        "distribution configs: files, a cdk.out folder, or '-' for standard input (required unless --distribution-id or --all-distributions)",
      )
      .addOption(
        certOption(
          'certificate evidence: FILE (ACM describe-certificate JSON), ARN=FILE or IAMCERTID=FILE (PEM/DER chain)',
        ),
      )
      .addOption(parameterOption('a CloudFormation parameter value, overriding its default'))
      .addOption(
        regionOption(
          'the region the CloudFormation/CDK stack deploys to (default: AWS_REGION, else AWS_DEFAULT_REGION)',
        ),
      )
      .option(
        '--account <id>',
        'the account the CloudFormation stack deploys to (AWS::AccountId)',
        parseAccount,
      )
      .option(
        '--tf-dir <dir>',
        "the .tf folder of a Terraform plan's root module, for file:line in findings (default: the plan's folder if it has .tf files)",
      )
      .option(
        '--roots <file|dir|system>',
        "trust these roots for PEM evidence instead of the Mozilla roots: a file, a folder, or 'system'",
      )
      .option(
        '--aws',
        "live evidence from the account: DescribeCertificate for every certificate ARN (in the ARN's region), ListDistributions for alias conflicts; --cert files win over it",
      )
      .option(
        '--profile <name>',
        'the AWS profile for --aws (default: the SDK chain: AWS_PROFILE, env keys, SSO, role); implies --aws',
      )
      .option(
        '--distribution-id <id>',
        'check this deployed distribution, read from the account with GetDistribution (repeatable); implies --aws',
        collectDistributionId,
      )
      .option('--all-distributions', 'check every distribution of the account (an audit); implies --aws')
      .option(
        '--aws-preflight',
        'with --aws: ListDomainConflicts for aliases and tenant domains the account does not hold, to find them in other accounts; implies --aws',
      )
      .addOption(atOption())
      .addOption(warnDaysOption()),
    reportOptions(),
  )
    .option('--verbose', 'text output: show notes too (the other formats always include them)')
    .option(
      '--allow-empty',
      'an input without any CloudFront distribution or tenant is a note, not an error (INPUT_NO_DISTRIBUTION); for pipelines that expect one',
    )
    .option(
      '--config <file>',
      'read flag defaults, ignores, severity overrides and profiles from this file (default: .certgate.yaml or .certgate.yml, looked for from here up to the repository root)',
    )
    .option('--no-config', 'read no config file')
    .option(
      '--baseline <file>',
      'suppress the findings this baseline lists (from --write-baseline): only new findings fail',
    )
    .option(
      '--write-baseline <file>',
      "write the fingerprints of this run's findings to this file, and exit 0 (2 if an input could not be read)",
    )
    .option(
      '--no-ignore',
      'set aside config ignores, inline ignores and the baseline: show and count every finding',
    )
    .addHelpText('after', CHECK_EXAMPLES)
    .action(async (inputs: string[], _opts, command: Command) => {
      const { runCheckCommand } = await import('./commands/check.js');
      setExit(await runCheckCommand(inputs, command, io));
    });

  withOptions(
    program
      .command('probe')
      .summary('TLS handshakes with SNI to many hosts: what the edge really serves, verified')
      .description(PROBE_DESCRIPTION)
      .argument('[target...]', 'host[:port] to probe (port 443 unless given; IPv6 as [addr]:port)')
      .addOption(portOption())
      .addOption(
        repeatableFileOption('--targets <file>', "read targets from a file, one a line, '#' comments"),
      )
      .option('--from <input...>', "probe every alias of the distributions in these 'certgate check' inputs")
      .option(
        '--from-aws',
        "probe every alias of the account's distributions at the distribution's own dxxxx.cloudfront.net (the alias as SNI, no DNS change needed), expecting the certificate it has attached",
      )
      .option(
        '--distribution-id <id>',
        'with --from-aws: only this deployed distribution, read with GetDistribution (repeatable); implies --from-aws',
        collectDistributionId,
      )
      .option(
        '--profile <name>',
        'the AWS profile for --from-aws (default: the SDK chain: AWS_PROFILE, env keys, SSO, role); implies --from-aws',
      )
      .addOption(parameterOption('a CloudFormation parameter value for --from, overriding its default'))
      .addOption(regionOption('the region a CloudFormation/CDK stack of --from deploys to'))
      .option(
        '--wildcard-label <label>',
        'probe LABEL.example.com for a *.example.com alias of --from (default: skip wildcards with a note)',
        parseWildcardLabel,
      )
      .option(
        '--resolve <host:port:addr>',
        "connect to ADDR for HOST:PORT instead of asking DNS, as curl's (HOST may be '*') (repeatable)",
        collectResolve,
      )
      .option('--all-addresses', 'probe every A and AAAA address of a name, not only the first')
      .addOption(timeoutOption())
      .addOption(concurrencyOption())
      .option(
        '--sni <name>',
        'send this SNI name instead of the target host, and check the certificate for it',
      )
      .option('--no-sni', 'send no SNI: what a client without SNI gets')
      .option(
        '--roots <file|dir|system>',
        "trust only these roots instead of Node.js's (Mozilla + NODE_EXTRA_CA_CERTS): a file, a folder (PEM files or an OpenSSL hashed directory), or 'system' (SSL_CERT_FILE/SSL_CERT_DIR, else the distribution's bundle)",
      )
      .addOption(repeatableFileOption('--add-roots <file>', 'trust these roots as well'))
      .addOption(atOption())
      .option(
        '--expect <cert>',
        'the leaf that must be served: a SHA-256 fingerprint, a PEM/DER file, or an ACM ARN (with --cert)',
      )
      .addOption(
        certOption(
          'evidence for an --expect ARN: aws acm describe-certificate JSON, or ARN=FILE with the PEM chain',
        ),
      )
      .addOption(securityPolicyOption(MINIMUM_PROTOCOL_VERSIONS)),
    reportOptions(),
  )
    .option(
      '--config <file>',
      'read flag defaults from the probe: section of this file (default: .certgate.yaml or .certgate.yml, looked for from here up to the repository root)',
    )
    .option('--no-config', 'read no config file')
    .addHelpText('after', PROBE_EXAMPLES)
    .action(async (targets: string[], _opts, command: Command) => {
      const { configure } = await import('./config-file.js');
      if (!(await configure(command, 'probe', io))) return setExit(EXIT_USAGE);
      const { runProbe } = await import('./commands/probe.js');
      setExit(await runProbe(targets, command.opts(), io));
    });

  withOptions(
    program
      .command('diff')
      .summary('compare the viewer-certificate and alias settings of two environments')
      .description(DIFF_DESCRIPTION)
      .argument('<a>', "one environment's distribution configs: a file, a cdk.out folder, or '-'")
      .argument('<b>', "the other environment's, read the same way")
      .addOption(
        certOption(
          'certificate evidence for either side: FILE (ACM describe-certificate JSON), ARN=FILE or IAMCERTID=FILE (PEM/DER chain)',
        ),
      )
      .addOption(parameterOption('a CloudFormation parameter value for both sides, overriding its default'))
      .addOption(regionOption('the region the CloudFormation/CDK stacks deploy to'))
      .addOption(atOption()),
    reportOptions(),
  )
    .addHelpText('after', DIFF_EXAMPLES)
    .action(async (a: string, b: string, opts) => {
      const { runDiff } = await import('./commands/diff.js');
      setExit(await runDiff(a, b, opts, io));
    });

  withOptions(
    program
      .command('expiry')
      .summary('every certificate in files and folders: when it expires, and whether it needs action')
      .description(EXPIRY_DESCRIPTION)
      .argument(
        '[path-or-host...]',
        'certificate files (PEM, DER, PKCS#7, PKCS#12) and folders, walked recursively; host[:port] endpoints, probed with SNI',
      )
      .option(
        '--password-env <var>',
        'the password of PKCS#12 files (.p12, .pfx) is in this environment variable (default: no password)',
      )
      .addOption(
        repeatableFileOption('--targets <file>', "probe the endpoints of a file, one a line, '#' comments"),
      )
      .addOption(portOption())
      .option(
        '--resolve <host:port:addr>',
        "connect to ADDR for HOST:PORT instead of asking DNS, as curl's (HOST may be '*') (repeatable)",
        collectResolve,
      )
      .addOption(timeoutOption())
      .addOption(concurrencyOption())
      .option(
        '--aws',
        'every ACM certificate of the account too (ListCertificates, DescribeCertificate, GetCertificate), with whether ACM will renew it',
      )
      .option('--profile <name>', 'the AWS profile for --aws (default: the SDK chain); implies --aws')
      .option(
        '--region <region>',
        'look for ACM certificates in this region only (repeatable; default: every commercial region); implies --aws',
        collectRegion,
      )
      .option(
        '--probe-edges',
        "with --aws: probe every alias of the CloudFront distributions using the account's certificates, at the distribution's own domain, to find an edge still serving a replaced certificate; implies --aws",
      )
      .option(
        '--dns-server <addr>',
        'ask this DNS server (ADDR or ADDR:PORT) for the renewal checks of ACM certificates (repeatable; default: the system resolver)',
        collectDnsServer,
      )
      .option(
        '--no-dns',
        'make no DNS lookups: skip the validation-record and CAA checks of ACM certificates',
      )
      .addOption(thresholdOption('warn'))
      .addOption(thresholdOption('critical'))
      .option(
        '--roots <file|dir|system>',
        "build chains to these roots only instead of the Mozilla roots: a file, a folder, or 'system'",
      )
      .addOption(repeatableFileOption('--add-roots <file>', 'trust these roots as well'))
      .addOption(atOption())
      .addOption(serveOption())
      .addOption(intervalOption())
      .option(
        '--alert <kind=value>',
        'send alerts: webhook=URL, slack=URL, alertmanager=URL, pagerduty=ROUTING_KEY; the value may be env:VAR or file:PATH, which keeps the secret off the command line (repeatable)',
        collectAlert,
      )
      .option(
        '--state <file>',
        'with --alert: remember what was sent, so each alert fires once and resolves when the certificate is renewed or removed',
      )
      .addOption(repeatOption())
      .option(
        '--pagerduty-url <url>',
        'with --alert pagerduty=...: the Events API v2 URL (default https://events.pagerduty.com/v2/enqueue)',
      )
      .option(
        '--webhook-secret-env <var>',
        'with --alert webhook=...: sign each body with HMAC-SHA256 of the secret in this variable (X-Certgate-Signature-256)',
      ),
    expiryReportOptions(),
  )
    .option('--verbose', 'text output: show notes too (the other formats always include them)')
    .addHelpText('after', EXPIRY_EXAMPLES)
    .action(async (args: string[], opts) => {
      const aws = opts.aws || opts.profile !== undefined || (opts.region?.length ?? 0) > 0 || opts.probeEdges;
      if (args.length === 0 && (opts.targets?.length ?? 0) === 0 && !aws) {
        io.stderr.write(
          errorLine('no certificates to track: give files, folders, host[:port], --targets FILE or --aws'),
        );
        return setExit(EXIT_USAGE);
      }
      const { runExpiry } = await import('./commands/expiry.js');
      setExit(await runExpiry(args, opts, io));
    });

  program
    .command('rules')
    .summary('list every finding code with its title and default severity')
    .description(
      'Lists every finding code certgate can report, with its title and default severity; each has a page in docs/rules/CODE.md of the package.',
    )
    .addOption(formatOption())
    .addHelpText('after', '\nExamples:\n  certgate rules\n  certgate rules --format json\n')
    .action(async (opts) => {
      const { runRules } = await import('./commands/rules.js');
      setExit(await runRules(opts, io));
    });

  return program;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT_USAGE;
  }
  try {
    // -V was the short flag before -v; scripts that use it keep working
    const args = argv.length === 1 && argv[0] === '-V' ? ['--version'] : [...argv];
    await program.parseAsync(args, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end with exitCode 0; every other commander error is bad usage.
      return err.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(
      errorLine(`internal error: ${message} (please report this with the input that caused it)`),
    );
    if (io.env.CERTGATE_DEBUG && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    return EXIT_OPERATIONAL;
  }
}
