import {
  aPage,
  aShift,
  member,
  teamInput,
  user,
} from './__testUtils__/builders';
import { compensationFileName, computeCompensation } from './compensation';
import { DEFAULT_WORKING_TIME, TeamBurdenInput } from './types';

const HOURS = 60;

const engineer = (input: TeamBurdenInput, name: string) =>
  computeCompensation(input).engineers.find(e => e.userRef === user(name))!;

describe('computeCompensation', () => {
  it('counts a Sydney weekend across the autumn change as 49 hours', () => {
    // Saturday 2024-04-06 00:00 AEDT to Monday 2024-04-08 00:00 AEST
    const input = teamInput({
      members: [member('ana', 'Australia/Sydney')],
      shifts: [aShift('ana', '2024-04-05T13:00:00Z', '2024-04-07T14:00:00Z')],
      pages: [
        // Saturday 02:00 AEDT, answered for an hour
        aPage('2024-04-05T15:00:00Z', { ackAfter: 0, resolveAfter: 60 }),
      ],
    });
    expect(engineer(input, 'ana')).toEqual({
      userRef: user('ana'),
      timezone: 'Australia/Sydney',
      member: true,
      onCallMinutes: {
        'weekday-business': 0,
        'weekday-outside': 0,
        weekend: 49 * HOURS,
        holiday: 0,
      },
      pages: {
        'weekday-business': 0,
        'weekday-outside': 0,
        weekend: 1,
        holiday: 0,
      },
      responseMinutes: {
        'weekday-business': 0,
        'weekday-outside': 0,
        weekend: 60,
        holiday: 0,
      },
    });
  });

  it('splits a New York week with a regional holiday in the engineer’s zone only', () => {
    const workingTime = {
      ...DEFAULT_WORKING_TIME,
      regionalHolidays: [
        {
          name: 'United States',
          timezones: ['America/New_York'],
          dates: ['2024-04-15'],
        },
      ],
    };
    // Monday 2024-04-15 00:00 EDT to Tuesday 2024-04-16 00:00 EDT, for both
    const shifts = [
      aShift('ana', '2024-04-15T04:00:00Z', '2024-04-16T04:00:00Z'),
      aShift('bo', '2024-04-15T04:00:00Z', '2024-04-16T04:00:00Z'),
    ];
    const input = teamInput({
      members: [
        member('ana', 'America/New_York'),
        member('bo', 'Europe/Berlin'),
      ],
      shifts,
      workingTime,
    });
    expect(engineer(input, 'ana').onCallMinutes).toEqual({
      'weekday-business': 0,
      'weekday-outside': 0,
      weekend: 0,
      holiday: 24 * HOURS,
    });
    // In Berlin that is Monday 06:00 to Tuesday 06:00
    expect(engineer(input, 'bo').onCallMinutes).toEqual({
      'weekday-business': 8 * HOURS,
      'weekday-outside': 16 * HOURS,
      weekend: 0,
      holiday: 0,
    });
  });

  it('clips on-call time to the period and rounds each band down to whole minutes', () => {
    const input = teamInput({
      members: [member('ana', 'UTC')],
      // from before the window to 30.5 seconds past 09:00 on its first Monday
      shifts: [
        aShift('ana', '2024-03-30T00:00:00Z', '2024-04-01T09:00:30.500Z'),
      ],
    });
    expect(engineer(input, 'ana').onCallMinutes).toEqual({
      'weekday-business': 0,
      'weekday-outside': 9 * HOURS,
      weekend: 0,
      holiday: 0,
    });
    expect(computeCompensation(input).window.from).toBe(
      '2024-04-01T00:00:00.000Z',
    );
  });
});

describe('compensationFileName', () => {
  it('names the team and the days the window covers', () => {
    expect(
      compensationFileName(
        'payments',
        { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' },
        'csv',
      ),
    ).toBe('compensation-payments-2026-03-01-2026-03-31.csv');
  });

  it('keeps the name safe to save', () => {
    expect(
      compensationFileName(
        'data platform/eu',
        { from: '2026-11-08T10:30:00.000Z', to: '2026-12-06T10:30:00.000Z' },
        'json',
      ),
    ).toBe('compensation-data-platform-eu-2026-11-08-2026-12-06.json');
  });
});
