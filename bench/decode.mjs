/**
 * Decode benchmark: certgate's `decodeCertificate` vs Node's `new crypto.X509Certificate()` on the
 * same DER inputs (every root in `tls.rootCertificates` plus a typical leaf made with openssl),
 * in the same process, after warm-up. Run `npm run build` first; `node bench/decode.mjs` runs it.
 */

import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { pathToFileURL } from 'node:url';

const pemToDer = (pem) =>
  new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));

/** A leaf like a public CA issues (P-256, SANs, KU, EKU, AIA, CRL DP, policies), or undefined without openssl. */
function opensslLeaf() {
  const dir = mkdtempSync(join(tmpdir(), 'certgate-bench-'));
  try {
    const conf = join(dir, 'leaf.cnf');
    writeFileSync(
      conf,
      [
        '[req]',
        'distinguished_name=dn',
        'x509_extensions=ext',
        'prompt=no',
        '[dn]',
        'CN=www.example.com',
        '[ext]',
        'subjectAltName=DNS:www.example.com,DNS:example.com,DNS:*.static.example.com',
        'keyUsage=critical,digitalSignature',
        'extendedKeyUsage=serverAuth,clientAuth',
        'basicConstraints=critical,CA:FALSE',
        'subjectKeyIdentifier=hash',
        'authorityKeyIdentifier=keyid',
        'authorityInfoAccess=OCSP;URI:http://ocsp.example.net,caIssuers;URI:http://ca.example.net/ca.crt',
        'crlDistributionPoints=URI:http://crl.example.net/ca.crl',
        'certificatePolicies=2.23.140.1.2.1',
      ].join('\n'),
    );
    const key = join(dir, 'key.pem');
    const out = join(dir, 'leaf.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        key,
        '-out',
        out,
        '-days',
        '90',
        '-config',
        conf,
      ],
      { stdio: 'ignore' },
    );
    return pemToDer(readFileSync(out, 'utf8'));
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `fn` over every input until `ms` have passed; returns decodes per second. */
function measure(inputs, fn, ms) {
  let count = 0;
  const start = process.hrtime.bigint();
  const limit = BigInt(ms) * 1_000_000n;
  let elapsed = 0n;
  do {
    for (const der of inputs) fn(der);
    count += inputs.length;
    elapsed = process.hrtime.bigint() - start;
  } while (elapsed < limit);
  return (count * 1e9) / Number(elapsed);
}

/**
 * Benchmarks decoding and prints ops/s for certgate and X509Certificate, and their ratio.
 * @returns {Promise<{ inputs: number, certgate: number, x509Certificate: number, ratio: number }>}
 */
export async function run({ ms = 2000 } = {}) {
  const { decodeCertificate } = await import('../dist/x509/index.js');
  const leaf = opensslLeaf();
  const inputs = [...rootCertificates.map(pemToDer), ...(leaf ? [leaf] : [])];
  const ours = (der) => decodeCertificate(der);
  const node = (der) => new X509Certificate(der);
  // warm-up: let both paths reach their optimised state
  measure(inputs, ours, 500);
  measure(inputs, node, 500);
  const x509Certificate = measure(inputs, node, ms);
  const certgate = measure(inputs, ours, ms);
  const ratio = certgate / x509Certificate;
  const fmt = (n) => Math.round(n).toLocaleString('en-US').padStart(10);
  console.log(
    `decode: ${inputs.length} certificates (${rootCertificates.length} roots${leaf ? ' + 1 openssl leaf' : ''})`,
  );
  console.log(`  certgate decodeCertificate   ${fmt(certgate)} ops/s`);
  console.log(`  node new X509Certificate     ${fmt(x509Certificate)} ops/s`);
  console.log(`  ratio certgate / node        ${ratio.toFixed(2)}x`);
  return { inputs: inputs.length, certgate, x509Certificate, ratio };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
