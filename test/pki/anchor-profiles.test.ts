/**
 * Under `cabf`, a root the caller supplies is held to the CA/B root profile (BR §7.1.2.1), while
 * the roots of a root program's store (`programAnchors`: Node's Mozilla bundle, the system store)
 * are held to a relaxed table, as their program accepted them. Other policies judge both alike.
 */

import { describe, expect, it } from 'vitest';
import { checkExtensions } from '../../src/pki/extension-policy.js';
import { CABF_EXTENSIONS } from '../../src/pki/extension-tables.js';
import { type ChainVerifyOutcome, verifyChain } from '../../src/pki/index.js';
import { mozillaRoots } from '../../src/verify/trust-anchors.js';
import { decodeCertificate } from '../../src/x509/certificate.js';
import { createCertificate, ext, type IssuedCertificate } from '../support/cert-factory.js';
import { bool, explicit, implicit, int, seq } from '../support/der-writer.js';
import { AT, ref } from './fixtures.js';

const ROOT_SUBJECT = 'CN=own root,O=certgate';

/** A self-signed root whose AKI also names an issuer and serial (as QuoVadis Root CA 2 does). */
function rootWithFullAki() {
  const probe = createCertificate({ subject: ROOT_SUBJECT, ca: true, authorityKeyId: false });
  const keyId = probe.keyId!;
  const aki = seq(
    implicit(0, keyId),
    implicit(1, [explicit(4, probe.subjectName)], true),
    implicit(2, int(7).subarray(2)),
  );
  return createCertificate({
    subject: ROOT_SUBJECT,
    ca: true,
    key: probe.keyPair,
    authorityKeyId: false,
    extensions: [{ oid: '2.5.29.35', value: aki }],
  });
}

function verifyUnder(
  root: IssuedCertificate,
  policy: 'cabf' | 'client',
  program: boolean,
  rootKeyId = root.keyId,
) {
  const leaf = createCertificate({
    subject: 'CN=www.example.com',
    issuer: root,
    sans: ['dns:www.example.com'],
    eku: ['serverAuth'],
    keyUsage: ['digitalSignature'],
    // a root without subjectKeyIdentifier still has a key the leaf's AKI can name
    ...(rootKeyId && !root.keyId ? { extensions: [ext.authorityKeyIdentifier(rootKeyId)] } : {}),
  });
  const anchor = decodeCertificate(root.der);
  return verifyChain({
    leaf: decodeCertificate(leaf.der),
    intermediates: [],
    anchors: [anchor],
    at: AT,
    policy,
    reference: ref('www.example.com'),
    ...(program ? { programAnchors: new Set([anchor]) } : {}),
  });
}

const failure = (o: ChainVerifyOutcome) =>
  o.ok ? 'ok' : `${o.error.kind}: ${'reason' in o.error ? o.error.reason : ''}`;

describe('cabf: supplied roots meet the BR root profile, program roots are grandfathered', () => {
  it('authorityCertIssuer in a supplied root fails; the same root from a program passes', () => {
    const root = rootWithFullAki();
    expect(failure(verifyUnder(root, 'cabf', false))).toMatch(
      /^InvalidExtension: authorityCertIssuer is present \(CA\/B BR §7\.1\.2\.1\.3\)/,
    );
    expect(verifyUnder(root, 'cabf', true).ok).toBe(true);
  });

  it('a supplied root without subjectKeyIdentifier fails; from a program it passes', () => {
    const probe = createCertificate({ subject: ROOT_SUBJECT, ca: true });
    const root = createCertificate({
      subject: ROOT_SUBJECT,
      ca: true,
      key: probe.keyPair,
      subjectKeyId: false,
    });
    expect(failure(verifyUnder(root, 'cabf', false, probe.keyId))).toMatch(
      /^InvalidExtension: the extension is missing/,
    );
    expect(verifyUnder(root, 'cabf', true, probe.keyId).ok).toBe(true);
  });

  it('a supplied root with a non-critical basicConstraints fails; from a program it passes', () => {
    const probe = createCertificate({ subject: ROOT_SUBJECT });
    const root = createCertificate({
      subject: ROOT_SUBJECT,
      key: probe.keyPair,
      keyUsage: ['keyCertSign', 'cRLSign'],
      extensions: [{ oid: '2.5.29.19', value: seq(bool(true)) }],
    });
    expect(failure(verifyUnder(root, 'cabf', false))).toMatch(
      /^InvalidExtension: the extension must be marked critical/,
    );
    expect(verifyUnder(root, 'cabf', true).ok).toBe(true);
  });

  it('under client the root profile is only a warning, wherever the root came from', () => {
    const root = rootWithFullAki();
    const own = verifyUnder(root, 'client', false);
    expect(own.ok && own.warnings.map((w) => w.kind)).toEqual(['InvalidExtension']);
    const program = verifyUnder(root, 'client', true);
    expect(program.ok && program.warnings).toEqual([]);
  });

  it("every root of Node's Mozilla bundle meets the relaxed program table", () => {
    const table = CABF_EXTENSIONS.programAnchor!;
    const failing = mozillaRoots().filter((r) =>
      checkExtensions(r, table, { certIndex: 0, certificate: '' }),
    );
    expect(failing.map((r) => r.subject.text)).toEqual([]);
  });

  it('and some of them would not meet the strict one: the relaxation is needed', () => {
    const strict = CABF_EXTENSIONS.trustAnchor;
    const failing = mozillaRoots().filter((r) =>
      checkExtensions(r, strict, { certIndex: 0, certificate: '' }),
    );
    expect(failing.length).toBeGreaterThan(0);
  });
});
