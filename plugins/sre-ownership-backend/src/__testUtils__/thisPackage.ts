import { overridePackagePathResolution } from '@backstage/backend-plugin-api/testUtils';
import { join } from 'node:path';

/**
 * Makes the stores of a test file run the migrations of the source under
 * test, also when the installed dependencies resolve this package's name to
 * another copy of it (which would lack a migration added here). Call at the
 * top level of the test file.
 */
export function useThisPackagesMigrations() {
  overridePackagePathResolution({
    packageName: '@sre-ownership/plugin-sre-ownership-backend',
    path: join(__dirname, '..', '..'),
  });
}
