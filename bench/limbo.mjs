// x509-limbo as a whole through the built engine, as the harness runs it. Target:
// the whole suite in under 5 seconds. The baseline beside it is Node's own X509Certificate parse
// of every certificate in the suite, to show what share of the time is decoding.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseIpAddress, parseReferenceName } from '../dist/names/index.js';
import { verifyChain } from '../dist/pki/index.js';
import { readCertificates, readPemBlocks } from '../dist/x509/index.js';
import { runLimbo } from '../scripts/limbo-runner.mjs';

export async function run() {
  const limbo = JSON.parse(readFileSync(new URL('../test/conformance/limbo.json', import.meta.url), 'utf8'));
  const engine = { verifyChain, readCertificates, readPemBlocks, parseIpAddress, parseReferenceName };
  const start = performance.now();
  const out = runLimbo(engine, limbo, 'bench');
  const ms = performance.now() - start;
  const expected = new Map(limbo.testcases.map((t) => [t.id, t.expected_result]));
  const passed = out.results.filter((r) => r.actual_result === expected.get(r.id)).length;

  const pems = limbo.testcases.flatMap((t) => [
    t.peer_certificate,
    ...t.trusted_certs,
    ...t.untrusted_intermediates,
  ]);
  const nodeStart = performance.now();
  let parsed = 0;
  for (const pem of pems) {
    try {
      new X509Certificate(pem);
      parsed++;
    } catch {
      // malformed on purpose: limbo has a few
    }
  }
  const nodeMs = performance.now() - nodeStart;
  console.log(
    `x509-limbo: ${limbo.testcases.length} cases in ${ms.toFixed(0)} ms (target < 5000 ms), ${passed} as expected`,
  );
  console.log(
    `node X509Certificate parse of its ${pems.length} certificates (${parsed} parse): ${nodeMs.toFixed(0)} ms`,
  );
  console.log(`ratio whole suite / node parse only: ${(ms / nodeMs).toFixed(2)}x`);
}
