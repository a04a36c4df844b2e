import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { generateDemoEvents } from './demoOncallHistory';
import { demoSloIncidents } from './demoSloIncidents';
import { postOncallEvents } from './postOncallEvents';

/**
 * Demo only: loads 90 days of generated shifts, pages and toil for the demo
 * organisation through the SRE Ownership bulk API, as any other source of
 * on-call facts would, when `demo.oncallHistory.enabled` is true. The history
 * ends at the time of each start; events keep their ids, so a restart updates
 * them instead of adding more.
 */
export default createBackendModule({
  pluginId: 'sre-ownership',
  moduleId: 'demo-oncall-history',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        lifecycle: coreServices.lifecycle,
      },
      async init({ config, logger, auth, discovery, lifecycle }) {
        if (!config.getOptionalBoolean('demo.oncallHistory.enabled')) return;
        // The bulk API answers once the backend has started; load in the
        // background so that start-up does not wait for it.
        lifecycle.addStartupHook(() => {
          const now = new Date();
          const batch = generateDemoEvents(now);
          batch.pages = [...(batch.pages ?? []), ...demoSloIncidents(now)];
          postOncallEvents({ batch, auth, discovery })
            .then(counts =>
              logger.info(
                `Loaded demo on-call history: ${JSON.stringify(counts)}`,
              ),
            )
            .catch(error =>
              logger.error(`Could not load the demo on-call history: ${error}`),
            );
        });
      },
    });
  },
});
