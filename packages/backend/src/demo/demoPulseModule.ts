import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  DEFAULT_PULSE_MINIMUM_ANSWERS,
  DEFAULT_PULSE_PERIOD_DAYS,
  summarisePulsePeriod,
} from '@sre-ownership/plugin-sre-ownership-common';
import { demoPaymentsPulse } from './demoPulseAnswers';

/**
 * Demo only: publishes pulse summaries for the payments team, when
 * `demo.pulse.enabled` is true, so the Group page shows a pulse summary in
 * the quick-start app. Writes the plugin's published summaries directly
 * (there is no API to add answers without an invitation, by design); a
 * summary already there is kept, so a restart changes nothing.
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
        const settings = {
          periodDays:
            config.getOptionalNumber('sreOwnership.pulse.periodDays') ??
            DEFAULT_PULSE_PERIOD_DAYS,
          answerWithinDays:
            config.getOptionalNumber('sreOwnership.pulse.answerWithinDays') ??
            7,
        };
        // The plugin has created its tables by the time the backend starts.
        lifecycle.addStartupHook(async () => {
          const db = await database.getClient();
          const pulse = demoPaymentsPulse(new Date(), settings);
          for (const { periodStart, totals } of pulse.totals) {
            const period = { from: periodStart, to: periodStart };
            const { averages } = summarisePulsePeriod(
              period,
              totals,
              DEFAULT_PULSE_MINIMUM_ANSWERS,
            );
            const tenths = (value?: number) =>
              value === undefined ? null : Math.round(value * 10);
            await db('pulse_summaries')
              .insert({
                team_ref: pulse.teamRef,
                period_start: periodStart,
                people: totals.answers,
                minimum_answers: DEFAULT_PULSE_MINIMUM_ANSWERS,
                sustainable_tenths: tenths(averages?.sustainable),
                sleep_tenths: tenths(averages?.sleep),
                actionable_tenths: tenths(averages?.actionable),
                comments: JSON.stringify(
                  pulse.comments
                    .filter(comment => comment.periodStart === periodStart)
                    .map(comment => comment.body),
                ),
              })
              .onConflict(['team_ref', 'period_start'])
              .ignore();
          }
          logger.info('Stored the demo pulse answers of the payments team');
        });
      },
    });
  },
});
