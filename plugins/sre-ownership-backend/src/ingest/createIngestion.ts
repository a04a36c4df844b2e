import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OncallStore } from '../oncall/OncallStore';
import { CatalogSkeleton } from './CatalogSkeleton';
import { EventIngestion } from './EventIngestion';

/**
 * Builds event ingestion (the bulk API and both webhooks), checking refs
 * against a skeleton of the catalog read with the plugin's own credentials.
 */
export function createIngestion(options: {
  store: OncallStore;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  /** Secrets a PagerDuty signature may be made with (several while rotating). */
  pagerDutySecrets: string[];
  /** Longest wait for a delivery's commit before a 503. */
  deliveryDeadlineMs: number;
}): EventIngestion {
  const { store, logger, pagerDutySecrets, deliveryDeadlineMs } = options;
  return new EventIngestion({
    store,
    logger,
    skeleton: new CatalogSkeleton(options),
    pagerDutySecrets,
    deliveryDeadlineMs,
  });
}
