import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { migrateLatest } from '../database/migrateLatest';

const migrationsDir = resolvePackagePath(
  '@sre-ownership/plugin-sre-ownership-backend',
  'migrations',
);

/** The last evaluated level of one notification condition. */
export interface ConditionState {
  level: number;
  evaluatedAt: number;
  /** When a notification was last sent for it; absent if never. */
  notifiedAt?: number;
}

interface StateRow {
  condition_key: string;
  level: number;
  evaluated_at: number | string;
  notified_at: number | string | null;
}

const ROWS_PER_STATEMENT = 200;

/**
 * Remembers the level each notification condition was last seen at, so the
 * evaluation can tell worsening from staying and improving.
 */
export class NotificationStateStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<NotificationStateStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await migrateLatest(client, migrationsDir);
    }
    return new NotificationStateStore(client);
  }

  private constructor(private readonly db: Knex) {}

  /** Every stored state, by condition key. */
  async list(): Promise<Map<string, ConditionState>> {
    const rows = await this.db<StateRow>('notification_state').select();
    return new Map(
      rows.map(row => [
        row.condition_key,
        {
          level: Number(row.level),
          evaluatedAt: Number(row.evaluated_at),
          ...(row.notified_at === null
            ? {}
            : { notifiedAt: Number(row.notified_at) }),
        },
      ]),
    );
  }

  /** Writes the given states in one transaction. */
  async save(states: Map<string, ConditionState>): Promise<void> {
    const rows: StateRow[] = [...states].map(([key, state]) => ({
      condition_key: key,
      level: state.level,
      evaluated_at: state.evaluatedAt,
      notified_at: state.notifiedAt ?? null,
    }));
    await this.db.transaction(async tx => {
      for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
        await tx('notification_state')
          .insert(rows.slice(i, i + ROWS_PER_STATEMENT))
          .onConflict('condition_key')
          .merge(['level', 'evaluated_at', 'notified_at']);
      }
    });
  }
}
