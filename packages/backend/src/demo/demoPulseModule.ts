import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { DEFAULT_PULSE_PERIOD_DAYS } from '@sre-ownership/plugin-sre-ownership-common';
import { demoPaymentsPulse } from './demoPulseAnswers';

/**
 * Demo only: stores anonymous pulse answers for the payments team, when
 * `demo.pulse.enabled` is true, so the Group page shows a pulse summary in
 * the quick-start app. Writes the plugin's pulse tables directly (there is
 * no API to add answers without an invitation, by design); the totals are
 * set, not added, so a restart changes nothing.
 */
export default createBackendModule({
  pluginId: 'sre-ownership',
  moduleId: 'demo-pulse',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
      },
      async init({ config, database, logger, lifecycle }) {
        if (!config.getOptionalBoolean('demo.pulse.enabled')) return;
        const periodDays =
          config.getOptionalNumber('sreOwnership.pulse.periodDays') ??
          DEFAULT_PULSE_PERIOD_DAYS;
        // The plugin has created its tables by the time the backend starts.
        lifecycle.addStartupHook(async () => {
          const db = await database.getClient();
          const pulse = demoPaymentsPulse(new Date(), periodDays);
          await db.transaction(async tx => {
            for (const { periodStart, totals } of pulse.totals) {
              await tx('pulse_totals')
                .insert({
                  team_ref: pulse.teamRef,
                  period_start: periodStart,
                  answers: totals.answers,
                  sustainable_sum: totals.sums.sustainable,
                  sleep_sum: totals.sums.sleep,
                  actionable_sum: totals.sums.actionable,
                })
                .onConflict(['team_ref', 'period_start'])
                .merge();
            }
            await tx('pulse_comments')
              .insert(
                pulse.comments.map(comment => ({
                  id: comment.id,
                  team_ref: pulse.teamRef,
                  period_start: comment.periodStart,
                  body: comment.body,
                })),
              )
              .onConflict('id')
              .ignore();
          });
          logger.info('Stored the demo pulse answers of the payments team');
        });
      },
    });
  },
});
