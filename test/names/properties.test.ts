import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  buildSanIndex,
  checkAliasSyntax,
  formatIpAddress,
  matchHostname,
  parseIpAddress,
  parseReferenceName,
} from '../../src/names/index.js';

const RUNS = { numRuns: 500 };

/** A DNS label: a few fixed ones so names collide often, plus random LDH labels. */
const label = fc.oneof(
  fc.constantFrom('a', 'b', 'www', 'api', 'xn--bcher-kva', '_acme', 'a-1', 'z9', 'com', 'example'),
  fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/),
);
const labels = (min: number, max: number) => fc.array(label, { minLength: min, maxLength: max });
/** A suffix of two to four labels: what may follow a wildcard. */
const suffix = labels(2, 4).map((ls) => ls.join('.'));

/** A SAN built from a suffix: the suffix, one label under it, or a wildcard over it. */
const sanFor = (base: string) =>
  fc.oneof(
    fc.constant(base),
    fc.constant(`*.${base}`),
    label.map((l) => `${l}.${base}`),
    label.map((l) => `*.${l}.${base}`),
    fc.constant(`f*.${base}`),
    fc.constant(`${base}.`),
  );
/** A name to look up, built from a suffix: the apex, one, two or three labels under it, or a wildcard. */
const nameFor = (base: string) =>
  fc.oneof(
    fc.constant(base),
    labels(1, 3).map((ls) => `${ls.join('.')}.${base}`),
    fc.constant(`*.${base}`),
    label.map((l) => `*.${l}.${base}`),
  );

/** SANs and a name drawn from the same few suffixes, so that matches are common. */
const certAndName = fc.array(suffix, { minLength: 1, maxLength: 3 }).chain((bases) =>
  fc.tuple(
    fc.array(
      fc.constantFrom(...bases).chain((b) => sanFor(b)),
      { maxLength: 6 },
    ),
    fc.constantFrom(...bases).chain((b) => nameFor(b)),
  ),
);

/** Flips the case of ASCII letters where `flips` (cycled) says so. */
function flipCase(text: string, flips: readonly boolean[]): string {
  if (flips.length === 0) return text;
  return Array.from(text, (c, i) => (flips[i % flips.length] ? c.toUpperCase() : c.toLowerCase())).join('');
}

function dnsMatch(sans: readonly string[], name: string): boolean | undefined {
  const ref = parseReferenceName(name);
  return ref.ok ? matchHostname({ dnsNames: sans, ipAddresses: [] }, ref.value).matched : undefined;
}

describe('hostname matching properties', () => {
  test('matching is ASCII case-insensitive', () => {
    fc.assert(
      fc.property(certAndName, fc.array(fc.boolean()), fc.array(fc.boolean()), ([sans, name], f1, f2) => {
        const flipped = sans.map((s, i) => flipCase(s, i % 2 === 0 ? f1 : f2));
        expect(dnsMatch(flipped, flipCase(name, f2)), `${sans} vs ${name}`).toBe(dnsMatch(sans, name));
        const index = buildSanIndex(sans);
        expect(buildSanIndex(flipped).covers(flipCase(name, f1)).covered).toBe(index.covers(name).covered);
      }),
      RUNS,
    );
  });

  test('a wildcard covers exactly one label, never across a dot', () => {
    fc.assert(
      fc.property(suffix, labels(0, 4), (base, extra) => {
        const reference = [...extra, base].join('.');
        const matched = dnsMatch([`*.${base}`], reference);
        fc.pre(matched !== undefined);
        expect(matched, `*.${base} vs ${reference}`).toBe(extra.length === 1);
      }),
      RUNS,
    );
  });
});

