import { ServiceUnavailableError } from '@backstage/errors';
import { DEFAULT_STATEMENT_TIMEOUT_MS } from '../database/databaseConfig';
import { OncallEventBatch, OncallStore } from '../oncall/OncallStore';
import { isTransient } from '../database/retryTransient';

/**
 * Most records one grouped transaction writes. A notification of one
 * Alertmanager group holds one alert; 2,000 records keep a transaction
 * short (tens of milliseconds) while a burst of concurrent deliveries still
 * shares one commit. A delivery larger than this is written alone.
 */
export const MAX_RECORDS_PER_FLUSH = 2_000;

/**
 * Most records waiting to be written. Healthy flushes take tens of
 * milliseconds, so the queue stays far below this; it fills only when the
 * database stops answering, and then a delivery is refused with a 503 (which
 * Alertmanager and PagerDuty retry) instead of holding its records in memory.
 */
export const MAX_QUEUED_RECORDS = 10 * MAX_RECORDS_PER_FLUSH;

interface Waiting {
  batch: OncallEventBatch;
  records: number;
  /** Whether a flush has taken it (its records may then be committed). */
  taken: boolean;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Settings of an {@link IngestBatcher}; every one has a default. */
export interface IngestBatcherOptions {
  /** Most records in one transaction; {@link MAX_RECORDS_PER_FLUSH}. */
  maxRecordsPerFlush?: number;
  /** Most records waiting to be written; {@link MAX_QUEUED_RECORDS}. */
  maxQueuedRecords?: number;
  /**
   * Longest time a delivery waits for its commit before it is answered
   * with a 503; the statement timeout, 5 s by default.
   */
  deadlineMs?: number;
}

const queueFull = () =>
  new ServiceUnavailableError(
    'Too many deliveries are waiting for the database; nothing was stored. Send the same request again after Retry-After seconds.',
  );

const notStoredInTime = (ms: number) =>
  new ServiceUnavailableError(
    `The database did not store the delivery within ${ms} ms; nothing was stored. Send the same request again after Retry-After seconds.`,
  );

const maybeStoredLate = (ms: number) =>
  new ServiceUnavailableError(
    `The database did not confirm the delivery within ${ms} ms; it may be stored later. Send the same request again after Retry-After seconds: a delivery sent twice is stored once.`,
  );

const sizeOf = (batch: OncallEventBatch) =>
  (batch.shifts?.length ?? 0) +
  (batch.pages?.length ?? 0) +
  (batch.toil?.length ?? 0);

/**
 * Groups the writes of concurrent deliveries into one transaction, as a
 * database groups commits: each delivery queues its validated records, and
 * one flush at a time writes everything queued so far (up to
 * {@link MAX_RECORDS_PER_FLUSH}) through the store, which orders rows by key
 * so grouped writers still lock in one order. A delivery's promise settles
 * when the transaction holding its records commits, so a 201 still means
 * stored. A commit costs the same for one row as for a thousand (a disk
 * flush), so a burst of one-alert notifications needs one commit per flush
 * instead of one per notification.
 *
 * Nothing is half-written: a delivery's records are all in one committed
 * transaction or none is. If a grouped transaction fails, each of its
 * deliveries is written again alone, so one delivery that cannot be stored
 * never fails another. Writes stay idempotent: grouping merges records with
 * the same key exactly as one batch holding both would.
 *
 * Bounded in memory and in time: a delivery that would take the queue past
 * {@link MAX_QUEUED_RECORDS} is refused at once, and every delivery is
 * answered within the deadline — with a 503 if its transaction has not
 * committed by then. When a grouped transaction fails because the database
 * is unavailable (a timeout, a held lock), its deliveries get that 503
 * together rather than being written again one by one against a database
 * that is not answering.
 */
export class IngestBatcher implements Pick<OncallStore, 'ingest'> {
  private readonly queue: Waiting[] = [];
  private queuedRecords = 0;
  private flushing = false;

  constructor(
    private readonly store: Pick<OncallStore, 'ingest'>,
    private readonly options: IngestBatcherOptions = {},
  ) {}

  /** Stores the batch, together with those of concurrent deliveries. */
  ingest(batch: OncallEventBatch): Promise<void> {
    const records = sizeOf(batch);
    const maxQueued = this.options.maxQueuedRecords ?? MAX_QUEUED_RECORDS;
    // A delivery larger than the bound is still taken when nothing waits:
    // its size is bounded by the request body limit.
    if (this.queue.length > 0 && this.queuedRecords + records > maxQueued) {
      return Promise.reject(queueFull());
    }
    const deadlineMs = this.options.deadlineMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      let settled = false;
      // Set below, once the delivery it answers exists.
      const deadline: { timer?: NodeJS.Timeout } = {};
      const settle = (finish: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline.timer);
        finish();
      };
      const waiting: Waiting = {
        batch,
        records,
        taken: false,
        resolve: () => settle(resolve),
        reject: error => settle(() => reject(error)),
      };
      deadline.timer = setTimeout(() => {
        if (waiting.taken) {
          waiting.reject(maybeStoredLate(deadlineMs));
          return;
        }
        // Never taken by a flush: nothing of it is written.
        this.queue.splice(this.queue.indexOf(waiting), 1);
        this.queuedRecords -= records;
        waiting.reject(notStoredInTime(deadlineMs));
      }, deadlineMs);
      this.queue.push(waiting);
      this.queuedRecords += records;
      if (!this.flushing) {
        this.flushing = true;
        // Lets the deliveries already parsed in this turn of the event loop
        // join the first flush.
        setImmediate(() => this.drain());
      }
    });
  }

  private async drain() {
    try {
      while (this.queue.length > 0) {
        await this.flush(this.takeGroup());
      }
    } finally {
      this.flushing = false;
    }
  }

  /** The oldest deliveries that fit in one flush; at least one. */
  private takeGroup(): Waiting[] {
    const max = this.options.maxRecordsPerFlush ?? MAX_RECORDS_PER_FLUSH;
    let records = this.queue[0].records;
    let count = 1;
    while (
      count < this.queue.length &&
      records + this.queue[count].records <= max
    ) {
      records += this.queue[count].records;
      count += 1;
    }
    const group = this.queue.splice(0, count);
    this.queuedRecords -= records;
    for (const waiting of group) waiting.taken = true;
    return group;
  }

  private async flush(group: Waiting[]) {
    if (group.length === 1) {
      await this.writeAlone(group[0]);
      return;
    }
    try {
      await this.store.ingest({
        shifts: group.flatMap(waiting => waiting.batch.shifts ?? []),
        pages: group.flatMap(waiting => waiting.batch.pages ?? []),
        toil: group.flatMap(waiting => waiting.batch.toil ?? []),
      });
    } catch (error) {
      if (isTransient(error) || error instanceof ServiceUnavailableError) {
        // The database, not a delivery, failed: writing each alone would
        // only wait on it once per delivery.
        for (const waiting of group) waiting.reject(error);
        return;
      }
      // Finds the delivery that cannot be stored; the others are stored.
      for (const waiting of group) await this.writeAlone(waiting);
      return;
    }
    for (const waiting of group) waiting.resolve();
  }

  private async writeAlone(waiting: Waiting) {
    try {
      await this.store.ingest(waiting.batch);
      waiting.resolve();
    } catch (error) {
      waiting.reject(error);
    }
  }
}
