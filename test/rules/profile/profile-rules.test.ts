import { describe, expect, test } from 'vitest';
import { check } from '../../../src/check/check.js';
import type { Distribution } from '../../../src/cloudfront/model.js';
import type { Finding } from '../../../src/findings/finding.js';
import type { Profile } from '../../../src/rules/profile/profile.js';

const FIX = 'test/fixtures/diff';
const AT = new Date('2026-02-01T00:00:00Z');
const OLD = 'arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-0000-4000-8000-000000000001';
const NEW = 'arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-0000-4000-8000-000000000002';

/** A pin written on line `line` of the config. */
const at = (line: number) => ({ source: '.certgate.yaml', line, column: 5 });
const pin = <T>(value: T, line: number) => ({ value, location: at(line) });

function profile(pins: Partial<Profile>, applies: (d: Distribution) => boolean = () => true): Profile {
  return { name: 'web', location: at(2), applies, ...pins };
}

async function profileFindings(input: string, profiles: Profile[]): Promise<Finding[]> {
  const { results } = await check([`${FIX}/${input}`], { certs: [`${FIX}/acm.json`], at: AT, profiles });
  return results.flatMap((r) => r.findings).filter((f) => f.code.startsWith('PROFILE_'));
}

describe('profile rules on a distribution (staging: TLSv1.2_2019, sni-only, the old RSA_2048 certificate)', () => {
  test('a distribution within every pin has no profile finding', async () => {
    const p = profile({
      securityPolicies: pin(['TLSv1.2_2019', 'TLSv1.2_2021'], 3),
      sslSupportMethods: pin(['sni-only'], 4),
      keyAlgorithms: pin(['RSA-2048', 'EC_prime256v1'], 5),
      certificateSources: pin(['acm'], 6),
      minDaysLeft: pin(14, 7),
      issuers: pin(['amazon'], 8),
      certificate: pin(OLD, 9),
    });
    expect(await profileFindings('staging.yaml', [p])).toEqual([]);
  });

  test('each pin broken gives its own code at the profile line, naming the input place', async () => {
    const p = profile({
      minimumSecurityPolicy: pin('TLSv1.2_2021', 3),
      sslSupportMethods: pin(['vip'], 4),
      keyAlgorithms: pin(['EC_prime256v1'], 5),
      certificateSources: pin(['iam'], 6),
      minDaysLeft: pin(45, 7),
      issuers: pin(['Example CA'], 8),
      certificate: pin(NEW, 9),
      aliasCertificates: [{ alias: 'WWW.staging.example.com', certificate: NEW, location: at(11) }],
    });
    const found = await profileFindings('staging.yaml', [p]);
    expect(found.map((f) => [f.code, f.location.line])).toEqual([
      ['PROFILE_CERTIFICATE_SOURCE', 6],
      ['PROFILE_CERTIFICATE', 9],
      ['PROFILE_CERTIFICATE', 11],
      ['PROFILE_ISSUER', 8],
      ['PROFILE_KEY_ALGORITHM', 5],
      ['PROFILE_SECURITY_POLICY', 3],
      ['PROFILE_SSL_SUPPORT_METHOD', 4],
      ['PROFILE_DAYS_LEFT', 7],
    ]);
    for (const f of found) {
      expect(f.severity).toBe('error');
      expect(f.location.source).toBe('.certgate.yaml');
      expect(f.args).toMatchObject({
        profile: 'web',
        distribution: 'Cdn',
        inputSource: `${FIX}/staging.yaml`,
      });
    }
    const byCode = (code: string) => found.find((f) => f.code === code)!;
    expect(byCode('PROFILE_SECURITY_POLICY').args).toMatchObject({
      policy: 'TLSv1.2_2019',
      minimum: 'TLSv1.2_2021',
      inputLine: 23,
    });
    expect(byCode('PROFILE_DAYS_LEFT').args).toMatchObject({ daysLeft: 30, minimum: 45 });
    expect(byCode('PROFILE_KEY_ALGORITHM').args).toMatchObject({ algorithm: 'RSA_2048' });
    expect(byCode('PROFILE_ISSUER').args).toMatchObject({ issuer: 'Amazon' });
    expect(found.filter((f) => f.code === 'PROFILE_CERTIFICATE')[1]!.args).toMatchObject({
      alias: 'www.staging.example.com',
      expected: NEW,
      certificate: OLD,
    });
  });

  test('a profile applies only where its match says', async () => {
    const strict = profile({ minimumSecurityPolicy: pin('TLSv1.2_2025', 3) }, (d) =>
      d.source.endsWith('prod.yaml'),
    );
    expect(await profileFindings('staging.yaml', [strict])).toEqual([]);
    expect((await profileFindings('prod.yaml', [strict])).map((f) => f.code)).toEqual([
      'PROFILE_SECURITY_POLICY',
    ]);
  });

  test('the profile findings come after what CloudFront would say', async () => {
    const p = profile({ certificate: pin(NEW, 9) });
    const { results } = await check([`${FIX}/staging.yaml`], {
      certs: [`${FIX}/acm.json`],
      at: new Date('2026-03-10T00:00:00Z'), // the old certificate has expired
      profiles: [p],
    });
    const codes = results[0]!.findings.map((f) => f.code);
    const expired = codes.findIndex((c) => c.startsWith('CF_'));
    expect(expired).toBe(0);
    expect(codes[0]).toBe('CF_CERTIFICATE_DATE_INVALID');
    expect(codes.indexOf('PROFILE_CERTIFICATE')).toBeGreaterThan(expired);
  });
});
