import { describe, expect, test } from 'vitest';
import { createFinding } from '../../src/findings/finding.js';
import { decodeCertificate } from '../../src/x509/certificate.js';
import type { Certificate } from '../../src/x509/model.js';
import { createCertificate, type IssuedCertificate, testKey } from '../support/cert-factory.js';
import { makeLeaf, makeRoot } from '../verify/chains.js';
import {
  ARN,
  acmEvidence,
  arnIn,
  defaultCertDistribution,
  distribution,
  findingsOf,
  gate,
  pemEvidence,
  templateEvidence,
  unresolved,
} from './builders.js';

const codes = (findings: readonly { code: string }[]) => findings.map((f) => f.code);

describe('ordering: decision order, severity first, CloudFront’s own order among InvalidViewerCertificate', () => {
  test('region first, then coverage, then the expiry warning', () => {
    const eu = arnIn('eu-west-1');
    const d = distribution({ arn: eu, aliases: ['www.example.com', 'api.example.com'] });
    const evidence = [acmEvidence({ key: eu, notAfter: new Date('2026-06-20T00:00:00Z') })];
    expect(codes(findingsOf(gate([d], evidence)))).toEqual([
      'CF_CERTIFICATE_NOT_IN_US_EAST_1',
      'CF_ALIAS_NOT_COVERED',
      'CF_CERTIFICATE_EXPIRES_SOON',
    ]);
  });

  test('InvalidViewerCertificate rejections follow rulebook §1.1; other errors keep their slot', () => {
    // A 7-certificate chain (CF-06) whose leaf is expired (CF-05) and untrusted (CF-07), an alias it
    // does not cover (CF-09), and an alias another distribution holds (CF-23).
    let issuer: IssuedCertificate = makeRoot();
    const cas: Certificate[] = [];
    for (let i = 0; i < 6; i++) {
      issuer = createCertificate({ subject: `CN=CA ${i}`, issuer, ca: true, key: testKey('p256', 20 + i) });
      cas.unshift(decodeCertificate(issuer.der));
    }
    const leaf = decodeCertificate(
      makeLeaf(issuer, ['dns:www.example.com'], { notAfter: new Date('2026-05-01') }).der,
    );
    const d = distribution({ id: 'E1', aliases: ['www.example.com', 'api.example.com'] });
    const other = distribution({ id: 'E2', aliases: ['www.example.com'], arn: arnIn('us-east-1', '2') });
    const findings = findingsOf(gate([d, other], [pemEvidence(ARN, [leaf, ...cas])]), 'E1');
    expect(codes(findings.filter((f) => f.severity === 'error'))).toEqual([
      'CF_CHAIN_TOO_LONG', // §1.1 step 2
      'CF_CERTIFICATE_DATE_INVALID', // step 3
      'CF_ALIAS_ALREADY_EXISTS', // not InvalidViewerCertificate: stays in its decision-order slot
      'CF_CERTIFICATE_UNTRUSTED', // step 4
      'CF_ALIAS_NOT_COVERED', // step 7, last
    ]);
  });

  test('no certificate comes before everything CloudFront checks after it', () => {
    const d = distribution({ viewer: false, aliases: ['Bad.example.com'] });
    expect(codes(findingsOf(gate([d], [])).filter((f) => f.severity === 'error'))).toEqual([
      'CF_ALIASES_WITHOUT_CERTIFICATE',
      'CF_ALIAS_SYNTAX_INVALID',
    ]);
  });

  test('errors before warnings before notes, decision order inside each', () => {
    const d = distribution({ id: 'E1', policy: 'TLSv1', aliases: ['www.example.com'] });
    const twin = distribution({ id: 'E2', aliases: ['www.example.com'] });
    const findings = findingsOf(gate([d, twin]), 'E1');
    expect(findings.map((f) => [f.severity, f.code])).toEqual([
      ['error', 'CF_ALIAS_ALREADY_EXISTS'],
      ['warning', 'CF_WEAK_SECURITY_POLICY'],
      ['note', 'CF_NON_SNI_CLIENTS'],
    ]);
  });
});

