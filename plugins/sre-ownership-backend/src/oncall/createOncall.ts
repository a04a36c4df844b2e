import { DatabaseService } from '@backstage/backend-plugin-api';
import { DatabaseOncallStore } from './DatabaseOncallStore';
import { OnCallNowReader } from './OnCallNowReader';

/** The on-call events store and the who-is-on-call-now reader over it. */
export interface Oncall {
  store: DatabaseOncallStore;
  onCall: OnCallNowReader;
}

/**
 * Builds the events store on the plugin's (bounded) database client and the
 * on-call-now reader every surface asks, so all give the same answer.
 */
export async function createOncall(options: {
  database: DatabaseService;
  /** How long a team's shifts are reused by the on-call-now reader. */
  onCallCacheTtlMs: number;
}): Promise<Oncall> {
  const store = await DatabaseOncallStore.create({
    database: options.database,
  });
  const onCall = new OnCallNowReader({
    store,
    ttlMs: options.onCallCacheTtlMs,
  });
  return { store, onCall };
}
