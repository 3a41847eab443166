import { describe, expect, test } from 'vitest';
import type { Distribution } from '../../src/cloudfront/model.js';
import { pairDistributions } from '../../src/diff/pair.js';

const d = (id: string, source = 'x.yaml'): Distribution => ({
  id,
  format: 'cloudformation',
  source,
  location: { source },
  aliases: [],
});

const ids = (pairs: ReturnType<typeof pairDistributions>) =>
  pairs.map((p) => [p.a?.id ?? null, p.b?.id ?? null, p.by]);

describe('pairDistributions', () => {
  test('the same logical id or address pairs, whatever the order', () => {
    const pairs = pairDistributions([d('Cdn'), d('Assets')], [d('Assets'), d('Cdn')]);
    expect(ids(pairs)).toEqual([
      ['Cdn', 'Cdn', 'id'],
      ['Assets', 'Assets', 'id'],
    ]);
  });

  test('CDK construct paths pair across stacks', () => {
    const pairs = pairDistributions(
      [d('StagingStack/Site/Distribution/Resource'), d('StagingStack/Docs/Distribution/Resource')],
      [d('ProdStack/Docs/Distribution/Resource'), d('ProdStack/Site/Distribution/Resource')],
    );
    expect(ids(pairs)).toEqual([
      ['StagingStack/Site/Distribution/Resource', 'ProdStack/Site/Distribution/Resource', 'construct path'],
      ['StagingStack/Docs/Distribution/Resource', 'ProdStack/Docs/Distribution/Resource', 'construct path'],
    ]);
  });

  test('the one distribution left on each side pairs (AWS CLI output of two accounts)', () => {
    expect(ids(pairDistributions([d('E1STAGING')], [d('E2PROD')]))).toEqual([
      ['E1STAGING', 'E2PROD', 'only pair left'],
    ]);
  });

  test('what cannot be told apart stays unpaired rather than paired wrongly', () => {
    const pairs = pairDistributions([d('E1'), d('E2')], [d('E3'), d('E4'), d('E1')]);
    expect(ids(pairs)).toEqual([
      ['E1', 'E1', 'id'],
      ['E2', null, 'unpaired'],
      [null, 'E3', 'unpaired'],
      [null, 'E4', 'unpaired'],
    ]);
  });

  test('an id repeated on one side pairs nothing', () => {
    const pairs = pairDistributions([d('A/Cdn'), d('B/Cdn')], [d('C/Cdn')]);
    expect(pairs.every((p) => p.by === 'unpaired')).toBe(true);
    expect(pairs).toHaveLength(3);
  });
});
