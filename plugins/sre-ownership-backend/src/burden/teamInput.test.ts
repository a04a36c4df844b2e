import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { RestService } from '../restOwed/RestService';
import { BurdenService } from './BurdenService';
import { readBurdenSettings } from './burdenConfig';
import { OncallStore, TeamEvents, TimeRange } from '../oncall/OncallStore';
import { aTeam } from '../__testUtils__/catalog';

const TEAM = 'group:default/payments';
const window = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };

/**
 * Payments in March 2026: Ana (member) on call, Bo (member) paged, Cy from
 * another team covering in February only, Dee from another team logging
 * toil. Every engine counts everyone touching either window.
 */
const EVENTS: TeamEvents = {
  shifts: [
    {
      teamRef: TEAM,
      userRef: 'user:default/ana',
      startsAt: '2026-03-10T00:00:00Z',
      endsAt: '2026-03-11T00:00:00Z',
    },
    {
      teamRef: TEAM,
      userRef: 'user:default/cy',
      startsAt: '2026-02-10T00:00:00Z',
      endsAt: '2026-02-11T00:00:00Z',
    },
  ],
  pages: [
    {
      teamRef: TEAM,
      responderRef: 'user:default/bo',
      severity: 'high',
      triggeredAt: '2026-03-10T03:00:00Z',
      acknowledgedAt: '2026-03-10T03:05:00Z',
    },
  ],
  toil: [
    {
      teamRef: TEAM,
      userRef: 'user:default/dee',
      startedAt: '2026-03-12T09:00:00Z',
      minutes: 60,
    },
  ],
};

const payments = {
  ...aTeam('payments'),
  relations: ['ana', 'bo'].map(name => ({
    type: 'hasMember',
    targetRef: `user:default/${name}`,
  })),
};

/** Both services over one store and one catalog, with every store read recorded. */
function services() {
  const reads: Array<{ teamRef: string; range: TimeRange }> = [];
  const store = {
    readTeamEvents: async (options: { teamRef: string; range: TimeRange }) => {
      reads.push(options);
      return EVENTS;
    },
    listShifts: async () => EVENTS.shifts,
    listPages: async () => EVENTS.pages,
    listToil: async () => EVENTS.toil,
  } as unknown as OncallStore;
  const catalog = catalogServiceMock({ entities: [payments] });
  const settings = readBurdenSettings(new ConfigReader({}));
  const now = () => new Date('2026-04-02T12:00:00Z');
  const burden = new BurdenService({
    store,
    catalog,
    settings,
    permissions: mockServices.permissions(),
    now,
  });
  const rest = new RestService({
    oncall: store,
    catalog,
    settings,
    restTaken: {
      list: async () => [],
      record: async () => ({ created: true }),
    },
    userInfo: mockServices.userInfo(),
    now,
  });
  return { burden, rest, reads };
}

const caller = mockCredentials.user('user:default/ana');
const refsOf = (figures: { engineers?: Array<{ userRef: string }> }) =>
  (figures.engineers ?? []).map(engineer => engineer.userRef);

async function failure(figures: Promise<unknown>) {
  const error = await figures.then(
    () => undefined,
    (e: Error) => e,
  );
  return error && { name: error.name, message: error.message };
}

describe('the burden and rest-owed paths read a team alike', () => {
  const team = { kind: 'Group', namespace: 'default', name: 'payments' };

  it('speak of the same people over the same window', async () => {
    const { burden, rest } = services();
    const [teamBurden, owed, paid] = await Promise.all([
      burden.getTeamBurden(team, window, caller),
      rest.getRestOwed(team, window, caller),
      rest.getCompensation(team, window, caller),
    ]);
    const everyone = [
      'user:default/ana',
      'user:default/bo',
      'user:default/cy',
      'user:default/dee',
    ];
    expect(refsOf(teamBurden)).toEqual(everyone);
    expect(refsOf(owed)).toEqual(everyone);
    expect(refsOf(paid)).toEqual(everyone);
    const timezones = (figures: {
      engineers?: Array<{ userRef: string; timezone: string }>;
    }) => figures.engineers?.map(e => [e.userRef, e.timezone]);
    expect(timezones(owed)).toEqual(timezones(teamBurden));
    expect(owed.window).toEqual(teamBurden.window);
    expect(paid.window).toEqual(teamBurden.window);
  });

  it('read the same shifts, pages and toil window of the same team', async () => {
    const { burden, rest, reads } = services();
    await burden.getTeamBurden(team, window, caller);
    await rest.getRestOwed(team, window, caller);
    await rest.getCompensation(team, window, caller);
    expect(reads).toHaveLength(3);
    expect(reads[1]).toEqual(reads[0]);
    expect(reads[2]).toEqual(reads[0]);
    expect(reads[0]).toEqual({
      teamRef: TEAM,
      range: {
        from: new Date('2026-01-29T00:00:00Z'),
        to: new Date('2026-04-01T00:00:00Z'),
      },
    });
  });

  it.each([
    [
      'a ref that is not a Group',
      { kind: 'User', namespace: 'default', name: 'ana' },
      {
        name: 'InputError',
        message: 'user:default/ana is not a Group; burden is measured per team',
      },
    ],
    [
      'a Group the catalog does not hold',
      { kind: 'Group', namespace: 'default', name: 'nobody' },
      {
        name: 'NotFoundError',
        message: 'No Group group:default/nobody in the catalog',
      },
    ],
  ])('answer %s with the same error', async (_, ref, expected) => {
    const { burden, rest } = services();
    expect(await failure(burden.getTeamBurden(ref, window, caller))).toEqual(
      expected,
    );
    expect(await failure(rest.getRestOwed(ref, window, caller))).toEqual(
      expected,
    );
    expect(await failure(rest.getCompensation(ref, window, caller))).toEqual(
      expected,
    );
    expect(
      await failure(
        rest.recordRestTaken(
          ref,
          { userRef: 'user:default/ana', date: '2026-03-12', minutes: 60 },
          caller,
        ),
      ),
    ).toEqual(expected);
  });
});