describe('alias coverage properties', () => {
  test('for a concrete alias, coverage is exactly hostname matching', () => {
    fc.assert(
      fc.property(certAndName, ([sans, alias]) => {
        fc.pre(!alias.startsWith('*') && checkAliasSyntax(alias) === undefined);
        const covered = buildSanIndex(sans).covers(alias);
        expect(dnsMatch(sans, alias), `${JSON.stringify(sans)} vs ${alias}`).toBe(covered.covered);
        // The SAN the index names covers the alias on its own, as a client would see it.
        if (covered.covered) expect(dnsMatch([covered.by], alias), `${covered.by} vs ${alias}`).toBe(true);
      }),
      RUNS,
    );
  });

  test('a covered wildcard alias *.S implies every x.S matches', () => {
    fc.assert(
      fc.property(certAndName, label, ([sans, alias], x) => {
        fc.pre(alias.startsWith('*.') && buildSanIndex(sans).covers(alias).covered);
        const concrete = `${x}.${alias.slice(2)}`;
        fc.pre(parseReferenceName(concrete).ok);
        expect(dnsMatch(sans, concrete), `${JSON.stringify(sans)} vs ${concrete}`).toBe(true);
        expect(buildSanIndex(sans).covers(concrete).covered).toBe(true);
      }),
      RUNS,
    );
  });

  test('a syntactically valid concrete alias is a valid reference name', () => {
    fc.assert(
      fc.property(certAndName, ([, alias]) => {
        fc.pre(!alias.startsWith('*') && checkAliasSyntax(alias) === undefined);
        expect(parseReferenceName(alias)).toMatchObject({ ok: true, value: { name: alias.toLowerCase() } });
      }),
      RUNS,
    );
  });
});

/** Sixteen octets with long zero runs common, so '::' compression gets exercised. */
const ipv6Words = fc.array(
  fc.oneof(fc.constant(0), fc.constant(0xffff), fc.integer({ min: 0, max: 0xffff })),
  {
    minLength: 8,
    maxLength: 8,
  },
);

/** How to write an IPv6 address non-canonically: case, zero padding, which run to compress, mixed. */
const rendering = fc.record({
  upper: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  pad: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }),
  compressStart: fc.integer({ min: 0, max: 8 }),
  compressLength: fc.integer({ min: 0, max: 8 }),
  mixed: fc.boolean(),
});

type Rendering = typeof rendering extends fc.Arbitrary<infer T> ? T : never;

function renderIpv6(words: readonly number[], how: Rendering): string {
  const groups = words.map((w, i) => {
    const hex = w.toString(16).padStart(Math.min(4, w.toString(16).length + (how.pad[i] ?? 0)), '0');
    return how.upper[i] ? hex.toUpperCase() : hex;
  });
  const end = Math.min(8, how.compressStart + how.compressLength);
  const canCompress = end > how.compressStart && words.slice(how.compressStart, end).every((w) => w === 0);
  if (how.mixed && (!canCompress || end <= 6)) {
    const [a = 0, b = 0] = words.slice(6);
    groups.splice(6, 2, `${a >> 8}.${a & 0xff}.${b >> 8}.${b & 0xff}`, '');
  }
  const joined = (gs: readonly string[]) => gs.filter((g) => g !== '').join(':');
  if (!canCompress) return joined(groups);
  return `${joined(groups.slice(0, how.compressStart))}::${joined(groups.slice(end))}`;
}

describe('ip address properties', () => {
  test('parse → format → parse round-trips', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ minLength: 4, maxLength: 4 }),
      fc.uint8Array({ minLength: 16, maxLength: 16 }),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        const text = formatIpAddress(b);
        const parsed = parseIpAddress(text);
        expect(parsed.ok && Array.from(parsed.value.bytes), text).toEqual(Array.from(b));
        expect(parsed.ok && parsed.value.text, text).toBe(text);
      }),
      RUNS,
    );
  });

  test('every RFC 4291 spelling of an address parses to the same bytes and canonical text', () => {
    fc.assert(
      fc.property(ipv6Words, rendering, (words, how) => {
        const text = renderIpv6(words, how);
        const bytes = Uint8Array.from(words.flatMap((w) => [w >> 8, w & 0xff]));
        const parsed = parseIpAddress(text);
        expect(parsed.ok ? Array.from(parsed.value.bytes) : parsed.error.reason, text).toEqual(
          Array.from(bytes),
        );
        expect(parsed.ok && parsed.value.text, text).toBe(formatIpAddress(bytes));
      }),
      RUNS,
    );
  });
});
