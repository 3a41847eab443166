/** Help text shown after commander's generated usage: what the command is for, with worked examples. */

export const MAIN_DESCRIPTION = `Catch TLS certificate mistakes before they reach production.

certgate reads certificates the way TLS clients and CloudFront do and says what is wrong,
why, and how to fix it. Every command prints text on a terminal and JSON with --format json,
and exits 0 (pass), 1 (findings at or above --fail-on), 2 (bad usage or unreadable input)
or 3 (an operational failure prevented a verdict).`;

export const MAIN_EXAMPLES = `
Examples:
  $ certgate inspect fullchain.pem              decode a chain, leaf first, with days left
  $ certgate inspect --format json cert.der     the same as JSON for scripts
  $ certgate inspect bundle.p7b --warn-days 45  a PKCS#7 bundle, warn 45 days before expiry
  $ openssl s_client -connect example.com:443 -showcerts </dev/null 2>/dev/null | certgate inspect -
  $ certgate verify fullchain.pem --host www.example.com
                                                validate the chain like a TLS client, step by step
  $ certgate check template.yaml --cert acm.json
                                                predict CloudFront's verdict before the deploy
  $ certgate diff staging.yaml prod.yaml --cert acm.json
                                                what differs between two environments, stale certificates first
  $ certgate probe --from template.yaml --resolve '*:443:EDGE_IP'
                                                after the deploy: what the new edge serves per alias
  $ certgate explain 'unable to get local issuer certificate'
                                                why a client or CloudFront refused, and what to run

Run 'certgate <command> --help' for the options of a command.
Environment: NO_COLOR disables colour; FORCE_COLOR forces it.`;

export const INSPECT_DESCRIPTION = `Decode certificates and chains and show what clients will see.

Reads PEM (any number of blocks, text around them), DER and PKCS#7 (.p7b) files, or standard
input with '-'. A chain is shown leaf first, whatever the order in the file, and a chain that is
out of order is reported, because servers must send it leaf first. For each certificate:
subject, issuer, subjectAltNames, validity with days left, key, signature algorithm, every
extension and the SHA-256 and SHA-1 fingerprints, followed by findings: expired, not yet valid,
expiring within --warn-days, no subjectAltName, weak RSA key, SHA-1/MD5 signature.
Private keys in the input are skipped and never printed.`;

export const INSPECT_EXAMPLES = `
Examples:
  $ certgate inspect /etc/letsencrypt/live/example.com/fullchain.pem
  $ certgate inspect cert.pem chain.pem --format json | jq '.results[].details.notAfter'
  $ certgate inspect ca-bundle.p7b --fail-on warning     fail CI when anything expires in 30 days
  $ certgate inspect cert.pem --at 2027-01-01            what will it look like on that day?
  $ cat cert.der | certgate inspect -

Exit codes: 0 no finding at or above --fail-on; 1 there is one; 2 an input is missing or not a
certificate (the other inputs are still reported).`;

export const VERIFY_DESCRIPTION = `Validate a certificate chain the way TLS clients do, and say which step fails.

Builds a path from the leaf (the first certificate of CHAIN_FILE) through the intermediates
that follow it (and any --untrusted ones) to a trust anchor: what Node.js trusts (its bundled
Mozilla roots, plus the file NODE_EXTRA_CA_CERTS names), or --roots FILE, a folder of roots, or
'system' (OpenSSL's store: SSL_CERT_FILE / SSL_CERT_DIR, else the distribution's CA bundle).
Then validates it under RFC 5280 and the policy, and checks --host or --ip against the leaf's
subjectAltName (RFC 6125 / RFC 9525). The first line says which roots were used.

Policies (--policy):
  client   the default: passes when Chrome and OpenSSL 3 (curl, Node.js, Python) both accept
           the chain; CA/B Forum rules that no client checks are warnings, not failures.
  cabf     the CA/Browser Forum Baseline Requirements, enforced: would a public CA issue
           this chain? Roots given with --roots FILE|DIR must meet the BR root profile too.
  rfc5280  RFC 5280 §6 path validation as written, certificate policies included (SHA-1 and
           1024-bit RSA allowed); what §4 asks of issuers is warnings. The standard, not a client.

The output walks the flow: the path, each certificate's checks (validity, profile, key,
CA-ness, key usage, extended key usage, signature, path length, name constraints), and the
name. It names the step that failed and prints the finding with the error texts OpenSSL,
Node.js, curl, browsers, Java and Go show for it, and the fix.

With --crl, every certificate below the root needs a CRL that covers it (--crl-check all, as
OpenSSL's -crl_check_all), or only the leaf (--crl-check leaf); a certificate no usable CRL
covers fails, its status unknown. CRLs are never downloaded.`;

