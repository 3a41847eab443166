// Start-up: `certgate --version` against bare `node -e ""`, both spawned the same way, alternating
// so machine noise hits both alike. Target: under 150 ms, near bare Node.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/certgate.js', import.meta.url));

function time(args, { env, status = 0 } = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore', ...(env ? { env } : {}) });
  if (r.status !== status) throw new Error(`${args.join(' ')} exited ${r.status}`);
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
  // live mode's own cost (loading the SDK), against an endpoint where nothing listens: exit 3
  const example = fileURLToPath(
    new URL('../examples/cloudfront/get-distribution-config.json', import.meta.url),
  );
  const nowhere = {
    PATH: process.env.PATH,
    AWS_ENDPOINT_URL_ACM: 'http://127.0.0.1:9',
    AWS_ENDPOINT_URL_CLOUDFRONT: 'http://127.0.0.1:9',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_MAX_ATTEMPTS: '1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
  const offline = [];
  const live = [];
  for (let i = 0; i < Math.ceil(rounds / 3); i++) {
    offline.push(time([bin, 'check', example], { status: 0 }));
    live.push(time([bin, 'check', example, '--aws'], { env: nowhere, status: 3 }));
  }
  const b = median(bare);
  const c = median(cli);
  console.log(`node -e ""            median ${b.toFixed(1)} ms`);
  console.log(`certgate --version    median ${c.toFixed(1)} ms  (target < 150 ms)`);
  console.log(`ratio certgate/bare   ${(c / b).toFixed(2)}x   overhead ${(c - b).toFixed(1)} ms`);
  const o = median(offline);
  const l = median(live);
  console.log(`check (offline)       median ${o.toFixed(1)} ms`);
  console.log(
    `check --aws           median ${l.toFixed(1)} ms  (+${(l - o).toFixed(1)} ms: the SDK, loaded only in live mode)`,
  );
}
