import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { pulsePublicationTime } from '@sre-ownership/plugin-sre-ownership-common';
import { createHash, createHmac } from 'crypto';
import { Knex } from 'knex';
import { PulsePublisher } from './PulsePublisher';
import {
  DAY,
  MARKER_KEY,
  PERIOD,
  TEAM,
  aPulse,
  all,
  inPeriod,
} from './__testUtils__/aPulse';

/**
 * The attacks of docs/oncall-pulse.md's threat model, each tried against
 * the real store on every database, each failing to recover an answer.
 */
jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const PUBLISHED = pulsePublicationTime(PERIOD, 7);
const jane = mockCredentials.user('user:default/jane');

/** The columns a database adds to every row, which an attacker reads too. */
function systemColumns(knex: Knex): string[] {
  return knex.client.config.client === 'pg' ? ['xmin', 'ctid'] : ['rowid'];
}

/** Every row of `table`, with the database's own bookkeeping columns. */
async function rowsWithSystemColumns(knex: Knex, table: string) {
  const extra = systemColumns(knex).map(column =>
    knex.client.config.client === 'pg'
      ? knex.raw(`??::text as ??`, [column, column])
      : knex.raw('rowid as rowid'),
  );
  return (await knex(table).select('*', ...extra)) as Array<
    Record<string, string>
  >;
}

/**
 * The rows of `rows` written in the same transaction as a marker: always
 * none on SQLite, which keeps no transaction id.
 */
function sharingTransactions(
  markers: Array<Record<string, string>>,
  rows: Array<Record<string, string>>,
): Array<Record<string, string>> {
  const markerTransactions = new Set(markers.map(m => m.xmin));
  return rows.filter(row => row.xmin && markerTransactions.has(row.xmin));
}

