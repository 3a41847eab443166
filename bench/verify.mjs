// Chain validation throughput: certgate's engine (`verifyChain`, and the library `verify` when it
// is built) against Node's own X509Certificate path, in the same process, on the same chains:
// an RSA-2048 root and intermediate and N distinct P-256 leaves signed by the intermediate (so a
// leaf costs one RSA-2048 verify). Each leaf is decoded from DER inside the timed loop.
//
// Targets: >= 10,000 chains/s on one core, or >= 5x Node's path, for the engine; for the
// library given PEM strings on every call (as a script or a Lambda calls it), >= 15,000
// chains/s and >= 10x Node's path on the same PEMs. OpenSSL's RSA-2048 verify (~30,000/s/core)
// is the ceiling. Run: npm run bench -- verify
import { createHash, generateKeyPairSync, sign, X509Certificate } from 'node:crypto';
import { performance } from 'node:perf_hooks';

const N = Number(process.env.BENCH_CHAINS ?? 2000);
const AT = new Date('2025-06-01T00:00:00Z');

// --- a tiny DER writer (X.690), enough for the three certificate shapes
const len = (n) => (n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff]);
const tlv = (tag, ...parts) => {
  const body = Buffer.concat(parts.map((p) => Buffer.from(p)));
  return Buffer.concat([Buffer.from([tag, ...len(body.length)]), body]);
};
const seq = (...p) => tlv(0x30, ...p);
const oid = (dotted) => {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [40 * a + b];
  for (const arc of rest) {
    const bytes = [arc & 0x7f];
    for (let v = arc >> 7; v > 0; v >>= 7) bytes.unshift((v & 0x7f) | 0x80);
    out.push(...bytes);
  }
  return tlv(0x06, Buffer.from(out));
};
const int = (n) => {
  const bytes = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  if (bytes.length === 0 || bytes[0] >= 0x80) bytes.unshift(0);
  return tlv(0x02, Buffer.from(bytes));
};
const utf8 = (s) => tlv(0x0c, Buffer.from(s));
const name = (cn) => seq(tlv(0x31, seq(oid('2.5.4.3'), utf8(cn))));
const utc = (d) => tlv(0x17, Buffer.from(`${d.toISOString().slice(2, 19).replace(/[-T:]/g, '')}Z`));
const ext = (id, critical, value) =>
  seq(oid(id), ...(critical ? [Buffer.from([1, 1, 0xff])] : []), tlv(0x04, value));
const SHA256_RSA = seq(oid('1.2.840.113549.1.1.11'), Buffer.from([5, 0]));
const keyId = (spki) => createHash('sha1').update(spki).digest();

function certificate({ serial, subject, issuer, spki, issuerKey, issuerSpki, isCa, san }) {
  const exts = [
    ext('2.5.29.19', true, seq(...(isCa ? [Buffer.from([1, 1, 0xff])] : []))),
    ext('2.5.29.15', true, tlv(0x03, isCa ? Buffer.from([1, 0x06]) : Buffer.from([7, 0x80]))),
    ext('2.5.29.14', false, tlv(0x04, keyId(spki))),
    ext('2.5.29.35', false, seq(tlv(0x80, keyId(issuerSpki)))),
  ];
  if (san) exts.push(ext('2.5.29.17', false, seq(tlv(0x82, Buffer.from(san)))));
  if (!isCa) exts.push(ext('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'))));
  const validity = seq(utc(new Date('2024-01-01T00:00:00Z')), utc(new Date('2034-01-01T00:00:00Z')));
  const tbs = seq(
    tlv(0xa0, int(2)),
    int(serial),
    SHA256_RSA,
    name(issuer),
    validity,
    name(subject),
    spki,
    tlv(0xa3, seq(...exts)),
  );
  const signature = sign('sha256', tbs, issuerKey);
  return seq(tbs, SHA256_RSA, tlv(0x03, Buffer.from([0]), signature));
}

/** Generates the root, the intermediate and `n` leaves (exported for profiling and bench/expiry.mjs). */
export function makeChains(n = N) {
  const rootKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const interKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const leafKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = (k) => k.publicKey.export({ type: 'spki', format: 'der' });
  const root = certificate({
    serial: 1,
    subject: 'Bench Root',
    issuer: 'Bench Root',
    spki: spki(rootKeys),
    issuerKey: rootKeys.privateKey,
    issuerSpki: spki(rootKeys),
    isCa: true,
  });
  const inter = certificate({
    serial: 2,
    subject: 'Bench Intermediate',
    issuer: 'Bench Root',
    spki: spki(interKeys),
    issuerKey: rootKeys.privateKey,
    issuerSpki: spki(rootKeys),
    isCa: true,
  });
  const leafSpki = spki(leafKeys);
  const leaves = [];
  for (let i = 0; i < n; i++) {
    const host = `host${i}.example.com`;
    const der = certificate({
      serial: 1000 + i,
      subject: host,
      issuer: 'Bench Intermediate',
      spki: leafSpki,
      issuerKey: interKeys.privateKey,
      issuerSpki: spki(interKeys),
      isCa: false,
      san: host,
    });
    leaves.push({ der: new Uint8Array(der), host });
  }
  return { root: new Uint8Array(root), inter: new Uint8Array(inter), leaves };
}

let clearSignatureCaches = () => {};

