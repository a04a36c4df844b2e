import { DatabaseService } from '@backstage/backend-plugin-api';
import { SloListItem } from '@sre-ownership/plugin-sre-ownership-common';
import { Knex } from 'knex';
import { SloEvaluation, SloStatusStore } from './SloStatusStore';

interface StatusRow {
  entity_ref: string;
  slo_name: string;
  item: string;
  evaluated_at: number | string;
}

const ROWS_PER_STATEMENT = 200;
const REFS_PER_QUERY = 500;

/** {@link SloStatusStore} in the plugin's database. */
export class DatabaseSloStatusStore implements SloStatusStore {
  /** The database's migrations must have run (see `migratedDatabase`). */
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseSloStatusStore> {
    return new DatabaseSloStatusStore(await options.database.getClient());
  }

  private constructor(private readonly db: Knex) {}

  async replaceAll(items: SloListItem[], evaluatedAt: Date): Promise<void> {
    const at = evaluatedAt.getTime();
    const rows: StatusRow[] = items.map(item => ({
      entity_ref: item.entityRef.toLocaleLowerCase('en-US'),
      slo_name: item.sloName,
      item: JSON.stringify(item),
      evaluated_at: at,
    }));
    await this.db.transaction(async tx => {
      // Everything not written by this evaluation goes.
      await tx('slo_status').delete();
      for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
        await tx('slo_status').insert(rows.slice(i, i + ROWS_PER_STATEMENT));
      }
      await tx('slo_evaluation')
        .insert({ id: 1, evaluated_at: at })
        .onConflict('id')
        .merge(['evaluated_at']);
    });
  }

  async evaluatedAt(db: Knex = this.db): Promise<string | undefined> {
    const [marker] = await db('slo_evaluation')
      .where({ id: 1 })
      .select('evaluated_at');
    return marker
      ? new Date(Number(marker.evaluated_at)).toISOString()
      : undefined;
  }

  async list(entityRefs?: string[]): Promise<SloEvaluation> {
    // One transaction: the marker and the rows of the same evaluation.
    return this.db.transaction(async tx => {
      const evaluatedAt = await this.evaluatedAt(tx);
      let rows: StatusRow[] = [];
      if (entityRefs === undefined) {
        rows = await tx<StatusRow>('slo_status').select();
      } else {
        const refs = [
          ...new Set(entityRefs.map(r => r.toLocaleLowerCase('en-US'))),
        ];
        for (let i = 0; i < refs.length; i += REFS_PER_QUERY) {
          rows.push(
            ...(await tx<StatusRow>('slo_status')
              .whereIn('entity_ref', refs.slice(i, i + REFS_PER_QUERY))
              .select()),
          );
        }
      }
      return {
        ...(evaluatedAt ? { evaluatedAt } : {}),
        items: rows.map(row => JSON.parse(row.item) as SloListItem),
      };
    });
  }
}