describe.each(databases.eachSupportedId())(
  'the anonymous pulse under attack (%s)',
  databaseId => {
    let knex: Knex;
    beforeEach(async () => {
      knex = await databases.init(databaseId);
    });

    it('counts people, so a member of a two-person team cannot answer again to subtract', async () => {
      // At the lowest minimum, three answers of Jane's and Tom's one would
      // have shown averages Jane could subtract her own answers from.
      const pulse = await aPulse(knex, { minimumAnswers: 3 });
      const janeShifts = [];
      for (const day of [1, 8, 15]) {
        janeShifts.push(await pulse.invite('jane', inPeriod(day)));
      }
      const tom = await pulse.invite('tom', inPeriod(1));
      pulse.at(inPeriod(2));
      await pulse.answer(janeShifts[0], 'jane', all(1));
      await pulse.answer(tom, 'tom', {
        sustainable: 2,
        sleep: 5,
        actionable: 1,
      });
      // Jane's later shifts of the period: each further answer is refused
      // and adds nothing, so she has no known answers to subtract.
      for (const [i, id] of janeShifts.slice(1).entries()) {
        pulse.at(inPeriod(9 + 7 * i));
        await expect(pulse.answer(id, 'jane', all(5))).rejects.toMatchObject({
          name: 'ConflictError',
          message: expect.stringMatching(/answers once per period/),
        });
        expect((await pulse.service.getInvitation(id, jane)).state).toBe(
          'answered',
        );
      }
      pulse.at(PUBLISHED);
      const view = await pulse.view();
      expect(view.current).toEqual({ period: PERIOD, answers: 2 });
      expect(JSON.stringify(view)).not.toMatch(/averages|"sleep"/);
    });

    it('shows no period until its answers closed, so a late answer is never seen arriving', async () => {
      const pulse = await aPulse(knex);
      const people = ['ana', 'ben', 'chen', 'dara', 'eli'];
      pulse.at(inPeriod(20));
      for (const person of people) {
        const id = await pulse.invite(person, inPeriod(19));
        await pulse.answer(id, person, all(4), `${person} was fine`);
      }
      // After the period ended, while late answers may still come in, the
      // team view shows the period before, and a late answer moves nothing.
      pulse.at(Date.parse(PERIOD.to) + DAY);
      const whileOpen = await pulse.view();
      expect(whileOpen.current.period.to).toBe(PERIOD.from);
      const late = await pulse.invite('fay', Date.parse(PERIOD.to) - 1);
      await pulse.answer(late, 'fay', all(1), 'the late one');
      expect(await pulse.view()).toEqual(whileOpen);
      expect((await pulse.comments()).comments).toEqual([]);

      // Published once, with the late answer in it.
      pulse.at(PUBLISHED);
      const shown = await pulse.view();
      expect(shown.current).toEqual({
        period: PERIOD,
        answers: 6,
        averages: all(3.5),
      });
      const comments = await pulse.comments();

      // Nothing reaches the period afterwards: not a later answer, not a
      // write that slipped past the clock, not another publication.
      const later = await pulse.invite('gus', Date.parse(PERIOD.to) - 1);
      await expect(pulse.answer(later, 'gus', all(1))).rejects.toThrow(
        /closed/,
      );
      expect(
        await pulse.store.addToOpenPeriod({
          teamRef: TEAM,
          periodStart: PERIOD.from,
          scores: all(1),
          comment: 'slipped past',
        }),
      ).toBe('published');
      await pulse.store.publishPeriod(
        { teamRef: TEAM, periodStart: PERIOD.from },
        () => ({ people: 99, minimumAnswers: 5, comments: ['forged'] }),
      );
      const publisher = new PulsePublisher({
        store: pulse.store,
        settings: { minimumAnswers: 5, periodDays: 28, answerWithinDays: 7 },
      });
      expect(await publisher.publishDue(PUBLISHED + DAY)).toBe(0);
      pulse.at(PUBLISHED + 30 * DAY);
      expect((await pulse.view()).previous).toEqual(shown.current);
      pulse.at(PUBLISHED + DAY);
      expect(await pulse.view()).toEqual(shown);
      expect([...(await pulse.comments()).comments].sort()).toEqual(
        [...comments.comments].sort(),
      );
    });

    it('stores nothing that orders or joins comments, answers and markers', async () => {
      const pulse = await aPulse(knex);
      const people = Array.from({ length: 10 }, (_, i) => `person-${i}`);
      const arrival: string[] = [];
      pulse.at(inPeriod(20));
      for (const [i, person] of people.entries()) {
        const id = await pulse.invite(person, inPeriod(19));
        const comment = `comment ${i} of ${person}`;
        arrival.push(comment);
        await pulse.answer(id, person, all((i % 5) + 1), comment);
      }

      // What a database reader sees while the period is open: one row of
      // totals, updated in place, and markers of their own.
      const open = await rowsWithSystemColumns(knex, 'pulse_open_periods');
      expect(open).toHaveLength(1);
      expect(JSON.parse(open[0].comments)).not.toEqual(arrival);
      const markers = await rowsWithSystemColumns(knex, 'pulse_answer_markers');
      expect(markers).toHaveLength(10);
      expect(Object.keys(markers[0]).sort()).toEqual(
        ['marker', ...systemColumns(knex)].sort(),
      );
      // No marker shares a transaction with the totals it counted in.
      expect(sharingTransactions(markers, open)).toEqual([]);

      pulse.at(PUBLISHED);
      await pulse.view();
      const [summary, ...more] = await rowsWithSystemColumns(
        knex,
        'pulse_summaries',
      );
      expect(more).toEqual([]);
      expect(JSON.parse(summary.comments)).not.toEqual(arrival);
      expect([...JSON.parse(summary.comments)].sort()).toEqual(
        [...arrival].sort(),
      );
      expect(await knex('pulse_open_periods').select()).toEqual([]);
      expect(sharingTransactions(markers, [summary])).toEqual([]);
      // No column anywhere holds a time finer than the period.
      for (const table of [
        'pulse_answer_markers',
        'pulse_open_periods',
        'pulse_summaries',
      ]) {
        const columns = Object.keys(await knex(table).columnInfo());
        expect(columns.filter(c => /_at$|time|date/.test(c))).toEqual([]);
      }
    });

    it('keeps markers that name nobody without the secret key', async () => {
      const pulse = await aPulse(knex);
      const people = ['ana', 'ben', 'chen'];
      pulse.at(inPeriod(20));
      for (const person of people) {
        const id = await pulse.invite(person, inPeriod(19));
        await pulse.answer(id, person, all(3));
      }
      const stored = new Set(
        (await knex('pulse_answer_markers').select('marker')).map(
          row => row.marker as string,
        ),
      );
      // The attacker knows every engineer, team, period and shift from the
      // invitations, and the keys that were ever public.
      const invitations = await knex('pulse_invitations').select();
      const inputs = invitations.flatMap(row => [
        ['pulse answer', row.user_ref, row.team_ref, PERIOD.from].join('\n'),
        [row.user_ref, row.shift_source, row.shift_external_id].join('\n'),
        [row.user_ref, row.team_ref, PERIOD.from].join('\n'),
      ]);
      const publicKeys = [
        'sre-ownership on-call pulse',
        'sre-ownership demo pulse: not a secret',
        '',
      ];
      const guesses = inputs.flatMap(input => [
        createHash('sha256').update(input).digest('hex'),
        ...publicKeys.map(key =>
          createHmac('sha256', key).update(input).digest('hex'),
        ),
      ]);
      expect(guesses.filter(guess => stored.has(guess))).toEqual([]);
      // With the secret, the same guess finds each engineer who answered:
      // the attack works, only the key stops it.
      const withKey = inputs.filter(input =>
        stored.has(
          createHmac('sha256', MARKER_KEY).update(input).digest('hex'),
        ),
      );
      expect(withKey).toHaveLength(3);
    });
  },
);
