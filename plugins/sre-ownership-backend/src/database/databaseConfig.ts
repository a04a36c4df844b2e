import { Config } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { invalidAppConfig } from '@sre-ownership/plugin-sre-ownership-common';
import { readOptionalDuration } from '../appConfig/readDuration';

/** How long the plugin waits on its database, from `sreOwnership.database`. */
export interface DatabaseSettings {
  /**
   * Longest wait for one statement, a lock included, and for a delivery to
   * be written; past it the caller gets a 503 with Retry-After.
   */
  statementTimeoutMs: number;
}

/**
 * Five seconds: a stuck database is answered with a 503 well before
 * Alertmanager gives up on a delivery (10 s by default), while the plugin's
 * slowest healthy statements (chunked writes of 2,000 rows, reads of the
 * overview index) take well under a second.
 */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5_000;

/** Reads and checks `sreOwnership.database`. */
export function readDatabaseSettings(config: Config): DatabaseSettings {
  const key = 'sreOwnership.database.statementTimeout';
  // Zero and below are refused by the bounds, with the bounds in the message.
  const statementTimeoutMs = durationToMilliseconds(
    readOptionalDuration(config, key, {
      fallback: { milliseconds: DEFAULT_STATEMENT_TIMEOUT_MS },
      zeroAllowed: true,
      example: { seconds: 5 },
    }),
  );
  if (!(statementTimeoutMs >= 100 && statementTimeoutMs <= 60_000)) {
    invalidAppConfig(
      key,
      `must be between 100 milliseconds and 1 minute, got ${statementTimeoutMs} ms`,
    );
  }
  return { statementTimeoutMs };
}
