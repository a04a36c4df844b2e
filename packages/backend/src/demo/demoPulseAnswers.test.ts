import {
  DEFAULT_PULSE_MINIMUM_ANSWERS,
  publishedPulsePeriods,
  describePulseDecline,
  summariseTeamPulse,
} from '@sre-ownership/plugin-sre-ownership-common';
import { demoPaymentsPulse } from './demoPulseAnswers';

describe('demoPaymentsPulse', () => {
  it('gives payments a summary whose sustainability fell, at the default minimum', () => {
    const now = new Date('2026-12-02T13:00:00Z');
    const demo = demoPaymentsPulse(now, {
      periodDays: 28,
      answerWithinDays: 7,
    });
    const { current, previous } = publishedPulsePeriods(now.getTime(), 28, 7);
    const totalsOf = (from: string) =>
      demo.totals.find(t => t.periodStart === from)?.totals;
    const pulse = summariseTeamPulse({
      teamRef: demo.teamRef,
      minimumAnswers: DEFAULT_PULSE_MINIMUM_ANSWERS,
      current: { period: current, totals: totalsOf(current.from) },
      previous: { period: previous, totals: totalsOf(previous.from) },
    });
    expect(pulse.current.averages).toBeDefined();
    expect(pulse.declines.map(describePulseDecline)).toEqual([
      "The rotation's sustainability score fell from 3.8 to 2.6 in the on-call pulse.",
    ]);
    expect(demo.comments.every(c => c.periodStart === current.from)).toBe(true);
  });
});
