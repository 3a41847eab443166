import { describe, expect, it } from 'vitest';
import { findingFingerprint, locatorPathText, normalisedSource } from '../../src/findings/fingerprint.js';

const where = { root: '/repo', cwd: '/repo/infra' };

describe('normalisedSource', () => {
  it('gives one name for a relative, ./ and absolute spelling of the same file', () => {
    expect(normalisedSource('cdn.yaml', where)).toBe('infra/cdn.yaml');
    expect(normalisedSource('./cdn.yaml', where)).toBe('infra/cdn.yaml');
    expect(normalisedSource('/repo/infra/cdn.yaml', where)).toBe('infra/cdn.yaml');
    expect(normalisedSource('../infra/./cdn.yaml', where)).toBe('infra/cdn.yaml');
  });
  it('keeps a path outside the repository absolute, and stdin and endpoints as typed', () => {
    expect(normalisedSource('/tmp/plan.json', where)).toBe('/tmp/plan.json');
    expect(normalisedSource('../../tmp/plan.json', where)).toBe('/tmp/plan.json');
    expect(normalisedSource('-', where)).toBe('-');
    expect(normalisedSource('example.com:443', where)).toBe('example.com:443');
  });
});

describe('findingFingerprint', () => {
  const base = {
    code: 'CF_CERT_NOT_COVERING_ALIAS',
    location: { source: 'cdn.yaml', path: ['Resources', 'Cdn', 'Aliases', 0], line: 12 },
    subject: { kind: 'distribution', id: 'Cdn', source: 'cdn.yaml' },
  };
  it('does not change with the line or the spelling of the path', () => {
    const moved = { ...base, location: { ...base.location, source: '/repo/infra/cdn.yaml', line: 40 } };
    expect(findingFingerprint(moved, where)).toBe(findingFingerprint(base, where));
    expect(findingFingerprint(base, where)).toMatch(/^[0-9a-f]{32}$/);
  });
  it('changes with the code, the place in the input, the subject and the certificate index', () => {
    const f = findingFingerprint(base, where);
    expect(findingFingerprint({ ...base, code: 'CF_OTHER' }, where)).not.toBe(f);
    expect(
      findingFingerprint(
        { ...base, location: { ...base.location, path: ['Resources', 'Cdn', 'Aliases', 1] } },
        where,
      ),
    ).not.toBe(f);
    expect(findingFingerprint({ ...base, subject: { ...base.subject, id: 'Other' } }, where)).not.toBe(f);
    expect(findingFingerprint({ ...base, location: { ...base.location, certIndex: 1 } }, where)).not.toBe(f);
    expect(
      findingFingerprint({ ...base, location: { ...base.location, source: 'other.yaml' } }, where),
    ).not.toBe(f);
  });
});

describe('locatorPathText', () => {
  it('joins keys with dots and indexes in brackets', () => {
    expect(locatorPathText(['Resources', 'Cdn', 'Aliases', 0])).toBe('Resources.Cdn.Aliases[0]');
    expect(locatorPathText(undefined)).toBe('');
  });
});
