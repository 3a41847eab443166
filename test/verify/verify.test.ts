import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeFinding } from '../../src/report/messages.js';
import { VerifyUsageError } from '../../src/verify/errors.js';
import type { VerifyStepName } from '../../src/verify/steps.js';
import { type VerifyOptions, type VerifyResult, verify } from '../../src/verify/verify.js';
import { decodeCertificate, X509DecodeError } from '../../src/x509/index.js';
import { testKey } from '../support/cert-factory.js';
import {
  AT,
  makeChain,
  makeForgedChain,
  makeIntermediate,
  makeLeaf,
  makeRoot,
  makeTooDeepChain,
  pemChain,
  type TestChain,
  UNKNOWN_CRITICAL,
  weakRsaKey,
} from './chains.js';

/** Verifies a factory chain against its own root at AT. */
function run(c: TestChain, o: Partial<VerifyOptions> = {}): VerifyResult {
  return verify({ chain: pemChain(c), roots: c.root.pem, at: AT, source: 'chain.pem', ...o });
}

/** The failed step as `name@certIndex` (`name` for path-level steps). */
function failedAt(r: VerifyResult): string | undefined {
  const s = r.steps.find((x) => x.status === 'failed');
  return s && (s.certIndex === undefined ? s.step : `${s.step}@${s.certIndex}`);
}

const status = (r: VerifyResult, step: VerifyStepName, certIndex?: number) =>
  r.steps.find((s) => s.step === step && s.certIndex === certIndex)?.status;

describe('a valid chain', () => {
  const c = makeChain();

  test('passes with the path leaf → intermediate → root, every step ok', () => {
    const r = run(c, { host: 'www.example.com' });
    expect(r).toMatchObject({
      verdict: 'pass',
      findings: [],
      matchedName: 'www.example.com',
      trustStore: 'custom',
    });
    expect(r.path?.map((x) => x.subject.text)).toEqual([
      'CN=www.example.com',
      'CN=Verify Test Intermediate,O=certgate',
      'CN=Verify Test Root,O=certgate',
    ]);
    expect(r.origins).toEqual(['chain', 'chain', 'roots']);
    expect(
      r.steps.filter((s) => s.status !== 'ok').map((s) => `${s.step}@${s.certIndex}:${s.status}`),
    ).toEqual(['revocation@0:skipped', 'revocation@1:skipped']);
  });

  test('without host or ip the name step is skipped', () => {
    const r = run(c);
    expect(r.verdict).toBe('pass');
    expect(status(r, 'name')).toBe('skipped');
  });

  test.each([
    ['one PEM text', () => pemChain(c)],
    ['DER bytes', () => [c.leaf.der, c.intermediate.der]],
    ['parsed certificates', () => [decodeCertificate(c.leaf.der), decodeCertificate(c.intermediate.der)]],
  ])('the chain as %s', (_name, chain) => {
    const r = verify({ chain: chain(), roots: [c.root.der], at: AT, host: 'www.example.com' });
    expect(r.verdict).toBe('pass');
  });

  test('intermediates can come from untrusted instead of the chain', () => {
    const r = verify({ chain: c.leaf.pem, untrusted: c.intermediate.pem, roots: c.root.pem, at: AT });
    expect(r.verdict).toBe('pass');
    expect(r.origins).toEqual(['chain', 'untrusted', 'roots']);
  });

  test('a chain out of order is put leaf first with a warning', () => {
    const r = verify({ chain: c.intermediate.pem + c.leaf.pem, roots: c.root.pem, at: AT, source: 'x.pem' });
    expect(r.verdict).toBe('pass');
    expect(r.findings.map((f) => [f.code, f.severity, f.args.fileOrder])).toEqual([
      ['INPUT_CHAIN_OUT_OF_ORDER', 'warning', ['2', '1']],
    ]);
  });
});

