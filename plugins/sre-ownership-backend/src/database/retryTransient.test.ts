import { ServiceUnavailableError } from '@backstage/errors';
import { asServiceUnavailable, retryTransient } from './retryTransient';

const pgError = (code: string) =>
  Object.assign(new Error(`database error ${code}`), { code });

describe('retryTransient', () => {
  it('runs a transaction again after a deadlock or serialization failure', async () => {
    const failures = [pgError('40P01'), pgError('40001')];
    const transaction = jest.fn(async () => {
      const failure = failures.shift();
      if (failure) throw failure;
      return 'stored';
    });
    await expect(
      retryTransient(transaction, { firstDelayMs: 1 }),
    ).resolves.toBe('stored');
    expect(transaction).toHaveBeenCalledTimes(3);
  });

  it('gives up after the bounded number of attempts with a 503', async () => {
    const transaction = jest.fn(async () => {
      throw pgError('40P01');
    });
    const failure = retryTransient(transaction, {
      attempts: 4,
      firstDelayMs: 1,
    });
    await expect(failure).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(failure).rejects.toThrow('nothing was stored');
    expect(transaction).toHaveBeenCalledTimes(4);
  });

  it('turns an unreachable database into a 503 without retrying', async () => {
    const transaction = jest.fn(async () => {
      throw pgError('ECONNREFUSED');
    });
    await expect(retryTransient(transaction)).rejects.toBeInstanceOf(
      ServiceUnavailableError,
    );
    expect(transaction).toHaveBeenCalledTimes(1);
  });

  it('passes other errors through untouched, once', async () => {
    const constraint = pgError('23502');
    const transaction = jest.fn(async () => {
      throw constraint;
    });
    await expect(retryTransient(transaction)).rejects.toBe(constraint);
    expect(transaction).toHaveBeenCalledTimes(1);
  });
});

describe('asServiceUnavailable', () => {
  it('answers a statement past its timeout or cancelled with a 503 that hides the SQL', () => {
    const knexTimeout = Object.assign(
      new Error('Defined query timeout of 5000ms exceeded when running query.'),
      { name: 'KnexTimeoutError', sql: 'select * from "oncall_pages"' },
    );
    const cancelFailed = Object.assign(new Error('cancelling failed'), {
      timeout: 5000,
    });
    for (const error of [knexTimeout, cancelFailed, pgError('57014')]) {
      const answer = asServiceUnavailable(error);
      expect(answer).toBeInstanceOf(ServiceUnavailableError);
      expect((answer as Error).message).not.toContain('oncall_pages');
    }
  });

  it('leaves an error that is not the database being unavailable as it is', () => {
    const constraint = pgError('23502');
    expect(asServiceUnavailable(constraint)).toBe(constraint);
  });
});
