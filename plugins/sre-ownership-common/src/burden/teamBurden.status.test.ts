import {
  NOW,
  aPage,
  aShift,
  aToil,
  daysBefore,
  engineerIn,
  member,
  teamInput,
} from './__testUtils__/builders';
import { computeTeamBurden } from './teamBurden';
import { DEFAULT_BURDEN_LIMITS } from './types';

const week = (n: number) => {
  const start = Date.parse('2024-04-01T00:00:00Z') + n * 7 * 86_400_000;
  return [
    new Date(start).toISOString(),
    new Date(start + 7 * 86_400_000).toISOString(),
  ] as const;
};

describe('computeTeamBurden: rotation size and status', () => {
  it('is healthy with four engineers taking one week each', () => {
    const burden = computeTeamBurden(
      teamInput({
        shifts: ['alice', 'bob', 'carol', 'dave'].map((name, n) =>
          aShift(name, ...week(n)),
        ),
        pages: [aPage('2024-04-03T10:00:00Z'), aPage('2024-04-17T10:00:00Z')],
      }),
    );
    expect(burden.current.coverageHours).toBe(672);
    expect(burden.requiredRotationSize).toBe(4);
    expect(burden.current.rotationSize).toBe(4);
    expect(burden.status).toBe('healthy');
    expect(burden.reasons).toEqual([
      'All 4 engineers stayed within every limit in the last 28 days.',
    ]);
  });

  it('is overloaded when two engineers alternate weeks', () => {
    const burden = computeTeamBurden(
      teamInput({
        shifts: [
          aShift('alice', ...week(0)),
          aShift('bob', ...week(1)),
          aShift('alice', ...week(2)),
          aShift('bob', ...week(3)),
        ],
      }),
    );
    expect(engineerIn(burden, 'alice').current.onCallWeeksPerMonth).toBe(2);
    expect(engineerIn(burden, 'alice').overLimit).toEqual([
      'onCallWeeksPerMonth',
      'onCallShare',
    ]);
    expect(burden.requiredRotationSize).toBe(4);
    expect(burden.status).toBe('overloaded');
    expect(burden.reasons).toEqual([
      'The rotation has 2 engineers; 4 are needed so nobody is on call more than 1 week per month.',
      '2 of 2 engineers were on call more than 1 week per month in the last 28 days.',
    ]);
  });

  it('needs fewer engineers under a looser weeks-per-month limit', () => {
    const burden = computeTeamBurden(
      teamInput({
        limits: {
          ...DEFAULT_BURDEN_LIMITS,
          onCallWeeksPerMonth: 2,
          onCallShare: 0.5,
        },
        shifts: [
          aShift('alice', ...week(0)),
          aShift('bob', ...week(1)),
          aShift('alice', ...week(2)),
          aShift('bob', ...week(3)),
        ],
      }),
    );
    expect(burden.requiredRotationSize).toBe(2);
    expect(burden.status).toBe('healthy');
    expect(burden.reasons).toEqual([
      'Both engineers stayed within every limit in the last 28 days.',
    ]);
  });

  it('has no data, never healthy, when nothing was recorded in the window', () => {
    const burden = computeTeamBurden(teamInput());
    expect(burden.requiredRotationSize).toBe(0);
    expect(burden.status).toBe('no-data');
    expect(burden.reasons).toEqual([
      expect.stringMatching(
        /^No shifts, pages or toil were recorded for this team in the last 28 days, so there is nothing to judge/,
      ),
    ]);
    expect(burden.current.toilShare).toBeNull();
    expect(burden.current.pagesPerShift).toBeNull();
  });

  it('is judged once anything was recorded: toil alone makes a team healthy or not', () => {
    const burden = computeTeamBurden(
      teamInput({
        members: [member('ada', 'UTC')],
        toil: [aToil('ada', daysBefore(NOW, 1), 30)],
      }),
    );
    expect(burden.status).toBe('healthy');
    expect(burden.current.toilShare).toBeGreaterThan(0);
  });

  it('is at risk when alert volume rises more than half week over week', () => {
    const pagesOn = (day: string, count: number) =>
      Array.from({ length: count }, (_, i) =>
        aPage(`${day}T10:${String(i * 3).padStart(2, '0')}:00Z`),
      );
    const burden = computeTeamBurden(
      teamInput({
        shifts: ['alice', 'bob', 'carol', 'dave'].map((name, n) =>
          aShift(name, ...week(n)),
        ),
        pages: [...pagesOn('2024-04-16', 10), ...pagesOn('2024-04-23', 16)],
      }),
    );
    expect(burden.weeklyVolume.map(w => w.pages)).toEqual([
      0, 0, 0, 0, 0, 0, 10, 16,
    ]);
    expect(burden.weekOverWeekChange).toBe(0.6);
    expect(burden.status).toBe('at-risk');
    expect(burden.reasons).toEqual(['Alert volume rose 60% week over week.']);
  });

  it('covers both windows week by week and leaves the change out without a base', () => {
    const burden = computeTeamBurden(
      teamInput({ pages: [aPage('2024-04-23T10:00:00Z')] }),
    );
    expect(burden.weeklyVolume[0]).toEqual({
      weekStart: '2024-03-04T00:00:00.000Z',
      pages: 0,
    });
    expect(burden.weeklyVolume).toHaveLength(8);
    expect(burden).not.toHaveProperty('weekOverWeekChange');
  });

  it('is overloaded by pages far above the limit per shift', () => {
    // 10 pages in one 12-hour shift; a single engineer covers 12 hours.
    const burden = computeTeamBurden(
      teamInput({
        shifts: [
          aShift('alice', '2024-04-10T08:00:00Z', '2024-04-10T20:00:00Z'),
        ],
        pages: Array.from({ length: 9 }, (_, i) =>
          aPage(`2024-04-10T1${i}:00:00Z`),
        ),
      }),
    );
    expect(burden.current.pagesPerShift).toBe(9);
    expect(burden.status).toBe('overloaded');
    expect(burden.reasons).toEqual([
      'The team averaged 9 pages per 12-hour shift (limit 2).',
      '1 of 1 engineer averaged more than 2 pages per 12-hour shift in the last 28 days.',
    ]);
  });
});
