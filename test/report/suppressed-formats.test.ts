/**
 * A suppressed finding (config ignore, inline ignore, baseline) is accepted: GitHub gets no
 * annotation for it, GitLab no open issue, and a JUnit case does not fail for it (its output
 * lists it, marked suppressed).
 */

import { expect, test } from 'vitest';
import { createFinding, type Finding, type Result } from '../../src/findings/finding.js';
import { formatGithub } from '../../src/report/github.js';
import { formatGitlab } from '../../src/report/gitlab.js';
import { formatJunit } from '../../src/report/junit.js';
import { buildReport } from '../../src/report/report.js';

const WHERE = { root: '/repo', cwd: '/repo' };
const location = { source: 'stack.yaml', path: ['Resources', 'Cdn', 'Aliases', 0], line: 12, column: 9 };
const uncovered: Finding = createFinding(
  'CF_ALIAS_NOT_COVERED',
  location,
  { distribution: 'Cdn', alias: 'www.example.com', certificate: 'arn:x', sans: ['example.com'] },
  { awsError: 'InvalidViewerCertificate' },
);
const accepted: Finding = {
  ...uncovered,
  suppression: {
    kind: 'config',
    reason: 'the alias moves to the new stack in May',
    source: '.certgate.yaml:7',
  },
};
const report = (findings: Finding[]) => {
  const results: Result[] = [
    { subject: { kind: 'distribution', id: 'Cdn', source: 'stack.yaml' }, findings },
  ];
  return buildReport({ command: 'check', version: '1.0.0', results, failOn: 'error' });
};

test('GitHub: an annotation for the open finding, none for the suppressed one', () => {
  expect(formatGithub(report([uncovered]), { root: WHERE })).toContain('::error file=stack.yaml,line=12');
  expect(formatGithub(report([accepted]), { root: WHERE })).not.toContain('::error');
});

test('GitLab: an issue for the open finding, none for the suppressed one', () => {
  expect(JSON.parse(formatGitlab(report([uncovered]), { root: WHERE }))).toHaveLength(1);
  expect(JSON.parse(formatGitlab(report([accepted]), { root: WHERE }))).toEqual([]);
});

test('JUnit: the case fails for the open finding, and passes with the suppressed one listed as such', () => {
  expect(formatJunit(report([uncovered]), { failOn: 'error', root: WHERE })).toContain('<failure');
  const xml = formatJunit(report([accepted]), { failOn: 'error', root: WHERE });
  expect(xml).not.toContain('<failure');
  expect(xml).toContain('suppressed (config): the alias moves to the new stack in May');
});
