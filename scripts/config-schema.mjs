// Writes schema/certgate-config.schema.json, the JSON Schema of .certgate.yaml, from the flags of
// `certgate check` (and of probe, in its section) as built (dist/): one key per flag, so a new flag is a config key. Run after
// adding a flag (`npm run schema`); test/config/schema.test.ts fails until the file matches.
import { mkdirSync, writeFileSync } from 'node:fs';
import { configFlags } from '../dist/cli/config-file.js';
import { buildProgram } from '../dist/cli/main.js';
import { configSchema } from '../dist/config/schema.js';

const sink = { write: () => true };
const stdin = (async function* () {})();
const program = buildProgram({ stdout: sink, stderr: sink, stdin, env: {} }, () => {});
const check = program.commands.find((c) => c.name() === 'check');
const out = new URL('../schema/certgate-config.schema.json', import.meta.url);
mkdirSync(new URL('.', out), { recursive: true });
const { flags, sections } = configFlags(check);
writeFileSync(out, `${JSON.stringify(configSchema(flags, sections), null, 2)}\n`);
console.log(`wrote ${out.pathname}`);
