import { onCallPeriodOf } from './onCallPeriod';

const DAY = 24 * 60 * 60 * 1000;
const day = (from: number, to: number) => ({
  startedAt: from * DAY,
  endedAt: to * DAY,
});

describe('onCallPeriodOf', () => {
  it('merges a week cut into daily shifts into one period, ended by its last day', () => {
    const week = [0, 1, 2, 3, 4, 5, 6].map(n => day(n, n + 1));
    expect(
      week.slice(0, 6).map(shift => onCallPeriodOf(shift, week).ended),
    ).toEqual([false, false, false, false, false, false]);
    expect(onCallPeriodOf(week[6], week)).toEqual({
      startedAt: 0,
      endedAt: 7 * DAY,
      ended: true,
    });
  });

  it('merges overlapping shifts and keeps a gap apart', () => {
    const shifts = [day(0, 2), day(1, 3), day(4, 5)];
    expect(onCallPeriodOf(shifts[1], shifts)).toEqual({
      startedAt: 0,
      endedAt: 3 * DAY,
      ended: true,
    });
    expect(onCallPeriodOf(shifts[2], shifts)).toEqual({
      startedAt: 4 * DAY,
      endedAt: 5 * DAY,
      ended: true,
    });
    expect(onCallPeriodOf(shifts[0], shifts).ended).toBe(false);
  });
});
