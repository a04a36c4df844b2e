import {
  comparedPulsePeriods,
  publishedPulsePeriods,
  pulsePeriodOf,
  pulsePublicationTime,
} from './periods';
import { PulseScores } from './questions';
import {
  describePulseDecline,
  summariseTeamPulse,
  PulseTotals,
} from './summary';

/** Totals of `answers` answers that all gave the same scores. */
function totalsOf(
  answers: number,
  each: Partial<PulseScores> = {},
): PulseTotals {
  const scores = { sustainable: 4, sleep: 4, actionable: 4, ...each };
  return {
    answers,
    sums: {
      sustainable: scores.sustainable * answers,
      sleep: scores.sleep * answers,
      actionable: scores.actionable * answers,
    },
  };
}

const periods = comparedPulsePeriods(Date.parse('2026-12-02T13:00:00Z'), 28);

function pulseOf(current?: PulseTotals, previous?: PulseTotals, minimum = 5) {
  return summariseTeamPulse({
    teamRef: 'group:default/payments',
    minimumAnswers: minimum,
    current: { period: periods.current, totals: current },
    previous: { period: periods.previous, totals: previous },
  });
}

describe('pulse periods', () => {
  it('compares the last complete period with the one before, both 28 days from a Monday', () => {
    expect(periods.current.to).toBe(
      pulsePeriodOf(Date.parse('2026-12-02T13:00:00Z'), 28).from,
    );
    expect(periods.previous.to).toBe(periods.current.from);
    const days =
      (Date.parse(periods.current.to) - Date.parse(periods.current.from)) /
      86_400_000;
    expect(days).toBe(28);
    expect(new Date(`${periods.current.from}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it('puts an instant on a period boundary in the later period', () => {
    const boundary = Date.parse(`${periods.current.to}T00:00:00Z`);
    expect(pulsePeriodOf(boundary, 28).from).toBe(periods.current.to);
    expect(pulsePeriodOf(boundary - 1, 28)).toEqual(periods.current);
  });
});

describe('publishedPulsePeriods', () => {
  const period = pulsePeriodOf(Date.parse('2026-11-10T00:00:00Z'), 28);
  const publication = pulsePublicationTime(period, 7);

  it('publishes a period an hour after the last of its answers may come', () => {
    expect(new Date(publication).toISOString()).toBe(
      '2026-12-07T01:00:00.000Z',
    );
    expect(publishedPulsePeriods(publication - 1, 28, 7).current.to).toBe(
      period.from,
    );
    expect(publishedPulsePeriods(publication, 28, 7)).toEqual({
      current: period,
      previous: comparedPulsePeriods(Date.parse(period.to), 28).previous,
    });
  });
});

describe('summariseTeamPulse', () => {
  it('shows the count and nothing else below the minimum', () => {
    const pulse = pulseOf(totalsOf(4), totalsOf(9));
    expect(pulse.current).toEqual({ period: periods.current, answers: 4 });
    expect(pulse.declines).toEqual([]);
  });

  it('averages each question to one decimal at the minimum', () => {
    const pulse = pulseOf({
      answers: 5,
      sums: { sustainable: 19, sleep: 11, actionable: 17 },
    });
    expect(pulse.current.averages).toEqual({
      sustainable: 3.8,
      sleep: 2.2,
      actionable: 3.4,
    });
  });

  it('names each question that fell by 0.5 or more between two shown periods', () => {
    const pulse = pulseOf(
      totalsOf(5, { sustainable: 2.6, sleep: 3.6, actionable: 4 }),
      totalsOf(6, { sustainable: 3.8, sleep: 4, actionable: 4 }),
    );
    expect(pulse.declines).toEqual([
      { question: 'sustainable', previous: 3.8, current: 2.6 },
    ]);
    expect(describePulseDecline(pulse.declines[0])).toBe(
      "The rotation's sustainability score fell from 3.8 to 2.6 in the on-call pulse.",
    );
  });

  it('counts a fall of exactly 0.5 and not one of 0.4', () => {
    const pulse = pulseOf(
      totalsOf(5, { sustainable: 3.3, sleep: 3.6 }),
      totalsOf(5, { sustainable: 3.8, sleep: 4 }),
    );
    expect(pulse.declines.map(d => d.question)).toEqual(['sustainable']);
  });

  it('sees no trend when the previous period is below the minimum', () => {
    const pulse = pulseOf(totalsOf(5, { sustainable: 1 }), totalsOf(2));
    expect(pulse.previous.averages).toBeUndefined();
    expect(pulse.declines).toEqual([]);
  });
});
