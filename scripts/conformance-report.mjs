#!/usr/bin/env node
// Writes docs/conformance.md: x509-limbo pass/fail/skip per namespace for certgate under each
// policy (fresh runs of the built engine through the harness mapping, one policy per run) next
// to the recorded results of pyca/cryptography, OpenSSL 3.0 and GnuTLS in
// test/conformance/results/, every divergence of the client and cabf runs with its reason, and
// NIST PKITS under rfc5280 with each case's settings, by section.
//
//   npm run build && node scripts/conformance-report.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { parseIpAddress, parseReferenceName } from '../dist/names/index.js';
import { verifyChain } from '../dist/pki/index.js';
import { readCertificates, readPemBlocks } from '../dist/x509/index.js';
import { runLimbo } from './limbo-runner.mjs';

const root = new URL('../', import.meta.url);
const readJson = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const limbo = readJson('test/conformance/limbo.json');
const exceptions = {
  client: readJson('test/conformance/exceptions.client.json'),
  cabf: readJson('test/conformance/exceptions.cabf.json'),
};
const pkg = readJson('package.json');
const engine = { verifyChain, readCertificates, readPemBlocks, parseIpAddress, parseReferenceName };

const NAMESPACES = ['rfc5280', 'webpki', 'online', 'pathlen', 'pathological', 'crl', 'cve', 'invalid'];
const runs = Object.fromEntries(
  ['client', 'cabf', 'rfc5280'].map((policy) => [
    policy,
    runLimbo(engine, limbo, `certgate-${pkg.version}-${policy}`, { policy }),
  ]),
);
const HARNESSES = [
  ['certgate client', runs.client],
  ['certgate cabf', runs.cabf],
  ['certgate rfc5280', runs.rfc5280],
  ['pyca/cryptography 48.0.0', readJson('test/conformance/results/pyca-cryptography-48.0.0.json')],
  ['OpenSSL 3.0.19', readJson('test/conformance/results/openssl-3.0.19.json')],
  ['GnuTLS 3.7.9', readJson('test/conformance/results/gnutls-certtool-3.7.9.json')],
];

const expected = new Map(limbo.testcases.map((t) => [t.id, t.expected_result]));
const namespaceOf = (id) => id.split('::')[0];

function tally(result) {
  const counts = new Map([...NAMESPACES, 'total'].map((ns) => [ns, { pass: 0, fail: 0, skip: 0 }]));
  for (const r of result.results) {
    const key =
      r.actual_result === 'SKIPPED' ? 'skip' : r.actual_result === expected.get(r.id) ? 'pass' : 'fail';
    counts.get(namespaceOf(r.id))[key]++;
    counts.get('total')[key]++;
  }
  return counts;
}

const tallies = HARNESSES.map(([name, result]) => [name, tally(result)]);
const cell = (c) => `${c.pass} / ${c.fail} / ${c.skip}`;
const cases = (ns) => limbo.testcases.filter((t) => ns === 'total' || namespaceOf(t.id) === ns).length;
const rows = [...NAMESPACES, 'total'].map(
  (ns) =>
    `| ${ns === 'total' ? '**total**' : `\`${ns}\``} | ${cases(ns)} | ${tallies.map(([, t]) => cell(t.get(ns))).join(' | ')} |`,
);
/** The divergence table of one policy's run, with the reasons its exceptions file gives. */
function divergences(policy) {
  const rows = runs[policy].results
    .filter((r) => r.actual_result !== expected.get(r.id))
    .map((r) => {
      const reason = exceptions[policy][r.id]?.reason ?? '**not listed**';
      return `| \`${r.id}\` | ${expected.get(r.id)} | ${r.actual_result} | ${reason.replaceAll('|', '\\|')} |`;
    });
  return { count: rows.length, table: rows.join('\n') };
}
const client = divergences('client');
const cabf = divergences('cabf');