describe('trust anchors', () => {
  const c = makeChain();

  test('by default the Mozilla roots: a private chain leads to an unknown issuer', () => {
    const r = verify({ chain: pemChain(c), at: AT });
    expect(r).toMatchObject({ verdict: 'fail', trustStore: 'mozilla' });
    expect(r.findings.map((f) => f.code)).toEqual(['PATH_UNKNOWN_ISSUER']);
    expect(r.findings[0]!.args).toMatchObject({
      certIndex: 1,
      issuer: 'CN=Verify Test Root,O=certgate',
      trustStore: 'Mozilla roots',
    });
  });

  describe('NODE_EXTRA_CA_CERTS, as Node adds it to its default store', () => {
    const dir = mkdtempSync(join(tmpdir(), 'certgate-extra-'));
    const extra = join(dir, 'extra-roots.pem');
    writeFileSync(extra, c.root.pem);
    const otherRoot = makeRoot({ subject: 'CN=Another Root,O=certgate', key: testKey('p256', 9) });

    test('its roots are trusted beside the Mozilla roots, and the result names the file', () => {
      const r = verify({ chain: pemChain(c), at: AT, extraCaCerts: extra });
      expect(r).toMatchObject({ verdict: 'pass', trustStore: 'mozilla', extraCaCerts: extra });
      expect(r.origins?.at(-1)).toBe('node-extra');
    });

    test('the environment variable is the default, as for Node', () => {
      const saved = process.env.NODE_EXTRA_CA_CERTS;
      process.env.NODE_EXTRA_CA_CERTS = extra;
      try {
        expect(verify({ chain: pemChain(c), at: AT }).verdict).toBe('pass');
        expect(verify({ chain: pemChain(c), at: AT, extraCaCerts: null }).verdict).toBe('fail');
      } finally {
        process.env.NODE_EXTRA_CA_CERTS = saved;
      }
    });

    test('roots replaces the default store, extra roots included (as Node ignores them with ca)', () => {
      const r = verify({ chain: pemChain(c), at: AT, extraCaCerts: extra, roots: otherRoot.pem });
      expect(r.findings.map((f) => f.code)).toEqual(['PATH_UNKNOWN_ISSUER']);
      expect(r.extraCaCerts).toBeUndefined();
    });

    test('a file that cannot be used is a warning, and the Mozilla roots alone are used', () => {
      const missing = join(dir, 'missing.pem');
      const r = verify({ chain: pemChain(c), at: AT, extraCaCerts: missing });
      expect(r.findings.map((f) => [f.code, f.severity])).toEqual([
        ['INPUT_EXTRA_CA_CERTS_UNREADABLE', 'warning'],
        ['PATH_UNKNOWN_ISSUER', 'error'],
      ]);
      expect(r.findings[0]!.args).toMatchObject({ file: missing, reason: 'no such file' });
      expect(r.findings[1]!.args).toMatchObject({ trustStore: 'Mozilla roots' });
    });

    test('a failure names the store with the extra file in it', () => {
      writeFileSync(join(dir, 'other-root.pem'), otherRoot.pem);
      const r = verify({ chain: pemChain(c), at: AT, extraCaCerts: join(dir, 'other-root.pem') });
      expect(r.findings[0]!.args).toMatchObject({ trustStore: 'Mozilla roots and NODE_EXTRA_CA_CERTS' });
    });
  });

  test('sending the private root in the chain gives an untrusted root', () => {
    const r = verify({ chain: pemChain(c) + c.root.pem, at: AT });
    expect(r.findings.map((f) => f.code)).toEqual(['PATH_UNTRUSTED_ROOT']);
    expect(r.error).toMatchObject({ kind: 'UntrustedRoot', certIndex: 2 });
    expect(failedAt(r)).toBe('path');
  });

  test('roots replaces the Mozilla roots, addRoots adds to them', () => {
    expect(verify({ chain: pemChain(c), roots: c.root.pem, at: AT }).verdict).toBe('pass');
    const added = verify({ chain: pemChain(c), addRoots: c.root.pem, at: AT });
    expect(added).toMatchObject({ verdict: 'pass', trustStore: 'mozilla' });
    expect(added.origins?.at(-1)).toBe('add-roots');
    const other = makeRoot({ subject: 'CN=Someone Else,O=certgate' });
    expect(verify({ chain: pemChain(c), roots: other.pem, at: AT }).findings[0]?.code).toBe(
      'PATH_UNKNOWN_ISSUER',
    );
  });
});

