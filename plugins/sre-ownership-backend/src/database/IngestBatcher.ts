import { OncallEventBatch, OncallStore } from './OncallStore';

/**
 * Most records one grouped transaction writes. A notification of one
 * Alertmanager group holds one alert; 2,000 records keep a transaction
 * short (tens of milliseconds) while a burst of concurrent deliveries still
 * shares one commit. A delivery larger than this is written alone.
 */
export const MAX_RECORDS_PER_FLUSH = 2_000;

interface Waiting {
  batch: OncallEventBatch;
  records: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

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
 */
export class IngestBatcher implements Pick<OncallStore, 'ingest'> {
  private readonly queue: Waiting[] = [];
  private flushing = false;

  constructor(
    private readonly store: Pick<OncallStore, 'ingest'>,
    private readonly options: { maxRecordsPerFlush?: number } = {},
  ) {}

  /** Stores the batch, together with those of concurrent deliveries. */
  ingest(batch: OncallEventBatch): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ batch, records: sizeOf(batch), resolve, reject });
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
    return this.queue.splice(0, count);
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
    } catch {
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
