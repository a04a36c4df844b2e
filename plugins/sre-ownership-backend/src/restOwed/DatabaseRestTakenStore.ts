import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { RestTaken } from '@sre-ownership/plugin-sre-ownership-common';
import { Knex } from 'knex';
import { migrateLatest } from '../database/migrateLatest';
import { RestTakenStore } from './RestTakenStore';

const migrationsDir = resolvePackagePath(
  '@sre-ownership/plugin-sre-ownership-backend',
  'migrations',
);

interface RestTakenRow {
  team_ref: string;
  user_ref: string;
  taken_on: string;
  minutes: number;
  note: string | null;
  recorded_by: string;
  recorded_at: number | string;
}

function toRecord(row: RestTakenRow): RestTaken {
  return {
    teamRef: row.team_ref,
    userRef: row.user_ref,
    date: row.taken_on,
    minutes: Number(row.minutes),
    ...(row.note === null ? {} : { note: row.note }),
    recordedBy: row.recorded_by,
    recordedAt: new Date(Number(row.recorded_at)).toISOString(),
  };
}

/** {@link RestTakenStore} on the plugin's database. */
export class DatabaseRestTakenStore implements RestTakenStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseRestTakenStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await migrateLatest(client, migrationsDir);
    }
    return new DatabaseRestTakenStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async record(taken: RestTaken): Promise<{ created: boolean }> {
    const key = {
      team_ref: taken.teamRef,
      user_ref: taken.userRef,
      taken_on: taken.date,
    };
    const row: RestTakenRow = {
      ...key,
      minutes: taken.minutes,
      note: taken.note ?? null,
      recorded_by: taken.recordedBy,
      recorded_at: Date.parse(taken.recordedAt),
    };
    return this.db.transaction(async tx => {
      const existing = await tx('rest_taken').where(key).first();
      await tx('rest_taken')
        .insert(row)
        .onConflict(['team_ref', 'user_ref', 'taken_on'])
        .merge(['minutes', 'note', 'recorded_by', 'recorded_at']);
      return { created: !existing };
    });
  }

  async list(options: {
    teamRef: string;
    fromDate: string;
    toDate: string;
  }): Promise<RestTaken[]> {
    const rows = await this.db<RestTakenRow>('rest_taken')
      .where('team_ref', options.teamRef)
      .andWhere('taken_on', '>=', options.fromDate)
      .andWhere('taken_on', '<=', options.toDate)
      .orderBy([
        { column: 'taken_on', order: 'asc' },
        { column: 'user_ref', order: 'asc' },
      ]);
    return rows.map(toRecord);
  }
}