export const VERIFY_EXAMPLES = `
Examples:
  $ certgate verify examples/certs/fullchain.pem --roots examples/certs/root.pem --host www.example.com
  $ certgate verify fullchain.pem --host api.example.com        the roots Node.js trusts
  $ certgate verify fullchain.pem --host api.example.com --roots system
                                                   the roots OpenSSL (curl, Python) trusts here
  $ certgate verify cert.pem --untrusted chain.pem --host example.com
                                                   leaf and intermediates in separate files
  $ certgate verify fullchain.pem --add-roots corp-root.pem --host intranet.corp.example
  $ certgate verify server.pem --ip 192.0.2.10 --at 2027-01-01  as it will be on that day
  $ certgate verify fullchain.pem --host www.example.com --crl issuing-ca.crl --crl root.crl
                                                   revocation of the whole path, CRLs you downloaded
  $ certgate verify fullchain.pem --host www.example.com --crl issuing-ca.crl --crl-check leaf
                                                   the leaf's revocation only
  $ certgate verify fullchain.pem --host www.example.com --policy cabf
                                                   fail on anything a public CA would not issue
  $ certgate verify fullchain.pem --host www.example.com --format json | jq '.results[0].details.steps'

Exit codes: 0 the chain is valid (for the name, when one is given); 1 it is not (a finding at or
above --fail-on); 2 bad usage (--host with --ip, a bad name or address) or a file that is missing
or not a certificate.`;

export const CHECK_DESCRIPTION = `Predict CloudFront's verdict on your distributions before you deploy them.

INPUT is a distribution config: 'aws cloudfront get-distribution-config' (or
get-distribution, list-distributions) output or a bare DistributionConfig, a
CloudFormation template (JSON or YAML, short-form tags like !Ref and !Sub), a
Terraform plan ('terraform show -json'), a CDK cdk.out folder, or '-' for
standard input. Distribution tenants are checked too: in templates and plans,
or 'aws cloudfront list-distribution-tenants' / 'get-distribution-tenant'
output given beside their multi-tenant distribution. Nested stacks whose
template is a local file (and CDK NestedStacks) are read with their parent.
Certificate evidence comes with --cert: the output of
'aws acm describe-certificate', or a PEM/DER chain bound to the ARN or IAM
certificate id that a distribution references (ARN=FILE), validated against
the Mozilla roots bundled with Node.js or --roots. Certificates declared in
the same template or plan are used too.

For each distribution the gate reports what CloudFront would answer
(InvalidViewerCertificate, CNAMEAlreadyExists, ...) and what clients would see
after the deploy, in the order CloudFront checks: certificate placement
(us-east-1, IAM path, default certificate with aliases), state (issued, dates,
renewal), alias coverage by the SANs, TLS policy and SSL support method, alias
conflicts, syntax and quotas, chain and trust of imported certificates, early
warnings. Each finding names the file, line and column of the value to change,
and the fix. A value known only at deploy time is reported as such, never
passed silently.`;

