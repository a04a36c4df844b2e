import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  PulseScores,
  pulsePeriodOf,
} from '@sre-ownership/plugin-sre-ownership-common';
import { Knex } from 'knex';
import { aTeam } from '../../__testUtils__/catalog';
import { DatabasePulseStore } from '../DatabasePulseStore';
import { readPulseSettings } from '../pulseConfig';
import { PulseService } from '../PulseService';

/** The team the fixtures answer for. */
export const TEAM = 'group:default/payments';
/** The secret of the fixtures' answer markers. */
export const MARKER_KEY = 'a test secret of the pulse markers';

export const DAY = 86_400_000;
/** A 28-day period, from Monday 2026-11-02 to 2026-11-30. */
export const PERIOD = pulsePeriodOf(Date.parse('2026-11-10T00:00:00Z'), 28);
/** An instant `days` days after the period starts. */
export const inPeriod = (days: number) => Date.parse(PERIOD.from) + days * DAY;

const payments = { kind: 'Group', namespace: 'default', name: 'payments' };
const reader = mockCredentials.user('user:default/ada-head');

/**
 * The pulse service on a real store, with a clock the test moves: invite
 * an engineer after a shift, answer as them, read the team view as someone
 * who may see the Group.
 */
export async function aPulse(knex: Knex, pulse: object = {}) {
  const store = await DatabasePulseStore.create({
    database: mockServices.database({ knex, migrations: { skip: false } }),
  });
  let now = Date.parse('2026-12-02T13:00:00Z');
  const service = new PulseService({
    store,
    catalog: catalogServiceMock({ entities: [aTeam('payments')] }),
    auth: mockServices.auth(),
    settings: readPulseSettings(
      new ConfigReader({
        sreOwnership: { pulse: { markerKey: MARKER_KEY, ...pulse } },
      }),
    ),
    now: () => new Date(now),
  });
  let shifts = 0;
  return {
    store,
    service,
    /** Moves the clock. */
    at(instant: number) {
      now = instant;
    },
    /** Invites `person` after a shift of theirs that ended at `endedAt`. */
    async invite(person: string, endedAt: number): Promise<string> {
      shifts += 1;
      const id = `invitation-${shifts}`;
      await store.claimInvitation(
        {
          id,
          userRef: `user:default/${person}`,
          teamRef: TEAM,
          shiftSource: 'api',
          shiftExternalId: `shift-${shifts}`,
          shiftEndedAt: endedAt,
        },
        endedAt,
      );
      return id;
    },
    answer(id: string, person: string, scores: PulseScores, comment?: string) {
      return service.answer(
        id,
        { scores, ...(comment ? { comment } : {}) },
        mockCredentials.user(`user:default/${person}`),
      );
    },
    view: () => service.getTeamPulse(payments, reader),
    comments: () => service.getComments(payments, reader),
  };
}

/** The same score to every question. */
export const all = (score: number): PulseScores => ({
  sustainable: score,
  sleep: score,
  actionable: score,
});
