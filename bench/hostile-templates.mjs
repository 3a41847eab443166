// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation `${}` substitutions, not JS templates
/**
 * Hostile-template benchmark: what a template the issue (10, items 1 and 3) names costs to read,
 * next to a linear baseline measured in the same run.
 * - nested Fn::Sub (under 1 KB; each level uses its variable eight times) and a Fn::FindInMap
 *   chain (under 3 KB; each mapping joins the one before ten times): read until the bound stops
 *   them, against a flat template of the same expressions used once each, at the same size;
 * - YAML with 100,000 keys, against the same YAML at 10,000 keys times 10.
 * Before the fix the first ran 5 minutes (3.9 GB), the second aborted out of memory, the third
 * took over a minute. Run `npm run build` first; `node bench/hostile-templates.mjs` runs it.
 */

import { pathToFileURL } from 'node:url';

/** Milliseconds per call of `fn`, the median of `runs`. */
function time(fn, runs = 5) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const ARN = 'arn:aws:acm:us-east-1:111122223333:certificate/11111111-2222-3333-4444-555555555555';
const distribution = (aliases) => ({
  Type: 'AWS::CloudFront::Distribution',
  Properties: {
    DistributionConfig: {
      Aliases: aliases,
      ViewerCertificate: { AcmCertificateArn: ARN, SslSupportMethod: 'sni-only' },
    },
  },
});

function nestedSub() {
  let expr = 'ab';
  for (let i = 0; i < 12; i++) expr = { 'Fn::Sub': ['${a}'.repeat(8), { a: expr }] };
  return JSON.stringify({ Resources: { D: distribution([expr]) } });
}

function findInMapChain() {
  const Mappings = { M0: { k: { v: 'ab' } } };
  for (let i = 1; i < 8; i++) {
    const previous = { 'Fn::FindInMap': [`M${i - 1}`, 'k', 'v'] };
    Mappings[`M${i}`] = { k: { v: { 'Fn::Join': ['', Array(10).fill(previous)] } } };
  }
  return JSON.stringify({
    Mappings,
    Resources: { D: distribution([{ 'Fn::FindInMap': ['M7', 'k', 'v'] }]) },
  });
}

/** A template of the same size whose expressions are each used once: cost linear in its text. */
function flat(size) {
  const aliases = [];
  let text = '';
  for (let i = 0; text.length < size; i++) {
    aliases.push({ 'Fn::Sub': [`\${a}.site${i}.example.com`, { a: `w${i}` }] });
    text = JSON.stringify({ Resources: { D: distribution(aliases) } });
  }
  return text;
}

function yamlKeys(n) {
  let text = 'Resources:\n';
  for (let i = 0; i < n; i++) text += `  B${i}: {Type: X}\n`;
  return text;
}

export async function run() {
  const { parseJsonDocument } = await import('../dist/sources/json-document.js');
  const { parseYamlDocument } = await import('../dist/sources/yaml-document.js');
  const { readTemplate } = await import('../dist/sources/cloudformation.js');
  const { collected } = await import('../dist/sources/fields.js');
  const read = (text) => () => {
    const out = collected();
    readTemplate(parseJsonDocument('t.json', text), { format: 'cloudformation', parameters: {} }, out);
    return out;
  };

  console.log('hostile templates: cost at the sizes of issue 10, against a linear baseline');
  const rows = [];
  for (const [name, text] of [
    ['nested Fn::Sub', nestedSub()],
    ['Fn::FindInMap chain', findInMapChain()],
  ]) {
    const codes = read(text)().findings.map((f) => f.finding.code);
    const hostile = time(read(text));
    const baseline = time(read(flat(text.length)));
    const ratio = hostile / baseline;
    rows.push({ name, bytes: text.length, hostile, baseline, ratio });
    console.log(
      `  ${name.padEnd(22)} ${String(text.length).padStart(5)} B  ${hostile.toFixed(1).padStart(7)} ms  ` +
        `flat template of that size ${baseline.toFixed(2).padStart(6)} ms  ratio ${ratio.toFixed(0)}x  ` +
        `(${codes.includes('INPUT_NOT_EXAMINED') ? 'stopped at the value bound: INPUT_NOT_EXAMINED' : 'NOT stopped'})`,
    );
  }
  console.log(
    '  (each shared sub-expression is evaluated once and the value bound, 1 MiB, stops the growth:',
  );
  console.log('   bounded, where it used to be minutes and gigabytes)');

  const big = yamlKeys(100_000);
  const small = yamlKeys(10_000);
  const full = time(() => parseYamlDocument('k.yaml', big), 3);
  const tenth = time(() => parseYamlDocument('k.yaml', small), 3);
  const ratio = full / (tenth * 10);
  rows.push({ name: 'YAML 100,000 keys', bytes: big.length, hostile: full, baseline: tenth * 10, ratio });
  console.log(
    `  YAML with 100,000 keys  ${(big.length / 1024 / 1024).toFixed(1)} MiB  ${full.toFixed(0)} ms  ` +
      `10,000 keys x 10 ${(tenth * 10).toFixed(0)} ms  ratio ${ratio.toFixed(2)}x (1.00 is linear)`,
  );
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
