import { describe, expect, test } from 'vitest';
import { ERROR_CODES } from '../../src/findings/path-codes.js';
import { ERROR_RANK, type PathError, type PathErrorKind } from '../../src/pki/errors.js';
import { deriveSteps, STEP_OF_KIND, type StepInput, type VerifyStep } from '../../src/verify/steps.js';

const at = (certIndex: number) => ({ certIndex, certificate: `CN=cert ${certIndex}` });

/** A PathError of each kind, placed at `certIndex` where the kind has a place. */
function errorOf(kind: PathErrorKind, certIndex: number): PathError {
  const time = new Date(0);
  const errors: Record<PathErrorKind, PathError> = {
    UnknownIssuer: { ...at(certIndex), kind: 'UnknownIssuer', issuer: 'CN=x' },
    UntrustedRoot: { ...at(certIndex), kind: 'UntrustedRoot' },
    PathTooLong: { ...at(certIndex), kind: 'PathTooLong', maxDepth: 10 },
    BudgetExceeded: { kind: 'BudgetExceeded', budget: 'signatures', limit: 100 },
    BadSignature: { ...at(certIndex), kind: 'BadSignature' },
    UnsupportedSignatureAlgorithm: {
      ...at(certIndex),
      kind: 'UnsupportedSignatureAlgorithm',
      algorithm: 'x',
    },
    WeakSignatureAlgorithm: { ...at(certIndex), kind: 'WeakSignatureAlgorithm', algorithm: 'x' },
    WeakKey: { ...at(certIndex), kind: 'WeakKey', key: 'RSA 1024' },
    SignatureAlgorithmMismatch: { ...at(certIndex), kind: 'SignatureAlgorithmMismatch' },
    CertExpired: { ...at(certIndex), kind: 'CertExpired', time, notAfter: time },
    CertNotYetValid: { ...at(certIndex), kind: 'CertNotYetValid', time, notBefore: time },
    Revoked: { ...at(certIndex), kind: 'Revoked' },
    InvalidCrl: { ...at(certIndex), kind: 'InvalidCrl', issuer: 'CN=x', reason: 'r' },
    RevocationUnknown: { ...at(certIndex), kind: 'RevocationUnknown', reason: 'r' },
    IssuerNotCa: { ...at(certIndex), kind: 'IssuerNotCa' },
    PathLenExceeded: { ...at(certIndex), kind: 'PathLenExceeded', pathLenConstraint: 0 },
    IssuerNotCertSigner: { ...at(certIndex), kind: 'IssuerNotCertSigner' },
    CaUsedAsEndEntity: { ...at(certIndex), kind: 'CaUsedAsEndEntity' },
    RequiredEkuNotFound: {
      ...at(certIndex),
      kind: 'RequiredEkuNotFound',
      required: 'serverAuth',
      present: [],
    },
    KeyUsageNotAllowed: { ...at(certIndex), kind: 'KeyUsageNotAllowed', required: 'digitalSignature' },
    UnknownCriticalExtension: { ...at(certIndex), kind: 'UnknownCriticalExtension', oid: '1.2.3' },
    InvalidExtension: { ...at(certIndex), kind: 'InvalidExtension', extension: 'keyUsage', reason: 'r' },
    InvalidCertificate: { ...at(certIndex), kind: 'InvalidCertificate', reason: 'r' },
    CommonNameNotInSan: { ...at(certIndex), kind: 'CommonNameNotInSan', commonName: 'x', sans: ['y'] },
    NameConstraintViolation: {
      ...at(certIndex),
      kind: 'NameConstraintViolation',
      name: 'DNS:a',
      constraint: 'permitted DNS:b',
      constrainedBy: 2,
    },
    NoValidPolicy: { ...at(certIndex), kind: 'NoValidPolicy', requiredBy: 'settings' },
    InvalidPolicyMapping: {
      ...at(certIndex),
      kind: 'InvalidPolicyMapping',
      issuerDomainPolicy: '2.5.29.32.0',
      subjectDomainPolicy: '1.2.3',
    },
    NameMismatch: { kind: 'NameMismatch', reference: 'a.example', presented: ['DNS:b.example'] },
  };
  return errors[kind];
}

const base: StepInput = { pathLength: 3, anchored: true, revocation: 'all', nameChecked: true };
const show = (steps: readonly VerifyStep[], status: VerifyStep['status']) =>
  steps
    .filter((s) => s.status === status)
    .map((s) => (s.certIndex === undefined ? s.step : `${s.step}@${s.certIndex}`));

describe('every PathError kind fails exactly one step, with its code', () => {
  const kinds = Object.keys(ERROR_RANK) as PathErrorKind[];
  test.each(kinds)('%s', (kind) => {
    const steps = deriveSteps({ ...base, error: errorOf(kind, 1) });
    const failed = steps.filter((s) => s.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ step: STEP_OF_KIND[kind], code: ERROR_CODES[kind] });
  });
});

