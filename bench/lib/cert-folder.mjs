// Shared by the expiry benchmarks: a folder of N certificate files as a fleet's fullchain.pem
// files are (a leaf and its intermediate each, a thousand files per sub-folder) and the root that
// validates them. (bench/run.mjs runs only the files directly in bench/, not this folder.)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeChains } from '../verify.mjs';

/** DER → PEM. */
export const pem = (der) =>
  `-----BEGIN CERTIFICATE-----\n${Buffer.from(der)
    .toString('base64')
    .match(/.{1,64}/g)
    .join('\n')}\n-----END CERTIFICATE-----\n`;

/** Writes `count` chain files under `dir/certs` and the root to `dir/root.pem`; gives both paths. */
export function writeCertificateFolder(dir, count) {
  const { root, inter, leaves } = makeChains(count);
  const certs = join(dir, 'certs');
  const interPem = pem(inter);
  leaves.forEach((leaf, i) => {
    const sub = join(certs, `d${Math.floor(i / 1000)}`);
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `host${i}.pem`), pem(leaf.der) + interPem);
  });
  const rootFile = join(dir, 'root.pem');
  writeFileSync(rootFile, pem(root));
  return { certs, rootFile };
}
