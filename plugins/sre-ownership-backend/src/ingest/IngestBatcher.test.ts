import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ServiceUnavailableError } from '@backstage/errors';
import { OncallPage } from '@sre-ownership/plugin-sre-ownership-common';
import { DatabaseOncallStore } from '../oncall/DatabaseOncallStore';
import { IngestBatcher } from './IngestBatcher';
import { OncallEventBatch } from '../oncall/OncallStore';

jest.setTimeout(60_000);

const aPage = (externalId: string, overrides: Partial<OncallPage> = {}) =>
  ({
    source: 'alertmanager',
    externalId,
    teamRef: 'group:default/payments',
    severity: 'high',
    triggeredAt: '2026-03-03T02:00:00.000Z',
    ...overrides,
  } as OncallPage);

// A page the validator would refuse, so only the database can: a time that
// does not parse is stored as NULL in a NOT NULL column.
const unstorable = (externalId: string) =>
  aPage(externalId, { triggeredAt: 'not a time' });

/** A store that records each transaction and refuses unstorable pages. */
function recordingStore() {
  const transactions: OncallEventBatch[] = [];
  return {
    transactions,
    async ingest(batch: OncallEventBatch) {
      await new Promise(resolve => setTimeout(resolve, 5));
      if (batch.pages?.some(page => page.triggeredAt === 'not a time')) {
        throw new Error(
          'NOT NULL constraint failed: oncall_pages.triggered_at',
        );
      }
      transactions.push(batch);
    },
  };
}

const settle = (promises: Promise<void>[]) =>
  Promise.all(
    promises.map(promise =>
      promise.then(
        () => 'stored',
        () => 'refused',
      ),
    ),
  );