describe('every classic failure names its code, step and context', () => {
  test('wrong name', () => {
    const r = run(makeChain(), { host: 'api.example.com' });
    expect(r.findings.map((f) => f.code)).toEqual(['NAME_MISMATCH']);
    expect(failedAt(r)).toBe('name');
    expect(r.findings[0]!.args).toMatchObject({
      reference: 'api.example.com',
      presented: ['DNS:www.example.com'],
    });
    expect(describeFinding(r.findings[0]!).message).toContain(
      "Host: api.example.com. is not in the cert's altnames: DNS:www.example.com",
    );
  });

  test('wildcard too deep', () => {
    const r = run(makeChain({ sans: ['dns:*.example.com'] }), { host: 'a.b.example.com' });
    expect(failedAt(r)).toBe('name');
    expect(r.findings[0]!.args).toMatchObject({
      hint: 'WildcardCoversOneLabel',
      wildcard: '*.example.com',
      labels: 2,
    });
    expect(describeFinding(r.findings[0]!).message).toMatch(/exactly one label/);
  });

  test('wildcard at the apex', () => {
    const r = run(makeChain({ sans: ['dns:*.example.com'] }), { host: 'example.com' });
    expect(r.findings[0]!.args).toMatchObject({
      hint: 'WildcardDoesNotCoverApex',
      wildcard: '*.example.com',
    });
    expect(describeFinding(r.findings[0]!).fix).toContain('add example.com as a SAN of its own');
  });

  test('expired leaf', () => {
    const r = run(makeChain({ leaf: { notAfter: new Date('2025-12-01T00:00:00Z') } }));
    expect(r.findings.map((f) => f.code)).toEqual(['CERT_EXPIRED']);
    expect(failedAt(r)).toBe('validity@0');
    expect(r.findings[0]!.args).toMatchObject({
      subject: '"www.example.com"',
      notAfter: '2025-12-01T00:00:00Z',
      daysAgo: 31,
    });
    expect(r.findings[0]!.location).toEqual({ source: 'chain.pem', certIndex: 0 });
  });

  test('expired intermediate: the leaf passed, the intermediate failed', () => {
    const r = run(makeChain({ intermediate: { notAfter: new Date('2025-06-01T00:00:00Z') } }));
    expect(failedAt(r)).toBe('validity@1');
    expect(r.findings[0]!.args).toMatchObject({ certIndex: 1, subject: '"Verify Test Intermediate"' });
    expect(status(r, 'signature', 0)).toBe('ok');
    expect(status(r, 'key-usage', 1)).toBe('not-reached');
    expect(status(r, 'name')).toBe('skipped');
  });

  test('not yet valid', () => {
    const r = run(makeChain({ leaf: { notBefore: new Date('2026-01-11T00:00:00Z') } }));
    expect(r.findings.map((f) => f.code)).toEqual(['CERT_NOT_YET_VALID']);
    expect(r.findings[0]!.args).toMatchObject({ notBefore: '2026-01-11T00:00:00Z', daysUntil: 10 });
  });

  test('unknown issuer: the chain is missing its intermediate', () => {
    const c = makeChain();
    const r = verify({ chain: c.leaf.pem, roots: c.root.pem, at: AT, host: 'www.example.com' });
    expect(r.findings.map((f) => f.code)).toEqual(['PATH_UNKNOWN_ISSUER']);
    expect(failedAt(r)).toBe('path');
    expect(r.findings[0]!.args).toMatchObject({
      certIndex: 0,
      issuer: 'CN=Verify Test Intermediate,O=certgate',
    });
    expect(status(r, 'validity', 0)).toBe('ok');
    expect(status(r, 'signature', 0)).toBe('not-reached');
    expect(status(r, 'name')).toBe('not-reached');
    expect(describeFinding(r.findings[0]!).message).toMatch(
      /missing its intermediate.*unable to get local issuer certificate/,
    );
  });

  test('bad signature', () => {
    const r = run(makeForgedChain());
    expect(r.findings.map((f) => f.code)).toEqual(['PATH_BAD_SIGNATURE']);
    expect(failedAt(r)).toBe('signature@0');
    expect(r.findings[0]!.args).toMatchObject({ issuerLabel: '"Verify Test Intermediate"' });
  });

  test('issuer is not a CA (basicConstraints cA=FALSE)', () => {
    const r = run(makeChain({ intermediate: { ca: false, pathLen: undefined } }));
    expect(r.findings.map((f) => f.code)).toEqual(['PATH_ISSUER_NOT_CA']);
    expect(failedAt(r)).toBe('basic-constraints@1');
    expect(status(r, 'signature', 0)).toBe('ok');
  });

  test('path length exceeded', () => {
    const c = makeTooDeepChain();
    const r = verify({ chain: [c.leaf.pem, c.second.pem, c.intermediate.pem], roots: c.root.pem, at: AT });
    expect(r.findings.map((f) => f.code)).toEqual(['PATH_LEN_EXCEEDED']);
    expect(failedAt(r)).toBe('path-length@2');
    expect(r.findings[0]!.args).toMatchObject({
      pathLenConstraint: 0,
      subject: '"Verify Test Intermediate"',
    });
  });

  test('issuer keyUsage without keyCertSign', () => {
    const r = run(makeChain({ intermediate: { keyUsage: ['digitalSignature', 'cRLSign'] } }));
    expect(r.findings.map((f) => f.code)).toEqual(['PATH_ISSUER_NOT_CERT_SIGNER']);
    expect(failedAt(r)).toBe('key-usage@1');
  });

  test('wrong extended key usage', () => {
    const c = makeChain({ leaf: { eku: ['clientAuth'] } });
    const r = run(c);
    expect(r.findings.map((f) => f.code)).toEqual(['PATH_EKU_MISMATCH']);
    expect(failedAt(r)).toBe('extended-key-usage@0');
    expect(r.findings[0]!.args).toMatchObject({ required: 'serverAuth', present: ['clientAuth'] });
    expect(run(c, { purpose: 'client' }).verdict).toBe('pass');
  });

  test('unknown critical extension', () => {
    const r = run(makeChain({ leaf: { extensions: [UNKNOWN_CRITICAL] } }));
    expect(r.findings.map((f) => f.code)).toEqual(['PATH_UNKNOWN_CRITICAL_EXTENSION']);
    expect(failedAt(r)).toBe('profile@0');
    expect(r.findings[0]!.args).toMatchObject({ oid: UNKNOWN_CRITICAL.oid });
  });

  test('name constraints violated', () => {
    const r = run(makeChain({ intermediate: { nameConstraints: { permitted: ['dns:example.org'] } } }));
    expect(r.findings.map((f) => f.code)).toEqual(['PATH_NAME_CONSTRAINT_VIOLATION']);
    expect(failedAt(r)).toBe('name-constraints@0');
    expect(r.findings[0]!.args).toMatchObject({
      name: 'DNS:www.example.com',
      constrainedBy: '"Verify Test Intermediate"',
    });
    expect(r.findings[0]!.args.constraint).toMatch(/example\.org/);
  });

  test('weak key (RSA-1024 leaf)', () => {
    const root = makeRoot();
    const intermediate = makeIntermediate(root);
    const leaf = makeLeaf(intermediate, undefined, { key: weakRsaKey() });
    const r = run({ root, intermediate, leaf });
    expect(r.findings.map((f) => f.code)).toEqual(['PATH_WEAK_KEY']);
    expect(failedAt(r)).toBe('key@0');
    expect(describeFinding(r.findings[0]!).message).toContain('"EE certificate key too weak" (OpenSSL 66');
  });
});

