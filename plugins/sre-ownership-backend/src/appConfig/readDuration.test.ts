import { ConfigReader } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { describeDuration, readOptionalDuration } from './readDuration';

const read = (value: unknown, zeroAllowed = false) =>
  readOptionalDuration(
    new ConfigReader(value === undefined ? {} : { frequency: value }),
    'frequency',
    { fallback: { minutes: 15 }, zeroAllowed },
  );

describe('an optional duration setting', () => {
  it('is the fallback when absent and read in every app-config form', () => {
    expect(read(undefined)).toEqual({ minutes: 15 });
    expect(read('PT30S')).toEqual({ seconds: 30 });
    expect(read({ hours: 1 })).toEqual({ hours: 1 });
  });

  it('is refused, naming the key and both forms, when it is not a duration', () => {
    expect(() => read('soon')).toThrow(
      'Invalid app-config: frequency is not a duration; write it as { minutes: 15 } or PT15M',
    );
  });

  it('must be longer than zero unless zero is allowed', () => {
    expect(() => read('PT0S')).toThrow('frequency must be longer than zero');
    expect(durationToMilliseconds(read('PT0S', true))).toBe(0);
    expect(() => read({ seconds: -5 }, true)).toThrow(
      'frequency must not be negative',
    );
  });

  it('describes a duration as ISO 8601 writes it', () => {
    expect(describeDuration({ seconds: 30 })).toBe('{ seconds: 30 } or PT30S');
    expect(describeDuration({ days: 1, hours: 2 })).toBe(
      '{ days: 1, hours: 2 } or P1DT2H',
    );
  });
});
