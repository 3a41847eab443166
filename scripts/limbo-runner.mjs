// The x509-limbo mapping, shared by the harness (scripts/limbo-harness.mjs, which passes the
// built dist/ engine) and the conformance test (test/conformance/limbo.test.ts, which passes the
// src/ engine through vitest). It is plain ESM so both can load it unbuilt; its types are in
// limbo-runner.d.mts. The engine is passed in, so the mapping never picks a build by itself.
//
// How a testcase maps onto `verifyChain`:
// - trusted_certs → anchors, untrusted_intermediates → intermediates, peer_certificate → leaf;
//   a trusted or intermediate certificate that does not decode is left out (it cannot anchor or
//   link anything), a leaf that does not decode is a FAILURE;
// - validation_time → at (default: now); validation_kind SERVER/CLIENT → purpose, narrowed by
//   extended_key_usage (serverAuth/clientAuth); key_usage → requiredKeyUsages;
//   max_chain_depth N → maxDepth N + 2 (limbo counts intermediates; maxDepth counts the leaf and
//   the anchor too); crls → crls (PEM → DER);
// - expected_peer_name DNS/IP → reference; for CLIENT cases the RFC822 expected_peer_names
//   must each be an rfc822Name SAN of the leaf (a server authenticating a client by mailbox);
// - policy: one for the whole run (`client` unless told otherwise), as upstream harnesses run
//   one configuration for every case; a case's own settings (PKITS's initial policy set and
//   flags, from a settings file beside the suite: `{ id: { settings: {...} } }`) become the
//   engine's policySettings.

const EKU_PURPOSE = { serverAuth: 'server', clientAuth: 'client' };

/** The policies a run can use. */
export const POLICY_NAMES = ['client', 'cabf', 'rfc5280'];

// PKITS names its test policies; the OIDs are 2.16.840.1.101.3.2.1.48.N (PKITS.pdf §3.1)
const PKITS_POLICY = /^NIST-test-policy-(\d+)$/;

/** A policy name of a settings file as an OID: `anyPolicy`, `NIST-test-policy-N`, or an OID. */
function policyOid(name) {
  if (name === 'anyPolicy') return '2.5.29.32.0';
  const pkits = PKITS_POLICY.exec(name);
  if (pkits) return `2.16.840.1.101.3.2.1.48.${pkits[1]}`;
  if (/^\d+(\.\d+)+$/.test(name)) return name;
  throw new Error(`unknown policy name ${JSON.stringify(name)} in the settings`);
}

/**
 * The engine's policy settings from a case's settings (RFC 5280 §6.1.1 user-initial inputs, as
 * the PKITS settings file spells them).
 */
export function policySettingsFor(settings = {}) {
  return {
    ...(settings.initial_policy_set ? { initialPolicySet: settings.initial_policy_set.map(policyOid) } : {}),
    ...(settings.initial_explicit_policy ? { requireExplicitPolicy: true } : {}),
    ...(settings.initial_policy_mapping_inhibit ? { inhibitPolicyMapping: true } : {}),
    ...(settings.initial_inhibit_any_policy ? { inhibitAnyPolicy: true } : {}),
  };
}

function pemToCertificates(engine, pems) {
  const out = [];
  for (const pem of pems) {
    try {
      out.push(...engine.readCertificates(pem).certificates);
    } catch {
      // an undecodable CA certificate cannot take part in any path
    }
  }
  return out;
}

function purposeFor(testcase) {
  const ekus = testcase.extended_key_usage ?? [];
  const unsupported = ekus.find((e) => !(e in EKU_PURPOSE));
  if (unsupported) return { skip: `extended key usage ${unsupported} is not a tls purpose` };
  if (ekus.length > 1) return { skip: 'more than one required extended key usage' };
  if (ekus.length === 1) return { purpose: EKU_PURPOSE[ekus[0]] };
  return { purpose: testcase.validation_kind === 'CLIENT' ? 'client' : 'server' };
}

