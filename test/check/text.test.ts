import { expect, test } from 'vitest';
import { formatCheckText } from '../../src/check/text.js';
import type { Distribution } from '../../src/cloudfront/model.js';
import { createColors } from '../../src/report/colors.js';
import { buildReport } from '../../src/report/report.js';
import { defaultCertDistribution, distribution, gate, unresolved } from './builders.js';

const text = (ds: Distribution[], verbose?: boolean) =>
  formatCheckText(buildReport({ command: 'check', version: '0', results: gate(ds), failOn: 'error' }), {
    colors: createColors(false),
    ...(verbose === undefined ? {} : { verbose }),
  });

test('an alias list computed at deploy time is shown as unresolved, not as none', () => {
  const out = text([
    distribution({
      aliases: [],
      aliasesUnresolved: '!GetAtt Site.Outputs.Domain is resolved at deploy time',
    }),
  ]);
  expect(out).toContain('  aliases: unresolved (!GetAtt Site.Outputs.Domain is resolved at deploy time)');
  expect(out).not.toContain('aliases: none');
});

test('one unresolved alias beside known ones', () => {
  const out = text([
    distribution({ aliases: ['www.example.com', unresolved('!Ref Extra is resolved at deploy time')] }),
  ]);
  expect(out).toContain('  aliases: www.example.com, unresolved (!Ref Extra is resolved at deploy time)');
});

test('no aliases at all is none', () => {
  expect(text([defaultCertDistribution()])).toContain('  aliases: none');
});

// MS-08: a note; sni-only with TLSv1
const withNote = () => [distribution({ policy: 'TLSv1' })];

test('notes are hidden unless verbose, and the text says how many and how to see them', () => {
  const quiet = text(withNote());
  expect(quiet).not.toContain('note CF_NON_SNI_CLIENTS');
  expect(quiet).toContain('0 errors, 1 warning, 1 note');
  expect(quiet).toContain('1 note (what cannot be decided offline) is hidden: run with --verbose to see it');
  const loud = text(withNote(), true);
  expect(loud).toContain('note CF_NON_SNI_CLIENTS');
  expect(loud).not.toContain('hidden');
});

test('nothing is said of hidden notes when there are none', () => {
  expect(text([distribution()])).not.toContain('hidden');
});
