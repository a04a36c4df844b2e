import { DEFAULT_BURDEN_LIMITS, DEFAULT_WORKING_TIME } from '../burden/types';
import { computeRotationOutlook } from './outlook';
import { RotationOutlookInput } from './types';

const TEAM = 'group:default/payments';
const DAY = 86_400_000;
const WEEK = 7 * DAY;
const now = Date.parse('2026-12-10T12:00:00Z'); // a Thursday

const base: Omit<RotationOutlookInput, 'members' | 'shifts'> = {
  teamRef: TEAM,
  now,
  defaultTimezone: 'UTC',
  absences: [],
  limits: DEFAULT_BURDEN_LIMITS,
  workingTime: DEFAULT_WORKING_TIME,
};

describe('computeRotationOutlook', () => {
  it('reads a one-week-in-four rotation as exactly 1 week per month in every week, wherever its hand-offs fall', () => {
    // Hand-offs on Mondays at 09:00 in Berlin (08:00 UTC in winter), from
    // 2 November to 15 weeks later; no clock change in between.
    const people = ['ana', 'bo', 'cy', 'di'].map(n => `user:default/${n}`);
    const firstHandOff = Date.parse('2026-11-02T08:00:00Z');
    const outlook = computeRotationOutlook({
      ...base,
      members: people.map(userRef => ({ userRef, timezone: 'Europe/Berlin' })),
      shifts: Array.from({ length: 15 }, (_, i) => ({
        teamRef: TEAM,
        userRef: people[i % 4],
        startsAt: firstHandOff + i * WEEK,
        endsAt: firstHandOff + (i + 1) * WEEK,
      })),
    });
    expect(outlook.weeks).toHaveLength(8);
    for (const week of outlook.weeks) {
      expect(week.people.map(p => p.onCallWeeksPerMonth)).toEqual([1, 1, 1, 1]);
      expect(week.people.some(p => p.overLimit)).toBe(false);
      expect(week.requiredRotationSize).toBe(4);
      expect(week.holeHours).toBe(0);
      expect(week.breaks).toBe(false);
    }
    expect(outlook.firstBreak).toBeUndefined();
  });

  it('says in one sentence why the first week breaks', () => {
    const people = ['ana', 'bo', 'cy'].map(n => `user:default/${n}`);
    const names = ['Ana', 'Bo', 'Cy'];
    // Three people, one week each, Mondays 00:00 UTC from 9 November: Bo
    // holds 16 Nov and 7 Dec, two weeks of the 28 days to 14 December.
    const shifts = Array.from({ length: 7 }, (_, i) => ({
      teamRef: TEAM,
      userRef: people[i % 3],
      startsAt: Date.parse('2026-11-09T00:00:00Z') + i * WEEK,
      endsAt: Date.parse('2026-11-09T00:00:00Z') + (i + 1) * WEEK,
    }));
    const outlook = computeRotationOutlook({
      ...base,
      weeks: 2,
      members: people.map((userRef, i) => ({
        userRef,
        timezone: 'UTC',
        displayName: names[i],
      })),
      shifts,
      // Two days of the week: less than half, so Cy still counts.
      absences: [
        {
          userRef: people[2],
          startsAt: '2026-12-09T00:00:00Z',
          endsAt: '2026-12-11T00:00:00Z',
        },
      ],
    });
    const [first, second] = outlook.weeks;
    expect(first.people.map(p => [p.userRef, p.onCallWeeksPerMonth])).toEqual([
      [people[0], 1],
      [people[1], 2],
      [people[2], 1],
    ]);
    expect(first.requiredRotationSize).toBe(4);
    expect(first.availablePeople).toBe(3);
    expect(first.people[2].absentHours).toBe(48);
    expect(second.people.filter(p => p.overLimit).map(p => p.userRef)).toEqual([
      people[2],
    ]);
    expect(outlook.firstBreak).toEqual({
      weekStart: '2026-12-07T00:00:00.000Z',
      sentence:
        'The week of 7 Dec 2026 breaks: Bo on call 2 weeks per month (limit 1); needs 4 people, has 3 available.',
    });
  });

  it('finds the hours of weekly cover nobody is scheduled for, in the team’s zone', () => {
    // Cover Monday to Friday 09:00–17:00 in Berlin (08:00–16:00 UTC).
    // Ana is on call Monday 09:00 to Friday 09:00 of the second week only.
    const outlook = computeRotationOutlook({
      ...base,
      weeks: 2,
      members: [{ userRef: 'user:default/ana', timezone: 'Europe/Berlin' }],
      shifts: [
        {
          teamRef: TEAM,
          userRef: 'user:default/ana',
          startsAt: '2026-12-14T08:00:00Z',
          endsAt: '2026-12-18T08:00:00Z',
        },
      ],
      cover: {
        type: 'weekly',
        timezone: 'Europe/Berlin',
        windows: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map(day => ({
          day,
          start: '09:00',
          end: '17:00',
        })),
      },
    });
    const [first, second] = outlook.weeks;
    // From Thursday 13:00 Berlin: 4 h on Thursday and 8 h on Friday.
    expect(first.requiredHours).toBe(12);
    expect(first.holeHours).toBe(12);
    expect(second.requiredHours).toBe(40);
    expect(second.holeHours).toBe(8);
    expect(second.holes).toEqual([
      {
        from: '2026-12-18T08:00:00.000Z',
        to: '2026-12-18T16:00:00.000Z',
        minutes: 480,
      },
    ]);
    // 40 h of cover a week is 160 h in 28 days: one person at 1 week a month.
    expect(second.requiredRotationSize).toBe(1);
  });

  it('calls it a conflict to be on call asleep while a teammate is awake and free', () => {
    // Ana in Tokyo is on call 14:00–22:00 UTC: 23:00–07:00 in Tokyo, all of
    // it in her sleep hours, while Bo in Berlin (15:00–23:00) is awake until
    // 22:00 UTC and not on call.
    const outlook = computeRotationOutlook({
      ...base,
      weeks: 2,
      members: [
        { userRef: 'user:default/ana', timezone: 'Asia/Tokyo' },
        { userRef: 'user:default/bo', timezone: 'Europe/Berlin' },
      ],
      shifts: [
        {
          teamRef: TEAM,
          userRef: 'user:default/ana',
          startsAt: '2026-12-15T14:00:00Z',
          endsAt: '2026-12-15T22:00:00Z',
        },
      ],
      cover: {
        type: 'weekly',
        timezone: 'UTC',
        windows: [{ day: 'tue', start: '14:00', end: '22:00' }],
      },
    });
    expect(outlook.weeks[1].conflicts).toEqual([
      {
        userRef: 'user:default/ana',
        kind: 'asleep',
        from: '2026-12-15T14:00:00.000Z',
        to: '2026-12-15T22:00:00.000Z',
        minutes: 480,
      },
    ]);
    expect(outlook.sleepShare).toBe(1);
  });
});
