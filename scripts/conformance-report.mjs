#!/usr/bin/env node
// Writes docs/conformance.md: x509-limbo pass/fail/skip per namespace for certgate (a fresh run
// of the built engine through the harness mapping) next to the recorded results of
// pyca/cryptography, OpenSSL 3.0 and GnuTLS in test/conformance/results/.
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
const exceptions = readJson('test/conformance/exceptions.json');
const pkg = readJson('package.json');
const engine = { verifyChain, readCertificates, readPemBlocks, parseIpAddress, parseReferenceName };

const NAMESPACES = ['rfc5280', 'webpki', 'online', 'pathlen', 'pathological', 'crl', 'cve', 'invalid'];
const HARNESSES = [
  ['certgate', runLimbo(engine, limbo, `certgate-${pkg.version}`)],
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
const ours = HARNESSES[0][1].results;
const divergent = ours.filter((r) => r.actual_result !== expected.get(r.id));
const exceptionRows = divergent.map((r) => {
  const reason = exceptions[r.id]?.reason ?? '**not listed in exceptions.json**';
  return `| \`${r.id}\` | ${expected.get(r.id)} | ${r.actual_result} | ${reason.replaceAll('|', '\\|')} |`;
});

const doc = `# x509-limbo conformance

certgate's path validation (\`src/pki/\`) runs the [x509-limbo](https://github.com/C2SP/x509-limbo)
suite: ${limbo.testcases.length} testcases (the vendored \`test/conformance/limbo.json\`; see its PROVENANCE.md).
Each cell is **pass / fail / skip**, where *pass* means the harness's result equals the case's
expected result. The other three columns come from the recorded results in
\`test/conformance/results/\` (upstream's example harnesses run against the same file).

| namespace | cases | ${HARNESSES.map(([n]) => n).join(' | ')} |
| --- | --- | ${HARNESSES.map(() => '---').join(' | ')} |
${rows.join('\n')}

GnuTLS's \`certtool\` has no option to set the validation time, so every case with a
\`validation_time\` (all \`online\` cases among them) fails there for that reason alone.

## How certgate runs the suite

- The harness (\`npm run --silent limbo:harness < limbo.json\`) follows the upstream harness
  protocol; it and the vitest suite (\`test/conformance/limbo.test.ts\`) share one mapping,
  \`scripts/limbo-runner.mjs\`.
- Policy: limbo ids name the profile a case tests. \`rfc5280::*\` and \`pathlen::*\` run under the
  \`rfc5280\` policy; everything else (\`webpki\`, \`online\`, \`cve\`, \`pathological\`, \`crl\`,
  \`invalid\`) under the default \`webpki\` policy. The three case pairs limbo marks as conflicting
  (\`ca-as-leaf\`, \`eku::ee-without-eku\`, \`nc::permitted-dns-match-noncritical\`) are exactly the
  differences between the two policies.
- \`max_chain_depth\` N becomes \`maxDepth\` N + 2 (limbo counts intermediates); self-issued
  intermediates do not count (RFC 5280 §6.1.4 (l)). \`key_usage\` becomes \`requiredKeyUsages\`;
  \`crls\` are checked (RFC 5280 §6.3). For \`CLIENT\` cases the RFC822 peer names must be rfc822Name
  SANs of the leaf; name constraints on email addresses apply as usual.
- No case is skipped.

## Divergences (test/conformance/exceptions.json)

| testcase | expected | certgate | reason |
| --- | --- | --- | --- |
${exceptionRows.join('\n')}

\`webpki::san::public-suffix-private-namespace-wildcard-san\` passes, but not for the reason the
case names: certgate honours \`*.s3.amazonaws.com\` (only the ICANN section of the Public Suffix
List blocks wildcards, as in Chromium, because Amazon's own certificate carries that name) and
rejects the leaf because its subject CN is not one of its SANs (CA/B BR §7.1.4.3).

## Regenerate

\`\`\`sh
npm run build && node scripts/conformance-report.mjs
\`\`\`
`;

writeFileSync(new URL('docs/conformance.md', root), doc);
console.log(`wrote docs/conformance.md (${divergent.length} divergences)`);