describe('evidence', () => {
  test('missing evidence: one finding listing the checks, every other rule still runs', () => {
    const eu = arnIn('eu-west-1');
    const d = distribution({ id: 'E1', arn: eu, aliases: ['www.example.com', 'API.example.com'] });
    const twin = distribution({ id: 'E2', aliases: ['www.example.com'] });
    const findings = findingsOf(gate([d, twin], []), 'E1');
    expect(codes(findings)).toEqual([
      'CF_CERTIFICATE_NOT_IN_US_EAST_1',
      'CF_ALIAS_ALREADY_EXISTS',
      'CF_ALIAS_SYNTAX_INVALID',
      'CF_CERTIFICATE_EVIDENCE_MISSING',
    ]);
    const missing = findings.find((f) => f.code === 'CF_CERTIFICATE_EVIDENCE_MISSING');
    expect(missing).toMatchObject({
      severity: 'warning',
      args: {
        certificate: eu,
        certificateKind: 'acm',
        checks: ['status', 'expiry', 'renewal', 'origin', 'coverage', 'key type', 'chain'],
      },
    });
    expect(missing?.args.skipped).toEqual(
      expect.arrayContaining(['CF-04', 'CF-05', 'CF-09', 'CF-11', 'CF-07']),
    );
  });

  test('no evidence finding for the default certificate', () => {
    const d = defaultCertDistribution();
    expect(codes(findingsOf(gate([d], [])))).toEqual(['CF_DEFAULT_CERTIFICATE']);
  });

  test('looked up by ARN, by IAM id, and by template resource', () => {
    const iam = 'ASCAEXAMPLEEXAMPLE12';
    const results = gate(
      [
        distribution({ id: 'A', aliases: ['nope.example.com'] }),
        distribution({ id: 'B', arn: null, iam, aliases: ['nope.example.com'] }),
        distribution({
          id: 'C',
          arn: unresolved('!Ref Cert'),
          certificateResource: 'cfn:stack.yaml#Cert',
          aliases: ['nope.example.com'],
        }),
      ],
      [
        acmEvidence(),
        { ...pemEvidence(iam, []), subjectAlternativeNames: ['www.example.com'], iamPath: '/cloudfront/x/' },
        templateEvidence({ region: 'us-east-1' }),
      ],
    );
    for (const id of ['A', 'B', 'C']) {
      expect(
        findingsOf(results, id).find((f) => f.code === 'CF_ALIAS_NOT_COVERED'),
        id,
      ).toBeDefined();
      expect(
        findingsOf(results, id).find((f) => f.code === 'CF_CERTIFICATE_EVIDENCE_MISSING'),
        id,
      ).toBeUndefined();
    }
  });

  test('evidence matching no distribution is a result of its own (once, even when a source said so)', () => {
    const spare = acmEvidence({ key: arnIn('us-east-1', '5') });
    const results = gate([distribution()], [acmEvidence(), spare]);
    const last = results[results.length - 1]!;
    expect(last.subject).toEqual({ kind: 'certificate', id: spare.key, source: 'acm.json' });
    expect(codes(last.findings)).toEqual(['INPUT_EVIDENCE_UNMATCHED']);
    const said = createFinding('INPUT_EVIDENCE_UNMATCHED', spare.location, {
      key: spare.key,
      source: 'acm.json',
    });
    const again = gate([distribution()], [acmEvidence(), spare], { sourceFindings: [{ finding: said }] });
    expect(
      again.flatMap((r) => r.findings).filter((f) => f.code === 'INPUT_EVIDENCE_UNMATCHED'),
    ).toHaveLength(1);
  });

  test('each certificate’s SAN index is built once however many distributions share it', () => {
    const shared = Array.from({ length: 50 }, (_, i) =>
      distribution({ id: `E${i}`, aliases: [`h${i}.example.com`] }),
    );
    const findings = gate(shared, [acmEvidence({ subjectAlternativeNames: ['*.example.com'] })]).flatMap(
      (r) => r.findings,
    );
    expect(findings.filter((f) => f.severity !== 'note')).toEqual([]);
  });
});

describe('cross-distribution rules', () => {
  test('CF-23 names every other holder; MS-03 wildcard overlap is a note on the wildcard holder', () => {
    const results = gate([
      distribution({ id: 'E1', aliases: ['www.example.com'] }),
      distribution({ id: 'E2', aliases: ['www.example.com'] }),
      distribution({ id: 'E3', aliases: ['www.example.com'] }),
      distribution({ id: 'W', aliases: ['*.example.com'], arn: arnIn('us-east-1', '3') }),
    ]);
    for (const id of ['E1', 'E2', 'E3']) {
      const f = findingsOf(results, id).find((x) => x.code === 'CF_ALIAS_ALREADY_EXISTS');
      expect(f).toMatchObject({ severity: 'error', awsError: 'CNAMEAlreadyExists', args: { otherCount: 2 } });
      expect(f?.args.others).not.toContain(id);
    }
    const overlap = findingsOf(results, 'W').find((f) => f.code === 'CF_WILDCARD_ALIAS_OVERLAP');
    expect(overlap).toMatchObject({ severity: 'note', args: { alias: '*.example.com', count: 3 } });
    expect(overlap).not.toHaveProperty('awsError');
    expect(findingsOf(results, 'W').some((f) => f.code === 'CF_ALIAS_ALREADY_EXISTS')).toBe(false);
  });
});

