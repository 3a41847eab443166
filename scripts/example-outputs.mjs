#!/usr/bin/env node
// Runs the built CLI over every input in examples/ (each command, each output format, the help
// texts and a few bad inputs) and writes what each run printed and its exit code into one folder,
// a file per run. Run it before and after a change that must not change behaviour, then compare:
//
//   npm run build && node scripts/example-outputs.mjs /tmp/before
//   ...change...
//   npm run build && node scripts/example-outputs.mjs /tmp/after && diff -r /tmp/before /tmp/after
//
// Every run pins the clock (--at) and the colour (NO_COLOR, or FORCE_COLOR for the coloured
// variants), so two runs of the same code print the same bytes.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: node scripts/example-outputs.mjs OUT-DIR\n');
  process.exit(2);
}

const AT = '2027-01-20T00:00:00Z';
const CERTS = 'examples/certs';
const CF = 'examples/cloudfront';
const certFiles = readdirSync(join(root, CERTS))
  .filter((f) => !f.endsWith('.sh'))
  .map((f) => `${CERTS}/${f}`);
const cfFiles = readdirSync(join(root, CF))
  .filter((f) => f !== 'README.md')
  .map((f) => `${CF}/${f}`);
const IMPORTED_ARN = 'arn:aws:acm:us-east-1:111122223333:certificate/0d2e4f6a-8b0c-4d1e-a3f5-b7c9d1e3f5a7';

/** @type {[name: string, args: string[], env?: Record<string, string>, stdin?: string][]} */
const runs = [];
const add = (name, args, env, stdin) => runs.push([name, args, env, stdin]);

// Help and version.
add('help', ['--help']);
add('version', ['--version']);
for (const c of ['inspect', 'verify', 'explain', 'check', 'probe']) add(`help-${c}`, [c, '--help']);
add('unknown-command', ['frobnicate']);

// inspect: every certificate file, text (plain and coloured) and JSON.
for (const f of certFiles) {
  const base = f.split('/').pop();
  add(`inspect-${base}`, ['inspect', f, '--at', AT]);
  add(`inspect-${base}-json`, ['inspect', f, '--at', AT, '--format', 'json']);
  add(`inspect-${base}-color`, ['inspect', f, '--at', AT], { FORCE_COLOR: '1' });
}
add('inspect-all-warn', ['inspect', ...certFiles, '--at', AT, '--warn-days', '900', '--fail-on', 'warning']);
add('inspect-stdin', ['inspect', '-', '--at', AT], {}, 'not a certificate\n');
add('inspect-missing', ['inspect', 'no-such-file.pem']);

// verify: every certificate file as a chain, against the example root and the Mozilla roots.
for (const f of certFiles) {
  const base = f.split('/').pop();
  const common = ['verify', f, '--at', AT];
  add(`verify-${base}`, common);
  add(`verify-${base}-roots`, [...common, '--roots', `${CERTS}/root.pem`, '--host', 'www.example.com']);
  add(`verify-${base}-roots-json`, [
    ...common,
    '--roots',
    `${CERTS}/root.pem`,
    '--host',
    'www.example.com',
    '--format',
    'json',
  ]);
  add(`verify-${base}-color`, [...common, '--roots', `${CERTS}/root.pem`, '--host', 'nope.example.org'], {
    FORCE_COLOR: '1',
  });
}
const ROOTS = ['--roots', `${CERTS}/root.pem`, '--at', AT];
add('verify-ip', ['verify', `${CERTS}/fullchain.pem`, ...ROOTS, '--ip', '192.0.2.1']);
add('verify-client', ['verify', `${CERTS}/client-auth-chain.pem`, ...ROOTS, '--purpose', 'client']);
add('verify-rfc5280', ['verify', `${CERTS}/no-san.pem`, ...ROOTS, '--policy', 'rfc5280']);
add('verify-bad-host', ['verify', `${CERTS}/fullchain.pem`, '--host', 'a..b']);
add('verify-host-and-ip', ['verify', `${CERTS}/fullchain.pem`, '--host', 'a.example', '--ip', '192.0.2.1']);
add('verify-bad-crl', ['verify', `${CERTS}/fullchain.pem`, '--crl', `${CERTS}/fullchain.pem`]);

