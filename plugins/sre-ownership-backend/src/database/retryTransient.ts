import { ServiceUnavailableError } from '@backstage/errors';

/**
 * PostgreSQL error codes after which the same transaction, run again, may
 * succeed: serialization_failure, deadlock_detected, lock_not_available.
 */
const RETRYABLE_CODES = new Set(['40001', '40P01', '55P03']);

/** Errors that mean the database is out of reach for the moment. */
const UNAVAILABLE_CODES = new Set([
  // SQLite: another connection holds the lock.
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  // PostgreSQL: a statement cancelled (statement_timeout, or knex's
  // cancel after its query timeout).
  '57014',
  // PostgreSQL: too many connections, shutting down, cannot connect now.
  '53300',
  '57P01',
  '57P03',
  // The network.
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
]);

const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;

/** Whether running the same transaction again may succeed. */
export function isRetryable(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && RETRYABLE_CODES.has(code);
}

/**
 * Whether knex gave up on the statement: its query timeout passed (a
 * KnexTimeoutError, also when no connection came free in time), or it then
 * failed to cancel the statement, an error it marks with the timeout.
 */
const timedOut = (error: unknown): boolean =>
  error instanceof Error &&
  (error.name === 'KnexTimeoutError' ||
    typeof (error as { timeout?: unknown }).timeout === 'number');

/** Whether the error means "try again later" rather than "this is wrong". */
export function isTransient(error: unknown): boolean {
  const code = codeOf(error);
  return (
    isRetryable(error) ||
    (code !== undefined && UNAVAILABLE_CODES.has(code)) ||
    timedOut(error)
  );
}

/**
 * What a route answers when a read fails: a transient database error (a
 * statement past its timeout, a held lock, a lost connection) becomes a
 * ServiceUnavailableError — a 503 with Retry-After — instead of a 500;
 * anything else is returned as it is.
 */
export function asServiceUnavailable<E>(error: E): E | ServiceUnavailableError {
  if (error instanceof ServiceUnavailableError || !isTransient(error)) {
    return error;
  }
  // The cause stays out: its message quotes the SQL statement.
  return new ServiceUnavailableError(
    'The database did not answer in time; try again after Retry-After seconds.',
  );
}

/** How often a transaction runs at most, and the first pause between runs. */
export const RETRY = { attempts: 5, firstDelayMs: 10 };

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Runs a transaction, and runs it again after a deadlock or serialization
 * failure, up to {@link RETRY}.attempts times with jittered, doubling pauses
 * (10, 20, 40, 80 ms on average). A transient failure that outlasts the
 * retries becomes a ServiceUnavailableError: a 503 that senders such as
 * Alertmanager and PagerDuty retry, never a bare 500.
 */
export async function retryTransient<T>(
  transaction: () => Promise<T>,
  options: { attempts?: number; firstDelayMs?: number } = {},
): Promise<T> {
  const attempts = options.attempts ?? RETRY.attempts;
  const firstDelayMs = options.firstDelayMs ?? RETRY.firstDelayMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await transaction();
    } catch (error) {
      if (isRetryable(error) && attempt < attempts) {
        const base = firstDelayMs * 2 ** (attempt - 1);
        await pause(base / 2 + Math.random() * base);
        continue;
      }
      if (isTransient(error)) {
        // The cause stays out: its message quotes the SQL statement.
        throw new ServiceUnavailableError(
          'The database is busy; nothing was stored. Send the same request again.',
        );
      }
      throw error;
    }
  }
}
