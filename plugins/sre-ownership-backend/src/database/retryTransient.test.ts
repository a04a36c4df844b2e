import { ServiceUnavailableError } from '@backstage/errors';
import { retryTransient } from './retryTransient';

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
