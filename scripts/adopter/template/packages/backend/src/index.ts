import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// SRE Ownership, installed from the packed tarballs.
backend.add(import('@sre-ownership/plugin-sre-ownership-backend'));
backend.add(
  import('@sre-ownership/plugin-catalog-backend-module-sre-ownership'),
);

backend.start();
