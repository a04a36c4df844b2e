import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseOncallStore } from '../oncall/DatabaseOncallStore';
import { DatabasePulseStore } from './DatabasePulseStore';
import {
  OpenPulsePeriod,
  PublishedPulsePeriod,
  PulseContribution,
  StoredInvitation,
} from './PulseStore';

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
  overrides: Partial<PulseContribution> = {},
): PulseContribution => ({
  teamRef: 'group:default/payments',
  periodStart: '2026-11-02',
  scores: { sustainable: 2, sleep: 3, actionable: 4 },
  ...overrides,
});

const period = { teamRef: 'group:default/payments', periodStart: '2026-11-02' };

/** Publishes what was added, as the service would at the minimum of 2. */
const publishAll = (open: OpenPulsePeriod): PublishedPulsePeriod => ({
  people: open.people,
  minimumAnswers: 2,
  averages: {
    sustainable: open.sums.sustainable / open.people,
    sleep: open.sums.sleep / open.people,
    actionable: open.sums.actionable / open.people,
  },
  comments: open.comments,
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
        'pulse_answer_markers',
        'pulse_open_periods',
        'pulse_summaries',
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

    it('keeps one marker per engineer and period, also when claimed twice at once', async () => {
      expect(
        await Promise.all([
          store.claimAnswerMarker('marker-1'),
          store.claimAnswerMarker('marker-1'),
        ]),
      ).toEqual(expect.arrayContaining([true, false]));
      expect(await store.claimAnswerMarker('marker-1')).toBe(false);
      expect(await store.hasAnswerMarker('marker-1')).toBe(true);
      await store.releaseAnswerMarker('marker-1');
      expect(await store.hasAnswerMarker('marker-1')).toBe(false);
      expect(await store.claimAnswerMarker('marker-1')).toBe(true);
    });

    it('adds answers to the period in place, all of them when they come at once', async () => {
      const scores = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5];
      await Promise.all(
        scores.map((score, i) =>
          store.addToOpenPeriod(
            anAnswer({
              scores: { sustainable: score, sleep: 1, actionable: 5 },
              ...(i % 2 ? { comment: `comment ${i}` } : {}),
            }),
          ),
        ),
      );
      // Ten answers, one row: none of them has a row of its own.
      expect(await knex('pulse_open_periods').select()).toHaveLength(1);
      const summary = await store.publishPeriod(period, publishAll);
      expect(summary).toEqual({
        people: 10,
        minimumAnswers: 2,
        averages: { sustainable: 3, sleep: 1, actionable: 5 },
        comments: expect.arrayContaining(
          [1, 3, 5, 7, 9].map(i => `comment ${i}`),
        ),
      });
      expect(summary?.comments).toHaveLength(5);
    });

    it('publishes a period once and never changes it afterwards', async () => {
      expect(await store.publishPeriod(period, publishAll)).toBeUndefined();
      expect(await store.readPublished(period.teamRef, ['2026-11-02'])).toEqual(
        new Map(),
      );
      await store.addToOpenPeriod(anAnswer({ comment: 'Two nights in a row' }));
      await store.addToOpenPeriod(anAnswer());
      const [first, second] = await Promise.all([
        store.publishPeriod(period, publishAll),
        store.publishPeriod(period, open => ({
          ...publishAll(open),
          people: 99,
        })),
      ]);
      expect(second).toEqual(first);
      expect(first).toEqual({
        people: 2,
        minimumAnswers: 2,
        averages: { sustainable: 2, sleep: 3, actionable: 4 },
        comments: ['Two nights in a row'],
      });
      expect(await store.addToOpenPeriod(anAnswer())).toBe('published');
      expect(await store.listOpenPeriods()).toEqual([]);
      expect(
        (await store.readPublished(period.teamRef, ['2026-11-02'])).get(
          '2026-11-02',
        ),
      ).toEqual(first);
    });

    it('keeps the averages of a period below the minimum out of storage', async () => {
      await store.addToOpenPeriod(anAnswer({ comment: 'Only me' }));
      expect(await store.listOpenPeriods()).toEqual([period]);
      expect(
        await store.listOpenPeriods({
          teamRef: period.teamRef,
          periodStarts: ['2026-10-05', '2026-11-02'],
        }),
      ).toEqual([period]);
      expect(
        await store.listOpenPeriods({
          teamRef: 'group:default/search',
          periodStarts: ['2026-11-02'],
        }),
      ).toEqual([]);
      const summary = await store.publishPeriod(period, open => ({
        people: open.people,
        minimumAnswers: 5,
        comments: [],
      }));
      expect(summary).toEqual({ people: 1, minimumAnswers: 5, comments: [] });
      expect(
        JSON.stringify(await knex('pulse_summaries').select()),
      ).not.toMatch(/Only me/);
    });

    it('restores the earlier, empty tables on the way down and its own on the way up', async () => {
      const directory = resolvePackagePath(
        '@sre-ownership/plugin-sre-ownership-backend',
        'migrations',
      );
      await store.addToOpenPeriod(anAnswer());
      await knex.migrate.down({
        directory,
        name: '20261207013000_replace_pulse_answer_tables.js',
      });
      for (const table of [
        'pulse_responses',
        'pulse_totals',
        'pulse_comments',
      ]) {
        expect(await knex(table).select()).toEqual([]);
      }
      expect(await knex.schema.hasTable('pulse_open_periods')).toBe(false);
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('pulse_totals')).toBe(false);
      expect(await knex('pulse_open_periods').select()).toEqual([]);
    });

    it('stores answers in tables that name no person, shift or time', async () => {
      await store.claimInvitation(
        anInvitation(),
        Date.parse('2026-11-09T09:15:00Z'),
      );
      await store.claimAnswerMarker('0123abcd');
      await store.addToOpenPeriod(anAnswer({ comment: 'Too many pages' }));
      const columns = async (table: string) =>
        Object.keys(await knex(table).columnInfo()).sort();
      expect(await columns('pulse_open_periods')).toEqual([
        'actionable_sum',
        'comments',
        'people',
        'period_start',
        'sleep_sum',
        'sustainable_sum',
        'team_ref',
      ]);
      expect(await columns('pulse_answer_markers')).toEqual(['marker']);
      const open = JSON.stringify([
        await knex('pulse_open_periods').select(),
        await knex('pulse_answer_markers').select(),
      ]);
      await store.publishPeriod(period, publishAll);
      expect(await columns('pulse_summaries')).toEqual([
        'actionable_tenths',
        'comments',
        'minimum_answers',
        'people',
        'period_start',
        'sleep_tenths',
        'sustainable_tenths',
        'team_ref',
      ]);
      // Nothing an answer wrote repeats a value of the invitation but the team.
      const invitation = await knex('pulse_invitations').first();
      const written = JSON.stringify([
        open,
        await knex('pulse_summaries').select(),
      ]);
      for (const [column, value] of Object.entries(invitation)) {
        if (column === 'team_ref') continue;
        expect(written).not.toContain(String(value));
      }
    });
  },
);