// NIST PKITS under rfc5280, each case with its own settings, tallied by PKITS section
const pkits = readJson('test/conformance/pkits/pkits.limbo.json');
const pkitsSettings = readJson('test/conformance/pkits/pkits.settings.json');
const pkitsExceptions = readJson('test/conformance/exceptions.pkits.json');
const pkitsRun = runLimbo(engine, pkits, `certgate-${pkg.version}-rfc5280`, {
  policy: 'rfc5280',
  settings: pkitsSettings,
});
const pkitsExpected = new Map(pkits.testcases.map((t) => [t.id, t.expected_result]));
const sections = new Map();
for (const r of pkitsRun.results) {
  const { source, category } = pkitsSettings[r.id];
  const section = source.split(' ')[0].split('.').slice(0, 2).join('.');
  const row = sections.get(section) ?? { category, cases: 0, pass: 0 };
  row.cases++;
  if (r.actual_result === pkitsExpected.get(r.id)) row.pass++;
  sections.set(section, row);
}
const pkitsPassed = [...sections.values()].reduce((n, row) => n + row.pass, 0);
const pkitsRows = [...sections]
  .sort(([a], [b]) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
  .map(([section, row]) => `| ${section} | ${row.category} | ${row.cases} | ${row.pass} |`);
const pkitsDivergences = pkitsRun.results
  .filter((r) => r.actual_result !== pkitsExpected.get(r.id))
  .map((r) => {
    const reason = pkitsExceptions[r.id]?.reason ?? '**not listed**';
    return `| ${pkitsSettings[r.id].source} | ${pkitsExpected.get(r.id)} | ${r.actual_result} | ${reason.replaceAll('|', '\\|')} |`;
  });

const doc = `# Path validation conformance: x509-limbo and NIST PKITS

certgate's path validation (\`src/pki/\`) runs the [x509-limbo](https://github.com/C2SP/x509-limbo)
suite: ${limbo.testcases.length} testcases (the vendored \`test/conformance/limbo.json\`; see its PROVENANCE.md).
Each cell is **pass / fail / skip**, where *pass* means the harness's result equals the case's
expected result. certgate runs once per policy, every case under it; the other three columns
come from the recorded results in \`test/conformance/results/\` (upstream's example harnesses
run against the same file).

| namespace | cases | ${HARNESSES.map(([n]) => n).join(' | ')} |
| --- | --- | ${HARNESSES.map(() => '---').join(' | ')} |
${rows.join('\n')}

GnuTLS's \`certtool\` has no option to set the validation time, so every case with a
\`validation_time\` (all \`online\` cases among them) fails there for that reason alone.

## How certgate runs the suite

- The harness (\`npm run --silent limbo:harness -- --policy client < limbo.json\`) follows the
  upstream harness protocol and validates every case under the one policy it is given
  (\`client\` by default), as upstream harnesses run one configuration for the whole suite. It
  and the vitest suite (\`test/conformance/limbo.test.ts\`, which runs \`client\` and \`cabf\`)
  share one mapping, \`scripts/limbo-runner.mjs\`.
- \`max_chain_depth\` N becomes \`maxDepth\` N + 2 (limbo counts intermediates); self-issued
  intermediates do not count (RFC 5280 §6.1.4 (l)). \`key_usage\` becomes \`requiredKeyUsages\`;
  \`crls\` are checked (RFC 5280 §6.3). For \`CLIENT\` cases the RFC822 peer names must be rfc822Name
  SANs of the leaf; name constraints on email addresses apply as usual.
- No case is skipped.

## What the scores mean

limbo's expected results follow two profiles: its \`webpki\` namespace expects the CA/Browser
Forum profile (a leaf whose CN is not among its SANs must fail), its \`rfc5280\` namespace
expects RFC 5280 (a CA certificate may be the leaf). No single policy can meet both, so each
policy diverges from the namespace it does not stand for:

- \`client\` answers *will TLS clients accept this chain?* Chrome and OpenSSL accept chains that
  break issuance rules (the CN among the SANs, extKeyUsage present, serial number length,
  extension criticality), so the client policy passes them and reports each broken rule as a
  \`PATH_PROFILE_*\` warning; limbo expects a failure there. Its ${client.count} divergences are
  those, plus two leaves whose key usage OpenSSL refuses for TLS.
- \`cabf\` answers *would a public CA issue this chain?* It fails RFC 5280 cases whose leaves break
  the Baseline Requirements (${cabf.count} divergences). Roots the caller supplies (as limbo's
  are) meet the BR root profile (§7.1.2.1); roots of a root program's store (Node's Mozilla
  bundle, \`--roots system\`) meet a relaxed table instead, because some predate the profile and
  their program accepted them.
- \`rfc5280\` answers *is this path valid by RFC 5280 §6 as written?* and is held to NIST PKITS
  (below). What §4 asks of issuers (extension criticality, serial numbers, AKI and SKI presence)
  is not part of §6 path validation, so it is reported as \`PATH_PROFILE_*\` warnings and the
  chain passes; limbo's \`rfc5280\` namespace expects many of those rules to fail the chain
  (PKITS, whose CAs carry non-critical policyConstraints, expects the opposite), so its limbo
  score is shown for comparison only.

## NIST PKITS under \`rfc5280\`

[NIST PKITS](https://csrc.nist.gov/projects/pki-testing) 1.0.1 is the RFC 5280 path validation
suite: ${pkits.testcases.length} cases, subparts counted (the vendored
\`test/conformance/pkits/\`; see its PROVENANCE.md). Every case runs under \`rfc5280\` with its own
user-initial settings (initial policy set, explicit policy, inhibit policy mapping and
anyPolicy), through the same harness:
\`npm run --silent limbo:harness -- --policy rfc5280 --settings pkits.settings.json < pkits.limbo.json\`.
CRLs are checked for every certificate of the path (\`--crl-check all\`), as PKITS expects.
certgate passes **${pkitsPassed} of ${pkits.testcases.length}**; \`test/conformance/pkits.test.ts\` holds it there.

| section | what | cases | pass |
| --- | --- | --- | --- |
${pkitsRows.join('\n')}

${
  pkitsDivergences.length === 0
    ? 'No divergences: `test/conformance/exceptions.pkits.json` is empty. (BoringSSL, where the vectors come from, lists four: DSA parameter inheritance, 4.1.4 and 4.1.5, and two URI name constraints, 4.13.34 and 4.13.36; certgate passes all four.)'
    : `| case | expected | certgate | reason |\n| --- | --- | --- | --- |\n${pkitsDivergences.join('\n')}`
}

## Divergences under \`client\` (test/conformance/exceptions.client.json)

| testcase | expected | certgate | reason |
| --- | --- | --- | --- |
${client.table}

## Divergences under \`cabf\` (test/conformance/exceptions.cabf.json)

| testcase | expected | certgate | reason |
| --- | --- | --- | --- |
${cabf.table}

## Regenerate

\`\`\`sh
npm run build && node scripts/conformance-report.mjs
\`\`\`
`;

writeFileSync(new URL('docs/conformance.md', root), doc);
console.log(
  `wrote docs/conformance.md (client ${client.count}, cabf ${cabf.count} divergences; PKITS ${pkitsPassed}/${pkits.testcases.length})`,
);
