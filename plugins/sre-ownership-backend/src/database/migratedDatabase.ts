import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { migrateLatest } from './migrateLatest';

const migrationsDir = resolvePackagePath(
  '@sre-ownership/plugin-sre-ownership-backend',
  'migrations',
);

/**
 * Brings the plugin's tables up to date once, under the migration lock, and
 * returns the same database with the stores' own migration step turned off.
 * The five stores share one migrations directory; each ran it on creation,
 * so a start migrated five times and a store's safety depended on which was
 * created first.
 */
export async function migratedDatabase(
  database: DatabaseService,
): Promise<DatabaseService> {
  if (!database.migrations?.skip) {
    await migrateLatest(await database.getClient(), migrationsDir);
  }
  return {
    getClient: () => database.getClient(),
    migrations: { skip: true },
  };
}
