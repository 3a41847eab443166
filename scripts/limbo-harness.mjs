#!/usr/bin/env node
// x509-limbo harness (the upstream harness protocol): reads a limbo JSON document on stdin and
// writes a LimboResult JSON on stdout, every case validated under one policy. Runs the built
// engine: `npm run build` first.
//
//   npm run --silent limbo:harness < test/conformance/limbo.json > result.json
//   npm run --silent limbo:harness -- --policy cabf < test/conformance/limbo.json
//   npm run --silent limbo:harness -- --policy rfc5280 --settings pkits.settings.json < pkits.limbo.json
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseIpAddress, parseReferenceName } from '../dist/names/index.js';
import { verifyChain } from '../dist/pki/index.js';
import { readCertificates, readPemBlocks } from '../dist/x509/index.js';
import { POLICY_NAMES, runLimbo } from './limbo-runner.mjs';

const fail = (message) => {
  process.stderr.write(`limbo-harness: error: ${message}\n`);
  process.exit(2);
};

let args;
try {
  args = parseArgs({
    options: { policy: { type: 'string', default: 'client' }, settings: { type: 'string' } },
  }).values;
} catch (err) {
  fail(
    `${err.message}; usage: limbo-harness [--policy ${POLICY_NAMES.join('|')}] [--settings FILE] < limbo.json`,
  );
}
if (!POLICY_NAMES.includes(args.policy)) fail(`--policy ${args.policy}: expected ${POLICY_NAMES.join(', ')}`);

let settings;
if (args.settings !== undefined) {
  try {
    settings = JSON.parse(readFileSync(args.settings, 'utf8'));
  } catch (err) {
    fail(`--settings ${args.settings}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
  }
}

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const engine = { verifyChain, readCertificates, readPemBlocks, parseIpAddress, parseReferenceName };

let limbo;
try {
  limbo = JSON.parse(readFileSync(0, 'utf8'));
  if (!Array.isArray(limbo?.testcases)) throw new Error('no testcases array');
} catch (err) {
  fail(`standard input is not a limbo document: ${err.message}`);
}
// `| head` closes the pipe early: stop quietly, as Unix tools do
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const out = runLimbo(engine, limbo, `certgate-${pkg.version}-${args.policy}`, {
  policy: args.policy,
  ...(settings ? { settings } : {}),
});
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