export const CHECK_EXAMPLES = `
Examples:
  CloudFormation template, with the ACM certificate as evidence:
  $ aws acm describe-certificate --region us-east-1 --certificate-arn "$ARN" > acm.json
  $ certgate check template.yaml --cert acm.json --parameter DomainName=www.example.com

  The stack's region and account (AWS::Region, AWS::AccountId; the region
  defaults to AWS_REGION, else AWS_DEFAULT_REGION):
  $ certgate check template.yaml --region us-east-1 --account 123456789012 --parameter AWS::StackName=web

  Terraform plan (findings name the resource address, and the .tf file and line
  when the plan sits beside the .tf files or --tf-dir names them):
  $ terraform plan -out plan.out && terraform show -json plan.out > plan.json
  $ certgate check plan.json --cert acm.json --tf-dir infra

  CDK app (every stack template in the cloud assembly):
  $ npx cdk synth && certgate check cdk.out --cert acm.json --region eu-west-1

  A deployed distribution, before you change it:
  $ aws cloudfront get-distribution-config --id E1ABCDEF2GHIJK > dist.json
  $ certgate check dist.json --cert acm.json

  Live evidence from the account (credentials from the SDK chain or --profile; read-only,
  see docs/aws.md): every certificate the template names, and alias conflicts with every
  distribution of the account; --aws-preflight also asks CloudFront about other accounts:
  $ certgate check template.yaml --aws
  $ certgate check template.yaml --aws --profile prod --aws-preflight
  $ certgate check --distribution-id E1ABCDEF2GHIJK --aws     # a deployed one, from the account

  An imported certificate: bind its PEM chain to the ARN the distribution uses:
  $ certgate check dist.json --cert "$ARN=fullchain.pem" --roots corp-root.pem

  In CI: SARIF for GitHub code scanning, JUnit for GitLab and Jenkins, JSON for scripts:
  $ certgate check cdk.out --cert acm.json --format sarif --output certgate.sarif
  $ certgate check plan.json --cert acm.json --format junit --output certgate-junit.xml
  $ certgate check template.json --cert acm.json --format json | jq '.results[] | select(.verdict == "fail")'

  One run, several reports: annotations in the GitHub Actions log and the files CI reads
  (--sarif, --junit, --json, --gitlab FILE; each written whole, the old one removed first):
  $ certgate check cdk.out --cert acm.json --format github --sarif certgate.sarif --junit certgate-junit.xml
  $ certgate check plan.json --cert acm.json --gitlab gl-code-quality.json --junit certgate-junit.xml

  Adopting the gate on an existing estate: record today's findings, then fail only on new ones
  (.certgate.yaml, found from here up to the repository root, gives flag defaults, ignores with
  a reason and an expiry date, and severity overrides; --no-ignore shows everything):
  $ certgate check template.yaml --cert acm.json --write-baseline certgate-baseline.json
  $ certgate check template.yaml --cert acm.json --baseline certgate-baseline.json

Exit codes: 0 no finding at or above --fail-on; 1 there is one (a deploy CloudFront would refuse,
with the default --fail-on error); 2 bad usage or an input that could not be read (one line on
stderr each; the other inputs are still checked); 3 an operational failure prevented a verdict.`;

export const EXPLAIN_DESCRIPTION = `Explain a CloudFront or TLS error: the likely causes in order, the check
that tells them apart, and the command that runs it.

TEXT is an error code (InvalidViewerCertificate, CNAMEAlreadyExists,
ERR_CERT_DATE_INVALID, CERT_HAS_EXPIRED, a finding code such as NAME_MISMATCH)
or a pasted message: CloudFront API errors as the AWS CLI, CloudFormation, CDK
and Terraform print them (and Terraform's plan-time validation), and the TLS
errors of Node.js (Postman, npm), OpenSSL, curl, browsers (Chrome, Firefox,
Edge), Java, Go, Python, .NET and PowerShell, Windows (Schannel, WinINet),
GnuTLS (apt, git, wget), rustls, Qt, nginx and Envoy. With no TEXT, or '-', the
text is read from standard input, so a deploy log can be piped in: every error
in it is explained, in order. Only the first 64 KiB are read.

Paste the lines around the error too: the command, the client and its version,
a SAN block, the stack events before the failure. What they show (a PHP or
Docker client, a corporate proxy, a certificate created moments before, a
browser that works) moves the matching cause up, and the output names the line
that moved it; when nothing settles it, it says what to paste or run next.

Names in the message fill the commands. From Node's "Host: api.example.com.
is not in the cert's altnames: DNS:www.example.com" it says which near miss
applies (not listed, wildcard at the apex, wildcard one label short, another
site's certificate) and gives the 'certgate verify' command for that host;
from a CloudFront error, the certificate ARN and its region, and the
'certgate check' command for the template, plan or config that was deployed.`;

export const EXPLAIN_EXAMPLES = `
Examples:
  $ certgate explain InvalidViewerCertificate       every cause, in the order CloudFront checks
  $ certgate explain "Hostname/IP does not match certificate's altnames: Host: api.example.com. is not in the cert's altnames: DNS:www.example.com"
                                                    api.example.com is not covered; a wildcard *.example.com would cover it
  $ certgate explain "curl: (60) SSL certificate problem: unable to get local issuer certificate"
  $ aws cloudformation describe-stack-events --stack-name site | certgate explain
                                                    each failed event's error, in order
  $ terraform apply 2>&1 | certgate explain -       a deploy log on standard input
  $ certgate explain NET::ERR_CERT_DATE_INVALID --format json | jq '.matches[0].causes[0]'
  $ certgate explain --list                         every message it recognises

Exit codes: 0 something was recognised; 2 nothing was (the kinds of messages it knows are listed
on stderr) or bad usage.`;

