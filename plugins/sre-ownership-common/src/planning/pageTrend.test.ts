import { DEFAULT_BURDEN_LIMITS } from '../burden/types';
import { projectPageTrend } from './pageTrend';

const TEAM = 'group:default/payments';
const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
// Thursday of the week starting Monday 2026-12-07.
const now = Date.parse('2026-12-10T12:00:00Z');
const current = Date.parse('2026-12-07T00:00:00Z');
const weekStart = (i: number) => current - (8 - i) * WEEK;

/** Someone on call all week, every week of the history. */
const roundTheClock = Array.from({ length: 8 }, (_, i) => ({
  teamRef: TEAM,
  userRef: `user:default/p${i % 4}`,
  startsAt: weekStart(i),
  endsAt: weekStart(i) + WEEK,
}));

function pagesPerWeek(counts: number[]) {
  return counts.flatMap((count, i) =>
    Array.from({ length: count }, (_, n) => ({
      teamRef: TEAM,
      severity: 'high' as const,
      triggeredAt: weekStart(i) + (n + 1) * 60_000,
    })),
  );
}

describe('projectPageTrend', () => {
  it('fits a least-squares line and finds the week it crosses the limit (worked by hand)', () => {
    // 168 h on call a week is 14 shifts of 12 h, so 14, 28, 42, 56 pages
    // are 1, 2, 3, 4 pages per shift: y = 1,1,2,2,3,3,4,4 over x = 0..7.
    // x̄ = 3.5, ȳ = 2.5, Σ(x−x̄)(y−ȳ) = 20, Σ(x−x̄)² = 42: slope 10/21,
    // intercept 2.5 − 3.5 × 10/21 = 5/6. Projected: x = 8 → 195/42 =
    // 4.642857…, x = 9 → 215/42 = 5.119047…, x = 10 → 235/42, x = 11 → 255/42.
    const trend = projectPageTrend({
      teamRef: TEAM,
      now,
      shifts: roundTheClock,
      pages: pagesPerWeek([14, 14, 28, 28, 42, 42, 56, 56]),
      limits: { ...DEFAULT_BURDEN_LIMITS, pagesPerShift: 5 },
    });
    expect(trend.status).toBe('projected');
    if (trend.status !== 'projected') return;
    expect(trend.history.map(w => w.pagesPerShift)).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4,
    ]);
    expect(trend.slopePerWeek).toBeCloseTo(10 / 21, 12);
    expect(trend.projected.map(w => w.pagesPerShift)).toEqual([
      195 / 42,
      215 / 42,
      235 / 42,
      255 / 42,
    ]);
    expect(trend.projected.map(w => w.overLimit)).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect(trend.projected[0].weekStart).toBe('2026-12-07T00:00:00.000Z');
    expect(trend.crossesLimit).toBe('2026-12-14T00:00:00.000Z');
  });

  it('compares with the limit exactly: a projection of exactly the limit is not above it', () => {
    // A flat 2 pages per shift, limit 2.
    const trend = projectPageTrend({
      teamRef: TEAM,
      now,
      shifts: roundTheClock,
      pages: pagesPerWeek(new Array(8).fill(28)),
      limits: DEFAULT_BURDEN_LIMITS,
    });
    expect(trend.status === 'projected' && trend.projected).toEqual(
      [0, 1, 2, 3].map(j => ({
        weekStart: new Date(current + j * WEEK).toISOString(),
        pagesPerShift: 2,
        overLimit: false,
      })),
    );
    expect(trend.status === 'projected' && trend.crossesLimit).toBeUndefined();
  });

  it('floors a falling line at zero pages', () => {
    const trend = projectPageTrend({
      teamRef: TEAM,
      now,
      shifts: roundTheClock,
      pages: pagesPerWeek([56, 56, 42, 42, 28, 14, 0, 0]),
      limits: DEFAULT_BURDEN_LIMITS,
    });
    expect(
      trend.status === 'projected' && trend.projected.map(w => w.pagesPerShift),
    ).toEqual([0, 0, 0, 0]);
  });

  it('says "not enough history" below four weeks with someone on call, and never guesses', () => {
    const trend = projectPageTrend({
      teamRef: TEAM,
      now,
      shifts: roundTheClock.slice(5),
      pages: pagesPerWeek([9, 9, 9, 9, 9, 9, 9, 9]),
      limits: DEFAULT_BURDEN_LIMITS,
    });
    expect(trend).toEqual({
      status: 'not-enough-history',
      history: expect.any(Array),
      reason:
        'needs at least 4 of the last 8 full weeks with someone on call, has 3',
    });
    expect(trend.history.map(w => w.pagesPerShift)).toEqual([
      null,
      null,
      null,
      null,
      null,
      9 / 14,
      9 / 14,
      9 / 14,
    ]);
  });

  it('counts pages per hour anyone was on call: two people at once are one rotation', () => {
    const doubled = [
      ...roundTheClock,
      ...roundTheClock.map(s => ({ ...s, userRef: 'user:default/second' })),
    ];
    const trend = projectPageTrend({
      teamRef: TEAM,
      now,
      shifts: doubled,
      pages: pagesPerWeek(new Array(8).fill(14)),
      limits: DEFAULT_BURDEN_LIMITS,
    });
    expect(trend.history.every(w => w.pagesPerShift === 1)).toBe(true);
  });
});
