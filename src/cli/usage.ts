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