export const PROBE_DESCRIPTION = `See what an edge really serves: a TLS handshake with SNI to every host name,
many at once, with the chain and the name verified the way clients verify
them.

TARGET is host[:port] (port 443 by default; IPv6 literals in brackets,
[2001:db8::1]:443). More targets come from --targets FILE (one a line, '#'
comments) and --from INPUT..., which takes every alias of the distributions in
any input 'certgate check' reads. A wildcard alias has no single name to
probe: it is reported as a note and skipped, or probed as LABEL.rest with
--wildcard-label LABEL.

--from-aws takes the aliases of the account's deployed distributions (every
one, or those of --distribution-id ID) and dials each at its distribution's own
dxxxx.cloudfront.net with the alias as SNI, so no DNS change is needed; each
alias must serve the certificate its distribution has attached
(DescribeCertificate). It reads the account only: ListDistributions or
GetDistribution, and DescribeCertificate (see docs/aws.md).

Before DNS points at a new edge, --resolve HOST:PORT:ADDR (as curl's, HOST may
be '*') sends the handshake there; otherwise names go through the system
resolver and, with --all-addresses, every A and AAAA address is probed. Each
probe is a full handshake on a fresh connection. Captured per target: the
chain exactly as the server sent it, protocol, cipher, ALPN (h2, http/1.1
offered), whether an OCSP response was stapled, the address reached and the
DNS, connect and TLS timings.

The chain and the name go through the same engine as 'certgate verify'
(--roots, --add-roots, --at). --expect compares the served leaf with what
should be there: a SHA-256 fingerprint, a PEM/DER certificate file, or an ACM
ARN whose evidence is given with --cert (its SAN set and validity must match).
--policy checks a CloudFront security policy: one extra handshake per TLS
version shows which the endpoint accepts (SSLv3 cannot be tested from Node and
is always reported as untested).

Refused, timed out, reset, not TLS, a TLS alert, a DNS failure, a target
that does not parse: each is a finding on its target (PROBE_*), and the other
targets are still probed. Ctrl-C (SIGINT) or SIGTERM stops the run: the report
of what finished is still written, the rest marked PROBE_INTERRUPTED, and the
exit code is 130 (SIGINT) or 143 (SIGTERM), as shells report a signal.`;

export const PROBE_EXAMPLES = `
Examples:
  $ certgate probe www.example.com api.example.com:8443
  $ certgate probe --targets hosts.txt --concurrency 64 --format json > probe.json

  Before the deploy, the gate; after it and before the DNS switch, every alias at the new edge:
  $ certgate check template.yaml --cert acm.json
  $ certgate probe --from template.yaml --resolve '*:443:EDGE_IP'
  $ certgate probe --from template.yaml --resolve '*:443:EDGE_IP' --cert acm.json --format junit
  $ certgate probe --from template.yaml --resolve '*:443:EDGE_IP' --junit probe-junit.xml --json probe.json

  Is the right certificate served, with the right policy?
  $ certgate probe www.example.com --expect AB:CD:...:EF --policy TLSv1.2_2021
  $ certgate probe www.example.com --expect new-cert.pem
  $ certgate probe www.example.com --expect "$ARN" --cert acm.json
  $ certgate probe www.example.com --no-sni         what a client without SNI gets
  $ certgate probe 192.0.2.10 --sni www.example.com  an address, with a chosen SNI name

  What the account's edges serve for every alias, before or after the DNS switch:
  $ certgate probe --from-aws
  $ certgate probe --from-aws --distribution-id E1ABCDEFGHIJKL --profile prod

  A private PKI, reproducibly:
  $ certgate probe internal.example:8443 --roots corp-root.pem --at 2026-06-01

Exit codes: 0 no finding at or above --fail-on; 1 there is one (an unreachable or
failing target is a finding on that target); 2 bad usage or an unreadable input; 3 no
target answered at all (every name failed to resolve, or every address was
unreachable or dropped the connection), or --from-aws could read nothing from the
account: a problem on this side prevented a verdict.`;

export const DIFF_DESCRIPTION = `Compare the viewer-certificate and alias settings of two environments.

A and B are two inputs as 'certgate check' reads them: two environments' CloudFormation templates,
Terraform plans, CDK cloud assemblies or AWS CLI output. Distributions are paired by id (logical
id, resource address, distribution id), then by CDK construct path without the stack, and a
single distribution left on each side is paired with the other. For each pair:
  error    one environment points at an older certificate for the same names than the other
           (DIFF_STALE_CERTIFICATE: a template not updated when the certificate was replaced;
           needs --cert evidence for both certificates)
  warning  security policy, SSL support method, certificate source or key type differ
  note     the certificates differ, an alias has no counterpart, a distribution is in one only`;

