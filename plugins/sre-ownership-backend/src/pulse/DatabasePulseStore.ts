import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { PulseScores } from '@sre-ownership/plugin-sre-ownership-common';
import { Knex } from 'knex';
import { migrateLatest } from '../database/migrateLatest';
import {
  EndedShift,
  OpenPulsePeriod,
  PublishedPulsePeriod,
  PulseContribution,
  PulsePeriodKey,
  PulseStore,
  StoredInvitation,
} from './PulseStore';
import { shuffle } from './shuffle';

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

interface OpenRow {
  team_ref: string;
  period_start: string;
  people: number | string;
  sustainable_sum: number | string;
  sleep_sum: number | string;
  actionable_sum: number | string;
  comments: string;
}

interface SummaryRow {
  team_ref: string;
  period_start: string;
  people: number | string;
  minimum_answers: number | string;
  sustainable_tenths: number | string | null;
  sleep_tenths: number | string | null;
  actionable_tenths: number | string | null;
  comments: string;
}

const fromRow = (row: InvitationRow): StoredInvitation => ({
  id: row.id,
  userRef: row.user_ref,
  teamRef: row.team_ref,
  shiftSource: row.shift_source,
  shiftExternalId: row.shift_external_id,
  shiftEndedAt: Number(row.shift_ended_at),
});

const fromOpenRow = (row: OpenRow | undefined): OpenPulsePeriod => ({
  people: Number(row?.people ?? 0),
  sums: {
    sustainable: Number(row?.sustainable_sum ?? 0),
    sleep: Number(row?.sleep_sum ?? 0),
    actionable: Number(row?.actionable_sum ?? 0),
  },
  comments: row ? (JSON.parse(row.comments) as string[]) : [],
});