describe('unresolved values', () => {
  test('a rule whose input is unresolved does not fire; the skip is reported once per distribution', () => {
    const d = distribution({
      arn: unresolved('!ImportValue SharedCertArn'),
      aliases: ['www.example.com', unresolved('!Ref Alias')],
    });
    const findings = findingsOf(gate([d], []));
    expect(codes(findings)).toEqual(['INPUT_UNRESOLVED_VALUE']);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      args: {
        distribution: 'E1EXAMPLE',
        field: ['ViewerCertificate.ACMCertificateArn', 'Aliases'],
        reason: ['ViewerCertificate.ACMCertificateArn: !ImportValue SharedCertArn', 'Aliases: !Ref Alias'],
      },
    });
    expect(findings[0]?.args.skipped).toEqual(
      expect.arrayContaining(['CF-02', 'CF-04', 'CF-09', 'CF-23', 'CF-27']),
    );
  });

  test('a single unresolved field is named as such', () => {
    const d = distribution({ policy: unresolved('!Ref Policy') });
    const [f] = findingsOf(gate([d]));
    expect(f).toMatchObject({
      code: 'INPUT_UNRESOLVED_VALUE',
      location: { path: ['DistributionConfig', 'ViewerCertificate', 'MinimumProtocolVersion'] },
      args: { field: 'ViewerCertificate.MinimumProtocolVersion', reason: '!Ref Policy' },
    });
    // CF-18 reads the policy only for vip, so it is not listed
    expect(f?.args.skipped).toEqual(expect.arrayContaining(['CF-17', 'CF-19', 'W-03']));
    expect(f?.args.skipped).not.toContain('CF-18');
  });

  test('a source finding for the same field gets the skipped rules instead of a second finding', () => {
    const d = distribution({ policy: unresolved('!Ref Policy') });
    const location = d.viewerCertificate!.minimumProtocolVersion!.location;
    const said = createFinding('INPUT_UNRESOLVED_VALUE', location, {
      field: 'MinimumProtocolVersion',
      distribution: d.id,
      reason: '!Ref Policy',
    });
    const findings = findingsOf(
      gate([d], undefined, { sourceFindings: [{ distributionId: d.id, finding: said }] }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.args).toMatchObject({ field: 'MinimumProtocolVersion' });
    expect(findings[0]?.args.skipped).toEqual(expect.arrayContaining(['CF-17', 'W-03']));
  });
});

describe('source findings and results', () => {
  test('attached to the distribution they name; the rest form a result per input', () => {
    const d = distribution({ id: 'E1', source: 'a.json' });
    const mine = createFinding(
      'INPUT_PRIVATE_KEY_SKIPPED',
      { source: 'a.json' },
      { source: 'a.json', count: 1 },
    );
    const loose = createFinding(
      'INPUT_PRIVATE_KEY_SKIPPED',
      { source: 'b.pem' },
      { source: 'b.pem', count: 1 },
    );
    const results = gate([d], undefined, {
      sourceFindings: [{ distributionId: 'E1', finding: mine }, { finding: loose }],
    });
    expect(codes(findingsOf(results, 'E1'))).toEqual(['INPUT_PRIVATE_KEY_SKIPPED']);
    expect(results[1]).toMatchObject({
      subject: { kind: 'input', id: 'b.pem', source: 'b.pem' },
      findings: [loose],
    });
  });

  test('details: format, aliases as written, certificate', () => {
    const [r] = gate([distribution({ aliases: ['www.example.com', unresolved()] })]);
    expect(r).toMatchObject({
      subject: { kind: 'distribution', id: 'E1EXAMPLE', source: 'dist.json' },
      details: { format: 'aws-cli', aliases: ['www.example.com'], certificate: ARN },
    });
  });

  test('deterministic: input order does not change the output', () => {
    const ds = [
      distribution({ id: 'B', source: 'x.json', aliases: ['www.example.com', 'Z.example.com'] }),
      distribution({ id: 'A', source: 'x.json', aliases: ['www.example.com', '*.example.com'] }),
      distribution({ id: 'C', source: 'a.json', arn: arnIn('eu-west-1'), policy: 'TLSv1' }),
    ];
    const once = gate(ds);
    expect(gate([...ds].reverse())).toEqual(once);
    expect(gate(ds)).toEqual(once);
    expect(once.map((r) => `${r.subject.source}#${r.subject.id}`)).toEqual([
      'a.json#C',
      'x.json#A',
      'x.json#B',
    ]);
  });
});
