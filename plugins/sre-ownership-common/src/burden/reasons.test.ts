import { teamFigures } from './__testUtils__/builders';
import { ratio } from './exact';
import { SHIFT_MS } from './engineerFigures';
import { assessBurden, BurdenAssessmentInput } from './reasons';
import { TeamRatios } from './teamFigures';
import {
  BurdenMeasure,
  DEFAULT_BURDEN_LIMITS,
  TeamFigures,
  TeamMeasure,
} from './types';

/** An engineer's verdicts, as the engine computes them with the figures. */
interface Verdicts {
  onCall: boolean;
  overLimit: BurdenMeasure[];
}
const within = (): Verdicts => ({ onCall: true, overLimit: [] });
const over = (...overLimit: BurdenMeasure[]): Verdicts => ({
  onCall: true,
  overLimit,
});
const tooManyWeeks = () => over('onCallWeeksPerMonth', 'onCallShare');

/** A 28-day assessment of a team whose rotation is everyone on call. */
function assess(
  engineers: Verdicts[],
  overrides: Omit<Partial<BurdenAssessmentInput>, 'team'> & {
    team?: Partial<TeamFigures>;
  } = {},
) {
  const rotationSize = engineers.filter(e => e.onCall).length;
  const { team, ...rest } = overrides;
  return assessBurden({
    teamRatios: {},
    engineers,
    limits: DEFAULT_BURDEN_LIMITS,
    period: 'in the last 28 days',
    ...rest,
    team: teamFigures({
      rotationSize,
      requiredRotationSize: rotationSize,
      ...team,
    }),
  });
}

/** Team pages per shift as the engine hands them over: figure, ratio, verdict. */
function teamPages(pages: number, coverageHours: number) {
  const coverageMs = coverageHours * 3_600_000;
  const teamRatios: TeamRatios = {
    pagesPerShift: ratio(pages * SHIFT_MS, coverageMs),
  };
  const pagesPerShift = (pages * SHIFT_MS) / coverageMs;
  return {
    teamRatios,
    team: {
      rotationSize: 5,
      requiredRotationSize: 5,
      pagesPerShift,
      overLimit: (pagesPerShift > 2 ? ['pagesPerShift'] : []) as TeamMeasure[],
    },
  };
}

const five = () => Array.from({ length: 5 }, within);

describe('assessBurden', () => {
  it('is healthy when everyone is within every limit', () => {
    expect(assess(five())).toEqual({
      status: 'healthy',
      reasons: [
        'All 5 engineers stayed within every limit in the last 28 days.',
      ],
    });
  });

  it('names a single engineer and the window it was given', () => {
    expect(
      assess([within()], { period: 'from 2026-09-01 to 2026-09-30' }).reasons,
    ).toEqual([
      'The only engineer stayed within every limit from 2026-09-01 to 2026-09-30.',
    ]);
  });

  it('is overloaded when at least half of the rotation is on call too much', () => {
    const engineers = [
      tooManyWeeks(),
      tooManyWeeks(),
      tooManyWeeks(),
      within(),
      within(),
    ];
    expect(assess(engineers)).toEqual({
      status: 'overloaded',
      reasons: [
        '3 of 5 engineers were on call more than 1 week per month in the last 28 days.',
      ],
    });
    expect(assess(engineers.slice(1)).status).toBe('overloaded');
  });

  it('is at risk when fewer than half are on call too much', () => {
    expect(
      assess([tooManyWeeks(), tooManyWeeks(), within(), within(), within()]),
    ).toEqual({
      status: 'at-risk',
      reasons: [
        '2 of 5 engineers were on call more than 1 week per month in the last 28 days.',
      ],
    });
  });

  it('is overloaded when the rotation is smaller than required', () => {
    expect(
      assess([within(), within()], {
        team: { requiredRotationSize: 3, overLimit: ['rotationSize'] },
      }),
    ).toEqual({
      status: 'overloaded',
      reasons: [
        'The rotation has 2 engineers; 3 are needed so nobody is on call more than 1 week per month.',
      ],
    });
  });

  it.each([
    [51, 300, 'at-risk', '2.04'],
    [17, 60, 'at-risk', '3.4'],
    // exactly twice the limit is not above twice the limit
    [4, 12, 'at-risk', '4'],
    [45, 120, 'overloaded', '4.5'],
  ])(
    'judges %d team pages over %d hours of coverage as %s',
    (pages, hours, status, shown) => {
      expect(assess(five(), teamPages(pages, hours))).toEqual({
        status,
        reasons: [
          `The team averaged ${shown} pages per 12-hour shift (limit 2).`,
        ],
      });
    },
  );

  it('is overloaded when the team spends more than half its time on toil', () => {
    expect(
      assess(five(), {
        team: { toilShare: 0.62, overLimit: ['toilShare'] },
      }),
    ).toEqual({
      status: 'overloaded',
      reasons: ['The team spent 62% of working time on toil (limit 50%).'],
    });
  });

  it('is at risk when one engineer exceeds pages per shift or toil', () => {
    const engineers = [
      within(),
      within(),
      within(),
      over('pagesPerShift'),
      { onCall: false, overLimit: ['toilShare'] as BurdenMeasure[] },
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
      assess([over('onCallShare'), ...five().slice(1)], { limits }),
    ).toEqual({
      status: 'at-risk',
      reasons: [
        '1 of 5 engineers was on call more than 20% of the time in the last 28 days.',
      ],
    });
  });

  it('is at risk when alert volume rises more than 50%, counted in whole pages', () => {
    expect(assess(five(), { lastWeeks: { last: 16, before: 10 } })).toEqual({
      status: 'at-risk',
      reasons: ['Alert volume rose 60% week over week.'],
    });
    expect(assess(five(), { lastWeeks: { last: 15, before: 10 } }).status).toBe(
      'healthy',
    );
    expect(
      assess(five(), { lastWeeks: { last: 151, before: 100 } }).reasons,
    ).toEqual(['Alert volume rose 51% week over week.']);
  });

  it('takes no trend from a handful of pages', () => {
    expect(assess(five(), { lastWeeks: { last: 4, before: 2 } }).status).toBe(
      'healthy',
    );
    expect(
      assess(five(), { lastWeeks: { last: 10, before: 5 } }).reasons,
    ).toEqual(['Alert volume rose 100% week over week.']);
  });

  it('lists every condition, overloading ones first', () => {
    const { teamRatios } = teamPages(17, 60);
    expect(
      assess([tooManyWeeks(), within(), within()], {
        teamRatios,
        team: {
          rotationSize: 3,
          requiredRotationSize: 4,
          pagesPerShift: 3.4,
          toilShare: 0.55,
          overLimit: ['pagesPerShift', 'toilShare', 'rotationSize'],
        },
        lastWeeks: { last: 20, before: 10 },
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