describe('IngestBatcher', () => {
  it('writes the deliveries that arrive together in one transaction', async () => {
    const store = recordingStore();
    const batcher = new IngestBatcher(store);

    const outcomes = await settle(
      Array.from({ length: 50 }, (_, i) =>
        batcher.ingest({ pages: [aPage(`fp-${i}`)] }),
      ),
    );

    expect(outcomes).toEqual(Array(50).fill('stored'));
    expect(store.transactions).toHaveLength(1);
    expect(store.transactions[0].pages).toHaveLength(50);
  });

  it('groups the deliveries that arrive during a write into the next one', async () => {
    const store = recordingStore();
    const batcher = new IngestBatcher(store);

    const first = batcher.ingest({ pages: [aPage('fp-first')] });
    await new Promise(resolve => setImmediate(resolve));
    const later = Array.from({ length: 10 }, (_, i) =>
      batcher.ingest({ pages: [aPage(`fp-${i}`)] }),
    );
    await settle([first, ...later]);

    expect(store.transactions.map(batch => batch.pages?.length)).toEqual([
      1, 10,
    ]);
  });

  it('never puts more records in one transaction than the limit, and writes a larger delivery alone', async () => {
    const store = recordingStore();
    const batcher = new IngestBatcher(store, { maxRecordsPerFlush: 4 });
    const delivery = (n: number, name: string) => ({
      pages: Array.from({ length: n }, (_, i) => aPage(`${name}-${i}`)),
    });

    await settle([
      batcher.ingest(delivery(3, 'a')),
      batcher.ingest(delivery(1, 'b')),
      batcher.ingest(delivery(6, 'c')),
      batcher.ingest(delivery(2, 'd')),
    ]);

    expect(store.transactions.map(batch => batch.pages?.length)).toEqual([
      4, 6, 2,
    ]);
  });

  it('stores every other delivery when one in the group cannot be stored, and refuses that one', async () => {
    const store = recordingStore();
    const batcher = new IngestBatcher(store);

    const outcomes = await settle([
      batcher.ingest({ pages: [aPage('fp-1')] }),
      batcher.ingest({ pages: [aPage('fp-2'), unstorable('fp-bad')] }),
      batcher.ingest({ pages: [aPage('fp-3')] }),
    ]);

    expect(outcomes).toEqual(['stored', 'refused', 'stored']);
    expect(
      store.transactions.flatMap(batch => batch.pages!.map(p => p.externalId)),
    ).toEqual(['fp-1', 'fp-3']);
  });

  describe('while the database does not answer', () => {
    /** A store whose writes never finish, as behind a held lock. */
    const hangingStore = () => ({
      calls: 0,
      ingest() {
        this.calls += 1;
        return new Promise<void>(() => {});
      },
    });

    const refusal = (promise: Promise<void>) =>
      promise.then(
        () => undefined,
        (error: Error) => error,
      );

    it('answers every delivery with a 503 by the deadline, saying whether it may still be stored', async () => {
      const batcher = new IngestBatcher(hangingStore(), { deadlineMs: 100 });
      const started = Date.now();

      const writing = refusal(batcher.ingest({ pages: [aPage('fp-1')] }));
      await new Promise(resolve => setImmediate(resolve));
      const queued = refusal(batcher.ingest({ pages: [aPage('fp-2')] }));
      const [inFlight, neverWritten] = await Promise.all([writing, queued]);

      expect(Date.now() - started).toBeLessThan(1_000);
      expect(inFlight).toBeInstanceOf(ServiceUnavailableError);
      expect(inFlight?.message).toContain('it may be stored later');
      expect(neverWritten).toBeInstanceOf(ServiceUnavailableError);
      expect(neverWritten?.message).toContain('nothing was stored');
    });

    it('refuses a delivery at once when the queue is full, instead of holding it in memory', async () => {
      const store = hangingStore();
      const batcher = new IngestBatcher(store, {
        maxQueuedRecords: 3,
        deadlineMs: 200,
      });
      const writing = refusal(batcher.ingest({ pages: [aPage('fp-0')] }));
      await new Promise(resolve => setImmediate(resolve));
      const queued = [1, 2, 3].map(i =>
        refusal(batcher.ingest({ pages: [aPage(`fp-${i}`)] })),
      );

      const started = Date.now();
      const overflow = await refusal(
        batcher.ingest({ pages: [aPage('fp-4')] }),
      );

      expect(Date.now() - started).toBeLessThan(50);
      expect(overflow).toBeInstanceOf(ServiceUnavailableError);
      expect(overflow?.message).toContain('Too many deliveries are waiting');
      await Promise.all([writing, ...queued]);
      // Room again once the waiting deliveries are answered: the next one
      // waits for the database (until the deadline) instead.
      const next = await refusal(batcher.ingest({ pages: [aPage('fp-5')] }));
      expect(next?.message).toContain('did not store the delivery within');
      expect(store.calls).toBe(1);
    });

    it('refuses a group the database could not take together, without waiting on it once per delivery', async () => {
      const timedOut = Object.assign(new Error('query timeout'), {
        name: 'KnexTimeoutError',
      });
      const ingest = jest.fn(async () => {
        throw timedOut;
      });
      const batcher = new IngestBatcher({ ingest });

      const outcomes = await settle(
        Array.from({ length: 5 }, (_, i) =>
          batcher.ingest({ pages: [aPage(`fp-${i}`)] }),
        ),
      );

      expect(outcomes).toEqual(Array(5).fill('refused'));
      expect(ingest).toHaveBeenCalledTimes(1);
    });
  });
});

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'IngestBatcher on DatabaseOncallStore (%s)',
  databaseId => {
    const batcherOn = async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseOncallStore.create({
        database: mockServices.database({ knex }),
      });
      return { knex, store, batcher: new IngestBatcher(store) };
    };

    const storedIds = async (
      knex: Awaited<ReturnType<typeof batcherOn>>['knex'],
    ) => await knex('oncall_pages').orderBy('external_id').pluck('external_id');

    it('stores concurrent deliveries whole, leaving out only the one the database refuses', async () => {
      const { knex, batcher } = await batcherOn();

      const outcomes = await settle([
        batcher.ingest({ pages: [aPage('fp-1')] }),
        batcher.ingest({ pages: [aPage('fp-2'), unstorable('fp-3')] }),
        batcher.ingest({ pages: [aPage('fp-4'), aPage('fp-5')] }),
      ]);

      expect(outcomes).toEqual(['stored', 'refused', 'stored']);
      // Nothing of the refused delivery is half-written.
      expect(await storedIds(knex)).toEqual(['fp-1', 'fp-4', 'fp-5']);
    });

    it('keeps a redelivery idempotent and merges updates of one page sent together', async () => {
      const { knex, store, batcher } = await batcherOn();
      await store.ingest({ pages: [aPage('fp-1')] });
      const [before] = await knex('oncall_pages').where('external_id', 'fp-1');

      await settle([
        batcher.ingest({ pages: [aPage('fp-1')] }),
        batcher.ingest({
          pages: [
            aPage('fp-2', { acknowledgedAt: '2026-03-03T02:05:00.000Z' }),
          ],
        }),
        batcher.ingest({
          pages: [aPage('fp-2', { resolvedAt: '2026-03-03T02:40:00.000Z' })],
        }),
      ]);

      const [after] = await knex('oncall_pages').where('external_id', 'fp-1');
      expect(after).toEqual(before);
      const [merged] = await knex('oncall_pages').where('external_id', 'fp-2');
      expect(Number(merged.acknowledged_at)).toBe(
        Date.parse('2026-03-03T02:05:00.000Z'),
      );
      expect(Number(merged.resolved_at)).toBe(
        Date.parse('2026-03-03T02:40:00.000Z'),
      );
      expect(await storedIds(knex)).toEqual(['fp-1', 'fp-2']);
    });
  },
);
