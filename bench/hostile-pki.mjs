// Hostile-input costs in decoding and path validation, each at the size issue 10 names next to a
// linear baseline measured in the same run (the same code at 1/10 of the size, times 10):
//   - OBJECT IDENTIFIERs of 200 KB and 900 KB: one long arc (refused at MAX_OID_ARC_BYTES; the
//     baseline is one plain pass over its bytes), and the same length of 32-byte arcs (decoded);
//   - ordering a bundle of 20,000 tiny certificates leaf first (`orderLeafFirst`);
//   - a leaf whose subject has a 4,000-attribute RDN under a directoryName constraint
//     (`verifyChain`, decoding included: the name is keyed once and refused by the name bound).
// A ratio near 1 is linear; the quadratic versions were at 100x and more. Run `npm run build`
// first; `node bench/hostile-pki.mjs` runs it (about 10 s).
import { generateKeyPairSync, sign } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

// --- a tiny DER writer (X.690), enough for the certificates below
const len = (n) =>
  n < 0x80
    ? [n]
    : n < 0x100
      ? [0x81, n]
      : n < 0x10000
        ? [0x82, n >> 8, n & 0xff]
        : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
const tlv = (tag, ...parts) => {
  const body = Buffer.concat(parts.map((p) => Buffer.from(p)));
  return Buffer.concat([Buffer.from([tag, ...len(body.length)]), body]);
};
const seq = (...p) => tlv(0x30, ...p);
const set = (...p) => tlv(0x31, ...p);
const CN = Buffer.from([0x06, 0x03, 0x55, 0x04, 0x03]);
const O = Buffer.from([0x06, 0x03, 0x55, 0x04, 0x0a]);
const utf8 = (s) => tlv(0x0c, Buffer.from(s));
const atv = (type, value) => seq(type, utf8(value));
const utc = (s) => tlv(0x17, Buffer.from(s));
const VALIDITY = seq(utc('240101000000Z'), utc('340101000000Z'));
const ED25519 = seq(Buffer.from([0x06, 0x03, 0x2b, 0x65, 0x70]));
const ECDSA_SHA256 = seq(Buffer.from([0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02]));
const ext = (id, critical, value) =>
  seq(id, ...(critical ? [Buffer.from([1, 1, 0xff])] : []), tlv(0x04, value));
const BASIC_CA = ext(Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x13]), true, seq(Buffer.from([1, 1, 0xff])));

/**
 * Milliseconds per call of `fn`: the fastest of five rounds of at least `ms / 5` each, after one
 * warm-up call, so that a busy machine (other processes, a GC pause) does not skew one size only.
 */
function measure(fn, ms = 500) {
  fn();
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      fn();
      calls++;
      elapsed = performance.now() - start;
    } while (elapsed < ms / 5);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

/** Prints one row: the cost, a linear baseline (10x the cost at 1/10 of the size, or a given one), their ratio. */
function row(label, full, tenth, baseline = tenth * 10) {
  const ratio = full / baseline;
  const fmt = (v) => `${v.toFixed(2)} ms`.padStart(10);
  console.log(`  ${label.padEnd(48)} ${fmt(full)}  baseline ${fmt(baseline)}  ratio ${ratio.toFixed(2)}x`);
  return { full, baseline, ratio };
}

/** A plain linear pass over `bytes`: the least any decoder that reads them all must spend. */
function linearPass(bytes) {
  let sum = 0;
  for (let i = 0; i < bytes.length; i++) sum = (sum + bytes[i]) | 0;
  return sum;
}

// --- OBJECT IDENTIFIERs

/** An OID 1.2.N whose last arc is `bytes` octets long. */
const longArc = (bytes) => tlv(0x06, Buffer.from([0x2a]), Buffer.alloc(bytes - 1, 0xff), Buffer.from([0x7f]));

/** An OID of `bytes` octets in arcs of 32 octets (the longest accepted): every arc is a BigInt. */
function manyArcs(bytes) {
  const arc = Buffer.concat([Buffer.from([0x81]), Buffer.alloc(30, 0xff), Buffer.from([0x7f])]);
  return tlv(0x06, Buffer.from([0x2a]), ...Array.from({ length: Math.floor(bytes / 32) }, () => arc));
}

async function oids() {
  const { DerReader } = await import('../dist/x509/der.js');
  const refuse = (der) => () => {
    try {
      new DerReader(der).readOid('oid');
    } catch {
      return;
    }
    throw new Error('a long arc decoded');
  };
  const decode = (der) => () => new DerReader(der).readOid('oid');
  const out = {};
  for (const kb of [200, 900]) {
    const bytes = kb * 1000;
    // refused after MAX_OID_ARC_BYTES octets: the baseline is one linear pass over the same bytes
    const long = longArc(bytes);
    out[`longArc${kb}`] = row(
      `OID with one ${kb} KB arc (refused)`,
      measure(refuse(long)),
      0,
      measure(() => linearPass(long)),
    );
    out[`manyArcs${kb}`] = row(
      `OID of ${kb} KB in 32-byte arcs (decoded)`,
      measure(decode(manyArcs(bytes))),
      measure(decode(manyArcs(bytes / 10))),
    );
  }
  return out;
}

