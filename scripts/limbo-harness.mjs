#!/usr/bin/env node
// x509-limbo harness (the upstream harness protocol): reads a limbo JSON document on stdin and
// writes a LimboResult JSON on stdout. Runs the built engine: `npm run build` first.
//
//   npm run --silent limbo:harness < test/conformance/limbo.json > result.json
import { readFileSync } from 'node:fs';
import { parseIpAddress, parseReferenceName } from '../dist/names/index.js';
import { verifyChain } from '../dist/pki/index.js';
import { readCertificates, readPemBlocks } from '../dist/x509/index.js';
import { runLimbo } from './limbo-runner.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const engine = { verifyChain, readCertificates, readPemBlocks, parseIpAddress, parseReferenceName };

let limbo;
try {
  limbo = JSON.parse(readFileSync(0, 'utf8'));
  if (!Array.isArray(limbo?.testcases)) throw new Error('no testcases array');
} catch (err) {
  process.stderr.write(`limbo-harness: error: standard input is not a limbo document: ${err.message}\n`);
  process.exit(2);
}
const out = runLimbo(engine, limbo, `certgate-${pkg.version}`);
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
