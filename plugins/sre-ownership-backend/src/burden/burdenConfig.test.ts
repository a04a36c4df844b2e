import { ConfigReader } from '@backstage/config';
import { DEFAULT_REST_RULES } from '@sre-ownership/plugin-sre-ownership-common';
import { readBurdenSettings } from './burdenConfig';

const read = (burden: object) =>
  readBurdenSettings(new ConfigReader({ sreOwnership: { burden } }));

describe('readBurdenSettings: rest rules and regional holidays', () => {
  it('uses the documented rest rules when none are set', () => {
    expect(readBurdenSettings(new ConfigReader({})).restRules).toEqual(
      DEFAULT_REST_RULES,
    );
    expect(read({ windowDays: 14 }).restRules).toEqual({
      sleepPageMinutes: 60,
      busyShiftMinutes: 240,
      offHoursResponsePercent: 100,
    });
  });

  it('reads each rule, 0 included', () => {
    expect(
      read({
        restOwed: {
          sleepPageMinutes: 0,
          busyShiftMinutes: 480,
          offHoursResponsePercent: 150,
        },
      }).restRules,
    ).toEqual({
      sleepPageMinutes: 0,
      busyShiftMinutes: 480,
      offHoursResponsePercent: 150,
    });
  });

  it.each([[1.5], [-60]])('refuses %p minutes, naming the key', minutes => {
    expect(() => read({ restOwed: { sleepPageMinutes: minutes } })).toThrow(
      'sreOwnership.burden.restOwed.sleepPageMinutes must be a whole number',
    );
  });

  it('reads regional holiday calendars', () => {
    const calendar = {
      name: 'Germany',
      timezones: ['Europe/Berlin'],
      dates: ['2026-10-03', '2026-12-25'],
    };
    expect(
      read({ workingTime: { regionalHolidays: [calendar] } }).workingTime
        .regionalHolidays,
    ).toEqual([calendar]);
  });

  it('refuses an unknown zone or an impossible date, naming the calendar', () => {
    expect(() =>
      read({
        workingTime: {
          regionalHolidays: [{ timezones: ['Europe/Atlantis'], dates: [] }],
        },
      }),
    ).toThrow('workingTime.regionalHolidays[0].timezones "Europe/Atlantis"');
    expect(() =>
      read({
        workingTime: {
          regionalHolidays: [
            { timezones: ['Asia/Tokyo'], dates: ['2026-02-30'] },
          ],
        },
      }),
    ).toThrow('workingTime.regionalHolidays[0].dates "2026-02-30"');
  });
});
