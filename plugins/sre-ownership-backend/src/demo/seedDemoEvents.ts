import { LoggerService } from '@backstage/backend-plugin-api';
import { OncallStore } from '../database/OncallStore';
import { generateDemoEvents } from './demoEvents';

/**
 * Loads the demo's on-call history once, on the first start with
 * `sreOwnership.demoData.enabled`; later starts keep what is stored, so
 * ingested data and the demo survive restarts alike.
 */
export async function seedDemoEvents(options: {
  store: OncallStore;
  logger: LoggerService;
  now?: Date;
}) {
  const { store, logger } = options;
  if (await store.hasEventsFrom('demo')) return;
  const batch = generateDemoEvents(options.now ?? new Date());
  await store.ingest(batch);
  logger.info(
    `Loaded demo on-call data: ${batch.shifts?.length} shifts, ${batch.pages?.length} pages, ${batch.toil?.length} toil entries`,
  );
}
