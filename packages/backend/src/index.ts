import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(
  import('@sre-ownership/plugin-catalog-backend-module-sre-ownership'),
);

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@sre-ownership/plugin-sre-ownership-backend'));
// Demo only: generated on-call history for the demo organisation.
backend.add(import('./demo/demoOncallHistoryModule'));
// Demo only: anonymous pulse answers of the payments team.
backend.add(import('./demo/demoPulseModule'));

// The notification bell, updated live over signals.
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// Exposes actions from the plugins listed in backend.actions.pluginSources to MCP clients.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// A backend whose start failed serves nothing useful, yet would keep running
// and keep its port open; exiting lets the orchestrator see the failure and
// start it again.
backend.start().catch(error => {
  // eslint-disable-next-line no-console
  console.error('The backend failed to start', error);
  process.exit(1);
});
