import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  PulseScores,
  comparedPulsePeriods,
} from '@sre-ownership/plugin-sre-ownership-common';
import { readPulseSettings } from './pulseConfig';
import { PulseService } from './PulseService';
import { PulseAnswerRecord, PulseStore, StoredInvitation } from './PulseStore';
import { aTeam } from '../__testUtils__/catalog';

const NOW = new Date('2026-12-02T13:00:00Z');
const TEAM = 'group:default/payments';
const periods = comparedPulsePeriods(NOW.getTime(), 28);

/** A store in memory that sums answers the way the database does. */
function memoryStore(): PulseStore & { answers: PulseAnswerRecord[] } {
  const answers: PulseAnswerRecord[] = [];
  const invitations = new Map<string, StoredInvitation>();
  return {
    answers,
    listUninvitedShifts: async () => [],
    claimInvitation: async invitation => {
      invitations.set(invitation.id, invitation);
      return true;
    },
    releaseInvitation: async id => void invitations.delete(id),
    getInvitation: async id => invitations.get(id),
    hasResponse: async marker => answers.some(a => a.marker === marker),
    recordAnswer: async answer => {
      if (answers.some(a => a.marker === answer.marker)) return 'duplicate';
      answers.push(answer);
      return 'recorded';
    },
    readTotals: async (teamRef, starts) => {
      const totals = new Map();
      for (const start of starts) {
        const inPeriod = answers.filter(
          a => a.teamRef === teamRef && a.periodStart === start,
        );
        if (!inPeriod.length) continue;
        const sum = (key: keyof PulseScores) =>
          inPeriod.reduce((total, a) => total + a.scores[key], 0);
        totals.set(start, {
          answers: inPeriod.length,
          sums: {
            sustainable: sum('sustainable'),
            sleep: sum('sleep'),
            actionable: sum('actionable'),
          },
        });
      }
      return totals;
    },
    listComments: async (teamRef, start) =>
      answers
        .filter(a => a.teamRef === teamRef && a.periodStart === start)
        .flatMap(a => (a.comment ? [a.comment] : [])),
  };
}

function aService(options: { pulse?: object } = {}) {
  const store = memoryStore();
  const service = new PulseService({
    store,
    catalog: catalogServiceMock({ entities: [aTeam('payments')] }),
    auth: mockServices.auth(),
    settings: readPulseSettings(
      new ConfigReader({ sreOwnership: { pulse: options.pulse ?? {} } }),
    ),
    now: () => NOW,
  });
  return { store, service };
}

/** `count` answers in a period, each with the same scores. */
async function answered(
  store: PulseStore,
  periodStart: string,
  count: number,
  scores: PulseScores,
  comment?: (i: number) => string,
) {
  for (let i = 0; i < count; i++) {
    await store.recordAnswer({
      marker: `${periodStart}-${i}`,
      teamRef: TEAM,
      periodStart,
      scores,
      ...(comment ? { comment: comment(i) } : {}),
    });
  }
}

const team = { kind: 'Group', namespace: 'default', name: 'payments' };
const reader = mockCredentials.user('user:default/ada-head');

describe('PulseService', () => {
  it('shows averages and the decline once both periods reach the minimum', async () => {
    const { store, service } = aService();
    await answered(store, periods.previous.from, 5, {
      sustainable: 4,
      sleep: 3,
      actionable: 3,
    });
    await answered(store, periods.current.from, 5, {
      sustainable: 2,
      sleep: 3,
      actionable: 4,
    });
    const pulse = await service.getTeamPulse(team, reader);
    expect(pulse.current).toEqual({
      period: periods.current,
      answers: 5,
      averages: { sustainable: 2, sleep: 3, actionable: 4 },
    });
    expect(await service.declinesFor(TEAM)).toEqual([
      { question: 'sustainable', previous: 4, current: 2 },
    ]);
  });

  it('shows only the count of a period below the minimum, and no comments', async () => {
    const { store, service } = aService();
    await answered(
      store,
      periods.current.from,
      4,
      { sustainable: 1, sleep: 1, actionable: 1 },
      i => `comment ${i}`,
    );
    const pulse = await service.getTeamPulse(team, reader);
    expect(pulse.current).toEqual({ period: periods.current, answers: 4 });
    const { comments } = await service.getComments(team, reader);
    expect(comments).toEqual([]);
  });

  it('gives the comments of a shown period, in any order', async () => {
    const allowed = aService();
    await answered(
      allowed.store,
      periods.current.from,
      5,
      { sustainable: 3, sleep: 3, actionable: 3 },
      i => `comment ${i}`,
    );
    const shown = await allowed.service.getComments(team, reader);
    expect([...shown.comments].sort()).toEqual(
      [0, 1, 2, 3, 4].map(i => `comment ${i}`),
    );
    expect(Object.keys(shown).sort()).toEqual([
      'comments',
      'period',
      'teamRef',
    ]);
  });

  it('closes an invitation after the answer window', async () => {
    const { store, service } = aService({ pulse: { answerWithinDays: 3 } });
    await store.claimInvitation(
      {
        id: 'old',
        userRef: 'user:default/jane-doe',
        teamRef: TEAM,
        shiftSource: 'api',
        shiftExternalId: 'shift-1',
        shiftEndedAt: NOW.getTime() - 4 * 86_400_000,
      },
      0,
    );
    const jane = mockCredentials.user('user:default/jane-doe');
    expect((await service.getInvitation('old', jane)).state).toBe('closed');
    await expect(
      service.answer(
        'old',
        { scores: { sustainable: 3, sleep: 3, actionable: 3 } },
        jane,
      ),
    ).rejects.toThrow(/closed 3 days after the shift ended/);
    expect(store.answers).toEqual([]);
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
  });

  it('refuses a minimum below 3 at start-up, saying why', () => {
    expect(() => read({ minimumAnswers: 2 })).toThrow(
      'Invalid app-config: sreOwnership.pulse.minimumAnswers is 2; it must be a whole number from 3 to 1000, so that no average shows what one or two people answered',
    );
    expect(read({ minimumAnswers: 3 }).minimumAnswers).toBe(3);
  });
});
