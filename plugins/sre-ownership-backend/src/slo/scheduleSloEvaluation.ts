import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { SloEvaluator } from './SloEvaluator';
import { SloEvaluationSettings } from './sloEvaluationConfig';

/** The id of the scheduled SLO evaluation. */
export const SLO_EVALUATION_TASK_ID = 'sre-ownership-slo-evaluation';

/**
 * Schedules the SLO evaluation: once across all replicas (global scope), on
 * its configured frequency.
 */
export async function scheduleSloEvaluation(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  evaluator: SloEvaluator;
  settings: SloEvaluationSettings;
}): Promise<void> {
  const { evaluator, settings, logger } = options;
  await options.scheduler.scheduleTask({
    id: SLO_EVALUATION_TASK_ID,
    scope: 'global',
    frequency: settings.frequency,
    timeout: { minutes: 10 },
    initialDelay: { seconds: 10 },
    fn: async signal => {
      const run = await evaluator.run(signal);
      if (run) logger.debug(`Evaluated ${run.items.length} SLOs`);
    },
  });
}
