import { ConfigReader } from '@backstage/config';
import { readDatabaseSettings } from './databaseConfig';

const settingsOf = (statementTimeout?: unknown) =>
  readDatabaseSettings(
    new ConfigReader(
      statementTimeout === undefined
        ? {}
        : { sreOwnership: { database: { statementTimeout } } },
    ),
  );

describe('readDatabaseSettings', () => {
  it('bounds statements at 5 seconds unless configured', () => {
    expect(settingsOf()).toEqual({ statementTimeoutMs: 5_000 });
  });

  it('reads the timeout in any of the duration forms', () => {
    expect(settingsOf('2s').statementTimeoutMs).toBe(2_000);
    expect(settingsOf('PT1.5S').statementTimeoutMs).toBe(1_500);
    expect(settingsOf({ seconds: 10 }).statementTimeoutMs).toBe(10_000);
  });

  it('refuses a value that is not a duration or not a usable bound, naming the key', () => {
    expect(() => settingsOf('soon')).toThrow(
      'sreOwnership.database.statementTimeout',
    );
    expect(() => settingsOf('10ms')).toThrow(
      'sreOwnership.database.statementTimeout must be between 100 milliseconds and 1 minute, got 10 ms',
    );
    expect(() => settingsOf('2h')).toThrow('got 7200000 ms');
  });
});
