import { TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  pulsePublicationTime,
  previousPulsePeriod,
} from '@sre-ownership/plugin-sre-ownership-common';
import { Knex } from 'knex';
import { readPulseSettings } from './pulseConfig';
import { DAY, PERIOD, aPulse, all, inPeriod } from './__testUtils__/aPulse';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const PUBLISHED = pulsePublicationTime(PERIOD, 7);
const BEFORE = previousPulsePeriod(PERIOD);

describe('PulseService', () => {
  let knex: Knex;
  beforeEach(async () => {
    knex = await databases.init('SQLITE_3');
  });

  /** `people` engineers answer for shifts that ended `daysIn` into the period. */
  async function answered(
    pulse: Awaited<ReturnType<typeof aPulse>>,
    people: string[],
    endedAt: number,
    scores: ReturnType<typeof all>,
    comment?: (person: string) => string,
  ) {
    pulse.at(endedAt + 1);
    for (const person of people) {
      const id = await pulse.invite(person, endedAt);
      await pulse.answer(id, person, scores, comment?.(person));
    }
  }

  const five = ['ana', 'ben', 'chen', 'dara', 'eli'];

  it('shows averages and the decline of the two latest published periods', async () => {
    const pulse = await aPulse(knex);
    await answered(pulse, five, Date.parse(BEFORE.from) + DAY, {
      sustainable: 4,
      sleep: 3,
      actionable: 3,
    });
    await answered(pulse, five, inPeriod(3), {
      sustainable: 2,
      sleep: 3,
      actionable: 4,
    });
    pulse.at(PUBLISHED);
    const view = await pulse.view();
    expect(view.current).toEqual({
      period: PERIOD,
      answers: 5,
      averages: { sustainable: 2, sleep: 3, actionable: 4 },
    });
    expect(view.previous).toEqual({
      period: BEFORE,
      answers: 5,
      averages: { sustainable: 4, sleep: 3, actionable: 3 },
    });
    expect(await pulse.service.declinesFor('group:default/payments')).toEqual([
      { question: 'sustainable', previous: 4, current: 2 },
    ]);
  });

  it('shows only how many answered below the minimum, and keeps none of their comments', async () => {
    const pulse = await aPulse(knex);
    await answered(pulse, five.slice(0, 4), inPeriod(3), all(1), p => `${p}!`);
    pulse.at(PUBLISHED);
    expect((await pulse.view()).current).toEqual({
      period: PERIOD,
      answers: 4,
    });
    expect((await pulse.comments()).comments).toEqual([]);
    // Nothing is left to show should the minimum be lowered later.
    expect(await knex('pulse_summaries').select()).toEqual([
      expect.objectContaining({
        people: 4,
        sustainable_tenths: null,
        comments: '[]',
      }),
    ]);
    expect(await knex('pulse_open_periods').select()).toEqual([]);
  });

  it('gives the comments of a shown period, in any order', async () => {
    const pulse = await aPulse(knex);
    await answered(pulse, five, inPeriod(3), all(3), p => `from ${p}`);
    pulse.at(PUBLISHED);
    const shown = await pulse.comments();
    expect(shown.period).toEqual(PERIOD);
    expect([...shown.comments].sort()).toEqual(five.map(p => `from ${p}`));
  });

  it('closes an invitation after the answer window', async () => {
    const pulse = await aPulse(knex, { answerWithinDays: 3 });
    const id = await pulse.invite('jane-doe', inPeriod(3));
    pulse.at(inPeriod(7));
    await expect(pulse.answer(id, 'jane-doe', all(3))).rejects.toThrow(
      /closed 3 days after the shift ended/,
    );
    expect(await knex('pulse_answer_markers').select()).toEqual([]);
    expect(await knex('pulse_open_periods').select()).toEqual([]);
  });

  it('takes no answer while no marker key is configured', async () => {
    const pulse = await aPulse(knex, { markerKey: undefined });
    const id = await pulse.invite('jane-doe', inPeriod(3));
    pulse.at(inPeriod(4));
    await expect(pulse.answer(id, 'jane-doe', all(3))).rejects.toThrow(
      /closed/,
    );
    expect(await knex('pulse_open_periods').select()).toEqual([]);
  });
});

describe('readPulseSettings', () => {
  const read = (pulse: object) =>
    readPulseSettings(new ConfigReader({ sreOwnership: { pulse } }));

  it('defaults to 5 answers over 28-day periods, invitations off', () => {
    expect(read({})).toMatchObject({
      minimumAnswers: 5,
      periodDays: 28,
      answerWithinDays: 7,
      invitations: false,
      pagePath: '/oncall-pulse',
    });
    expect(read({}).markerKey).toBeUndefined();
  });

  it('refuses a minimum below 3 at start-up, saying why', () => {
    expect(() => read({ minimumAnswers: 2 })).toThrow(
      'Invalid app-config: sreOwnership.pulse.minimumAnswers is 2; it must be a whole number from 3 to 1000, so that no average shows what one or two people answered',
    );
    expect(read({ minimumAnswers: 3 }).minimumAnswers).toBe(3);
  });

  it('refuses to start with invitations on and no secret marker key', () => {
    expect(() => read({ invitations: { enabled: true } })).toThrow(
      /^Invalid app-config: sreOwnership\.pulse\.markerKey is missing; it is required when sreOwnership\.pulse\.invitations\.enabled is true/,
    );
    expect(() =>
      read({ invitations: { enabled: true }, markerKey: 'too short' }),
    ).toThrow('sreOwnership.pulse.markerKey must be at least 16 characters');
    expect(
      read({ invitations: { enabled: true }, markerKey: 'x'.repeat(16) })
        .markerKey,
    ).toBe('x'.repeat(16));
  });

  it('uses the public demo key only when the demo asks for it', () => {
    const demo = read({
      invitations: { enabled: true },
      useDemoMarkerKey: true,
    });
    expect(demo.markerKey).toEqual(expect.any(String));
    expect(
      read({ useDemoMarkerKey: true, markerKey: 'a secret of sixteen' })
        .markerKey,
    ).toBe('a secret of sixteen');
    expect(() =>
      read({ invitations: { enabled: true }, useDemoMarkerKey: false }),
    ).toThrow(/markerKey is missing/);
  });
});
