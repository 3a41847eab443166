// Start-up: `certgate --version` against bare `node -e ""`, both spawned the same way, alternating
// so machine noise hits both alike. Target: under 150 ms, near bare Node.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/certgate.js', import.meta.url));

function time(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(rounds = 21) {
  const bare = [];
  const cli = [];
  time(['-e', '']);
  time([bin, '--version']);
  for (let i = 0; i < rounds; i++) {
    bare.push(time(['-e', '']));
    cli.push(time([bin, '--version']));
  }
  const b = median(bare);
  const c = median(cli);
  console.log(`node -e ""            median ${b.toFixed(1)} ms`);
  console.log(`certgate --version    median ${c.toFixed(1)} ms  (target < 150 ms)`);
  console.log(`ratio certgate/bare   ${(c / b).toFixed(2)}x   overhead ${(c - b).toFixed(1)} ms`);
}