describe('steps before the failure passed, steps after it were not reached', () => {
  test('a valid path: every step ok', () => {
    const steps = deriveSteps(base);
    expect(show(steps, 'failed')).toEqual([]);
    expect(show(steps, 'not-reached')).toEqual([]);
    expect(steps[0]).toEqual({ step: 'path', status: 'ok' });
    expect(steps.at(-1)).toEqual({ step: 'name', status: 'ok' });
    // the anchor is trusted: no signature, name-constraint or revocation step of its own
    expect(show(steps, 'ok').filter((s) => s.endsWith('@2'))).toEqual([
      'validity@2',
      'profile@2',
      'key@2',
      'basic-constraints@2',
      'key-usage@2',
      'extended-key-usage@2',
      'path-length@2',
    ]);
  });

  test('no CRLs and no name: revocation and name are skipped, never ok', () => {
    const steps = deriveSteps({ ...base, revocation: 'none', nameChecked: false });
    expect(show(steps, 'skipped')).toEqual(['revocation@0', 'revocation@1', 'name']);
  });

  test('--crl-check leaf: the leaf revocation ran, the intermediate one is skipped', () => {
    const steps = deriveSteps({ ...base, revocation: 'leaf' });
    expect(show(steps, 'skipped')).toEqual(['revocation@1']);
    expect(show(steps, 'ok')).toContain('revocation@0');
  });

  test('the issuer is not a CA: the leaf and its signature passed, the rest was not reached', () => {
    const steps = deriveSteps({ ...base, pathLength: 2, anchored: false, error: errorOf('IssuerNotCa', 1) });
    expect(show(steps, 'failed')).toEqual(['basic-constraints@1']);
    expect(show(steps, 'ok')).toEqual([
      'validity@0',
      'profile@0',
      'key@0',
      'basic-constraints@0',
      'extended-key-usage@0',
      'key-usage@0',
      'signature@0',
      'validity@1',
      'profile@1',
      'key@1',
    ]);
    expect(show(steps, 'not-reached')).toContain('path');
    expect(show(steps, 'not-reached')).toContain('name-constraints@0');
    expect(show(steps, 'not-reached')).toContain('name');
  });

  test('an expired leaf: nothing after its validity ran, and without an issuer its signature did not', () => {
    const steps = deriveSteps({ ...base, pathLength: 1, anchored: false, error: errorOf('CertExpired', 0) });
    expect(show(steps, 'ok')).toEqual([]);
    expect(show(steps, 'failed')).toEqual(['validity@0']);
    expect(show(steps, 'not-reached')).toEqual([
      'path',
      'profile@0',
      'key@0',
      'basic-constraints@0',
      'extended-key-usage@0',
      'key-usage@0',
      'signature@0',
      'name-constraints@0',
      'revocation@0',
      'name',
    ]);
  });

  test('an unknown issuer: the certificates checked so far passed, the path failed', () => {
    const steps = deriveSteps({
      ...base,
      pathLength: 2,
      anchored: false,
      error: errorOf('UnknownIssuer', 1),
    });
    expect(show(steps, 'failed')).toEqual(['path']);
    expect(show(steps, 'ok')).toContain('signature@0');
    expect(show(steps, 'ok')).toContain('key-usage@1');
    expect(show(steps, 'not-reached')).toEqual([
      'revocation@0',
      'signature@1',
      'name-constraints@1',
      'revocation@1',
      'name',
    ]);
  });

  test('a name-constraint failure is placed at the CA that carries the constraint', () => {
    const steps = deriveSteps({ ...base, error: errorOf('NameConstraintViolation', 0) });
    expect(show(steps, 'failed')).toEqual(['name-constraints@0']);
    // the constraint sits on #2, so #1 and #2 were checked before it failed
    expect(show(steps, 'ok')).toContain('path-length@2');
    expect(show(steps, 'not-reached')).toEqual([
      'path',
      'revocation@0',
      'name-constraints@1',
      'revocation@1',
      'name',
    ]);
  });

  test('revocation runs after the path reached an anchor', () => {
    const steps = deriveSteps({ ...base, error: errorOf('Revoked', 1) });
    expect(show(steps, 'ok')).toContain('path');
    expect(show(steps, 'ok')).toContain('revocation@0');
    expect(show(steps, 'failed')).toEqual(['revocation@1']);
    expect(show(steps, 'not-reached')).toEqual(['name']);
  });

  test('the name check comes last', () => {
    const steps = deriveSteps({ ...base, error: errorOf('NameMismatch', 0) });
    expect(show(steps, 'failed')).toEqual(['name']);
    expect(show(steps, 'not-reached')).toEqual([]);
  });

  test('an error on a certificate beyond the path still shows', () => {
    const steps = deriveSteps({ ...base, pathLength: 1, anchored: false, error: errorOf('CertExpired', 2) });
    expect(show(steps, 'failed')).toEqual(['validity@2']);
  });
});
