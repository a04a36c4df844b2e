import { ConfigReader } from '@backstage/config';
import { readBurdenSettings } from './burdenConfig';

const read = (workingTime: object) =>
  readBurdenSettings(
    new ConfigReader({ sreOwnership: { burden: { workingTime } } }),
  );

describe('readBurdenSettings: working time', () => {
  it.each(['2026-02-30', '2026-09-31', '2025-02-29'])(
    'refuses a global holiday %s that does not exist, naming the key',
    day => {
      expect(() => read({ holidays: ['2026-12-25', day] })).toThrow(
        `sreOwnership.burden.workingTime.holidays "${day}" must be a real date`,
      );
    },
  );

  it('reads real holidays, 29 February of a leap year included', () => {
    expect(read({ holidays: ['2028-02-29'] }).workingTime.holidays).toEqual([
      '2028-02-29',
    ]);
  });

  it.each([
    ['wrap midnight', '22:00', '06:00'],
    ['are empty', '09:00', '09:00'],
  ])('refuses business hours that %s, naming the key', (_, start, end) => {
    expect(() => read({ businessStart: start, businessEnd: end })).toThrow(
      `sreOwnership.burden.workingTime.businessEnd "${end}" must be after workingTime.businessStart "${start}"`,
    );
  });

  it('keeps sleep hours that wrap midnight, as the defaults do', () => {
    expect(
      read({ sleepStart: '22:30', sleepEnd: '06:30' }).workingTime,
    ).toMatchObject({ sleepStart: '22:30', sleepEnd: '06:30' });
  });
});