describe('IP addresses and CN-only certificates', () => {
  test('an IP given where the certificate has DNS names only', () => {
    const r = run(makeChain(), { ip: '192.0.2.1' });
    expect(r.findings[0]!.args).toMatchObject({
      referenceType: 'ip',
      reference: '192.0.2.1',
      hint: 'NoIpAddressSan',
    });
    expect(describeFinding(r.findings[0]!).message).toContain("IP: 192.0.2.1 is not in the cert's list: ");
  });

  test('an IP written as a dNSName', () => {
    const r = run(makeChain({ sans: ['dns:192.0.2.1'] }), { ip: '192.0.2.1' });
    expect(failedAt(r)).toBe('name');
    expect(r.findings[0]!.args).toMatchObject({ hint: 'IpAddressInDnsName', near: '192.0.2.1' });
    expect(describeFinding(r.findings[0]!).message).toContain('it must be an iPAddress SAN');
  });

  test('IPv4 against its IPv4-mapped IPv6 form', () => {
    const c = makeChain({ sans: ['ip:192.0.2.1'] });
    expect(run(c, { ip: '192.0.2.1' }).verdict).toBe('pass');
    const r = run(c, { ip: '::ffff:192.0.2.1' });
    expect(r.findings[0]!.args).toMatchObject({ hint: 'IpVersionMismatch', near: '192.0.2.1' });
  });

  test('a CN-only certificate fails the CA/B profile, explained as a name problem', () => {
    const r = run(makeChain({ leaf: { sans: undefined } }), { host: 'www.example.com', policy: 'cabf' });
    expect(r.findings.map((f) => f.code)).toEqual(['PATH_INVALID_EXTENSION']);
    expect(failedAt(r)).toBe('profile@0');
    expect(r.findings[0]!.args).toMatchObject({
      extension: 'subjectAltName',
      missingSan: true,
      commonName: 'www.example.com',
    });
    expect(describeFinding(r.findings[0]!).message).toMatch(
      /browsers and Go ignore the subject CN.*NET::ERR_CERT_COMMON_NAME_INVALID/,
    );
  });

  test('under rfc5280 a CN-only certificate reaches the name check: the CN would have matched in old clients', () => {
    const c = makeChain({ leaf: { sans: undefined } });
    const r = run(c, { host: 'www.example.com', policy: 'rfc5280' });
    expect(r.findings.map((f) => f.code)).toEqual(['NAME_MISMATCH']);
    expect(r.findings[0]!.args).toMatchObject({ hint: 'NoSubjectAltName', commonNameWouldMatch: true });
    expect(describeFinding(r.findings[0]!).message).toContain('would have matched in old clients');
    const other = run(c, { host: 'api.example.com', policy: 'rfc5280' });
    expect(describeFinding(other.findings[0]!).message).toContain(
      "Host: api.example.com. is not cert's CN: www.example.com",
    );
  });
});

describe('bad input throws typed errors', () => {
  const c = makeChain();
  test.each([
    [{ host: 'a*.example.com' }, 'host', /wildcard/],
    [{ host: '192.0.2.1' }, 'host', /use --ip/],
    [{ ip: '010.0.0.1' }, 'ip', /leading zero/],
    [{ host: 'example.com', ip: '192.0.2.1' }, 'ip', /not both/],
    [{ chain: [] }, 'chain', /no certificate/],
  ] as const)('%j is a usage error', (o, option, reason) => {
    const call = () => verify({ chain: pemChain(c), roots: c.root.pem, at: AT, ...o });
    expect(call).toThrow(VerifyUsageError);
    try {
      call();
    } catch (e) {
      expect((e as VerifyUsageError).option).toBe(option);
      expect((e as VerifyUsageError).reason).toMatch(reason);
    }
  });

  test('input that is not a certificate is an X509DecodeError', () => {
    expect(() => verify({ chain: 'hello', at: AT })).toThrow(X509DecodeError);
    expect(() => verify({ chain: pemChain(c), roots: new Uint8Array([0x30, 0x03, 1]), at: AT })).toThrow(
      X509DecodeError,
    );
  });
});
