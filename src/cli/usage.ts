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
that follow it (and any --untrusted ones) to a trust anchor: the Mozilla roots bundled with
Node.js, or the roots given with --roots. Then validates it under RFC 5280 and the policy
(webpki: what browsers enforce; rfc5280: RFC 5280 as written) and checks --host or --ip
against the leaf's subjectAltName (RFC 6125 / RFC 9525).

The output walks the flow: the path, each certificate's checks (validity, profile, key,
CA-ness, key usage, extended key usage, signature, path length, name constraints), and the
name. It names the step that failed and prints the finding with the error texts OpenSSL,
Node.js, curl, browsers, Java and Go show for it, and the fix.`;

export const VERIFY_EXAMPLES = `
Examples:
  $ certgate verify examples/certs/fullchain.pem --roots examples/certs/root.pem --host www.example.com
  $ certgate verify fullchain.pem --host api.example.com        Mozilla roots, like Node and curl
  $ certgate verify cert.pem --untrusted chain.pem --host example.com
                                                   leaf and intermediates in separate files
  $ certgate verify fullchain.pem --add-roots corp-root.pem --host intranet.corp.example
  $ certgate verify server.pem --ip 192.0.2.10 --at 2027-01-01  as it will be on that day
  $ certgate verify fullchain.pem --host www.example.com --format json | jq '.results[0].details.steps'

Exit codes: 0 the chain is valid (for the name, when one is given); 1 it is not (a finding at or
above --fail-on); 2 bad usage (--host with --ip, a bad name or address) or a file that is missing
or not a certificate.`;