// check: every CloudFront input alone, and the README's combinations, in every format.
for (const f of cfFiles) {
  const base = f.split('/').pop();
  for (const format of ['text', 'json', 'sarif', 'junit']) {
    add(`check-${base}-${format}`, ['check', f, '--at', AT, '--format', format]);
  }
}
const checkCombos = {
  'gdc-cert': [`${CF}/get-distribution-config.json`, '--cert', `${CF}/acm-certificate.json`],
  'two-certs': [
    `${CF}/bad-region.json`,
    `${CF}/alias-not-covered.json`,
    '--cert',
    `${CF}/acm-certificate.json`,
    '--cert',
    `${CF}/acm-certificate-example-net.json`,
  ],
  'list-cert': [`${CF}/list-distributions.json`, '--cert', `${CF}/acm-certificate.json`],
  'yaml-region': [`${CF}/template.yaml`, '--region', 'us-east-1'],
  'yaml-eu': [`${CF}/template.yaml`, '--region', 'eu-west-1'],
  'json-stage': [`${CF}/template.json`, '--cert', `${CF}/acm-certificate.json`, '--parameter', 'Stage=dev'],
  'unresolved-param': [`${CF}/template-unresolved.yaml`, '--parameter', 'SiteName=shop'],
  'plans-together': [`${CF}/plan.json`, `${CF}/plan-bad-region.json`],
  'imported-roots': [
    `${CF}/imported-chain.json`,
    '--roots',
    `${CERTS}/root.pem`,
    '--cert',
    `${IMPORTED_ARN}=${CERTS}/fullchain.pem`,
  ],
  'imported-untrusted': [`${CF}/imported-chain.json`, '--cert', `${IMPORTED_ARN}=${CERTS}/fullchain.pem`],
  'imported-expired': [`${CF}/imported-chain.json`, '--cert', `${IMPORTED_ARN}=${CERTS}/expired-chain.pem`],
  everything: [...cfFiles, '--cert', `${CF}/acm-certificate.json`, '--warn-days', '3000'],
};
for (const [name, args] of Object.entries(checkCombos)) {
  for (const format of ['text', 'json', 'sarif', 'junit']) {
    add(`check-${name}-${format}`, ['check', ...args, '--at', AT, '--format', format]);
  }
  add(`check-${name}-color`, ['check', ...args, '--at', AT], { FORCE_COLOR: '1' });
}
add('check-missing', ['check', 'no-such-file.json']);
add('check-not-json', ['check', `${CERTS}/root.pem`, '--at', AT]);
add('check-bad-cert', ['check', `${CF}/get-distribution-config.json`, '--cert', 'nope=missing.pem']);
add('check-bad-param', ['check', `${CF}/template.json`, '--parameter', 'novalue']);

// explain: codes and pasted messages as people paste them.
const pasted = [
  'InvalidViewerCertificate',
  'CNAMEAlreadyExists',
  'unable to get local issuer certificate',
  "Hostname/IP does not match certificate's altnames: Host: www.example.com. is not in the cert's altnames: DNS:example.com",
  'NET::ERR_CERT_COMMON_NAME_INVALID',
  'x509: certificate signed by unknown authority',
  'PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
  "An error occurred (InvalidViewerCertificate) when calling the CreateDistribution operation: The specified SSL certificate doesn't exist, isn't in us-east-1 region, isn't valid, or doesn't include a valid certificate chain.",
  'CF_ALIAS_NOT_COVERED',
  'PATH_UNKNOWN_ISSUER',
  'certificate has expired',
  'nothing anyone would recognise here',
];
pasted.forEach((text, i) => {
  add(`explain-${i}`, ['explain', text]);
  add(`explain-${i}-json`, ['explain', text, '--format', 'json']);
});
add('explain-color', ['explain', pasted[3]], { FORCE_COLOR: '1' });
add('explain-list', ['explain', '--list']);
add('explain-stdin', ['explain', '-'], {}, `${pasted[2]}\n`);

// probe: offline cases only (a refused loopback port; arguments it must refuse).
add('probe-refused-json-codes', ['probe', '127.0.0.1:1', '--timeout', '2000', '--format', 'json']);
add('probe-bad-target', ['probe', 'http://']);
add('probe-bad-resolve', ['probe', 'a.example', '--resolve', 'nonsense']);
add('probe-from-wildcard', [
  'probe',
  '--from',
  `${CF}/get-distribution-config.json`,
  '--resolve',
  '*:1:127.0.0.1',
  '--timeout',
  '2000',
  '--format',
  'json',
]);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const bin = join(root, 'bin/certgate.js');
for (const [name, args, env = {}, stdin] of runs) {
  const colour = env.FORCE_COLOR ? {} : { NO_COLOR: '1' };
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, TZ: 'UTC', LANG: 'C', ...colour, ...env },
    input: stdin ?? '',
    encoding: 'utf8',
  });
  // Timings and ephemeral details of live runs are not behaviour: mask durations in milliseconds.
  const mask = (s) =>
    name.startsWith('probe') ? s.replace(/"(\w*[mM]s|durationMs|elapsedMs)": [\d.]+/g, '"$1": 0') : s;
  writeFileSync(
    join(out, `${name}.txt`),
    `$ certgate ${args.join(' ')}\nexit ${r.status}\n--- stdout\n${mask(r.stdout)}--- stderr\n${mask(r.stderr)}`,
  );
}
process.stdout.write(`${runs.length} runs written to ${out}\n`);
