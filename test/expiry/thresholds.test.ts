import { describe, expect, test } from 'vitest';
import { parseThreshold, standingOf } from '../../src/expiry/thresholds.js';

const DAY = 86_400_000;
const from = new Date('2026-01-01T00:00:00Z');
const after = (days: number) => new Date(from.getTime() + days * DAY);

describe('parseThreshold', () => {
  test.each([
    ['30d', { kind: 'left', ms: 30 * DAY }],
    ['30', { kind: 'left', ms: 30 * DAY }],
    ['12h', { kind: 'left', ms: 12 * 3_600_000 }],
    ['2w', { kind: 'left', ms: 14 * DAY }],
    ['66%', { kind: 'used', share: 0.66 }],
    [' 90.5% ', { kind: 'used', share: 0.905 }],
  ])('%s', (text, expected) => expect(parseThreshold(text)).toEqual(expected));
  test.each(['0%', '100%', '150%', '-3d', 'soon', '30 days', ''])('%s is refused with a reason', (text) =>
    expect(typeof parseThreshold(text)).toBe('string'),
  );
});

describe('the lifetime-aware default: a sixth of the lifetime (at most 30 days) warns, a twentieth (at most 7) is critical', () => {
  // [lifetime in days, warning starts at days left, critical at days left]
  const rows: [number, number, number][] = [
    [398, 30, 7],
    [198, 30, 7],
    [90, 15, 4.5],
    [47, 47 / 6, 47 / 20],
    [6, 1, 0.3],
  ];
  test.each(rows)(
    '%d-day certificate: warning from %d days left, critical from %d',
    (lifetime, warn, critical) => {
      const to = after(lifetime);
      const s = standingOf(from, to, from, {});
      expect((to.getTime() - s.warnAt.getTime()) / DAY).toBeCloseTo(warn, 6);
      expect((to.getTime() - s.criticalAt.getTime()) / DAY).toBeCloseTo(critical, 6);
      expect(standingOf(from, to, new Date(s.warnAt.getTime() - 1), {}).level).toBe('ok');
      expect(standingOf(from, to, s.warnAt, {}).level).toBe('warning');
      expect(standingOf(from, to, s.criticalAt, {}).level).toBe('critical');
      expect(standingOf(from, to, new Date(to.getTime() + 1), {}).level).toBe('expired');
    },
  );
});

test('explicit thresholds: time left, or the share of the lifetime used', () => {
  const to = after(100);
  const byDays = { warn: { kind: 'left', ms: 40 * DAY }, critical: { kind: 'left', ms: 10 * DAY } } as const;
  expect(standingOf(from, to, after(59), byDays).level).toBe('ok');
  expect(standingOf(from, to, after(60), byDays).level).toBe('warning');
  expect(standingOf(from, to, after(90), byDays).level).toBe('critical');
  const byShare = { warn: { kind: 'used', share: 0.66 }, critical: { kind: 'used', share: 0.9 } } as const;
  const s = standingOf(from, to, after(70), byShare);
  expect(s).toMatchObject({ level: 'warning', daysLeft: 30, lifetimeDays: 100, lifetimeUsed: 0.7 });
  expect(standingOf(from, to, after(95), byShare).level).toBe('critical');
  expect(standingOf(from, to, new Date(from.getTime() - 1), byShare).level).toBe('not-yet-valid');
});
