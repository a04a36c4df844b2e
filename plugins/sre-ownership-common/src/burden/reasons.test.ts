import {
  engineerFigures,
  onCallFor,
  teamFigures,
} from './__testUtils__/builders';
import { assessBurden, BurdenAssessmentInput } from './reasons';
import { DEFAULT_BURDEN_LIMITS, EngineerFigures } from './types';

/** A 28-day assessment of a team whose rotation is everyone on call. */
function assess(
  engineers: EngineerFigures[],
  overrides: Partial<BurdenAssessmentInput> = {},
) {
  const rotationSize = engineers.filter(e => e.onCallHours > 0).length;
  return assessBurden({
    team: teamFigures({ rotationSize }),
    engineers,
    requiredRotationSize: rotationSize,
    limits: DEFAULT_BURDEN_LIMITS,
    windowDays: 28,
    ...overrides,
  });
}

const fiveWithinLimits = () => Array.from({ length: 5 }, () => onCallFor(0.8));

describe('assessBurden', () => {
  it('is healthy when everyone is within every limit', () => {
    expect(assess(fiveWithinLimits())).toEqual({
      status: 'healthy',
      reasons: [
        'All 5 engineers stayed within every limit in the last 28 days.',
      ],
    });
  });

  it('is healthy at exactly the limits', () => {
    const atLimits = onCallFor(1, { pagesPerShift: 2, toilShare: 0.5 });
    expect(
      assess([atLimits, atLimits], {
        team: teamFigures({
          rotationSize: 2,
          pagesPerShift: 2,
          toilShare: 0.5,
        }),
        weekOverWeekChange: 0.5,
      }).status,
    ).toBe('healthy');
  });

  it('names a single engineer and a one-week window', () => {
    expect(assess([onCallFor(0.1)], { windowDays: 7 }).reasons).toEqual([
      'The only engineer stayed within every limit in the last 7 days.',
    ]);
  });

  it('is overloaded when at least half of the rotation is on call too much', () => {
    const engineers = [
      onCallFor(1.2),
      onCallFor(1.5),
      onCallFor(2),
      onCallFor(1),
      onCallFor(0.5),
    ];
    expect(assess(engineers)).toEqual({
      status: 'overloaded',
      reasons: [
        '3 of 5 engineers were on call more than 1 week per month in the last 28 days.',
      ],
    });
  });

  it('is overloaded when exactly half of the rotation is on call too much', () => {
    const engineers = [
      onCallFor(1.2),
      onCallFor(1.5),
      onCallFor(1),
      onCallFor(0.5),
    ];
    expect(assess(engineers)).toEqual({
      status: 'overloaded',
      reasons: [
        '2 of 4 engineers were on call more than 1 week per month in the last 28 days.',
      ],
    });
  });

  it('is at risk when fewer than half are on call too much', () => {
    const engineers = [
      onCallFor(1.2),
      onCallFor(1.5),
      onCallFor(1),
      onCallFor(1),
      onCallFor(0.5),
    ];
    expect(assess(engineers)).toEqual({
      status: 'at-risk',
      reasons: [
        '2 of 5 engineers were on call more than 1 week per month in the last 28 days.',
      ],
    });
  });

  it('is overloaded when the rotation is smaller than required', () => {
    const engineers = [onCallFor(1), onCallFor(1)];
    expect(assess(engineers, { requiredRotationSize: 3 })).toEqual({
      status: 'overloaded',
      reasons: [
        'The rotation has 2 engineers; 3 are needed so nobody is on call more than 1 week per month.',
      ],
    });
    expect(assess([onCallFor(1)], { requiredRotationSize: 2 }).reasons).toEqual(
      [
        'The rotation has 1 engineer; 2 are needed so nobody is on call more than 1 week per month.',
      ],
    );
  });

  it.each([
    [
      2.04,
      'at-risk',
      'The team averaged 2.04 pages per 12-hour shift (limit 2).',
    ],
    [
      3.4,
      'at-risk',
      'The team averaged 3.4 pages per 12-hour shift (limit 2).',
    ],
    [4, 'at-risk', 'The team averaged 4 pages per 12-hour shift (limit 2).'],
    [
      4.5,
      'overloaded',
      'The team averaged 4.5 pages per 12-hour shift (limit 2).',
    ],
  ])(
    'judges %d team pages per shift as %s',
    (pagesPerShift, status, reason) => {
      expect(
        assess(fiveWithinLimits(), {
          team: teamFigures({ rotationSize: 5, pagesPerShift }),
        }),
      ).toEqual({ status, reasons: [reason] });
    },
  );

  it('is overloaded when the team spends more than half its time on toil', () => {
    expect(
      assess(fiveWithinLimits(), {
        team: teamFigures({ rotationSize: 5, toilShare: 0.62 }),
      }),
    ).toEqual({
      status: 'overloaded',
      reasons: ['The team spent 62% of working time on toil (limit 50%).'],
    });
  });

  it('is at risk when one engineer exceeds pages per shift or toil', () => {
    const engineers = [
      ...fiveWithinLimits().slice(0, 3),
      onCallFor(0.8, { pagesPerShift: 2.5 }),
      engineerFigures({ toilShare: 0.7 }),
    ];
    expect(assess(engineers)).toEqual({
      status: 'at-risk',
      reasons: [
        '1 of 4 engineers averaged more than 2 pages per 12-hour shift in the last 28 days.',
        '1 of 5 engineers spent more than 50% of working time on toil in the last 28 days.',
      ],
    });
  });

  it('reports the on-call share only when it names other engineers than the weeks limit', () => {
    const limits = { ...DEFAULT_BURDEN_LIMITS, onCallShare: 0.2 };
    expect(
      assess([onCallFor(0.9), ...fiveWithinLimits().slice(1)], { limits }),
    ).toEqual({
      status: 'at-risk',
      reasons: [
        '1 of 5 engineers was on call more than 20% of the time in the last 28 days.',
      ],
    });
  });

  it('is at risk when alert volume rises more than 50%', () => {
    expect(assess(fiveWithinLimits(), { weekOverWeekChange: 0.6 })).toEqual({
      status: 'at-risk',
      reasons: ['Alert volume rose 60% week over week.'],
    });
    expect(
      assess(fiveWithinLimits(), { weekOverWeekChange: 0.504 }).reasons,
    ).toEqual(['Alert volume rose 50.4% week over week.']);
  });

  it('takes no trend from a handful of pages', () => {
    expect(
      assess(fiveWithinLimits(), { weekOverWeekChange: 1, lastWeekPages: 4 })
        .status,
    ).toBe('healthy');
    expect(
      assess(fiveWithinLimits(), { weekOverWeekChange: 1, lastWeekPages: 10 })
        .reasons,
    ).toEqual(['Alert volume rose 100% week over week.']);
  });

  it('lists every condition, overloading ones first', () => {
    const engineers = [onCallFor(1.5), onCallFor(1), onCallFor(1)];
    expect(
      assess(engineers, {
        team: teamFigures({
          rotationSize: 3,
          pagesPerShift: 3.4,
          toilShare: 0.55,
        }),
        requiredRotationSize: 4,
        weekOverWeekChange: 1,
      }),
    ).toEqual({
      status: 'overloaded',
      reasons: [
        'The rotation has 3 engineers; 4 are needed so nobody is on call more than 1 week per month.',
        'The team spent 55% of working time on toil (limit 50%).',
        '1 of 3 engineers was on call more than 1 week per month in the last 28 days.',
        'The team averaged 3.4 pages per 12-hour shift (limit 2).',
        'Alert volume rose 100% week over week.',
      ],
    });
  });
});
