import { describe, expect, test } from 'vitest';
import { countSubjects } from '../../src/report/subject-counts.js';
import { plural } from '../../src/report/wording.js';

const of = (...kinds: string[]) => kinds.map((kind) => ({ subject: { kind } }));

describe('countSubjects', () => {
  test("the command's own subject first, named even when there is none", () => {
    expect(countSubjects(of(), 'distribution')).toBe('0 distributions');
    expect(countSubjects(of('input'), 'distribution')).toBe('0 distributions, 1 input');
  });

  test('each other kind under its own noun, in the order it first appears', () => {
    expect(countSubjects(of('certificate', 'distribution', 'input', 'distribution'), 'distribution')).toBe(
      '2 distributions, 1 certificate, 1 input',
    );
    expect(countSubjects(of('tenant', 'distribution'), 'distribution')).toBe('1 distribution, 1 tenant');
  });

  test('kinds that are not words get a noun; no subject and no results give the empty string', () => {
    expect(countSubjects(of('certificate', 'acm-certificate', 'aws'), 'certificate')).toBe(
      '1 certificate, 1 ACM certificate, 1 AWS account',
    );
    expect(countSubjects(of())).toBe('');
    expect(countSubjects(of('endpoint', 'endpoint'))).toBe('2 endpoints');
  });

  test('plural', () => {
    expect(plural(1, 'error')).toBe('1 error');
    expect(plural(0, 'error')).toBe('0 errors');
    expect(plural(2, 'baseline entry', 'baseline entries')).toBe('2 baseline entries');
  });
});