export const DIFF_EXAMPLES = `
Examples:
  $ certgate diff staging.yaml prod.yaml
  $ certgate diff staging.yaml prod.yaml --cert acm-staging.json --cert acm-prod.json
  $ certgate diff plan-staging.json plan-prod.json --format json
  $ certgate diff cdk.out.staging cdk.out.prod --fail-on warning   fail when TLS settings drift

Exit codes: 0 no finding at or above --fail-on (default error); 1 there is one; 2 an input
cannot be read.`;

export const EXPIRY_DESCRIPTION = `Every certificate in files, folders and on endpoints: when it expires, and whether it needs action.

A PATH is a certificate file (PEM, DER, PKCS#7, or PKCS#12 with the password in the
variable --password-env names) or a folder, walked recursively
(hidden entries skipped; files without a certificate, such as keys and notes, are
passed over). A HOST[:PORT] (an argument that is not on disk and does not look
like a path), and each line of --targets FILE, is probed with SNI as 'certgate
probe' does (--resolve, --timeout, --concurrency, --port), and the chain it sends
is tracked. The same certificate found in several places is one entry listing
every place. A named file that cannot be read, or a malformed certificate in a
folder, is a finding on that file (EXPIRY_FILE_UNREADABLE); an endpoint that
serves nothing keeps the probe's finding; the rest still counts. With --aws, every
ACM certificate of the account too (--region R, default every commercial region),
with whether ACM will renew it: imported, not in use or ineligible, renewal
pending validation or failed, email validation, renewal late; and, through DNS
(--dns-server ADDR, --no-dns), whether its validation records still resolve and
CAA lets Amazon issue.

The date that counts is the one the chain clients build stops validating: the
path is validated as 'certgate verify' does (--roots, --add-roots), using the
intermediates found beside the certificate and anywhere else in the run. An
intermediate on that path that expires before the leaf moves the date
(EXPIRY_CHAIN_EXPIRES_FIRST); a spare cross-signed root in a bundle, which no
client uses, does not. Without a trusted chain the certificate's own date is
used and a note says so.

Thresholds are time left (--warn 30d --critical 7d) or the share of the lifetime
used (--warn 66% --critical 90%). The default is lifetime-aware, because
lifetimes shrink (200 days since 2026-03-15, 100 from 2027, 47 from 2029):
automated renewal starts with about a third of the lifetime left, so a
certificate with a sixth left has missed it (a warning, at most 30 days before
the end), and one with a twentieth left is critical (at most 7 days). A 398-day
certificate warns at 30 days and is critical at 7; a 90-day one at 15 and 4.5.

--serve [ADDR:]PORT keeps running as a Prometheus exporter: it rescans every
--interval (default 1h, varied by 10%) and serves the last scan at /metrics and
/healthz; a source that fails keeps its last values and counts an error
(docs/metrics.md; alert rules in examples/prometheus/). --alert KIND=VALUE sends
alerts without Prometheus (webhook, slack, alertmanager, pagerduty; VALUE may be
env:VAR or file:PATH); with --state FILE each fires once, repeats after --repeat
and resolves when the certificate is renewed or removed.`;

export const EXPIRY_EXAMPLES = `
Examples:
  $ certgate expiry /etc/ssl/private certs/
  $ certgate expiry certs/ www.example.com api.example.com:8443 --targets edges.txt
  $ certgate expiry certs/ --warn 66% --critical 90% --at 2027-01-01
  $ certgate expiry --aws --profile prod --region us-east-1 --region eu-west-1
  $ certgate expiry --aws --probe-edges       every alias of the distributions using them, too
  $ certgate expiry certs/ --format json | jq '.results[].details | {name, daysLeft, level}'
  $ certgate expiry /etc/letsencrypt/live --format prometheus --output /var/lib/node_exporter/certgate.prom
  $ certgate expiry certs/ --aws --format html --output expiry.html
  $ certgate expiry /etc/ssl/private --targets edges.txt --serve 9793 --interval 1h
  $ certgate expiry certs/ --alert slack=env:SLACK_URL --state /var/lib/certgate/alerts.json

Exit codes: 0 nothing at or above --fail-on (default error: expired, not yet
valid, critical, unreadable file, a failing ACM renewal); 1 there is; 2 bad
usage; 3 --aws could read nothing from the account, or an --alert sink failed.
With --serve: runs until SIGINT or SIGTERM, then 0.`;
