import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseOncallStore } from '../database/DatabaseOncallStore';
import { DatabasePulseStore } from './DatabasePulseStore';
import { PulseAnswerRecord, StoredInvitation } from './PulseStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const anInvitation = (
  overrides: Partial<StoredInvitation> = {},
): StoredInvitation => ({
  id: 'invitation-1',
  userRef: 'user:default/jane-doe',
  teamRef: 'group:default/payments',
  shiftSource: 'api',
  shiftExternalId: 'shift-1',
  shiftEndedAt: Date.parse('2026-11-09T09:00:00Z'),
  ...overrides,
});

const anAnswer = (
  overrides: Partial<PulseAnswerRecord> = {},
): PulseAnswerRecord => ({
  marker: 'marker-1',
  teamRef: 'group:default/payments',
  periodStart: '2026-11-02',
  scores: { sustainable: 2, sleep: 3, actionable: 4 },
  ...overrides,
});

describe.each(databases.eachSupportedId())(
  'DatabasePulseStore (%s)',
  databaseId => {
    let knex: Knex;
    let store: DatabasePulseStore;
    let oncall: DatabaseOncallStore;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const database = mockServices.database({
        knex,
        migrations: { skip: false },
      });
      oncall = await DatabaseOncallStore.create({ database });
      store = await DatabasePulseStore.create({ database });
    });

    afterEach(async () => {
      for (const table of [
        'oncall_shifts',
        'pulse_invitations',
        'pulse_responses',
        'pulse_totals',
        'pulse_comments',
      ]) {
        await knex(table).del();
      }
    });

    it('lists ended shifts until their engineer is invited, and invites once', async () => {
      await oncall.ingest({
        shifts: ['2026-11-09T09:00:00Z', '2026-11-20T09:00:00Z'].map(
          (endsAt, i) => ({
            source: 'api',
            externalId: `shift-${i + 1}`,
            teamRef: 'group:default/payments',
            userRef: 'user:default/jane-doe',
            startsAt: '2026-11-02T09:00:00Z',
            endsAt,
          }),
        ),
      });
      const range = {
        from: Date.parse('2026-11-08T00:00:00Z'),
        to: Date.parse('2026-11-10T00:00:00Z'),
      };
      const [ended, ...others] = await store.listUninvitedShifts(range);
      expect(others).toEqual([]);
      expect(ended).toMatchObject({ externalId: 'shift-1' });

      expect(await store.claimInvitation(anInvitation(), 1)).toBe(true);
      expect(
        await store.claimInvitation(anInvitation({ id: 'rerun' }), 2),
      ).toBe(false);
      expect(await store.listUninvitedShifts(range)).toEqual([]);
      expect(await store.getInvitation('invitation-1')).toEqual(anInvitation());

      await store.releaseInvitation('invitation-1');
      expect(await store.listUninvitedShifts(range)).toHaveLength(1);
    });

    it('records one answer per marker and adds it to the period totals', async () => {
      expect(await store.recordAnswer(anAnswer())).toBe('recorded');
      expect(
        await store.recordAnswer(
          anAnswer({ scores: { sustainable: 5, sleep: 5, actionable: 5 } }),
        ),
      ).toBe('duplicate');
      expect(
        await store.recordAnswer(
          anAnswer({
            marker: 'marker-2',
            scores: { sustainable: 4, sleep: 1, actionable: 5 },
            comment: 'Two nights in a row',
          }),
        ),
      ).toBe('recorded');

      const totals = await store.readTotals('group:default/payments', [
        '2026-11-02',
        '2026-10-05',
      ]);
      expect([...totals]).toEqual([
        [
          '2026-11-02',
          { answers: 2, sums: { sustainable: 6, sleep: 4, actionable: 9 } },
        ],
      ]);
      expect(await store.hasResponse('marker-1')).toBe(true);
      expect(await store.hasResponse('marker-3')).toBe(false);
      expect(
        await store.listComments('group:default/payments', '2026-11-02'),
      ).toEqual(['Two nights in a row']);
    });

    it('keeps a single answer for two simultaneous answers of one shift', async () => {
      const outcomes = await Promise.all([
        store.recordAnswer(anAnswer()),
        store.recordAnswer(anAnswer()),
      ]);
      expect(outcomes.sort()).toEqual(['duplicate', 'recorded']);
      const totals = await store.readTotals('group:default/payments', [
        '2026-11-02',
      ]);
      expect(totals.get('2026-11-02')?.answers).toBe(1);
    });

    it('stores answers in tables that name no person, shift or time', async () => {
      await store.claimInvitation(
        anInvitation(),
        Date.parse('2026-11-09T09:15:00Z'),
      );
      await store.recordAnswer(anAnswer({ comment: 'Too many pages' }));
      const columns = async (table: string) =>
        Object.keys(await knex(table).columnInfo()).sort();
      expect(await columns('pulse_totals')).toEqual([
        'actionable_sum',
        'answers',
        'period_start',
        'sleep_sum',
        'sustainable_sum',
        'team_ref',
      ]);
      expect(await columns('pulse_comments')).toEqual([
        'body',
        'id',
        'period_start',
        'team_ref',
      ]);
      expect(await columns('pulse_responses')).toEqual(['marker']);
      // Nothing an answer wrote repeats a value of the invitation but the team.
      const invitation = await knex('pulse_invitations').first();
      const written = JSON.stringify([
        await knex('pulse_totals').select(),
        await knex('pulse_comments').select(),
        await knex('pulse_responses').select(),
      ]);
      for (const [column, value] of Object.entries(invitation)) {
        if (column === 'team_ref') continue;
        expect(written).not.toContain(String(value));
      }
    });
  },
);