// --- bundle ordering

/** A chain of `n` tiny certificates (c0 issued by c1, ..., the last self-issued), listed root first. */
function bundle(n) {
  const name = (k) => seq(set(atv(CN, `c${k}`)));
  const certs = [];
  for (let k = n - 1; k >= 0; k--) {
    const issuer = k === n - 1 ? k : k + 1;
    const tbs = seq(
      tlv(0xa0, Buffer.from([2, 1, 2])),
      tlv(0x02, Buffer.from([0x01, (k >> 16) & 0xff, (k >> 8) & 0xff, k & 0xff])),
      ED25519,
      name(issuer),
      VALIDITY,
      name(k),
      seq(ED25519, tlv(0x03, Buffer.alloc(33))),
      tlv(0xa3, seq(BASIC_CA)),
    );
    certs.push(seq(tbs, ED25519, tlv(0x03, Buffer.alloc(65))));
  }
  return certs;
}

async function ordering() {
  const { decodeCertificate } = await import('../dist/x509/index.js');
  const { orderLeafFirst } = await import('../dist/x509/chain-order.js');
  // decoded up front, and each name's key computed, so the rows time the ordering alone
  const decoded = (n) => {
    const certs = bundle(n).map((der) => decodeCertificate(der));
    for (const c of certs) c.subject.key && c.issuer.key;
    return certs;
  };
  const full = decoded(20_000);
  const tenth = decoded(2_000);
  return {
    order20000: row(
      'order 20,000 certificates leaf first',
      measure(() => orderLeafFirst(full)),
      measure(() => orderLeafFirst(tenth)),
    ),
  };
}

// --- a 4,000-attribute RDN under a directoryName constraint

function wideRdnChain(attributes) {
  const rootKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const leafKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = (k) => k.publicKey.export({ type: 'spki', format: 'der' });
  const rootName = seq(set(atv(O, 'Example')));
  // nameConstraints permitted [ directoryName O=Example ]
  const constraint = seq(tlv(0xa0, seq(tlv(0xa4, rootName))));
  const nc = ext(Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x1e]), true, constraint);
  const wide = set(...Array.from({ length: attributes }, (_, i) => atv(CN, `v${i}`)));
  const leafName = seq(set(atv(O, 'Example')), wide);
  const certificate = (serial, issuer, subject, keys, signer, exts) => {
    const tbs = seq(
      tlv(0xa0, Buffer.from([2, 1, 2])),
      tlv(0x02, Buffer.from([serial])),
      ECDSA_SHA256,
      issuer,
      VALIDITY,
      subject,
      spki(keys),
      tlv(0xa3, seq(...exts)),
    );
    return seq(tbs, ECDSA_SHA256, tlv(0x03, Buffer.from([0]), sign('sha256', tbs, signer.privateKey)));
  };
  const root = certificate(1, rootName, rootName, rootKeys, rootKeys, [BASIC_CA, nc]);
  const eku = ext(
    Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x25]),
    false,
    seq(Buffer.from([0x06, 0x08, 0x2b, 6, 1, 5, 5, 7, 3, 1])),
  );
  const leaf = certificate(2, rootName, leafName, leafKeys, rootKeys, [eku]);
  return { root, leaf };
}

async function wideRdn() {
  const { decodeCertificate } = await import('../dist/x509/index.js');
  const { verifyChain, clearSignatureCaches } = await import('../dist/pki/index.js');
  const at = new Date('2026-06-01T00:00:00Z');
  const run =
    ({ root, leaf }) =>
    () => {
      clearSignatureCaches();
      const outcome = verifyChain({
        leaf: decodeCertificate(leaf),
        intermediates: [],
        anchors: [decodeCertificate(root)],
        at,
      });
      if (outcome.ok || outcome.error.kind !== 'NameConstraintViolation')
        throw new Error(`unexpected: ${JSON.stringify(outcome.error)}`);
    };
  return {
    rdn4000: row(
      'verify a 4,000-attribute RDN under a dirName constraint',
      measure(run(wideRdnChain(4000))),
      measure(run(wideRdnChain(400))),
    ),
  };
}

/** Runs the three groups and prints a row for each size the issue names. */
export async function run() {
  console.log('hostile pki: cost at the size of issue 10 vs 10x the cost at 1/10 of it');
  const results = { ...(await oids()), ...(await ordering()), ...(await wideRdn()) };
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
