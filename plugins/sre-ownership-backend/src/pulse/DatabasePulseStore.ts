import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { PulseTotals } from '@sre-ownership/plugin-sre-ownership-common';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { migrateLatest } from '../database/migrateLatest';
import {
  EndedShift,
  PulseAnswerRecord,
  PulseStore,
  StoredInvitation,
} from './PulseStore';

const migrationsDir = resolvePackagePath(
  '@sre-ownership/plugin-sre-ownership-backend',
  'migrations',
);

interface InvitationRow {
  id: string;
  shift_source: string;
  shift_external_id: string;
  user_ref: string;
  team_ref: string;
  shift_ended_at: number | string;
  invited_at: number | string;
}

interface TotalsRow {
  team_ref: string;
  period_start: string;
  answers: number | string;
  sustainable_sum: number | string;
  sleep_sum: number | string;
  actionable_sum: number | string;
}

const fromRow = (row: InvitationRow): StoredInvitation => ({
  id: row.id,
  userRef: row.user_ref,
  teamRef: row.team_ref,
  shiftSource: row.shift_source,
  shiftExternalId: row.shift_external_id,
  shiftEndedAt: Number(row.shift_ended_at),
});

/** {@link PulseStore} on the plugin's database (SQLite or PostgreSQL). */
export class DatabasePulseStore implements PulseStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabasePulseStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await migrateLatest(client, migrationsDir);
    }
    return new DatabasePulseStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async listUninvitedShifts(range: {
    from: number;
    to: number;
  }): Promise<EndedShift[]> {
    // The shifts are the on-call store's; only their end is read here.
    const rows = await this.db('oncall_shifts as s')
      .leftJoin('pulse_invitations as i', function onShift() {
        this.on('i.shift_source', '=', 's.source').andOn(
          'i.shift_external_id',
          '=',
          's.external_id',
        );
      })
      .whereNull('i.id')
      .where('s.ends_at', '>=', range.from)
      .where('s.ends_at', '<', range.to)
      .orderBy('s.ends_at')
      .select(
        's.source',
        's.external_id',
        's.user_ref',
        's.team_ref',
        's.ends_at',
      );
    return rows.map(row => ({
      source: row.source,
      externalId: row.external_id,
      userRef: row.user_ref,
      teamRef: row.team_ref,
      endedAt: Number(row.ends_at),
    }));
  }

  async claimInvitation(
    invitation: StoredInvitation,
    invitedAt: number,
  ): Promise<boolean> {
    await this.db('pulse_invitations')
      .insert({
        id: invitation.id,
        shift_source: invitation.shiftSource,
        shift_external_id: invitation.shiftExternalId,
        user_ref: invitation.userRef,
        team_ref: invitation.teamRef,
        shift_ended_at: invitation.shiftEndedAt,
        invited_at: invitedAt,
      })
      .onConflict(['shift_source', 'shift_external_id'])
      .ignore();
    const stored = await this.db<InvitationRow>('pulse_invitations')
      .where({
        shift_source: invitation.shiftSource,
        shift_external_id: invitation.shiftExternalId,
      })
      .first('id');
    return stored?.id === invitation.id;
  }

  async releaseInvitation(id: string): Promise<void> {
    await this.db('pulse_invitations').where({ id }).delete();
  }

  async getInvitation(id: string): Promise<StoredInvitation | undefined> {
    const row = await this.db<InvitationRow>('pulse_invitations')
      .where({ id })
      .first();
    return row ? fromRow(row) : undefined;
  }

  async hasResponse(marker: string): Promise<boolean> {
    return Boolean(
      await this.db('pulse_responses').where({ marker }).first('marker'),
    );
  }

  async recordAnswer(
    answer: PulseAnswerRecord,
  ): Promise<'recorded' | 'duplicate'> {
    try {
      return await this.db.transaction(async tx => {
        if (
          await tx('pulse_responses').where({ marker: answer.marker }).first()
        ) {
          return 'duplicate';
        }
        await tx('pulse_responses').insert({ marker: answer.marker });
        await this.addToTotals(tx, answer);
        if (answer.comment) {
          await tx('pulse_comments').insert({
            id: randomUUID(),
            team_ref: answer.teamRef,
            period_start: answer.periodStart,
            body: answer.comment,
          });
        }
        return 'recorded';
      });
    } catch (error) {
      // Two answers for one shift at once: the marker's key refused one.
      if (await this.hasResponse(answer.marker)) return 'duplicate';
      throw error;
    }
  }

  private async addToTotals(tx: Knex.Transaction, answer: PulseAnswerRecord) {
    const { sustainable, sleep, actionable } = answer.scores;
    const plus = (column: string, value: number) =>
      tx.raw('?? + ?', [`pulse_totals.${column}`, value]);
    await tx('pulse_totals')
      .insert({
        team_ref: answer.teamRef,
        period_start: answer.periodStart,
        answers: 1,
        sustainable_sum: sustainable,
        sleep_sum: sleep,
        actionable_sum: actionable,
      })
      .onConflict(['team_ref', 'period_start'])
      .merge({
        answers: plus('answers', 1),
        sustainable_sum: plus('sustainable_sum', sustainable),
        sleep_sum: plus('sleep_sum', sleep),
        actionable_sum: plus('actionable_sum', actionable),
      });
  }

  async readTotals(
    teamRef: string,
    periodStarts: string[],
  ): Promise<Map<string, PulseTotals>> {
    const rows = await this.db<TotalsRow>('pulse_totals')
      .where({ team_ref: teamRef })
      .whereIn('period_start', periodStarts);
    return new Map(
      rows.map(row => [
        row.period_start,
        {
          answers: Number(row.answers),
          sums: {
            sustainable: Number(row.sustainable_sum),
            sleep: Number(row.sleep_sum),
            actionable: Number(row.actionable_sum),
          },
        },
      ]),
    );
  }

  async listComments(teamRef: string, periodStart: string): Promise<string[]> {
    const rows = await this.db('pulse_comments')
      .where({ team_ref: teamRef, period_start: periodStart })
      .select('body');
    return rows.map(row => row.body as string);
  }
}
