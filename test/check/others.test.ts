/**
 * The bounded "who else" answers of the cross-distribution index (CF-23, CF-24, MS-03, MS-04,
 * MS-09) against the pairwise computation they replaced, on seeded random groups that mix
 * formats, repeated ids (one AWS distribution read twice), repeated aliases, accounts and
 * HttpVersions: the names and counts must be the same.
 */

import { describe, expect, test } from 'vitest';
import { GateIndex } from '../../src/check/cross-index.js';
import type { Distribution, SourceFormat } from '../../src/cloudfront/model.js';
import { isUnresolved } from '../../src/cloudfront/model.js';
import { nameList, othersList } from '../../src/rules/cf/fields.js';
import { prng } from '../support/prng.js';
import { distribution } from './builders.js';

const ALIASES = [
  'a.example.com',
  'b.example.com',
  '*.example.com',
  'x.a.example.com',
  '*.a.example.com',
  'A.Example.com',
  'c.example.org',
];
const FORMATS: SourceFormat[] = ['aws-cli', 'cloudformation', 'terraform'];

function randomDistributions(random: () => number, n: number): Distribution[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const out: Distribution[] = [];
  for (let i = 0; i < n; i++) {
    const aliases = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(ALIASES));
    out.push(
      distribution({
        id: `E${Math.floor(random() * n * 0.7)}`,
        format: pick(FORMATS),
        source: pick(['one.json', 'two.json']),
        aliases,
        arn: pick(['arn:1', 'arn:2']),
        httpVersion: pick(['http2', 'http1.1', 'http3']),
        ...(random() < 0.8 ? { accountId: pick(['1', '2', '3']) } : {}),
      }),
    );
  }
  return out;
}

/** The pairwise computations the rules made before the index answered them. */
const naive = {
  aliasHolders(index: GateIndex, lower: string, d: Distribution) {
    const ids = [
      ...new Set(
        index
          .aliasOwners(lower)
          .filter((o) => !index.isSame(o, d))
          .map((o) => o.id),
      ),
    ];
    return { others: nameList(ids), count: ids.length };
  },
  overlaps(index: GateIndex, wildcard: string, d: Distribution) {
    const under = index.overlapsUnder(wildcard).filter((h) => !index.isSame(h.distribution, d));
    const names = [...new Set(under.map((h) => `${h.alias} (${h.distribution.id})`))];
    return { others: nameList(names), count: names.length };
  },
  versions(index: GateIndex, key: string, d: Distribution, version: string) {
    const others: string[] = [];
    for (const u of index.certificateUsers(key)) {
      const v = u.httpVersion?.value;
      if (index.isSame(u, d) || v === undefined || isUnresolved(v) || v === version) continue;
      others.push(`${u.id} (${v})`);
    }
    return { others: nameList(others), count: others.length };
  },
  accounts(index: GateIndex, sans: readonly string[], account: string) {
    const hits = new Set<string>();
    for (const san of sans) {
      const lower = san.toLowerCase();
      const held = lower.startsWith('*.')
        ? index.aliasesUnder(lower.slice(2))
        : index.aliasOwners(lower).map((distribution) => ({ alias: lower, distribution }));
      for (const h of held) {
        const other = h.distribution.accountId;
        if (other !== undefined && other !== account)
          hits.add(`${h.alias} (${h.distribution.id}, account ${other})`);
      }
    }
    return { others: nameList([...hits]), count: hits.size };
  },
  nearestWildcard(index: GateIndex, lower: string, d: Distribution) {
    const over = index.coveringWildcards(lower).filter((h) => !index.isSame(h.distribution, d));
    const nearest = over[0];
    if (!nearest) return undefined;
    const ids = [...new Set(over.filter((h) => h.alias === nearest.alias).map((h) => h.distribution.id))];
    return { wildcard: nearest.alias, others: nameList(ids) };
  },
};

const bounded = (o: { names: readonly string[]; count: number }) => ({
  others: othersList(o),
  count: o.count,
});

describe.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i', (seed) => {
  test('the same names and counts as the pairwise computation', () => {
    const random = prng(seed);
    const distributions = randomDistributions(random, 10 + seed * 15);
    const index = new GateIndex(distributions);
    for (const d of distributions) {
      for (const f of d.aliases) {
        const lower = String(f.value).toLowerCase();
        expect(bounded(index.otherAliasHolders(lower, d, 5))).toEqual(naive.aliasHolders(index, lower, d));
        if (lower.startsWith('*.'))
          expect(bounded(index.otherOverlapsUnder(lower, d, 5))).toEqual(naive.overlaps(index, lower, d));
        const name = lower.startsWith('*.') ? lower.slice(2) : lower;
        let nearest: { wildcard: string; others: string[] } | undefined;
        for (let dot = name.indexOf('.'); dot !== -1 && !nearest; dot = name.indexOf('.', dot + 1)) {
          const wildcard = `*.${name.slice(dot + 1)}`;
          const o = index.otherAliasHolders(wildcard, d, 5);
          if (o.count > 0) nearest = { wildcard, others: othersList(o) };
        }
        expect(nearest).toEqual(naive.nearestWildcard(index, lower, d));
      }
      const key = index.certificateKeyOf(d)!;
      const version = d.httpVersion!.value as string;
      expect(bounded(index.otherHttpVersions(key, d, version, 5))).toEqual(
        naive.versions(index, key, d, version),
      );
      const sans = [
        'a.example.com',
        '*.example.com',
        'X.A.example.com',
        '*.a.example.com',
        'c.example.org',
      ].slice(seed % 3);
      if (d.accountId !== undefined)
        expect(bounded(index.otherAccountAliases(sans, d.accountId, d, 5))).toEqual(
          naive.accounts(index, sans, d.accountId),
        );
    }
  });
});

test('20,000 holders of one alias: each answer names five and counts the rest', () => {
  const distributions = Array.from({ length: 20_000 }, (_, i) =>
    distribution({ id: `E${i}`, format: 'aws-cli', aliases: ['shared.example.com'] }),
  );
  const index = new GateIndex(distributions);
  const o = index.otherAliasHolders('shared.example.com', distributions[7]!, 5);
  expect(o.count).toBe(19_999);
  expect(othersList(o)).toEqual(['E0', 'E1', 'E10', 'E100', 'E1000', '19994 more']);
});
