import {
  AuthService,
  DatabaseService,
  LoggerService,
  SchedulerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OncallStore } from '../oncall/OncallStore';
import { OwnershipResolver } from '../ownership/OwnershipResolver';
import { DatabaseSloStatusStore } from './DatabaseSloStatusStore';
import { PrometheusSettings } from './prometheusConfig';
import {
  SLO_EVALUATION_TASK_ID,
  scheduleSloEvaluation,
} from './scheduleSloEvaluation';
import { SloDeclarationReader } from './SloDeclarationReader';
import { SloEvaluationRun, SloEvaluator } from './SloEvaluator';
import { SloEvaluationSettings } from './sloEvaluationConfig';
import { SloService } from './SloService';
import { SloStatusStore } from './SloStatusStore';

/** SLO status, live per entity and as last evaluated across the catalog. */
export interface Slos {
  service: SloService;
  store: SloStatusStore;
  /** Starts the scheduled evaluation; `onEvaluated` acts on each run. */
  scheduleEvaluation(
    onEvaluated?: (run: SloEvaluationRun) => Promise<void>,
  ): Promise<void>;
}

/**
 * Builds SLO status (declarations read from the catalog's sources, measured
 * in Prometheus, answered with the entity's owners), the store of the
 * latest evaluation. The SLO action is registered with the roll-ups
 * (rollup/createRollup.ts), since it answers for teams and Systems too.
 */
export async function createSlo(options: {
  auth: AuthService;
  catalog: CatalogService;
  database: DatabaseService;
  scheduler: SchedulerService;
  logger: LoggerService;
  urlReader: UrlReaderService;
  ownership: OwnershipResolver;
  oncall: Pick<OncallStore, 'listPages'>;
  settings: PrometheusSettings;
  evaluation: SloEvaluationSettings;
}): Promise<Slos> {
  const { ownership } = options;
  const service = new SloService({
    catalog: options.catalog,
    reader: new SloDeclarationReader({ urlReader: options.urlReader }),
    settings: options.settings,
    pages: options.oncall,
    getOwnership: (ref, credentials) =>
      ownership.getOwnership(ref, credentials),
  });
  const store = await DatabaseSloStatusStore.create(options);
  return {
    service,
    store,
    scheduleEvaluation: onEvaluated =>
      scheduleSloEvaluation({
        scheduler: options.scheduler,
        logger: options.logger.child({ task: SLO_EVALUATION_TASK_ID }),
        settings: options.evaluation,
        evaluator: new SloEvaluator({
          auth: options.auth,
          catalog: options.catalog,
          slos: service,
          store,
          logger: options.logger.child({ task: SLO_EVALUATION_TASK_ID }),
          onEvaluated,
        }),
      }),
  };
}