function referenceFor(engine, testcase) {
  const peer = testcase.expected_peer_name;
  if (!peer) return { reference: undefined };
  if (peer.kind === 'RFC822') return { skip: 'an rfc822 expected_peer_name is not a tls server name' };
  const parsed =
    peer.kind === 'IP' ? engine.parseIpAddress(peer.value) : engine.parseReferenceName(peer.value);
  return parsed.ok
    ? { reference: parsed.value }
    : { failure: `the peer name is invalid: ${parsed.error.reason}` };
}

// RFC 5280 §4.2.1.6: a mailbox compares with its local part exact and its domain case-insensitively
function missingMailbox(leaf, names) {
  const sans = (leaf.extension('subjectAltName')?.names ?? []).filter((n) => n.type === 'rfc822Name');
  const key = (m) => {
    const at = m.lastIndexOf('@');
    return `${m.slice(0, at)}@${m.slice(at + 1).toLowerCase()}`;
  };
  const have = new Set(sans.map((n) => key(n.value)));
  return names.find((n) => n.kind === 'RFC822' && !have.has(key(n.value)));
}

function result(id, actual, context) {
  return { id, actual_result: actual, context };
}

/** Describes a PathError in one line. */
export function describeError(error) {
  const where =
    error.certIndex === undefined ? '' : ` at certificate ${error.certIndex} (${error.certificate})`;
  const detail = Object.entries(error)
    .filter(([k]) => !['kind', 'certIndex', 'certificate'].includes(k))
    .map(([k, v]) => `${k}=${v instanceof Date ? v.toISOString() : JSON.stringify(v)}`)
    .join(' ');
  return `${error.kind}${where}${detail ? `: ${detail}` : ''}`;
}

function buildOptions(engine, testcase, run) {
  const purpose = purposeFor(testcase);
  if (purpose.skip) return { skip: purpose.skip };
  const ref = referenceFor(engine, testcase);
  if (ref.skip || ref.failure) return ref;
  let leaf;
  try {
    leaf = engine.readCertificates(testcase.peer_certificate).certificates[0];
  } catch (e) {
    return { failure: `the peer certificate does not decode: ${e.message}` };
  }
  if (!leaf) return { failure: 'no peer certificate' };
  const options = {
    leaf,
    intermediates: pemToCertificates(engine, testcase.untrusted_intermediates),
    anchors: pemToCertificates(engine, testcase.trusted_certs),
    at: testcase.validation_time ? new Date(testcase.validation_time) : new Date(),
    policy: run.policy ?? 'client',
    purpose: purpose.purpose,
    requiredKeyUsages: testcase.key_usage ?? [],
    crls: (testcase.crls ?? []).flatMap((pem) => engine.readPemBlocks(pem).map((b) => b.der)),
    policySettings: policySettingsFor(run.settings?.[testcase.id]?.settings),
  };
  if (ref.reference) options.reference = ref.reference;
  if (testcase.max_chain_depth !== null && testcase.max_chain_depth !== undefined) {
    options.maxDepth = testcase.max_chain_depth + 2;
  }
  return { options };
}

/** Runs one limbo testcase through the engine under `run.policy`; returns a LimboResult entry. */
export function runLimboCase(engine, testcase, run = {}) {
  const built = buildOptions(engine, testcase, run);
  if (built.skip) return result(testcase.id, 'SKIPPED', built.skip);
  if (built.failure) return result(testcase.id, 'FAILURE', built.failure);
  const outcome = engine.verifyChain(built.options);
  if (!outcome.ok) return result(testcase.id, 'FAILURE', describeError(outcome.error));
  const missing = missingMailbox(built.options.leaf, testcase.expected_peer_names ?? []);
  if (missing) return result(testcase.id, 'FAILURE', `the leaf has no rfc822Name ${missing.value}`);
  const names = outcome.path.map((c) => c.subject.text).join(' → ');
  const warned = outcome.warnings.map((w) => describeError(w)).join('; ');
  return result(testcase.id, 'SUCCESS', `path: ${names}${warned ? `; profile warnings: ${warned}` : ''}`);
}

/** Runs a whole limbo document under one policy; returns the LimboResult. */
export function runLimbo(engine, limbo, harness, run = {}) {
  return { version: 1, harness, results: limbo.testcases.map((t) => runLimboCase(engine, t, run)) };
}