/** Node's path: both signatures, the host name, and every certificate's validity at AT. */
function nodeVerifies(leaf, intermediate, anchor, host) {
  const inValidity = (c) => AT >= new Date(c.validFrom) && AT <= new Date(c.validTo);
  return (
    leaf.verify(intermediate.publicKey) &&
    intermediate.verify(anchor.publicKey) &&
    leaf.checkHost(host) === host &&
    inValidity(leaf) &&
    inValidity(intermediate) &&
    inValidity(anchor)
  );
}

function time(label, fn, leaves) {
  // Steady state: one untimed pass warms the JIT (V8 needs a few thousand calls to reach its
  // optimising tier) and the CA key caches; every path gets the same warm-up. Leaves are decoded
  // anew in every iteration, and the engine's content-keyed signature cache is emptied before the
  // timed pass, so every leaf signature is really checked.
  for (const leaf of leaves) fn(leaf);
  clearSignatureCaches();
  const start = performance.now();
  let failures = 0;
  for (const leaf of leaves) if (!fn(leaf)) failures++;
  const seconds = (performance.now() - start) / 1000;
  if (failures > 0) throw new Error(`${label}: ${failures} of ${leaves.length} chains failed to validate`);
  return leaves.length / seconds;
}

/** Runs the benchmark and prints chains/s for each path and the ratios. */
export async function run() {
  const { decodeCertificate } = await import('../dist/x509/index.js');
  const { parseReferenceName } = await import('../dist/names/index.js');
  const { verifyChain } = await import('../dist/pki/index.js');
  ({ clearSignatureCaches } = await import('../dist/pki/index.js'));
  const { root, inter, leaves } = makeChains();
  const anchors = [decodeCertificate(root)];
  const intermediates = [decodeCertificate(inter)];

  const engine = time(
    'verifyChain',
    ({ der, host }) => {
      const reference = parseReferenceName(host);
      return verifyChain({
        leaf: decodeCertificate(der),
        intermediates,
        anchors,
        at: AT,
        reference: reference.value,
      }).ok;
    },
    leaves,
  );

  const nodeRoot = new X509Certificate(root);
  const nodeInter = new X509Certificate(inter);
  const node = time(
    'node',
    ({ der, host }) => nodeVerifies(new X509Certificate(der), nodeInter, nodeRoot, host),
    leaves,
  );

  const fmt = (n) => Math.round(n).toLocaleString('en-US');
  console.log(`chains: ${N} (RSA-2048 root and intermediate, P-256 leaves)`);
  console.log(`certgate verifyChain: ${fmt(engine)} chains/s (${(engine / node).toFixed(2)}x node)`);
  console.log(`node X509Certificate: ${fmt(node)} chains/s`);
  await benchLibraryVerify(root, inter, leaves, node, fmt);
}

// The library `verify`: the API users call. Two ways: the intermediate and root decoded once and
// reused (as the Node path above reuses its X509Certificate objects), and everything passed as
// DER on every call (a whole chain file per call, decoded each time).
async function benchLibraryVerify(root, inter, leaves, node, fmt) {
  const { verify } = await import('../dist/verify/verify.js');
  const { decodeCertificate } = await import('../dist/x509/index.js');
  const interCert = decodeCertificate(inter);
  const rootCert = decodeCertificate(root);
  const reused = time(
    'verify (CA certificates decoded once)',
    ({ der, host }) =>
      verify({ chain: [der, interCert], roots: [rootCert], host, at: AT }).verdict === 'pass',
    leaves,
  );
  console.log(
    `certgate verify, CAs decoded once: ${fmt(reused)} chains/s (${(reused / node).toFixed(2)}x node)`,
  );
  const perCall = time(
    'verify (all DER per call)',
    ({ der, host }) => verify({ chain: [der, inter], roots: [root], host, at: AT }).verdict === 'pass',
    leaves,
  );
  console.log(
    `certgate verify, all DER per call: ${fmt(perCall)} chains/s (${(perCall / node).toFixed(2)}x node)`,
  );
  await benchPemPerCall(root, inter, leaves, fmt);
}

const pem = (der) =>
  `-----BEGIN CERTIFICATE-----\n${Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;

// As a script or a Lambda calls it: every call gets PEM strings, the chain (leaf + intermediate)
// and the roots, and nothing is kept between calls by the caller. certgate must not re-parse the
// same roots PEM each time (trust stores are cached by content). Node's path parses the same
// three PEMs and checks both signatures, the validity and the host name.
// Target: >= 15,000 chains/s on one core and >= 10x Node's path.
async function benchPemPerCall(root, inter, leaves, fmt) {
  const { verify } = await import('../dist/verify/verify.js');
  const rootPem = pem(root);
  const interPem = pem(inter);
  const chains = leaves.map(({ der, host }) => ({ chain: pem(der) + interPem, leafPem: pem(der), host }));
  const certgate = time(
    'verify (PEM strings per call)',
    ({ chain, host }) => verify({ chain, roots: rootPem, host, at: AT }).verdict === 'pass',
    chains,
  );
  const node = time(
    'node (PEM strings per call)',
    ({ leafPem, host }) =>
      nodeVerifies(
        new X509Certificate(leafPem),
        new X509Certificate(interPem),
        new X509Certificate(rootPem),
        host,
      ),
    chains,
  );
  console.log(
    `certgate verify, PEM strings per call: ${fmt(certgate)} chains/s (${(certgate / node).toFixed(2)}x node; target >= 15,000 and >= 10x)`,
  );
  console.log(`node X509Certificate, PEM strings per call: ${fmt(node)} chains/s`);
}