const fromSummaryRow = (row: SummaryRow): PublishedPulsePeriod => {
  const tenths = [
    row.sustainable_tenths,
    row.sleep_tenths,
    row.actionable_tenths,
  ];
  const shown = tenths.every(value => value !== null);
  return {
    people: Number(row.people),
    minimumAnswers: Number(row.minimum_answers),
    ...(shown
      ? {
          averages: {
            sustainable: Number(row.sustainable_tenths) / 10,
            sleep: Number(row.sleep_tenths) / 10,
            actionable: Number(row.actionable_tenths) / 10,
          },
        }
      : {}),
    comments: JSON.parse(row.comments) as string[],
  };
};

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
        's.starts_at',
        's.ends_at',
      );
    return rows.map(row => ({
      source: row.source,
      externalId: row.external_id,
      userRef: row.user_ref,
      teamRef: row.team_ref,
      startedAt: Number(row.starts_at),
      endedAt: Number(row.ends_at),
    }));
  }

  async listShiftSpans(options: {
    userRef: string;
    teamRef: string;
    from: number;
    to: number;
  }): Promise<Array<{ startedAt: number; endedAt: number }>> {
    const rows = await this.db('oncall_shifts')
      .where({ user_ref: options.userRef, team_ref: options.teamRef })
      .where('ends_at', '>=', options.from)
      .where('starts_at', '<=', options.to)
      .orderBy('starts_at')
      .select('starts_at', 'ends_at');
    return rows.map(row => ({
      startedAt: Number(row.starts_at),
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

  async claimAnswerMarker(marker: string): Promise<boolean> {
    try {
      await this.db('pulse_answer_markers').insert({ marker });
      return true;
    } catch (error) {
      // The key refused it: the engineer answered already (or at once twice).
      if (await this.hasAnswerMarker(marker)) return false;
      throw error;
    }
  }

  async releaseAnswerMarker(marker: string): Promise<void> {
    await this.db('pulse_answer_markers').where({ marker }).delete();
  }

  async hasAnswerMarker(marker: string): Promise<boolean> {
    return Boolean(
      await this.db('pulse_answer_markers').where({ marker }).first('marker'),
    );
  }

  async addToOpenPeriod(
    answer: PulseContribution,
  ): Promise<'added' | 'published'> {
    const key = { team_ref: answer.teamRef, period_start: answer.periodStart };
    return this.db.transaction(async tx => {
      if (await tx('pulse_summaries').where(key).first('team_ref')) {
        return 'published';
      }
      await tx('pulse_open_periods')
        .insert({
          ...key,
          people: 0,
          sustainable_sum: 0,
          sleep_sum: 0,
          actionable_sum: 0,
          comments: '[]',
        })
        .onConflict(['team_ref', 'period_start'])
        .ignore();
      const open = fromOpenRow(await this.locked(tx, key));
      const { sustainable, sleep, actionable } = answer.scores;
      // The one row of the period is rewritten in place: the new comment
      // goes to a random place among the others, so neither the row nor
      // its comments keep a trace of which answer came last.
      await tx('pulse_open_periods')
        .where(key)
        .update({
          people: open.people + 1,
          sustainable_sum: open.sums.sustainable + sustainable,
          sleep_sum: open.sums.sleep + sleep,
          actionable_sum: open.sums.actionable + actionable,
          comments: JSON.stringify(
            shuffle(
              answer.comment
                ? [...open.comments, answer.comment]
                : open.comments,
            ),
          ),
        });
      return 'added';
    });
  }

  async listOpenPeriods(filter?: {
    teamRef: string;
    periodStarts: string[];
  }): Promise<PulsePeriodKey[]> {
    const query = this.db<OpenRow>('pulse_open_periods').select(
      'team_ref',
      'period_start',
    );
    if (filter) {
      query
        .where({ team_ref: filter.teamRef })
        .whereIn('period_start', filter.periodStarts);
    }
    const rows = await query;
    return rows.map(row => ({
      teamRef: row.team_ref,
      periodStart: row.period_start,
    }));
  }

  async publishPeriod(
    period: PulsePeriodKey,
    summarise: (open: OpenPulsePeriod) => PublishedPulsePeriod,
  ): Promise<PublishedPulsePeriod | undefined> {
    const key = { team_ref: period.teamRef, period_start: period.periodStart };
    // Most teams' periods have no answer: no transaction for those.
    const pending = await this.db('pulse_open_periods')
      .where(key)
      .first('team_ref');
    if (pending) await this.publishOpen(key, summarise);
    const published = await this.readPublished(period.teamRef, [
      period.periodStart,
    ]);
    return published.get(period.periodStart);
  }

  private async publishOpen(
    key: { team_ref: string; period_start: string },
    summarise: (open: OpenPulsePeriod) => PublishedPulsePeriod,
  ) {
    await this.db.transaction(async tx => {
      const open = await this.locked(tx, key);
      if (!open) return;
      if (!(await tx('pulse_summaries').where(key).first('team_ref'))) {
        const summary = summarise(fromOpenRow(open));
        const tenths = (question: keyof PulseScores) =>
          summary.averages ? Math.round(summary.averages[question] * 10) : null;
        await tx('pulse_summaries')
          .insert({
            ...key,
            people: summary.people,
            minimum_answers: summary.minimumAnswers,
            sustainable_tenths: tenths('sustainable'),
            sleep_tenths: tenths('sleep'),
            actionable_tenths: tenths('actionable'),
            comments: JSON.stringify(summary.comments),
          })
          .onConflict(['team_ref', 'period_start'])
          .ignore();
      }
      // Also clears a row left by an answer that raced the publication.
      await tx('pulse_open_periods').where(key).delete();
    });
  }

  async readPublished(
    teamRef: string,
    periodStarts: string[],
  ): Promise<Map<string, PublishedPulsePeriod>> {
    const rows = await this.db<SummaryRow>('pulse_summaries')
      .where({ team_ref: teamRef })
      .whereIn('period_start', periodStarts);
    return new Map(rows.map(row => [row.period_start, fromSummaryRow(row)]));
  }

  /** The open row of a period, locked until the transaction ends. */
  private async locked(
    tx: Knex.Transaction,
    key: { team_ref: string; period_start: string },
  ): Promise<OpenRow | undefined> {
    const query = tx<OpenRow>('pulse_open_periods').where(key);
    // SQLite has one writer at a time; PostgreSQL needs the row lock.
    if (this.db.client.config.client === 'pg') query.forUpdate();
    return query.first();
  }
}
